// POST /v2/send: request shapes (group, direct, quote, edit), both success body shapes, and
// every failure class turned into the right DeliveryError (or a receipt with problems).

import { afterEach, describe, expect, it } from 'vitest';
import type { SignalTransport } from '../../bots/signal/signal-transport.js';
import { DeliveryError } from '../../src/core/delivery-error.js';
import { chatAddress, memberAddress, messageRef } from '../../src/core/ids.js';
import type { OutboundMessage } from '../../src/core/transport.js';
import { ALICE, BERTHE, BOT, CHARLES, GROUP } from '../fakes/signal/envelopes.js';
import { FakeSignal, type FakeMode } from '../fakes/signal/fake-signal.js';
import type { SendFailure } from '../fakes/signal/send-failures.js';
import { expectPrivateLogs, makeTransport } from './support.js';

const group = chatAddress('signal', GROUP.restId);
const alice = memberAddress('signal', ALICE.uuid);
const berthe = memberAddress('signal', BERTHE.uuid);
const post = (to: OutboundMessage['to'], extra: Partial<OutboundMessage> = {}): OutboundMessage => ({ id: 7, to, text: '#12 Visite CRA *demain*', ...extra });

let fake: FakeSignal | undefined;
let transport: SignalTransport | undefined;
let lines: string[] = [];
afterEach(async () => {
  expectPrivateLogs(lines, ['#12 Visite CRA']);
  await transport?.stop();
  await fake?.close();
  transport = undefined;
});

async function setup(mode: FakeMode = 'json-rpc', sendShape: 'object' | 'array' = 'object', timing = {}) {
  fake = await FakeSignal.start({ mode, sendShape });
  const made = makeTransport(fake, { timing });
  transport = made.transport;
  lines = made.logger.lines;
  return { fake, transport };
}

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe('send shapes', () => {
  it('sends to a group by its REST id, in normal text mode, and returns the string timestamp', async () => {
    const { fake, transport } = await setup();
    const receipt = await transport.send(post(group));
    const [sent] = fake.sent;
    expect(JSON.parse(sent!.raw)).toEqual({ number: BOT.number, recipients: [GROUP.restId], message: '#12 Visite CRA *demain*', text_mode: 'normal' });
    expect(sent?.request?.unknownFields).toEqual([]);
    expect(receipt).toEqual({ messageRef: messageRef(sent!.timestamp!) });
  });

  it('sends a direct message to the member UUID (hidden numbers too)', async () => {
    const { fake, transport } = await setup();
    await transport.send(post(berthe));
    expect(fake.sent[0]?.request?.recipients).toEqual([{ kind: 'number', value: BERTHE.uuid }]);
  });

  it('quotes a member message with its author UUID, and the bot post with the bot number', async () => {
    const { fake, transport } = await setup();
    await transport.send(post(group, { replyTo: { ref: messageRef(1_767_225_600_123), author: alice } }));
    await transport.send(post(group, { replyTo: { ref: messageRef(1_767_225_600_200) } }));
    await transport.send(post(group, { replyTo: { ref: messageRef(1_767_225_600_300), author: memberAddress('signal', BOT.number) } }));
    expect(fake.sent.map((s) => [s.request?.quoteTimestamp, s.request?.quoteAuthor])).toEqual([
      [1_767_225_600_123, ALICE.uuid],
      [1_767_225_600_200, BOT.number],
      [1_767_225_600_300, BOT.number],
    ]);
    expect(typeof JSON.parse(fake.sent[0]!.raw).quote_timestamp).toBe('number');
  });

  it('edits with edit_timestamp and keeps the original ref', async () => {
    const { fake, transport } = await setup();
    const receipt = await transport.send(post(group, { edit: messageRef(1_767_225_600_123), buttons: [{ action: 'claim', label: 'Je prends' }] }));
    expect(fake.sent[0]?.request?.editTimestamp).toBe(1_767_225_600_123);
    expect(fake.sent[0]?.request?.unknownFields).toEqual([]);
    expect(receipt.messageRef).toBe(messageRef(1_767_225_600_123));
  });

  it('reads the HEAD array body and its per-recipient errors', async () => {
    const { fake, transport } = await setup('json-rpc', 'array');
    const ok = await transport.send(post(group));
    expect(ok).toEqual({ messageRef: messageRef(fake.sent[0]!.timestamp!) });
    fake.failNextSend({ kind: 'partial', uuid: CHARLES.uuid, reason: 'IDENTITY_FAILURE' });
    const partial = await transport.send(post(group));
    // An identity failure holds the member (a core event), so the problem itself alerts nobody.
    expect(partial).toEqual({ messageRef: messageRef(fake.sent[1]!.timestamp!), problems: [{ code: 'SIGNAL_IDENTITY_FAILURE', member: memberAddress('signal', CHARLES.uuid) }] });
    fake.failNextSend({ kind: 'partial', uuid: CHARLES.uuid, reason: 'UNREGISTERED_FAILURE' });
    const gone = await transport.send(post(group));
    expect(gone.problems).toEqual([{ code: 'SIGNAL_UNREGISTERED', alert: 'recipient-unreachable', member: memberAddress('signal', CHARLES.uuid) }]);
  });

  it('0.100 json-rpc hides a partial failure behind a plain 201: still a success', async () => {
    const { fake, transport } = await setup('json-rpc', 'object');
    fake.failNextSend({ kind: 'partial', uuid: CHARLES.uuid, reason: 'IDENTITY_FAILURE' });
    expect(await transport.send(post(group))).toEqual({ messageRef: messageRef(fake.sent[0]!.timestamp!) });
  });

  it('normal mode: someone got it → 400 with the newlines stripped and the timestamp glued last; read as delivered', async () => {
    const { fake, transport } = await setup('normal');
    fake.failNextSend({ kind: 'partial', uuid: CHARLES.uuid, reason: 'RATE_LIMIT_FAILURE' });
    const receipt = await transport.send(post(group));
    const sent = fake.sent[0]!;
    expect(sent.status).toBe(400);
    expect(sent.delivered).toBe(true);
    // Charles is named by number (signal-cli knows it): the identity store gives his UUID.
    expect(receipt).toEqual({
      messageRef: messageRef(sent.timestamp!),
      problems: [{ code: 'SIGNAL_RATE_LIMITED', alert: 'rate-limited', member: memberAddress('signal', CHARLES.uuid) }],
    });
  });

  it('normal mode: a direct message nobody got is not delivered, though its output carries a timestamp', async () => {
    const { fake, transport } = await setup('normal');
    fake.failNextSend({ kind: 'rate-limit', retryAfterSeconds: 42 });
    const error = await failure(transport.send(post(alice)));
    expect(error).toMatchObject({ code: 'SIGNAL_RATE_LIMITED', retry: 'later', retryAfterMs: 42_000 });
    expect(fake.sent[0]?.delivered).toBe(false);
  });
});

