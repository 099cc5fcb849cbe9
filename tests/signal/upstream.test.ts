// The Signal adapter with the real core against the upstream-faithful fake (one signal-cli per
// call with its start cost, one at a time per account, receive timeout restarted by every
// envelope, per-recipient send results): what issue #10 asks, in both receive families.
// The fake runs on a compressed clock (timeScale) so a minute of chatter lasts about a second.

import { afterEach, describe, expect, it } from 'vitest';
import { SignalModeMismatch } from '../../bots/signal/server-mode.js';
import { memoryLogger } from '../../src/logger.js';
import { createSignalTransport } from '../../bots/signal/signal-transport.js';
import { NORMAL_COSTS } from '../fakes/signal/cli-process.js';
import * as env from '../fakes/signal/envelopes.js';
import { ALICE, BERTHE, BOT, CHARLES, MENTION } from '../fakes/signal/envelopes.js';
import { FakeSignal, type FakeMode } from '../fakes/signal/fake-signal.js';
import { advanceUntilDue, botMessage, delivered, expectEachDeliveredOnce, GROUP_RECIPIENT, startWorld, textsTo, type World } from './core-support.js';
import { expectPrivateLogs, recorder, upstreamTiming, waitFor } from './support.js';

/** One upstream second lasts 20 ms. */
const SCALE = 0.02;
const GREETING = 'Bonjour ! Tu t’es engagé·e sur #1. Je t’enverrai tes rappels ici ; réponds OK pour confirmer ou LÂCHER si tu ne peux plus.';

