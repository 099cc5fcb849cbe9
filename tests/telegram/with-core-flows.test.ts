// The Telegram adapter with the real core (real SQLite, real libsodium, outbox) and the real
// grammY client against the fake Bot API, end to end: a whole request's life (link, post, claim
// by reply, seat by button, post edits, /liste, /fait), a member who has not pressed Start, a
// 429 storm, a restart between taking an update and replying, and a supergroup migration with
// a request open. The harness clock is moved by hand so outbox backoffs elapse at once.

import { afterEach, describe, expect, it } from 'vitest';
import type { ChatAddress } from '../../src/core/ids.js';
import { en } from '../../src/i18n/en.js';
import { fr } from '../../src/i18n/fr.js';
import { failures } from '../fakes/telegram/api-failures.js';
import { chats, people, privateChatOf } from '../fakes/telegram/objects.js';
import { FakeTelegram } from '../fakes/telegram/fake-telegram.js';
import { parisTime, tempDir } from '../support/harness.js';
import { botMessage, chatLog, firstLine, expectEachDeliveredOnce, expectPrivateLogs, keyboard, startWorld, textsTo, type World } from './core-support.js';
import { eventually, waitFor } from './support.js';

const group = chats.basicGroup;
const { alex, noor, sam } = people;
const HINT = 'Réponds « je prends » pour conduire, ou « je viens » pour une place.';
/** Once someone drives, the post only offers what is left: a seat. */
const SEAT_HINT = 'Réponds « je viens » pour une place.';
const HELLO_1 = fr.directHello({ n: 1 });
const notStarted = (who: string) => fr.directNotStarted({ who, link: 'https://t.me/ParloirBot?start=hello' });

