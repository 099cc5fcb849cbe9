// Inbound in both receive families against the fake: normal-mode long polling (text/plain
// JSON arrays) and json-rpc websockets. The same envelopes must map the same way.

import { afterEach, describe, expect, it } from 'vitest';
import type { SignalTransport } from '../../bots/signal/signal-transport.js';
import { chatAddress, memberAddress, messageRef } from '../../src/core/ids.js';
import * as env from '../fakes/signal/envelopes.js';
import { ALICE, BERTHE, BOT, CHARLES, GROUP } from '../fakes/signal/envelopes.js';
import { FakeSignal, type FakeMode } from '../fakes/signal/fake-signal.js';
import { expectPrivateLogs, makeTransport, recorder, waitFor } from './support.js';

const group = chatAddress('signal', GROUP.restId);
const alice = memberAddress('signal', ALICE.uuid);

describe.each<FakeMode>(['normal', 'json-rpc'])('receiving in %s mode', (mode) => {
  let fake: FakeSignal | undefined;
  let transport: SignalTransport | undefined;
  afterEach(async () => {
    await transport?.stop();
    await fake?.close();
    transport = undefined;
    fake = undefined;
  });

  async function started(options: Parameters<typeof makeTransport>[1] = {}) {
    fake = await FakeSignal.start({ mode, pingIntervalMs: 200, maxPollMs: 500 });
    const made = makeTransport(fake, options);
    transport = made.transport;
    const rec = recorder();
    await transport.start(rec.handler);
    if (mode === 'json-rpc') await waitFor(() => fake!.liveSockets() === 1, 'websocket connected');
    return { fake, rec, logger: made.logger };
  }

  it('maps a group text, a reply with a quote and a direct message', async () => {
    const { fake, rec, logger } = await started();
    const first = env.text(ALICE, '/visite demain 14h');
    const reply = env.text(ALICE, 'je prends', { quote: { id: 1_767_225_500_000, author: BOT, text: '#12 Visite' } });
    const direct = env.text(ALICE, 'OK', { group: false });
    fake.deliver(first);
    fake.deliver(reply);
    fake.deliver(direct);
    await waitFor(() => rec.taken.length >= 3, 'three events');
    const ts = (r: env.Received) => (r.envelope as { timestamp: number }).timestamp;
    expect(rec.taken[0]).toEqual({
      kind: 'message',
      dedupeKey: `signal:${ALICE.uuid}:${ts(first)}`,
      transport: 'signal',
      chat: group,
      chatKind: 'group',
      sender: alice,
      senderName: 'Alice',
      messageRef: messageRef(ts(first)),
      text: '/visite demain 14h',
    });
    expect(rec.taken[1]).toMatchObject({ kind: 'message', text: 'je prends', replyTo: messageRef(1_767_225_500_000), chat: group });
    expect(rec.taken[2]).toMatchObject({ kind: 'message', chat: chatAddress('signal', ALICE.uuid), chatKind: 'direct', sender: alice, text: 'OK' });
    expectPrivateLogs(logger.lines, ['/visite demain 14h', 'je prends']);
  });

  it('keys hidden-number senders by UUID and leaves out a missing name', async () => {
    const { fake, rec } = await started();
    fake.deliver(env.text(BERTHE, 'je prends'));
    fake.deliver(env.text(CHARLES, 'moi aussi'));
    await waitFor(() => rec.taken.length >= 2, 'two events');
    expect(rec.taken[0]).toMatchObject({ sender: memberAddress('signal', BERTHE.uuid), senderName: 'Berthe' });
    expect(rec.taken[1]).toMatchObject({ sender: memberAddress('signal', CHARLES.uuid) });
    expect(rec.taken[1]).not.toHaveProperty('senderName');
  });

  it('maps reactions and their removal', async () => {
    const { fake, rec } = await started();
    const target = { id: 1_767_225_500_000, author: BOT };
    fake.deliver(env.reaction(ALICE, target, { emoji: '👍' }));
    fake.deliver(env.reaction(ALICE, target, { emoji: '👍', remove: true }));
    await waitFor(() => rec.taken.length >= 2, 'two reactions');
    expect(rec.taken[0]).toMatchObject({ kind: 'reaction', emoji: '👍', target: messageRef(target.id), removed: false, chat: group, sender: alice });
    expect(rec.taken[1]).toMatchObject({ kind: 'reaction', removed: true });
  });

  it('ignores edits, deletes, receipts, typing, sync, exceptions and senderless envelopes; a group update becomes who remains', async () => {
    const { fake, rec, logger } = await started();
    const original = 1_767_225_500_000;
    for (const item of [
      env.edit(ALICE, original, '/visite après-demain'),
      env.remoteDelete(ALICE, original),
      env.receipt(ALICE, [original]),
      env.typing(ALICE),
      env.syncSent(ALICE, 'from the phone'),
      env.groupUpdate(ALICE),
      env.undecryptable(ALICE),
      env.anonymous('who am I'),
      { error: 'signal-cli notification failed', account: BOT.number },
      env.text(ALICE, 'sentinel'),
    ]) {
      fake.deliver(item);
    }
    await waitFor(() => rec.taken.length >= 3, 'the group update (two events) and the sentinel');
    // The group update is checked against GET /v1/groups…?expand=true: the bot is in it (a paused
    // group resumes), and who remains, bot left out.
    expect(rec.attempts.map((e) => (e.kind === 'message' ? e.text : e.kind))).toEqual(['bot-membership', 'member-left', 'sentinel']);
    expect(rec.attempts[0]).toMatchObject({ kind: 'bot-membership', chat: group, chatKind: 'group', present: true });
    expect(rec.attempts[1]).toMatchObject({
      kind: 'member-left',
      chat: group,
      remaining: [ALICE, BERTHE, CHARLES].map((p) => memberAddress('signal', p.uuid)),
    });
    for (const reason of ['edit', 'remote-delete', 'receipt', 'typing', 'sync', 'exception', 'no-source-uuid', 'error-frame']) {
      expect(logger.lines.some((l) => l.includes('SIGNAL_ENVELOPE_IGNORED') && l.includes(`"reason":"${reason}"`))).toBe(true);
    }
    expectPrivateLogs(logger.lines, ['sentinel', 'who am I', 'from the phone']);
  });

  it('hands a duplicate envelope over once', async () => {
    const { fake, rec } = await started();
    const once = env.text(ALICE, '/liste');
    fake.deliver(once);
    fake.deliver(once);
    fake.deliver(env.text(ALICE, 'after'));
    await waitFor(() => rec.taken.length >= 2, 'two events');
    expect(rec.attempts.filter((e) => e.kind === 'message' && e.text === '/liste')).toHaveLength(1);
  });

  it('awaits each hand-over, in order, before taking the next', async () => {
    const { fake, rec } = await started();
    let release!: () => void;
    rec.gate = new Promise<void>((resolve) => (release = resolve));
    fake.deliver(env.text(ALICE, 'one'));
    fake.deliver(env.text(ALICE, 'two'));
    fake.deliver(env.text(ALICE, 'three'));
    await waitFor(() => rec.attempts.length >= 1, 'first hand-over');
    // Give the adapter every chance to push the next one while the first is held.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(rec.attempts).toHaveLength(1);
    rec.gate = undefined;
    release();
    await waitFor(() => rec.taken.length >= 3, 'all three');
    expect(rec.taken.map((e) => (e.kind === 'message' ? e.text : ''))).toEqual(['one', 'two', 'three']);
  });

  it('retries an event the core failed to take, then moves on', async () => {
    const { fake, rec, logger } = await started();
    rec.failNext(2);
    fake.deliver(env.text(ALICE, 'kept'));
    fake.deliver(env.text(ALICE, 'next'));
    await waitFor(() => rec.taken.length >= 2, 'both events');
    expect(rec.taken.map((e) => (e.kind === 'message' ? e.text : ''))).toEqual(['kept', 'next']);
    expect(logger.lines.filter((l) => l.includes('SIGNAL_EVENT_RETRY'))).toHaveLength(2);
  });

  it('gives up loudly after the last attempt instead of stalling forever', async () => {
    const { fake, rec, logger } = await started();
    rec.failNext(5);
    fake.deliver(env.text(ALICE, 'poisoned'));
    fake.deliver(env.text(ALICE, 'next'));
    await waitFor(() => rec.taken.length >= 1, 'the next event');
    expect(rec.taken.map((e) => (e.kind === 'message' ? e.text : ''))).toEqual(['next']);
    expect(logger.lines.some((l) => l.includes('SIGNAL_EVENT_LOST') && l.includes('"attempts":5'))).toBe(true);
  });

  it('follows GET /v1/about when no receive mode is configured', async () => {
    const { fake, rec } = await started({ receiveMode: 'ask' });
    await waitFor(() => transport!.receiveMode(), 'mode discovered');
    expect(transport!.receiveMode()).toBe(mode);
    if (mode === 'json-rpc') await waitFor(() => fake.liveSockets() >= 1, 'websocket');
    fake.deliver(env.text(ALICE, 'hello'));
    await waitFor(() => rec.taken.length >= 1, 'event');
  });
});