describe('send failures', () => {
  const cases: { name: string; mode: FakeMode; failure: SendFailure; to?: OutboundMessage['to']; expected: Partial<DeliveryError> }[] = [
    { name: '500', mode: 'json-rpc', failure: { kind: 'server-error' }, expected: { code: 'SIGNAL_API_SERVER_ERROR', retry: 'later' } },
    { name: 'connection reset', mode: 'json-rpc', failure: { kind: 'reset' }, expected: { code: 'SIGNAL_API_UNREACHABLE', retry: 'later' } },
    { name: '429 with a challenge token', mode: 'json-rpc', failure: { kind: 'captcha' }, expected: { code: 'SIGNAL_CAPTCHA_REQUIRED', retry: 'later', alert: 'captcha-required', retryAfterMs: 30 * 60_000 } },
    // challenge_tokens [""]: no wait given; retried with the outbox backoff (signal-cli#2071).
    { name: '429 with empty tokens', mode: 'json-rpc', failure: { kind: 'rate-limit' }, expected: { code: 'SIGNAL_RATE_LIMITED', retry: 'later', alert: 'rate-limited', retryAfterMs: undefined } },
    { name: 'normal-mode 400 captcha text', mode: 'normal', failure: { kind: 'captcha', retryAfterSeconds: 120 }, expected: { code: 'SIGNAL_CAPTCHA_REQUIRED', retry: 'later', alert: 'captcha-required', retryAfterMs: 120_000 } },
    { name: 'normal-mode 400 rate-limit text', mode: 'normal', failure: { kind: 'rate-limit', retryAfterSeconds: 90 }, expected: { code: 'SIGNAL_RATE_LIMITED', retry: 'later', alert: 'rate-limited', retryAfterMs: 90_000 } },
    { name: '400 untrusted identities (direct)', mode: 'normal', to: alice, failure: { kind: 'untrusted' }, expected: { code: 'SIGNAL_UNTRUSTED_IDENTITY', retry: 'later', member: alice } },
    { name: '400 untrusted identities (json-rpc 0.100)', mode: 'json-rpc', to: alice, failure: { kind: 'untrusted' }, expected: { code: 'SIGNAL_UNTRUSTED_IDENTITY', retry: 'later' } },
    { name: '400 untrusted recipient keys (HEAD json-rpc)', mode: 'json-rpc', to: alice, failure: { kind: 'untrusted', head: true }, expected: { code: 'SIGNAL_UNTRUSTED_IDENTITY' } },
    { name: '400 unregistered user', mode: 'normal', to: alice, failure: { kind: 'unregistered' }, expected: { code: 'SIGNAL_UNREGISTERED', retry: 'never', alert: 'recipient-unreachable' } },
    { name: 'other 400', mode: 'json-rpc', failure: { kind: 'raw-400', text: 'Failed to send message' }, expected: { code: 'SIGNAL_SEND_REJECTED', retry: 'never' } },
  ];
  it.each(cases)('$name → $expected.code', async ({ mode, failure: injected, to, expected }) => {
    const { fake, transport } = await setup(mode);
    fake.failNextSend(injected);
    const error = await failure(transport.send(post(to ?? group)));
    expect(error).toMatchObject(expected);
    expect(fake.sent).toHaveLength(1); // never retried inside send
  });

  it('connection refused → retry later', async () => {
    const { fake, transport } = await setup();
    await fake.stopListening();
    expect(await failure(transport.send(post(group)))).toMatchObject({ code: 'SIGNAL_API_UNREACHABLE', retry: 'later' });
  });

  it('a slow API past the request timeout → retry later', async () => {
    const { fake, transport } = await setup('json-rpc', 'object', { requestTimeoutMs: 200 });
    fake.failNextSend({ kind: 'slow', ms: 2_000 });
    expect(await failure(transport.send(post(group)))).toMatchObject({ code: 'SIGNAL_API_TIMEOUT', retry: 'later' });
  });

  it('a slow answer within the timeout is a success', async () => {
    const { fake, transport } = await setup();
    fake.failNextSend({ kind: 'slow', ms: 300 });
    expect((await transport.send(post(group))).messageRef).toBeTruthy();
  });

  it('"429 but delivered" (signal-cli#2071) is retried: a rare double is the lesser harm, and it is logged', async () => {
    const { fake, transport } = await setup();
    fake.failNextSend({ kind: 'rate-limit-but-delivered' });
    expect(await failure(transport.send(post(group)))).toMatchObject({ code: 'SIGNAL_RATE_LIMITED', retry: 'later' });
    expect(fake.sent[0]?.delivered).toBe(true);
    expect(lines.some((l) => l.includes('SIGNAL_SEND_AMBIGUOUS') && l.includes('rate-limit-without-token'))).toBe(true);
  });

  it('a profile without a name only warns upstream: the group post goes out', async () => {
    const { fake, transport } = await setup('normal');
    fake.profileName = undefined;
    expect((await transport.send(post(group))).messageRef).toBe(messageRef(fake.sent[0]!.timestamp!));
  });

  it('the wrapper killed signal-cli at 120 s: retried later and logged as ambiguous', async () => {
    const { fake, transport } = await setup('normal');
    fake.costs = { processStartMs: 0, sendWorkMs: 400, killAfterMs: 100 };
    expect(await failure(transport.send(post(group)))).toMatchObject({ code: 'SIGNAL_CLI_KILLED', retry: 'later' });
    expect(fake.processes.killed).toBe(1);
    expect(lines.some((l) => l.includes('SIGNAL_SEND_AMBIGUOUS') && l.includes('killed'))).toBe(true);
  });

  it('normal mode: an account signal-cli does not know ("User … is not registered.") is an operator problem', async () => {
    fake = await FakeSignal.start({ mode: 'normal' });
    const { createSignalTransport } = await import('../../bots/signal/signal-transport.js');
    const { memoryLogger } = await import('../../src/logger.js');
    const logger = memoryLogger();
    lines = logger.lines;
    transport = createSignalTransport({ apiUrl: fake.url, number: '+33600000077', receiveMode: 'normal' }, { logger });
    expect(await failure(transport.send(post(alice)))).toMatchObject({ code: 'SIGNAL_ACCOUNT_MISSING', retry: 'later' });
  });

  it('a wrong account number is an operator problem, retried later', async () => {
    fake = await FakeSignal.start({ mode: 'json-rpc' });
    const { createSignalTransport } = await import('../../bots/signal/signal-transport.js');
    const { memoryLogger } = await import('../../src/logger.js');
    const logger = memoryLogger();
    lines = logger.lines;
    transport = createSignalTransport({ apiUrl: fake.url, number: '+33600000077', receiveMode: 'json-rpc' }, { logger });
    expect(await failure(transport.send(post(group)))).toMatchObject({ code: 'SIGNAL_ACCOUNT_MISSING', retry: 'later' });
  });

  it('refuses addresses of other transports and malformed group ids without calling the API', async () => {
    const { fake, transport } = await setup();
    expect(await failure(transport.send(post(chatAddress('telegram', '-100123'))))).toMatchObject({ code: 'SIGNAL_FOREIGN_ADDRESS', retry: 'never' });
    expect(await failure(transport.send(post(chatAddress('signal', 'group.QUFF'))))).toMatchObject({ code: 'SIGNAL_BAD_GROUP_ID', retry: 'never' });
    expect(fake.sent).toHaveLength(0);
  });
});
