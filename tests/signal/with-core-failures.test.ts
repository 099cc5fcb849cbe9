// The Signal adapter with the real core when things go wrong on the wire: a 30 s outage of
// /v2/send (500s, then refused connections), a restart between receiving a command and sending
// its reply, and Signal's rate-limit captcha. The harness clock is moved by hand so outbox
// backoffs elapse without real waiting.

import { afterEach, describe, expect, it } from 'vitest';
import * as env from '../fakes/signal/envelopes.js';
import { ALICE, BERTHE, CHARLES } from '../fakes/signal/envelopes.js';
import type { FakeMode } from '../fakes/signal/fake-signal.js';
import type { SendFailure } from '../fakes/signal/send-failures.js';
import { tempDir } from '../support/harness.js';
import { advanceUntilDue, botMessage, delivered, expectEachDeliveredOnce, GROUP_RECIPIENT, startWorld, textsTo, timestampOf, type World } from './core-support.js';
import { expectPrivateLogs, waitFor } from './support.js';

const SECOND = 1_000;
const CAPTCHA_ALERT =
  'Signal demande au bot de prouver qu’il n’est pas un spammeur. Un·e admin doit résoudre le captcha sur signalcaptchas.org/challenge/generate et l’envoyer à /v1/accounts/<numéro>/rate-limit-challenge (voir docs/signal.md). Les messages sont gardés d’ici là.';