describe('normal-mode polling', () => {
  let fake: FakeSignal | undefined;
  let transport: SignalTransport | undefined;
  afterEach(async () => {
    await transport?.stop();
    await fake?.close();
  });

  it('keeps the good envelopes when a Java stack trace is spliced into the body', async () => {
    fake = await FakeSignal.start({ mode: 'normal', maxPollMs: 500 });
    const made = makeTransport(fake);
    transport = made.transport;
    const rec = recorder();
    fake.junkInNextPoll(env.STACK_TRACE);
    for (const t of ['a', 'b', 'c', 'd']) fake.deliver(env.text(ALICE, t));
    await transport.start(rec.handler);
    await waitFor(() => rec.taken.length >= 4, 'four events');
    expect(rec.taken.map((e) => (e.kind === 'message' ? e.text : ''))).toEqual(['a', 'b', 'c', 'd']);
    expect(made.logger.lines.some((l) => l.includes('SIGNAL_RECEIVE_JUNK'))).toBe(true);
  });

  it('keeps the envelopes of a receive that failed after reading them (400 with stdout + stderr, cli.go)', async () => {
    fake = await FakeSignal.start({ mode: 'normal', maxPollMs: 200 });
    const made = makeTransport(fake);
    transport = made.transport;
    const rec = recorder();
    fake.failNextReceive('ERROR ReceiveCommand - Connection closed unexpectedly');
    for (const t of ['first', 'second']) fake.deliver(env.text(ALICE, t));
    await transport.start(rec.handler);
    await waitFor(() => rec.taken.length >= 2, 'both envelopes');
    expect(rec.taken.map((e) => (e.kind === 'message' ? e.text : ''))).toEqual(['first', 'second']);
    expect(made.logger.lines.some((l) => l.includes('SIGNAL_RECEIVE_FAILED_WITH_ENVELOPES'))).toBe(true);
    expect(fake.lostEnvelopes).toBe(0);
  });

  it('asks for a numeric timeout and keeps polling after the API was down', async () => {
    fake = await FakeSignal.start({ mode: 'normal', maxPollMs: 200 });
    const made = makeTransport(fake);
    transport = made.transport;
    const rec = recorder();
    await transport.start(rec.handler);
    await waitFor(() => fake!.polls.length >= 1, 'a poll');
    // Short, capped polls that leave photos, stickers and stories on Signal's side.
    expect(fake.polls[0]).toEqual({ timeout: '1', maxMessages: '2', ignoreAttachments: 'true', ignoreStories: 'true' });
    await fake.stopListening();
    await waitFor(() => made.logger.lines.some((l) => l.includes('SIGNAL_POLL_FAILED')), 'a failed poll');
    const before = fake.polls.length;
    await fake.resumeListening();
    // A receive whose client went away still runs upstream and would take (and lose) what
    // arrives: wait until a poll made after the outage has completed (the lock is FIFO).
    await waitFor(() => fake!.polls.length >= before + 2, 'the abandoned receive to end');
    fake.deliver(env.text(ALICE, 'while you were away'));
    await waitFor(() => rec.taken.length >= 1, 'the waiting message');
  });

  it('stop() lets the running poll finish and hands its batch over (it is already acked)', async () => {
    fake = await FakeSignal.start({ mode: 'normal', maxPollMs: 5_000 });
    const made = makeTransport(fake);
    transport = made.transport;
    const rec = recorder();
    await transport.start(rec.handler);
    await waitFor(() => fake!.pendingPolls() === 1, 'a poll held open');
    const stopped = transport.stop();
    fake.deliver(env.text(ALICE, 'arrived while stopping'));
    await stopped;
    expect(rec.taken.map((e) => (e.kind === 'message' ? e.text : ''))).toEqual(['arrived while stopping']);
    expect(fake.polls).toHaveLength(1);
  });
});
