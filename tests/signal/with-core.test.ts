// The Signal adapter with the real core (real SQLite, real libsodium, outbox) against the fake
// signal-cli-rest-api, in both receive families: link, a visit post, a claim by quote reply, a
// claim by 👍, /liste, /fait; /mes in a direct message; a member with a hidden number.

import { afterEach, describe, expect, it } from 'vitest';
import * as env from '../fakes/signal/envelopes.js';
import { ALICE, BERTHE, BOT, CHARLES } from '../fakes/signal/envelopes.js';
import type { FakeMode } from '../fakes/signal/fake-signal.js';
import { botMessage, delivered, expectEachDeliveredOnce, GROUP_RECIPIENT, startWorld, textsTo, timestampOf, type World } from './core-support.js';
import { expectPrivateLogs } from './support.js';

const HINT = 'Réponds « je prends » pour conduire, ou « je viens » pour une place.';

describe.each<FakeMode>(['normal', 'json-rpc'])('signal with the core (%s mode)', (mode) => {
  let w: World | undefined;

  afterEach(async () => {
    await w?.h.close();
    await w?.fake.close();
    w = undefined;
  });

  it('link → visit post → claim by quote reply → claim by 👍 → /liste → /fait, each answer once', async () => {
    w = await startWorld(mode);
    const { fake } = w;
    const linked = await w.link(ALICE);
    expect(linked.text).toBe('Ce groupe est maintenant lié à CRA de Test. Tu en es le·la premier·e coordinateur·ice. Envoie /aide pour voir ce que je sais faire.');

    const command = await w.say(env.text(ALICE, '/visite 01/12 14h30 places 2 depuis gare de Calais'));
    const post = await w.botSaid(GROUP_RECIPIENT, /^#1 Visite/);
    expect(post.text).toBe(
      ['#1 Visite — mar. 1 déc. à 14h30 — CRA de Test', 'RDV gare de Calais → visite 14h30', 'Places : 2 places libres sur 2', 'Conducteur·ice : personne pour l’instant', HINT].join('\n'),
    );
    expect(post).toMatchObject({ recipients: [GROUP_RECIPIENT], textMode: 'normal', quoteTimestamp: timestampOf(command), quoteAuthor: ALICE.uuid });
    const rawPost = fake.sent.find((s) => s.timestamp === post.timestamp);
    expect(JSON.parse(rawPost!.raw)).toMatchObject({ recipients: [GROUP_RECIPIENT], text_mode: 'normal', quote_timestamp: timestampOf(command), quote_author: ALICE.uuid });
    expect(rawPost?.request?.unknownFields).toEqual([]);

    // Charles (no profile name) quotes the post: "je prends".
    const reply = await w.say(env.text(CHARLES, 'je prends', { quote: { ...botMessage(post), text: post.text.slice(0, 20) } }));
    const claimed = await w.botSaid(GROUP_RECIPIENT, /^✅ #1 : /);
    expect(claimed.text).toMatch(/^✅ #1 : membre \S+ conduit\.$/);
    expect(claimed).toMatchObject({ quoteTimestamp: timestampOf(reply), quoteAuthor: CHARLES.uuid });
    const hello = await w.botSaid(CHARLES.uuid, /^Bonjour !/);
    expect(hello.text).toBe('Bonjour ! Tu t’es engagé·e sur #1. Je t’enverrai tes rappels ici ; réponds OK pour confirmer ou LÂCHER si tu ne peux plus.');
    expect(hello.recipients).toEqual([CHARLES.uuid]);

    // A second request, taken by Berthe with a 👍 on its post.
    await w.say(env.text(ALICE, '/visite 02/12 10h places 1'));
    const second = await w.botSaid(GROUP_RECIPIENT, /^#2 Visite/);
    await w.say(env.reaction(BERTHE, botMessage(second)));
    const taken = await w.botSaid(GROUP_RECIPIENT, /^✅ #2 : /);
    expect(taken.text).toBe('✅ #2 : Berthe conduit.');
    expect(taken.quoteTimestamp).toBeUndefined(); // a reaction has nothing to quote
    await w.botSaid(BERTHE.uuid, /^Bonjour ! Tu t’es engagé·e sur #2\./);

    const listCommand = await w.say(env.text(ALICE, '/liste'));
    const list = await w.botSaid(GROUP_RECIPIENT, /^Demandes ouvertes et prises :/);
    const lines = list.text.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^#1 Visite mar\. 1 déc\. à 14h30 — prise par membre \S+, 2 places libres sur 2$/);
    expect(lines[2]).toBe('#2 Visite mer. 2 déc. à 10h00 — prise par Berthe, 1 place libre sur 1');
    expect(list.quoteTimestamp).toBe(timestampOf(listCommand));

    await w.say(env.text(ALICE, '/fait 1'));
    await w.botSaid(GROUP_RECIPIENT, /^✔ #1 est faite\. Merci !$/);

    // Settle some more: nothing else goes out, and nothing went out twice.
    await w.h.settle();
    expect(w.h.store.outbox.pendingCount()).toBe(0);
    expectEachDeliveredOnce(fake);
    // Signal cannot edit posts: after each claim the updated card goes out once, quoting the post.
    expect(textsTo(fake, GROUP_RECIPIENT).map((t) => t.split('\n')[0])).toEqual([
      linked.text,
      post.text.split('\n')[0],
      claimed.text,
      post.text.split('\n')[0],
      second.text.split('\n')[0],
      taken.text,
      second.text.split('\n')[0],
      'Demandes ouvertes et prises :',
      '✔ #1 est faite. Merci !',
    ]);
    const cards = fake.sent.filter((s) => s.delivered && s.request?.message?.startsWith('#1 Visite'));
    expect(cards).toHaveLength(2);
    expect(cards[1]?.request).toMatchObject({ quoteTimestamp: Number(post.timestamp), quoteAuthor: BOT.number });
    expect(cards[1]?.request?.message).toMatch(/\nConducteur·ice : membre \S+\n/);
    expect(textsTo(fake, CHARLES.uuid)).toEqual([hello.text]);
    expect(textsTo(fake, BERTHE.uuid)).toHaveLength(1);
    // Nothing was ever addressed to a phone number.
    expect(delivered(fake).flatMap((s) => s.recipients).filter((r) => r.startsWith('+'))).toEqual([]);
    expectPrivateLogs(w.transportLogs, ['je prends', 'gare de Calais']);
    expectPrivateLogs(w.h.logs, ['je prends', 'gare de Calais']);
  });

  it('answers /mes in a direct message to the member’s UUID, listing their requests', async () => {
    w = await startWorld(mode);
    const { fake } = w;
    await w.link(ALICE);
    await w.say(env.text(ALICE, '/visite 01/12 14h30 places 2'));
    const post = await w.botSaid(GROUP_RECIPIENT, /^#1 Visite/);
    await w.say(env.text(ALICE, '/colis 03/12 pull, tabac'));
    await w.botSaid(GROUP_RECIPIENT, /^#2 Colis/);
    await w.say(env.text(CHARLES, 'je prends', { quote: botMessage(post) }));
    await w.botSaid(GROUP_RECIPIENT, /^✅ #1 : /);

    const groupSends = textsTo(fake, GROUP_RECIPIENT).length;
    const dm = await w.say(env.text(CHARLES, '/mes', { group: false }));
    const mine = await w.botSaid(CHARLES.uuid, /^Tes demandes :/);
    expect(mine.text).toMatch(/^Tes demandes :\n#1 Visite .+ — prise par membre \S+, 2 places libres sur 2 · CRA de Test \(tu l’as prise\)$/);
    expect(mine).toMatchObject({ recipients: [CHARLES.uuid], quoteTimestamp: timestampOf(dm), quoteAuthor: CHARLES.uuid, textMode: 'normal' });

    const alices = await w.say(env.text(ALICE, '/mes', { group: false }));
    const hers = await w.botSaid(ALICE.uuid, /^Tes demandes :/);
    expect(hers.text.split('\n').slice(1)).toEqual([
      expect.stringMatching(/^#1 Visite .+ \(ta demande\)$/),
      expect.stringMatching(/^#2 Colis .+ — OUVERTE · CRA de Test \(ta demande\)$/),
    ]);
    expect(hers).toMatchObject({ recipients: [ALICE.uuid], quoteTimestamp: timestampOf(alices) });

    // /mes in the group: the list still goes to the member only.
    const inGroup = await w.say(env.text(ALICE, '/mes'));
    await w.handled(inGroup);
    await w.h.settle();
    const toAlice = delivered(fake).filter((s) => s.to === ALICE.uuid);
    expect(toAlice.map((s) => s.text)).toEqual([hers.text, hers.text]);
    expect(toAlice[1]?.quoteTimestamp).toBeUndefined(); // a direct message cannot quote a group message
    await w.h.settle();
    expect(textsTo(fake, GROUP_RECIPIENT)).toHaveLength(groupSends); // nothing about /mes in the group
    expect(delivered(fake).flatMap((s) => s.recipients).filter((r) => r === ALICE.number || r === CHARLES.number)).toEqual([]);
  });

  it('lets a member with a hidden number link and claim, and reaches them by UUID', async () => {
    w = await startWorld(mode);
    const { fake, h } = w;
    const linkCode = h.store.write(() => h.store.invites.create('test-centre', h.clock.now())).code;
    const linkCommand = await w.say(env.text(BERTHE, `/lier ${linkCode}`));
    const linked = await w.botSaid(GROUP_RECIPIENT, /^Ce groupe est maintenant lié à CRA de Test\./);
    expect(linked).toMatchObject({ quoteTimestamp: timestampOf(linkCommand), quoteAuthor: BERTHE.uuid });

    await w.say(env.text(ALICE, '/visite 01/12 14h30 places 2'));
    const post = await w.botSaid(GROUP_RECIPIENT, /^#1 Visite/);
    const claim = await w.say(env.text(BERTHE, 'je prends', { quote: botMessage(post) }));
    const claimed = await w.botSaid(GROUP_RECIPIENT, /^✅ #1 : Berthe conduit\.$/);
    expect(claimed).toMatchObject({ quoteTimestamp: timestampOf(claim), quoteAuthor: BERTHE.uuid });
    const hello = await w.botSaid(BERTHE.uuid, /^Bonjour ! Tu t’es engagé·e sur #1\./);
    expect(hello.recipients).toEqual([BERTHE.uuid]);

    await w.say(env.text(BERTHE, '/mes', { group: false }));
    const mine = await w.botSaid(BERTHE.uuid, /^Tes demandes :/);
    expect(mine.text).toMatch(/^Tes demandes :\n#1 Visite .+ — prise par Berthe, 2 places libres sur 2 · CRA de Test \(tu l’as prise\)$/);
    expect(mine.recipients).toEqual([BERTHE.uuid]);

    // Berthe linked the group, so she is its coordinator: she may mark Alice's request done.
    await w.say(env.text(BERTHE, '/fait 1'));
    await w.botSaid(GROUP_RECIPIENT, /^✔ #1 est faite\. Merci !$/);
    expectEachDeliveredOnce(fake);
    expectPrivateLogs(w.transportLogs);
    expectPrivateLogs(w.h.logs);
  });
});