describe.each<FakeMode>(['normal', 'json-rpc'])('signal with the core, failures (%s mode)', (mode) => {
  let worlds: World[] = [];
  const cleanups: (() => void)[] = [];

  afterEach(async () => {
    for (const w of worlds.reverse()) {
      await w.h.close();
      await w.fake.close();
    }
    worlds = [];
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  async function world(options: Parameters<typeof startWorld>[1] = {}): Promise<World> {
    const w = await startWorld(mode, options);
    worlds.push(w);
    return w;
  }

  /** The group texts delivered after `from` sends, first lines only. */
  const groupHeads = (w: World, from: number): string[] => textsTo(w.fake, GROUP_RECIPIENT).slice(from).map((t) => t.split('\n')[0] ?? '');

  it('keeps answering through a 30 s run of 500s on /v2/send: every reply once, in order per chat', async () => {
    const w = await world();
    const { fake, h } = w;
    await w.link(ALICE);
    await w.say(env.text(ALICE, '/visite 01/12 14h30 places 2'));
    const post = await w.botSaid(GROUP_RECIPIENT, /^#1 Visite/);
    const before = delivered(fake).length;
    const groupBefore = textsTo(fake, GROUP_RECIPIENT).length;
    const start = h.clock.now();
    const failure: SendFailure = { kind: 'server-error' };

    // Commands keep arriving while every send fails; each is committed and its reply waits.
    const commands = [
      env.text(ALICE, '/visite 02/12 10h places 1'),
      env.text(CHARLES, 'je prends', { quote: botMessage(post) }),
      env.text(CHARLES, '/mes', { group: false }),
      env.text(BERTHE, '/liste'),
      env.text(BERTHE, 'je viens', { quote: botMessage(post) }),
    ];
    for (const command of commands) {
      await w.say(command);
      await w.handled(command);
      await w.settleFailing(failure);
      h.clock.advance(5 * SECOND);
      await w.settleFailing(failure);
    }
    while (h.clock.now() < start + 30 * SECOND) {
      h.clock.advance(3 * SECOND);
      await w.settleFailing(failure);
    }
    expect(delivered(fake)).toHaveLength(before);
    expect(fake.sent.filter((s) => s.status === 500).length).toBeGreaterThanOrEqual(commands.length);

    // The API is back: the backoffs elapse and everything goes out once.
    h.clock.advance(SECOND);
    await w.drainAll();
    expect(h.store.outbox.pendingCount()).toBe(0);
    const heads = groupHeads(w, groupBefore);
    // After each change of #1, its updated card (Signal cannot edit), in order with the answers.
    expect(heads).toEqual([
      expect.stringMatching(/^#2 Visite/),
      expect.stringMatching(/^✅ #1 : membre \S+ conduit\.$/),
      expect.stringMatching(/^#1 Visite/),
      'Demandes ouvertes et prises :',
      '✅ #1 : Berthe prend une place (1 place libre).',
      expect.stringMatching(/^#1 Visite/),
    ]);
    // /liste was answered as it stood when it was asked (before Berthe took a seat).
    expect(textsTo(fake, GROUP_RECIPIENT).find((t) => t.startsWith('Demandes ouvertes'))).toMatch(/\n#1 Visite .+ — prise par membre \S+, 2 places libres sur 2\n#2 Visite .+ — OUVERTE, 1 place libre sur 1$/);
    const toCharles = textsTo(fake, CHARLES.uuid);
    expect(toCharles).toHaveLength(2);
    expect(toCharles[0]).toMatch(/^Bonjour ! Tu t’es engagé·e sur #1\./);
    expect(toCharles[1]).toMatch(/^Tes demandes :\n#1 Visite/);
    expect(textsTo(fake, BERTHE.uuid)).toEqual([expect.stringMatching(/^Bonjour ! Tu t’es engagé·e sur #1\./)]);
    expectEachDeliveredOnce(fake);
    // Settling again sends nothing more.
    const total = fake.sent.length;
    h.clock.advance(600 * SECOND);
    await h.settle();
    expect(fake.sent).toHaveLength(total);
    expectPrivateLogs(w.transportLogs, ['je prends', 'je viens']);
  });

  it('holds replies while the API refuses connections for 30 s, then takes the queued commands and answers each once', async () => {
    const w = await world();
    const { fake, h } = w;
    fake.queueWhenDisconnected = true; // Signal's servers keep what members send meanwhile
    await w.link(ALICE);
    const groupBefore = textsTo(fake, GROUP_RECIPIENT).length;
    const first = await w.say(env.text(ALICE, '/visite 01/12 14h30 places 2'));
    await w.handled(first);
    await fake.stopListening();
    const start = h.clock.now();
    await h.settle();
    // Members keep writing; their messages wait on Signal's side. (The fake needs a moment to
    // notice its cut connections: a poll still held open would take a batch and lose it.)
    await waitFor(() => (fake.jsonRpc ? fake.liveSockets() === 0 : fake.pendingPolls() === 0), 'the fake to drop its connections');
    fake.deliver(env.text(ALICE, '/colis 03/12 pull, tabac'));
    fake.deliver(env.text(CHARLES, '/mes', { group: false }));
    fake.deliver(env.text(BERTHE, '/liste'));
    while (h.clock.now() < start + 30 * SECOND) {
      h.clock.advance(5 * SECOND);
      await h.settle();
    }
    expect(textsTo(fake, GROUP_RECIPIENT)).toHaveLength(groupBefore);
    expect(h.store.outbox.pendingCount()).toBe(1);

    await fake.resumeListening();
    await w.connected();
    // Once the receive side is back, the three queued messages reach the core (the /mes of a
    // member in no group is answered but not remembered, so wait for its answer instead).
    await waitFor(() => h.store.outbox.pendingCount() >= 4, 'the queued commands');
    h.clock.advance(SECOND);
    await w.drainAll();
    expect(groupHeads(w, groupBefore)).toEqual([expect.stringMatching(/^#1 Visite/), expect.stringMatching(/^#2 Colis/), 'Demandes ouvertes et prises :']);
    expect(textsTo(fake, CHARLES.uuid)).toEqual(['Tu n’as aucune demande en cours.']);
    expectEachDeliveredOnce(fake);
    expectPrivateLogs(w.transportLogs);
  });

  it('survives a restart between receiving a command and sending its reply, and ignores a redelivered copy', async () => {
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    const a = await world({ dir: temp.dir });
    const { fake } = a;
    await a.link(ALICE);
    const command = await a.say(env.text(ALICE, '/colis 04/12 pull, tabac'));
    await a.handled(command);
    await a.settleFailing({ kind: 'server-error' });
    expect(a.h.store.outbox.pendingCount()).toBe(1);
    const key = a.h.key;
    const later = a.h.clock.now() + 60 * SECOND;
    await a.h.close();
    worlds = worlds.filter((w) => w !== a);
    if (mode === 'json-rpc') await waitFor(() => fake.liveSockets() === 0, 'the first socket closed');

    const b = await world({ fake, dir: temp.dir, key, now: later });
    const post = await b.botSaid(GROUP_RECIPIENT, /^#1 Colis/);
    expect(post.quoteTimestamp).toBe(timestampOf(command));
    expect(post.quoteAuthor).toBe(ALICE.uuid);

    // Signal hands the same envelope over again (same sender, same timestamp), then a sentinel.
    await b.say(command);
    const sentinel = await b.say(env.text(ALICE, '/liste'));
    const list = await b.botSaid(GROUP_RECIPIENT, /^Demandes ouvertes et prises :/);
    expect(list.quoteTimestamp).toBe(timestampOf(sentinel));
    await b.h.settle();
    expect(textsTo(fake, GROUP_RECIPIENT).filter((t) => t.startsWith('#1 Colis'))).toHaveLength(1);
    expect(textsTo(fake, GROUP_RECIPIENT).filter((t) => t.startsWith('#2'))).toHaveLength(0);
    // The post was recorded when it finally went out: a quote reply to it still works.
    await b.say(env.text(BERTHE, 'je prends', { quote: botMessage(post) }));
    await b.botSaid(GROUP_RECIPIENT, /^✅ #1 : Berthe s’en charge\.$/);
    expectEachDeliveredOnce(fake);
    expectPrivateLogs(b.transportLogs);
  });

  it('tells the coordinator once about a captcha while several group sends fail, then delivers what waited once', async () => {
    const w = await world();
    const { fake, h } = w;
    await w.link(ALICE);
    const groupBefore = textsTo(fake, GROUP_RECIPIENT).length;
    const captcha: SendFailure = { kind: 'captcha', retryAfterSeconds: 60 };

    const visit = await w.say(env.text(ALICE, '/visite 01/12 14h30 places 2'));
    await w.handled(visit);
    await w.settleFailing(captcha);
    const list = await w.say(env.text(CHARLES, '/liste'));
    await w.handled(list);
    // Two more rounds: the post is retried and fails again each time.
    for (let round = 0; round < 2; round += 1) {
      advanceUntilDue(h);
      await w.settleFailing(captcha);
    }
    expect(fake.sent.filter((s) => !s.delivered)).toHaveLength(3);
    expect(textsTo(fake, GROUP_RECIPIENT)).toHaveLength(groupBefore);
    const alerts = textsTo(fake, ALICE.uuid).filter((t) => t.includes('captcha'));
    expect(alerts).toEqual([CAPTCHA_ALERT]);

    // The challenge is solved: the fake stops failing; the waiting replies go out, once, in order.
    await w.drainAll();
    expect(groupHeads(w, groupBefore)).toEqual([expect.stringMatching(/^#1 Visite/), 'Demandes ouvertes et prises :']);
    expect(textsTo(fake, ALICE.uuid).filter((t) => t.includes('captcha'))).toHaveLength(1);
    expect(textsTo(fake, GROUP_RECIPIENT).some((t) => t.includes('captcha'))).toBe(false);
    expectEachDeliveredOnce(fake);
    expectPrivateLogs(w.transportLogs);
    expectPrivateLogs(h.logs);
  });

  // A captcha is demanded for the bot's whole account: a group send and a direct message that
  // both hit it are one episode, told once (it once was filed per member, and told twice).
  it('tells the coordinator once about a captcha that hits a group send and a direct message', async () => {
    const w = await world();
    const { fake } = w;
    await w.link(ALICE);
    await w.say(env.text(ALICE, '/visite 01/12 14h30 places 2'));
    const post = await w.botSaid(GROUP_RECIPIENT, /^#1 Visite/);
    // Charles's claim queues its answer in the group and the first-claim greeting to him.
    const claim = await w.say(env.text(CHARLES, 'je prends', { quote: botMessage(post) }));
    await w.handled(claim);
    await w.settleFailing({ kind: 'captcha', retryAfterSeconds: 60 });
    expect(fake.sent.filter((s) => !s.delivered)).toHaveLength(2);
    await w.drainAll();
    expect(textsTo(fake, ALICE.uuid).filter((t) => t.includes('captcha'))).toEqual([CAPTCHA_ALERT]);
  });
});
