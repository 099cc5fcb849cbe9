// Reminders over the wire (issue 5): with 90 s and 30 s lead times, a claimed visit a few
// minutes ahead reminds its driver by direct message to their UUID at each lead time; OK in the
// direct chat confirms, "je lâche" quoting the reminder gives it back and reposts it as urgent.

import { afterEach, describe, expect, it } from 'vitest';
import * as env from '../fakes/signal/envelopes.js';
import { ALICE, BERTHE, CHARLES } from '../fakes/signal/envelopes.js';
import type { FakeMode } from '../fakes/signal/fake-signal.js';
import { parisTime } from '../support/harness.js';
import { botMessage, delivered, eventually, GROUP_RECIPIENT, type Sent, startWorld, textsTo, timestampOf, type World } from './core-support.js';
import { expectPrivateLogs } from './support.js';

const DUE = parisTime('2026-11-23T10:05');
const REMINDER = [
  '⏰ Rappel — #1 Visite — lun. 23 nov. à 10h05 — CRA de Test',
  'Tu y vas comme conducteur·ice. Demandé par Alice.',
  'Heures de visite : Tous les jours 9h–18h',
  'Toujours bon ? Réponds OK, ou LÂCHER si tu ne peux plus.',
].join('\n');

describe.each<FakeMode>(['normal', 'json-rpc'])('signal reminders with the core (%s mode)', (mode) => {
  let w: World | undefined;

  afterEach(async () => {
    await w?.h.close();
    await w?.fake.close();
    w = undefined;
  });

  /** Linked by Alice, visit #1 at 10:05 posted, claimed by Berthe (hidden number) by quote reply. */
  async function claimedVisit(): Promise<{ w: World; post: Sent }> {
    w = await startWorld(mode, { reminders: [90_000, 30_000] });
    await w.link(ALICE);
    await w.say(env.text(ALICE, '/visite 23/11 10h05 places 1'));
    const post = await w.botSaid(GROUP_RECIPIENT, /^#1 Visite — lun\. 23 nov\. à 10h05/);
    await w.say(env.text(BERTHE, 'je prends', { quote: botMessage(post) }));
    await w.botSaid(GROUP_RECIPIENT, /^✅ #1 : Berthe conduit\.$/);
    const hello = await w.botSaid(BERTHE.uuid, /^Bonjour !/);
    expect(hello.text).toBe('Bonjour ! Tu t’es engagé·e sur #1. Je t’enverrai tes rappels ici ; réponds OK pour confirmer ou LÂCHER si tu ne peux plus.');
    return { w, post };
  }

  /** Moves the clock to `at`, fires due jobs and drains the outbox. */
  async function at(world: World, time: number): Promise<void> {
    world.h.clock.set(time);
    world.h.service.scheduler.tick();
    await world.h.settle();
  }

  /** The nth delivered send to `to` whose text matches, waiting for it. */
  function nth(world: World, to: string, pattern: RegExp, n: number): Promise<Sent> {
    return eventually(async () => {
      await world.h.settle();
      return delivered(world.fake).filter((s) => s.to === to && pattern.test(s.text))[n - 1];
    }, `send #${n} matching ${pattern}`);
  }

  it('reminds the driver at each lead time by direct message; OK confirms, and the group is not alerted', async () => {
    const { w } = await claimedVisit();
    const groupBefore = textsTo(w.fake, GROUP_RECIPIENT).length;

    await at(w, DUE - 90_000);
    const first = await nth(w, BERTHE.uuid, /⏰ Rappel/, 1);
    expect(first.text).toBe(REMINDER);
    expect(first.recipients).toEqual([BERTHE.uuid]);
    const ok = await w.say(env.text(BERTHE, 'OK', { group: false }));
    const thanks = await nth(w, BERTHE.uuid, /^👍 Merci/, 1);
    expect(thanks).toMatchObject({ text: '👍 Merci, #1 (visite lun. 23 nov. à 10h05) est confirmée.', recipients: [BERTHE.uuid], quoteTimestamp: timestampOf(ok), quoteAuthor: BERTHE.uuid });

    await at(w, DUE - 30_000);
    const second = await nth(w, BERTHE.uuid, /⏰ Rappel/, 2);
    expect(second.text).toBe(REMINDER);
    const again = await w.say(env.text(BERTHE, 'ok 👍', { group: false }));
    const thanks2 = await nth(w, BERTHE.uuid, /^👍 Merci/, 2);
    expect(thanks2.quoteTimestamp).toBe(timestampOf(again));

    // Past the "unconfirmed" check: confirmed, so nothing is said in the group.
    await at(w, DUE - 10_000);
    expect(textsTo(w.fake, GROUP_RECIPIENT)).toHaveLength(groupBefore);
    expect(textsTo(w.fake, BERTHE.uuid)).toEqual([expect.stringMatching(/^Bonjour !/), REMINDER, '👍 Merci, #1 (visite lun. 23 nov. à 10h05) est confirmée.', REMINDER, '👍 Merci, #1 (visite lun. 23 nov. à 10h05) est confirmée.']);
    expect(w.h.store.outbox.pendingCount()).toBe(0);
    expectPrivateLogs(w.transportLogs);
    expectPrivateLogs(w.h.logs);
  });

  it('without an answer to the last reminder, the group hears the visit is not confirmed', async () => {
    const { w } = await claimedVisit();
    await at(w, DUE - 90_000);
    await nth(w, BERTHE.uuid, /⏰ Rappel/, 1);
    await at(w, DUE - 30_000);
    await nth(w, BERTHE.uuid, /⏰ Rappel/, 2);
    await at(w, DUE - 15_000);
    const alert = await w.botSaid(GROUP_RECIPIENT, /n’est pas confirmée/);
    expect(alert.text).toBe('⚠ #1 (visite lun. 23 nov. à 10h05) n’est pas confirmée : Berthe n’a pas répondu au rappel. Quelqu’un peut vérifier avec cette personne ?');
  });

  it('"je lâche" quoting the reminder reopens the visit, reposts it as urgent, and someone else can take it', async () => {
    const { w } = await claimedVisit();
    const groupBefore = textsTo(w.fake, GROUP_RECIPIENT).length;
    await at(w, DUE - 90_000);
    const reminder = await nth(w, BERTHE.uuid, /⏰ Rappel/, 1);

    await w.say(env.text(BERTHE, 'je lâche', { group: false, quote: { ...botMessage(reminder), text: reminder.text } }));
    const released = await w.botSaid(GROUP_RECIPIENT, /^↩ #1 /);
    expect(released.text).toBe('↩ #1 (visite lun. 23 nov. à 10h05) est de nouveau ouverte : Berthe ne peut plus. Qui peut ?');
    const urgent = await w.botSaid(GROUP_RECIPIENT, /^⚠ Il faut de nouveau quelqu’un :/);
    expect(urgent.text).toBe(
      [
        '⚠ Il faut de nouveau quelqu’un :',
        '#1 Visite — lun. 23 nov. à 10h05 — CRA de Test',
        'Places : 1 place libre sur 1',
        'Conducteur·ice : personne pour l’instant',
        'Réponds « je prends » pour t’en charger.',
      ].join('\n'),
    );
    const toAlice = await w.botSaid(ALICE.uuid, /a lâché #1/);
    expect(toAlice.text).toBe('Berthe a lâché #1 (visite lun. 23 nov. à 10h05), peu avant l’heure. Je l’ai repostée comme urgente.');

    // The 30 s reminder is no longer Berthe's.
    await at(w, DUE - 30_000);
    expect(textsTo(w.fake, BERTHE.uuid).filter((t) => t.includes('⏰ Rappel'))).toHaveLength(1);

    // The urgent post is a post: a quote reply to it claims the visit.
    await w.say(env.text(CHARLES, 'je prends', { quote: botMessage(urgent) }));
    await w.botSaid(GROUP_RECIPIENT, /^✅ #1 : membre \S+ conduit\.$/);
    expect(textsTo(w.fake, GROUP_RECIPIENT).slice(groupBefore).map((t) => t.split('\n')[0])).toEqual([
      released.text,
      '⚠ Il faut de nouveau quelqu’un :',
      expect.stringMatching(/^✅ #1 : membre \S+ conduit\.$/),
      '#1 Visite — lun. 23 nov. à 10h05 — CRA de Test',
    ]);
    expectPrivateLogs(w.transportLogs, ['je lâche']);
  });

  // "je lâche" answered in the direct chat: the urgent repost in the group must not quote that
  // private message (the group never had it, and the quote would carry the member's UUID).
  it('the urgent repost in the group does not quote the direct message that released the visit', async () => {
    const { w } = await claimedVisit();
    await at(w, DUE - 90_000);
    const reminder = await nth(w, BERTHE.uuid, /⏰ Rappel/, 1);
    await w.say(env.text(BERTHE, 'je lâche', { group: false, quote: botMessage(reminder) }));
    const urgent = await w.botSaid(GROUP_RECIPIENT, /^⚠ Il faut de nouveau quelqu’un :/);
    expect(urgent.quoteTimestamp).toBeUndefined();
    expect(urgent.quoteAuthor).toBeUndefined();
  });
});