describe.each<FakeMode>(['normal', 'json-rpc'])('signal against upstream behaviour (%s mode)', (mode) => {
  let w: World | undefined;
  afterEach(async () => {
    await w?.h.close();
    await w?.fake.close();
    w = undefined;
  });

  async function world(scaled = false): Promise<World> {
    if (!scaled) return (w = await startWorld(mode, { verifyIdentity: true }));
    const fake = await FakeSignal.start({ mode, timeScale: SCALE, costs: NORMAL_COSTS, pingIntervalMs: 200 });
    return (w = await startWorld(mode, { fake, timing: upstreamTiming(SCALE) }));
  }

  const visits = (world: World): string[] => textsTo(world.fake, GROUP_RECIPIENT).filter((t) => /^#\d+ Visite/.test(t));

  it('answers every command exactly once while the group chatters (an envelope a second for a minute)', async () => {
    const { fake, h } = await world(true);
    await w!.link(ALICE);
    // The outbox runs all along, as in production; its clock moves a second per pass.
    let second = 0;
    let chatting = true;
    /** The chatter's second at which the first visit post was out. */
    let firstPostAt: number | undefined;
    const outbox = (async () => {
      while (chatting) {
        await h.settle();
        if (firstPostAt === undefined && visits(w!).length > 0) firstPostAt = second;
        h.clock.advance(1_000);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const commands: env.Received[] = [];
    const chatter = setInterval(() => {
      second += 1;
      if (second > 60) return;
      if (second % 10 === 5) {
        const command = env.text(ALICE, `/visite 0${commands.length + 1}/12 14h30 places 2`);
        commands.push(command);
        fake.deliver(command);
      } else if (second % 3 === 0) fake.deliver(env.typing(BERTHE));
      else if (second % 3 === 1) fake.deliver(env.receipt(CHARLES, [1_767_225_600_000]));
      else fake.deliver(env.text(BERTHE, 'on se retrouve où ?'));
    }, 1_000 * SCALE);
    try {
      await waitFor(() => second > 60 && visits(w!).length >= 6, 'six visit posts');
    } finally {
      clearInterval(chatter);
      chatting = false;
      await outbox;
    }
    h.clock.advance(3_600_000);
    await w!.drainAll();
    expect(visits(w!).map((t) => t.split(' ')[0])).toEqual(['#1', '#2', '#3', '#4', '#5', '#6']);
    // Answered while the chatter went on: one long poll would have held the command (sent at
    // second 5) until the group fell quiet, a minute later.
    expect(firstPostAt).toBeLessThan(60);
    expectEachDeliveredOnce(fake);
    // Nothing acknowledged on Signal's side was dropped, and no signal-cli was killed.
    expect([fake.lostEnvelopes, fake.processes.killed]).toEqual([0, 0]);
    expectPrivateLogs(w!.transportLogs);
  });

  it('holds a member whose key signal-cli refuses on send, and delivers their message once after /verify', async () => {
    const { fake, h } = await world();
    await w!.link(ALICE);
    await w!.say(env.text(ALICE, '/visite 01/12 14h30 places 2'));
    const post = await w!.botSaid(GROUP_RECIPIENT, /^#1 Visite/);
    // Charles reinstalled Signal: signal-cli will not send to his new key until it is trusted.
    const changed = fake.identities.change(CHARLES.uuid);
    const claim = await w!.say(env.text(CHARLES, 'je prends', { quote: botMessage(post) }));
    await w!.handled(claim);
    await h.settle();
    // The group heard the claim; the greeting to Charles did not go out and waits.
    expect(textsTo(fake, GROUP_RECIPIENT).some((t) => t.startsWith('✅ #1'))).toBe(true);
    expect(textsTo(fake, CHARLES.uuid)).toEqual([]);
    // He is held at once (not at the identity monitor's next check) and the coordinator is told.
    const group = h.store.groups.findByChat(`signal:${GROUP_RECIPIENT}` as never)!;
    const key = h.store.members.keyOf(group.id, `signal:${CHARLES.uuid}` as never);
    expect(h.store.members.isHeld(group.id, key)).toBe(true);
    await h.settle();
    expect(textsTo(fake, ALICE.uuid).filter((t) => t.startsWith('Le numéro de sécurité de'))).toHaveLength(1);
    // Retries meanwhile fail (signal-cli still refuses), nothing reaches Charles.
    advanceUntilDue(h);
    await h.settle();
    expect(textsTo(fake, CHARLES.uuid)).toEqual([]);

    const verify = await w!.say(env.text(ALICE, `/verifier ${changed.safety_number}`));
    await w!.handled(verify);
    await w!.botSaid(GROUP_RECIPIENT, /^✅ Le nouveau numéro de sécurité de .+ est vérifié/);
    expect(fake.identities.get(CHARLES.uuid)?.status).toBe('TRUSTED_VERIFIED');
    // At once, not at its next retry (the clock has not moved).
    await w!.botSaid(CHARLES.uuid, /^Bonjour !/);
    expect(textsTo(fake, CHARLES.uuid)).toEqual([GREETING]);
    h.clock.advance(3_600_000);
    await h.settle();
    expect(textsTo(fake, CHARLES.uuid)).toEqual([GREETING]);
    expectEachDeliveredOnce(fake);
    expectPrivateLogs(w!.transportLogs);
  });

  it('posts a group message once when one member is rate limited and the others got it', async () => {
    const { fake, h } = await world();
    await w!.link(ALICE);
    fake.failMember(CHARLES.uuid, { kind: 'rate-limit', retryAfterSeconds: 60 }, 3);
    await w!.say(env.text(ALICE, '/visite 01/12 14h30 places 2'));
    await w!.botSaid(GROUP_RECIPIENT, /^#1 Visite/);
    await w!.drainAll();
    h.clock.advance(3_600_000);
    await h.settle();
    expect(visits(w!)).toHaveLength(1);
    const attempt = fake.sent.find((s) => s.request?.message.startsWith('#1 Visite'))!;
    expect(attempt.reached).not.toContain(CHARLES.number);
    // normal mode answered 400 (errors printed before the timestamp) although it was delivered.
    expect(attempt.status).toBe(mode === 'normal' ? 400 : 201);
    expectEachDeliveredOnce(fake);
  });

  it('retries a send every recipient was rate limited for (json-rpc: 429 with an empty token) and delivers it once', async () => {
    const { fake } = await world();
    await w!.link(ALICE);
    fake.failNextSend({ kind: 'rate-limit' });
    await w!.handled(await w!.say(env.text(ALICE, '/visite 01/12 14h30 places 2')));
    await w!.drainAll();
    const attempts = fake.sent.filter((s) => s.request?.message.startsWith('#1 Visite'));
    expect(attempts.map((s) => [s.status, s.delivered])).toEqual([
      [mode === 'normal' ? 400 : 429, false],
      [201, true],
    ]);
    expect(visits(w!)).toHaveLength(1);
    if (mode === 'json-rpc') expect(w!.transportLogs.some((l) => l.includes('SIGNAL_SEND_AMBIGUOUS'))).toBe(true);
  });

  it('reads "@Parloir /liste" (U+FFFC and a mention of the bot) as /liste', async () => {
    const { fake } = await world();
    await w!.link(ALICE);
    await w!.say(env.text(ALICE, `${MENTION} /liste`, { mentionsAt: [{ who: BOT, start: 0 }] }));
    await w!.botSaid(GROUP_RECIPIENT, /^Aucune demande ouverte|^Demandes ouvertes/);
    // A photo shared in the group is not downloaded into signal-cli's volume (normal mode asks).
    await w!.say(env.text(BERTHE, 'regardez', { attachments: 2 }));
    await waitFor(() => (mode === 'normal' ? fake.polls.length > 3 : true), 'a few polls');
    if (mode === 'normal') expect(fake.attachmentsStored).toBe(0);
    expect(delivered(fake).length).toBeGreaterThan(0);
  });

  it('refuses to start when SIGNAL_RECEIVE_MODE and the server differ in family, naming both', async () => {
    const fake = await FakeSignal.start({ mode });
    try {
      const configured = mode === 'normal' ? 'json-rpc' : 'normal';
      const logger = memoryLogger();
      const transport = createSignalTransport({ apiUrl: fake.url, number: BOT.number, receiveMode: configured }, { logger });
      const error = await transport.start(recorder().handler).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(SignalModeMismatch);
      expect(error).toMatchObject({ configured, server: mode });
      expect(fake.polls.length + fake.socketsOpened).toBe(0);
    } finally {
      await fake.close();
    }
  });
});