describe('telegram with the core: flows', () => {
  let worlds: World[] = [];
  const fakes = new Set<FakeTelegram>();
  const cleanups: (() => void)[] = [];

  afterEach(async () => {
    for (const w of worlds.reverse()) await w.close();
    for (const w of worlds) fakes.add(w.fake);
    for (const fake of fakes) await fake.close();
    worlds = [];
    fakes.clear();
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  async function world(options: Parameters<typeof startWorld>[0] = {}): Promise<World> {
    const w = await startWorld(options);
    worlds.push(w);
    return w;
  }

  it('link → /visite@ParloirBot → claim by reply → seat by button → edited post → /liste → /fait, each answer once', async () => {
    const w = await world();
    const { fake, h } = w;
    // Alex opened the private chat and pressed Start; Noor never did.
    fake.privateStart(alex);
    // Telegram's Start button sends the English word "/start": the core answers with its help.
    const help = await w.botSaid(alex.id, /^Parloir /);
    expect([en.help(), fr.help()]).toContain(help.text);

    const linked = await w.link(group, sam);
    expect(linked.text).toBe(fr.linkOk({ centre: 'CRA de Test' }));

    const command = fake.groupMessage('/visite@ParloirBot 01/12 14h30 places 2 depuis gare de Calais', { chat: group, from: sam }).message;
    const post = await w.botSaid(group.id, /^#1 Visite/);
    expect(post.text).toBe(
      [
        '#1 Visite — mar. 1 déc. à 14h30 — CRA de Test',
        'RDV gare de Calais → visite 14h30',
        'Places : 2 places libres sur 2',
        'Conducteur·ice : personne pour l’instant',
        HINT,
      ].join('\n'),
    );
    expect(post.params).toMatchObject({ reply_parameters: { message_id: command.message_id, allow_sending_without_reply: true } });
    expect(post.params).not.toHaveProperty('parse_mode');
    expect(keyboard(post.params)).toEqual([
      ['Je conduis', 'claim'],
      ['Je viens', 'join'],
    ]);
    const postMessage = botMessage(fake, group.id, /^#1 Visite/);

    // Alex replies "je prends" to the post.
    const reply = fake.replyToBot(group.id, postMessage.message_id, 'je prends', alex);
    const claimed = await w.botSaid(group.id, /^✅ #1 : /);
    expect(claimed.text).toBe('✅ #1 : Alex Testperson conduit.');
    expect(claimed.params).toMatchObject({ reply_parameters: { message_id: reply.message.message_id, allow_sending_without_reply: true } });
    const hello = await w.botSaid(alex.id, /^Bonjour !/);
    expect(hello.text).toBe(HELLO_1);
    await waitFor(() => fake.model.find(group.id, postMessage.message_id)?.edits === 1, 'the post edited after the claim');
    const firstEdit = fake.sent('editMessageText')[0];
    expect(firstEdit).toMatchObject({ chat_id: group.id, message_id: postMessage.message_id });
    expect(firstEdit?.text).toBe(
      ['#1 Visite — mar. 1 déc. à 14h30 — CRA de Test', 'RDV gare de Calais → visite 14h30', 'Places : 2 places libres sur 2', 'Conducteur·ice : Alex Testperson', SEAT_HINT].join('\n'),
    );
    expect(keyboard(firstEdit ?? {})).toEqual([
      ['Je viens', 'join'],
      ['Je lâche', 'release'],
    ]);

    // Noor presses "Je viens": the answer is the button's notice, the post shows the seat.
    const { updateId: pressId, queryId } = fake.pressButton(group.id, postMessage.message_id, 'join', noor);
    await w.handled(pressId);
    await waitFor(() => fake.sent('answerCallbackQuery').length === 1, 'the button answered');
    expect(fake.sent('answerCallbackQuery')[0]).toEqual({ callback_query_id: queryId, text: '✅ #1 : Noor Example prend une place (1 place libre).' });
    // Noor never pressed Start: the greeting is refused once, and the group hears how to fix it.
    const hint = await w.botSaid(group.id, /je ne peux pas encore t’écrire en privé/);
    expect(hint.text).toBe(notStarted('Noor Example'));
    expect(fake.callsTo('sendMessage').filter((c) => c.params.chat_id === noor.id).map((c) => c.outcome)).toEqual([403]);
    expect(fake.model.find(group.id, postMessage.message_id)?.edits).toBe(2);
    const secondEdit = fake.sent('editMessageText')[1];
    expect(secondEdit).toMatchObject({ chat_id: group.id, message_id: postMessage.message_id });
    expect(secondEdit?.text).toBe(
      [
        '#1 Visite — mar. 1 déc. à 14h30 — CRA de Test',
        'RDV gare de Calais → visite 14h30',
        'Places : 1 place libre sur 2',
        'Conducteur·ice : Alex Testperson',
        'Passager·e : Noor Example',
        SEAT_HINT,
      ].join('\n'),
    );
    expect(keyboard(secondEdit ?? {})).toEqual([
      ['Je viens', 'join'],
      ['Je lâche', 'release'],
    ]);

    const listCommand = fake.groupMessage('/liste', { chat: group, from: sam }).message;
    const list = await w.botSaid(group.id, /^Demandes ouvertes et prises :/);
    expect(list.text).toBe('Demandes ouvertes et prises :\n#1 Visite mar. 1 déc. à 14h30 — prise par Alex Testperson, 1 place libre sur 2');
    expect(list.params).toMatchObject({ reply_parameters: { message_id: listCommand.message_id } });

    // Sam linked the group: as coordinator they may mark Alex's visit done.
    fake.groupMessage('/fait 1', { chat: group, from: sam });
    const done = await w.botSaid(group.id, /^✔ #1/);
    expect(done.text).toBe('✔ #1 est faite. Merci !');
    await waitFor(() => fake.model.find(group.id, postMessage.message_id)?.edits === 3, 'the post edited once closed');
    const lastEdit = fake.sent('editMessageText')[2];
    expect(lastEdit?.text).toMatch(/\nPassager·e : Noor Example\n\(faite\)$/);
    // Closed: no buttons left under the post.
    expect(lastEdit).not.toHaveProperty('reply_markup');
    expect(fake.model.find(group.id, postMessage.message_id)?.message.reply_markup).toBeUndefined();

    // Settle some more: nothing else goes out, and nothing went out twice.
    h.clock.advance(600_000);
    await h.settle();
    expect(h.store.outbox.pendingCount()).toBe(0);
    expectEachDeliveredOnce(fake);
    const p = postMessage.message_id;
    expect(chatLog(fake, group.id)).toEqual([
      `send: ${linked.text}`,
      'send: #1 Visite — mar. 1 déc. à 14h30 — CRA de Test',
      'send: ✅ #1 : Alex Testperson conduit.',
      `edit ${p}: #1 Visite — mar. 1 déc. à 14h30 — CRA de Test`,
      `edit ${p}: #1 Visite — mar. 1 déc. à 14h30 — CRA de Test`,
      `send: ${notStarted('Noor Example')}`,
      'send: Demandes ouvertes et prises :',
      'send: ✔ #1 est faite. Merci !',
      `edit ${p}: #1 Visite — mar. 1 déc. à 14h30 — CRA de Test`,
    ]);
    expect(textsTo(fake, alex.id)).toEqual([help.text, HELLO_1]);
    expect(textsTo(fake, noor.id)).toEqual([]);
    expect(textsTo(fake, sam.id)).toEqual([]);
    expect(fake.pendingUpdateIds()).toEqual([]);
    expectPrivateLogs(w.transportLogs, fake, [group.id], ['je prends', 'gare de Calais']);
    expectPrivateLogs(h.logs, fake, [group.id], ['je prends', 'gare de Calais']);
  });

  it('tells the group once how to reach a member who has not pressed Start; after Start, reminders reach them privately', async () => {
    const w = await world();
    const { fake, h } = w;
    await w.link(group, sam);
    fake.groupMessage('/visite 01/12 14h30 places 2 depuis gare de Calais', { chat: group, from: sam });
    await w.botSaid(group.id, /^#1 Visite/);
    const post = botMessage(fake, group.id, /^#1 Visite/);

    // Alex, who never opened the private chat, takes the visit with the button.
    const { updateId } = fake.pressButton(group.id, post.message_id, 'claim', alex);
    await w.handled(updateId);
    await waitFor(() => fake.sent('answerCallbackQuery').length === 1, 'the button answered');
    expect(fake.sent('answerCallbackQuery')[0]?.text).toBe('✅ #1 : Alex Testperson conduit.');
    const hint = await w.botSaid(group.id, /je ne peux pas encore t’écrire en privé/);
    expect(hint.text).toBe(notStarted('Alex Testperson'));
    expect(hint.params).not.toHaveProperty('parse_mode');
    // Alex asks for their list in the group: it goes to the private chat, is refused again,
    // and the group is not told a second time.
    const mine = fake.groupMessage('/mes', { chat: group, from: alex });
    await w.handled(mine.updateId);
    h.clock.advance(60_000);
    await w.drainAll();
    const refused = () => fake.callsTo('sendMessage').filter((c) => c.params.chat_id === alex.id);
    expect(refused().map((c) => [c.outcome, typeof c.params.text === 'string' ? firstLine(c.params.text) : ''])).toEqual([
      [403, 'Bonjour ! Tu t’es engagé·e sur #1. Je t’enverrai tes rappels ici ; réponds OK pour confirmer ou LÂCHER si tu ne peux plus.'],
      [403, 'Tes demandes :'],
    ]);
    expect(textsTo(fake, group.id).filter((t) => t.includes('je ne peux pas encore'))).toEqual([notStarted('Alex Testperson')]);

    // Alex presses Start. The refused messages are not sent again.
    fake.privateStart(alex);
    await w.botSaid(alex.id, /^Parloir /);
    expect(textsTo(fake, alex.id)).toHaveLength(1);

    // The day before, the first reminder reaches Alex in private.
    h.clock.set(parisTime('2026-11-30T14:30'));
    expect(h.service.scheduler.tick().sent).toBeGreaterThanOrEqual(1);
    const reminder = await w.botSaid(alex.id, /^⏰ Rappel/);
    expect(reminder.text).toBe(
      [
        '⏰ Rappel — #1 Visite — mar. 1 déc. à 14h30 — CRA de Test',
        'Tu y vas comme conducteur·ice. Demandé par Sam.',
        'RDV gare de Calais → visite 14h30',
        'Heures de visite : Tous les jours 9h–18h',
        'Toujours bon ? Réponds OK, ou LÂCHER si tu ne peux plus.',
      ].join('\n'),
    );
    // Alex answers OK in private: the visit is confirmed.
    fake.message({ text: 'OK', from: alex, chat: { id: alex.id, type: 'private', first_name: alex.first_name, last_name: alex.last_name } });
    const confirmed = await w.botSaid(alex.id, /^👍/);
    expect(confirmed.text).toBe('👍 Merci, #1 (visite mar. 1 déc. à 14h30) est confirmée.');

    // Two hours before, the second reminder as well; the group hears nothing more about Alex.
    h.clock.set(parisTime('2026-12-01T12:30'));
    h.service.scheduler.tick();
    await w.drainAll();
    const reminders = textsTo(fake, alex.id).filter((t) => t.startsWith('⏰ Rappel'));
    expect(reminders).toEqual([reminder.text, reminder.text]);
    expect(textsTo(fake, group.id).filter((t) => t.includes('je ne peux pas encore'))).toHaveLength(1);
    expect(refused().filter((c) => c.outcome !== 'ok')).toHaveLength(2);
    // The two reminders say the same thing (counted above); everything else went out once.
    expectEachDeliveredOnce(fake, [reminder.text]);
    expectPrivateLogs(w.transportLogs, fake, [group.id], ['gare de Calais']);
    expectPrivateLogs(h.logs, fake, [group.id], ['gare de Calais']);
  });

  it('rides out a 429 storm while commands keep arriving: retry_after honoured, every reply once, in order, one alert', async () => {
    const w = await world();
    const { fake, h } = w;
    // Sam (the coordinator) and Alex pressed Start; Noor did not.
    fake.privateStart(sam);
    fake.privateStart(alex);
    await w.botSaid(sam.id, /^Parloir /);
    await w.botSaid(alex.id, /^Parloir /);
    await w.link(group, sam);
    fake.groupMessage('/visite 01/12 14h30 places 2 depuis gare de Calais', { chat: group, from: sam });
    await w.botSaid(group.id, /^#1 Visite/);
    const post = botMessage(fake, group.id, /^#1 Visite/);
    const groupBefore = chatLog(fake, group.id).length;
    const deliveredBefore = fake.sent('sendMessage').length;

    // Each round: a new command arrives while every sendMessage answers 429 with this retry_after.
    const storm: Array<{ retryAfter: number; update: () => number }> = [
      { retryAfter: 5, update: () => fake.groupMessage('/visite 02/12 10h places 1', { chat: group, from: sam }).updateId },
      { retryAfter: 12, update: () => fake.replyToBot(group.id, post.message_id, 'je prends', alex).updateId },
      { retryAfter: 30, update: () => fake.message({ text: '/mes', from: alex, chat: privateChatOf(alex) }).updateId },
      { retryAfter: 3, update: () => fake.groupMessage('/liste', { chat: group, from: noor }).updateId },
      { retryAfter: 60, update: () => fake.pressButton(group.id, post.message_id, 'join', noor).updateId },
    ];
    const attemptsPerRound: number[] = [];
    for (const { retryAfter, update } of storm) {
      fake.clearFailures();
      fake.failNext('sendMessage', failures.tooManyRequests(retryAfter), { times: 1_000 });
      await w.handled(update());
      const before = fake.callsTo('sendMessage').length;
      await h.settle();
      const attempts = fake.callsTo('sendMessage').slice(before);
      expect(attempts.length).toBeGreaterThan(0);
      expect(attempts.map((c) => c.outcome).filter((o) => o !== 429)).toEqual([]);
      attemptsPerRound.push(attempts.length);
      // Nothing is tried again before retry_after has elapsed…
      h.clock.advance(retryAfter * 1_000 - 1);
      await h.settle();
      expect(fake.callsTo('sendMessage')).toHaveLength(before + attempts.length);
      // …and everything waiting is due once it has.
      h.clock.advance(1);
    }
    expect(fake.sent('sendMessage')).toHaveLength(deliveredBefore);
    // The button was answered during the storm (answerCallbackQuery is not throttled here).
    await waitFor(() => fake.sent('answerCallbackQuery').length === 1, 'the button answered');
    expect(fake.sent('answerCallbackQuery').map((a) => a.text)).toEqual(['✅ #1 : Noor Example prend une place (1 place libre).']);
    // Each waiting lane is tried once per round: the group, then also Alex's greeting (from
    // round 2, /mes waits behind it), Sam's alert (round 3: short 429s alone are not worth one,
    // the third in a row or a 30 s wait is), Noor's greeting (round 5).
    expect(attemptsPerRound).toEqual([1, 2, 3, 3, 4]);

    // The storm ends: everything goes out once, in order per chat.
    fake.clearFailures();
    await w.drainAll();
    expect(h.store.outbox.pendingCount()).toBe(0);
    const p = post.message_id;
    expect(chatLog(fake, group.id).slice(groupBefore)).toEqual([
      'send: #2 Visite — mer. 2 déc. à 10h00 — CRA de Test',
      'send: ✅ #1 : Alex Testperson conduit.',
      `edit ${p}: #1 Visite — mar. 1 déc. à 14h30 — CRA de Test`,
      'send: Demandes ouvertes et prises :',
      `edit ${p}: #1 Visite — mar. 1 déc. à 14h30 — CRA de Test`,
      `send: ${notStarted('Noor Example')}`,
    ]);
    // /liste was answered as it stood when it was asked (before Noor took a seat).
    expect(textsTo(fake, group.id).find((t) => t.startsWith('Demandes ouvertes'))).toBe(
      'Demandes ouvertes et prises :\n#1 Visite mar. 1 déc. à 14h30 — prise par Alex Testperson, 2 places libres sur 2\n#2 Visite mer. 2 déc. à 10h00 — OUVERTE, 1 place libre sur 1',
    );
    expect(fake.sent('editMessageText').at(-1)?.text).toMatch(/\nRDV gare de Calais → visite 14h30\nPlaces : 1 place libre sur 2\nConducteur·ice : Alex Testperson\nPassager·e : Noor Example\n/);
    const toAlex = textsTo(fake, alex.id);
    expect(toAlex.slice(1)).toEqual([HELLO_1, expect.stringMatching(/^Tes demandes :\n#1 Visite mar\. 1 déc\. à 14h30 — prise par Alex Testperson, 2 places libres sur 2 · CRA de Test \(tu l’as prise\)$/)]);
    // The coordinator heard about the throttling exactly once, in private.
    const toSam = textsTo(fake, sam.id);
    expect(toSam.filter((t) => t.includes('limite d’envoi'))).toHaveLength(1);
    expect(toSam).toHaveLength(2);
    expect(textsTo(fake, group.id).filter((t) => t.includes('limite d’envoi'))).toEqual([]);
    // Noor's greeting waited out the storm, then was refused once: Noor never pressed Start.
    expect(fake.callsTo('sendMessage').filter((c) => c.params.chat_id === noor.id).map((c) => c.outcome).filter((o) => o !== 429)).toEqual([403]);
    expectEachDeliveredOnce(fake);
    // Settling again sends nothing more.
    const outgoing = () => fake.calls.filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText').length;
    const total = outgoing();
    h.clock.advance(3_600_000);
    await h.settle();
    expect(outgoing()).toBe(total);
    expectPrivateLogs(w.transportLogs, fake, [group.id], ['je prends', 'gare de Calais']);
    expectPrivateLogs(h.logs, fake, [group.id], ['je prends', 'gare de Calais']);
  });

  // Regression: the alert once said "Signal ralentit le bot" to Telegram collectives too
  // (src/i18n/fr.ts alertRateLimited, found by this test, fixed in c5f1b0f).
  it('tells a Telegram coordinator about throttling without naming Signal', async () => {
    const w = await world();
    const { fake } = w;
    fake.privateStart(sam);
    await w.botSaid(sam.id, /^Parloir /);
    await w.link(group, sam);
    // A long wait (a single short one is retried quietly: real-world-rate-limits.test.ts).
    fake.failNext('sendMessage', failures.tooManyRequests(60), { times: 1, when: (p) => p.chat_id === group.id });
    const { updateId } = fake.groupMessage('/liste', { chat: group, from: sam });
    await w.handled(updateId);
    await w.drainAll();
    const alerts = textsTo(fake, sam.id).filter((t) => t.includes('limite d’envoi'));
    expect(alerts).toEqual([fr.alertRateLimited()]);
    expect(alerts[0]).not.toMatch(/Signal/);
  });

  it.each([
    ['a 500', failures.serverError()],
    ['a dropped connection', failures.network],
  ] as const)('survives a restart between taking an update and replying (%s): the reply goes out once, the redelivered update is not run again', async (_, failure) => {
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    const fake = await FakeTelegram.start();
    fakes.add(fake);
    const a = await world({ fake, dir: temp.dir });
    await a.link(group, sam);
    // From the next long poll on, getUpdates fails: the update below is taken by the core but
    // never confirmed to Telegram, which will hand it over again.
    await waitFor(() => fake.callsTo('getUpdates').some((c) => c.outcome === 'pending'), 'a long poll waiting');
    fake.failNext('getUpdates', failures.network, { times: 1_000_000 });
    const command = fake.groupMessage('/colis 04/12 pull, tabac', { chat: group, from: sam });
    await a.handled(command.updateId);
    expect(a.h.store.outbox.pendingCount()).toBe(1);
    fake.failNext('sendMessage', failure);
    await a.h.settle();
    expect(fake.callsTo('sendMessage').at(-1)?.outcome).toBe(failure === 'network' ? 'network' : 500);
    expect(a.h.store.outbox.pendingCount()).toBe(1);
    const key = a.h.key;
    const later = a.h.clock.now() + 60_000;
    await a.close();
    worlds = worlds.filter((x) => x !== a);
    expect(fake.pendingUpdateIds()).toEqual([command.updateId]);
    expect(textsTo(fake, group.id).filter((t) => t.startsWith('#1 Colis'))).toEqual([]);

    // A new process on the same database and key, with a new transport on the same bot.
    fake.clearFailures();
    const b = await world({ fake, dir: temp.dir, key, now: later });
    const post = await b.botSaid(group.id, /^#1 Colis/);
    expect(post.params).toMatchObject({ reply_parameters: { message_id: command.message.message_id, allow_sending_without_reply: true } });
    expect(keyboard(post.params)).toEqual([['Je prends', 'claim']]);
    // Telegram redelivered the unconfirmed update; the core knew it and did nothing again.
    await b.taken(command.updateId);
    await waitFor(() => b.h.logs.some((l) => l.includes('"code":"EVENT_DUPLICATE"')), 'the duplicate noticed');
    const sentinel = fake.groupMessage('/liste', { chat: group, from: sam });
    const list = await b.botSaid(group.id, /^Demandes ouvertes et prises :/);
    expect(list.params).toMatchObject({ reply_parameters: { message_id: sentinel.message.message_id } });
    expect(list.text.split('\n')).toEqual(['Demandes ouvertes et prises :', expect.stringMatching(/^#1 Colis .+ — OUVERTE$/)]);
    await b.h.settle();
    expect(textsTo(fake, group.id).filter((t) => t.startsWith('#1 Colis'))).toHaveLength(1);
    expect(textsTo(fake, group.id).filter((t) => t.startsWith('#2'))).toEqual([]);

    // The post was recorded when it finally went out: a reply to it and its edit work.
    const postMessage = botMessage(fake, group.id, /^#1 Colis/);
    fake.replyToBot(group.id, postMessage.message_id, 'je prends', alex);
    const claimed = await b.botSaid(group.id, /^✅ #1 : /);
    expect(claimed.text).toBe('✅ #1 : Alex Testperson s’en charge.');
    await waitFor(() => fake.model.find(group.id, postMessage.message_id)?.edits === 1, 'the post edited');
    expect(fake.model.find(group.id, postMessage.message_id)?.message.text).toMatch(/\nPorteur·euse : Alex Testperson$/);
    await b.drainAll();
    expectEachDeliveredOnce(fake);
    expect(fake.pendingUpdateIds()).toEqual([]);
    expectPrivateLogs(b.transportLogs, fake, [group.id], ['pull, tabac', 'je prends']);
    expectPrivateLogs(b.h.logs, fake, [group.id], ['pull, tabac', 'je prends']);
  });

  describe('supergroup migration with a request open', () => {
    const newId = -1_009_000_000_777;
    const supergroup = { id: newId, type: 'supergroup', title: group.title } as const;

    /** Linked basic group, #1 posted there, a /liste answer queued for the old id, then the upgrade. */
    async function migrated(): Promise<{ w: World; post1: number }> {
      const w = await world();
      const { fake } = w;
      fake.privateStart(alex);
      fake.privateStart(noor);
      await w.botSaid(alex.id, /^Parloir /);
      await w.botSaid(noor.id, /^Parloir /);
      await w.link(group, sam);
      fake.groupMessage('/visite 01/12 14h30 places 2', { chat: group, from: sam });
      await w.botSaid(group.id, /^#1 Visite/);
      const post1 = botMessage(fake, group.id, /^#1 Visite/).message_id;
      // The core answers /liste; the answer is still in the outbox when the group is upgraded.
      const list = fake.groupMessage('/liste', { chat: group, from: sam });
      await w.handled(list.updateId);
      expect(w.h.store.outbox.pendingCount()).toBe(1);
      const { fromUpdateId } = fake.migrate(group, newId);
      await w.taken(fromUpdateId);
      await waitFor(() => w.h.store.groups.findByChat(`telegram:${newId}` as ChatAddress) !== undefined, 'the link moved');
      expect(w.h.store.groups.findByChat(`telegram:${group.id}` as ChatAddress)).toBeUndefined();
      return { w, post1 };
    }

    it('delivers what was queued for the old id to the new one; posts, claims and edits work in the new chat', async () => {
      const { w, post1 } = await migrated();
      const { fake, h } = w;
      const queued = await w.botSaid(newId, /^Demandes ouvertes et prises :/);
      expect(queued.text).toBe('Demandes ouvertes et prises :\n#1 Visite mar. 1 déc. à 14h30 — OUVERTE, 2 places libres sur 2');
      // Telegram refused it once at the old id (with the new id), and it was sent there instead.
      expect(
        fake
          .callsTo('sendMessage')
          .filter((c) => c.params.chat_id === group.id && typeof c.params.text === 'string' && c.params.text.startsWith('Demandes'))
          .map((c) => c.outcome),
      ).toEqual([400]);

      // Request #1, opened before the upgrade, is still open and listed in the new chat.
      fake.groupMessage('/liste', { chat: supergroup, from: noor });
      await eventually(async () => {
        await h.settle();
        return textsTo(fake, newId).length === 2;
      }, 'the second list');
      expect(textsTo(fake, newId)).toEqual([queued.text, queued.text]);

      // A new request in the new chat: post, claim by reply, seat by button, each edit in place.
      const command = fake.groupMessage('/visite@ParloirBot 02/12 10h places 1', { chat: supergroup, from: sam });
      const post = await w.botSaid(newId, /^#2 Visite/);
      expect(post.params).toMatchObject({ reply_parameters: { message_id: command.message.message_id } });
      const post2 = botMessage(fake, newId, /^#2 Visite/).message_id;
      // Message ids restart in the supergroup; the tests below cover #2's post sharing #1's old id.
      expect(post2).not.toBe(post1);
      const reply = fake.replyToBot(newId, post2, 'je prends', alex);
      const claimed = await w.botSaid(newId, /^✅ #2 : /);
      expect(claimed.text).toBe('✅ #2 : Alex Testperson conduit.');
      expect(claimed.params).toMatchObject({ reply_parameters: { message_id: reply.message.message_id } });
      await waitFor(() => fake.model.find(newId, post2)?.edits === 1, 'post #2 edited after the claim');
      expect(fake.model.find(newId, post2)?.message.text).toMatch(/\nConducteur·ice : Alex Testperson\n/);
      expect(keyboard(fake.sent('editMessageText').at(-1) ?? {})).toEqual([
        ['Je viens', 'join'],
        ['Je lâche', 'release'],
      ]);
      const { updateId } = fake.pressButton(newId, post2, 'join', noor);
      await w.handled(updateId);
      await waitFor(() => fake.sent('answerCallbackQuery').length === 1, 'the button answered');
      expect(fake.sent('answerCallbackQuery')[0]?.text).toBe('✅ #2 : Noor Example prend une place (complet).');
      await w.drainAll();
      expect(fake.model.find(newId, post2)?.edits).toBe(2);
      const seatEdit = fake.sent('editMessageText').at(-1);
      expect(seatEdit?.text).toBe(
        [
          '#2 Visite — mer. 2 déc. à 10h00 — CRA de Test',
          'Places : complet (1 place prise)',
          'Conducteur·ice : Alex Testperson',
          'Passager·e : Noor Example',
        ].join('\n'),
      );
      expect(keyboard(seatEdit ?? {})).toEqual([['Je lâche', 'release']]);

      fake.groupMessage('/liste', { chat: supergroup, from: noor });
      const list = await w.botSaid(newId, /^Demandes ouvertes et prises :\n#1 .+\n#2/);
      expect(list.text).toBe(
        'Demandes ouvertes et prises :\n#1 Visite mar. 1 déc. à 14h30 — OUVERTE, 2 places libres sur 2\n#2 Visite mer. 2 déc. à 10h00 — prise par Alex Testperson, complet (1 place prise)',
      );
      fake.groupMessage('/fait 2', { chat: supergroup, from: sam });
      await w.botSaid(newId, /^✔ #2 est faite\. Merci !$/);
      await w.drainAll();
      expect(fake.model.find(newId, post2)?.message.text).toMatch(/\n\(faite\)$/);

      // Nothing reached the old id once it was upgraded; every edit went to post #2; each once.
      const afterLink = chatLog(fake, group.id);
      expect(afterLink).toEqual([`send: ${fr.linkOk({ centre: 'CRA de Test' })}`, 'send: #1 Visite — mar. 1 déc. à 14h30 — CRA de Test']);
      expect(fake.sent('editMessageText').map((e) => [e.chat_id, e.message_id])).toEqual([
        [newId, post2],
        [newId, post2],
        [newId, post2],
      ]);
      expect(chatLog(fake, newId)).toEqual([
        'send: Demandes ouvertes et prises :',
        'send: Demandes ouvertes et prises :',
        'send: #2 Visite — mer. 2 déc. à 10h00 — CRA de Test',
        'send: ✅ #2 : Alex Testperson conduit.',
        `edit ${post2}: #2 Visite — mer. 2 déc. à 10h00 — CRA de Test`,
        `edit ${post2}: #2 Visite — mer. 2 déc. à 10h00 — CRA de Test`,
        'send: Demandes ouvertes et prises :',
        'send: ✔ #2 est faite. Merci !',
        `edit ${post2}: #2 Visite — mer. 2 déc. à 10h00 — CRA de Test`,
      ]);
      expect(textsTo(fake, alex.id).slice(1)).toEqual([fr.directHello({ n: 2 })]);
      expect(textsTo(fake, noor.id).slice(1)).toEqual([fr.directHello({ n: 2 })]);
      expect(h.store.outbox.pendingCount()).toBe(0);
      // The two lists asked before #2 rightly read the same (counted above).
      expectEachDeliveredOnce(fake, [queued.text]);
      expectPrivateLogs(w.transportLogs, fake, [group.id, newId], ['je prends']);
      expectPrivateLogs(h.logs, fake, [group.id, newId], ['je prends']);
    });

    // Message ids restart in the supergroup, so #2's post there can get the id #1's post had in
    // the old basic group: posts are remembered per chat, so a reply to #2 claims #2.
    it('a reply to a post made in the new chat claims that post’s request, even if #1 had the same id in the old chat', async () => {
      const { w, post1 } = await migrated();
      const { fake } = w;
      await w.botSaid(newId, /^Demandes ouvertes et prises :/);
      fake.groupMessage('/visite 02/12 10h places 1', { chat: supergroup, from: sam });
      await w.botSaid(newId, /^#2 Visite/);
      const post2 = botMessage(fake, newId, /^#2 Visite/).message_id;
      expect(post2).toBe(post1); // the collision this test is about (the fake numbers each chat from 101)
      fake.replyToBot(newId, post2, 'je prends', alex);
      const claimed = await w.botSaid(newId, /^✅ #/);
      expect(claimed.text).toBe('✅ #2 : Alex Testperson conduit.');
      await w.drainAll();
      expect(fake.model.find(newId, post2)?.message.text).toMatch(/^#2 Visite — mer\. 2 déc\. à 10h00 — CRA de Test\n/);
    });

    // #1 was posted in the old basic group: refreshing it after the upgrade must not edit the
    // message that has the same id in the new chat (here the claim answer just sent).
    it('claiming a request posted before the upgrade never overwrites another message in the new chat', async () => {
      const { w } = await migrated();
      const { fake } = w;
      await w.botSaid(newId, /^Demandes ouvertes et prises :/);
      fake.groupMessage('/prendre 1', { chat: supergroup, from: noor });
      const claimed = await w.botSaid(newId, /^✅ #1 : /);
      expect(claimed.text).toBe('✅ #1 : Noor Example conduit.');
      await w.drainAll();
      const answer = botMessage(fake, newId, /^✅ #1 : Noor Example conduit\.$|^#1 Visite/);
      // The claim answer is still what was sent…
      expect(fake.model.find(newId, answer.message_id)?.edits).toBe(0);
      expect(fake.model.find(newId, answer.message_id)?.message.text).toBe('✅ #1 : Noor Example conduit.');
      // …and no edit in the new chat targeted a message that is not a post of #1.
      for (const edit of fake.sent('editMessageText').filter((e) => e.chat_id === newId)) {
        expect(edit.message_id).not.toBe(answer.message_id);
      }
    });
  });
});
