// The fake itself must behave like the real wrapper (NOTES §6), or the adapter tests prove
// nothing. Checked with plain axios, the way any client would see it.

import axios, { type AxiosResponse } from 'axios';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { internalGroupId, restGroupId } from '../../bots/signal/group-id.js';
import { ALICE, BERTHE, BOT, CHARLES, GROUP, text } from '../fakes/signal/envelopes.js';
import { FakeSignal } from '../fakes/signal/fake-signal.js';

let fake: FakeSignal | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const http = axios.create({ validateStatus: () => true, proxy: false });
const num = encodeURIComponent(BOT.number);
const send = (body: unknown): Promise<AxiosResponse> => http.post(`${fake!.url}/v2/send`, typeof body === 'string' ? body : JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });

describe('fake signal-cli-rest-api', () => {
  it('vendors a byte-identical copy of the spec', () => {
    const shared = new URL('../../../shared/contracts/signal-cli-rest-api.swagger.json', import.meta.url);
    const vendored = new URL('../fakes/signal/signal-cli-rest-api.swagger.json', import.meta.url);
    if (!existsSync(shared)) return; // outside the shared workspace there is nothing to compare with
    expect(readFileSync(vendored).equals(readFileSync(shared))).toBe(true);
  });

  it('converts group ids by double base64 (NOTES §3.2 example)', () => {
    expect(restGroupId(GROUP.internalId)).toBe(GROUP.restId);
    expect(internalGroupId(GROUP.restId)).toBe(GROUP.internalId);
  });

  it('answers about, health, unknown routes and group lookups like the wrapper', async () => {
    fake = await FakeSignal.start({ mode: 'json-rpc-native' });
    expect((await http.get(`${fake.url}/v1/about`)).data).toMatchObject({ mode: 'json-rpc', versions: ['v1', 'v2'] });
    expect((await http.get(`${fake.url}/v1/health`)).status).toBe(204);
    const unknown = await http.get(`${fake.url}/v1/nothing`);
    expect([unknown.status, unknown.data]).toEqual([404, '404 page not found']);
    const groups = (await http.get(`${fake.url}/v1/groups/${num}`)).data as { id: string; internal_id: string }[];
    expect(groups[0]).toMatchObject({ id: GROUP.restId, internal_id: GROUP.internalId });
    expect((await http.get(`${fake.url}/v1/groups/${num}/group.bm9wZQ==`)).data).toEqual({ error: 'No group with that id found' });
  });

  it('receives as a text/plain JSON array in normal mode; plain GET is a 400 in json-rpc mode', async () => {
    fake = await FakeSignal.start({ mode: 'normal', maxPollMs: 100 });
    const empty = await http.get(`${fake.url}/v1/receive/${num}?timeout=1`, { responseType: 'text' });
    expect([empty.status, empty.headers['content-type'], empty.data]).toEqual([200, 'text/plain; charset=utf-8', '[]']);
    expect((await http.get(`${fake.url}/v1/receive/${num}?timeout=1&ignore_attachments=yes`)).data).toEqual({
      error: "Couldn't process request - ignore_attachments parameter needs to be either 'true' or 'false'",
    });
    fake.mode = 'json-rpc';
    const plain = await http.get(`${fake.url}/v1/receive/${num}`);
    expect(plain.status).toBe(400);
    expect(plain.data.error).toContain("'upgrade' token not found");
  });

  it('validates /v2/send like the wrapper', async () => {
    fake = await FakeSignal.start();
    const base = { number: BOT.number, message: 'x', text_mode: 'normal' };
    const error = async (body: unknown) => {
      const r = await send(body);
      return [r.status, r.data.error];
    };
    expect(await error('{not json')).toEqual([400, "Couldn't process request - invalid request"]);
    expect(await error({ ...base, recipients: [ALICE.uuid], quote_timestamp: '123' })).toEqual([400, "Couldn't process request - invalid request"]);
    expect(await error({ ...base, recipients: [] })).toEqual([400, "Couldn't process request - please provide at least one recipient"]);
    expect(await error({ ...base, number: '', recipients: [ALICE.uuid] })).toEqual([400, "Couldn't process request - please provide a valid number"]);
    expect(await error({ ...base, recipients: [ALICE.uuid], view_once: true })).toEqual([400, "'view_once' can only be set for image attachments!"]);
    expect(await error({ ...base, recipients: [GROUP.restId, 'group.' + Buffer.from(Buffer.alloc(32, 7).toString('base64')).toString('base64')] })).toEqual([
      400,
      'A signal message cannot be sent to more than one group at once! Please use multiple REST API calls for that.',
    ]);
    expect((await error({ ...base, recipients: [GROUP.restId, ALICE.uuid] }))[1]).toMatch(/cannot be specified together/);
    expect(await error({ ...base, recipients: ['group.' + Buffer.from(Buffer.alloc(16).toString('base64')).toString('base64')] })).toEqual([400, 'Invalid Signal group size (16']);
    // The raw internal id without "group." is taken as a username.
    expect((await error({ ...base, recipients: [GROUP.internalId] }))[1]).toContain("Username must contain a '.'");
    expect(await error({ ...base, recipients: [ALICE.uuid], quote_timestamp: 1 })).toEqual([400, 'Quote author parameter is missing']);
    // Normal mode: signal-cli itself refuses the -a (App.java); json-rpc words it differently.
    expect(await error({ ...base, number: '+33600000077', recipients: [ALICE.uuid] })).toEqual([400, 'User +33600000077 is not registered.\n']);
    const ok = await send({ ...base, recipients: [ALICE.number] });
    expect(ok.status).toBe(201);
    expect(ok.data).toEqual({ timestamp: expect.stringMatching(/^\d{13}$/) });
  });

  it('checks trust requests with the exact wrapper messages', async () => {
    fake = await FakeSignal.start();
    const identity = fake.identities.add(ALICE);
    const trust = async (body: unknown) => {
      const r = await http.put(`${fake!.url}/v1/identities/${num}/trust/${ALICE.uuid}`, body);
      return [r.status, r.data?.error];
    };
    expect(await trust({})).toEqual([400, "Couldn't process request - please either provide a safety number (preferred & more secure) or set 'trust_all_known_keys' to true"]);
    expect(await trust({ trust_all_known_keys: false })).toEqual([400, "Couldn't process request - please either provide a safety number (preferred & more secure) or set 'trust_all_known_keys' to true"]);
    expect(await trust({ verified_safety_number: '1', trust_all_known_keys: true })).toEqual([
      400,
      "Couldn't process request - please either provide a safety number or set 'trust_all_known_keys' to true. But do not set both parameters at once!",
    ]);
    expect(await trust({ verified_safety_number: '' })).toEqual([400, "Couldn't process request - please provide a valid safety number"]);
    expect((await trust({ verified_safety_number: identity.safety_number }))[0]).toBe(204);
    const [listed] = (await http.get(`${fake.url}/v1/identities/${num}`)).data as { status: string; added: string }[];
    expect(listed).toMatchObject({ status: 'TRUSTED_VERIFIED', added: expect.stringMatching(/^\d+$/) });
  });

  it('runs one signal-cli per call, one at a time per account, each paying its start (cli.go Execute, SignalAccount lock)', async () => {
    fake = await FakeSignal.start({ mode: 'normal', costs: { processStartMs: 100, sendWorkMs: 50 } });
    const started = Date.now();
    const sends = await Promise.all([1, 2, 3].map(() => send({ number: BOT.number, recipients: [ALICE.uuid], message: 'x' })));
    const took = Date.now() - started;
    expect(sends.map((r) => r.status)).toEqual([201, 201, 201]);
    // Starts overlap, the work does not: at least one start plus three sends, serially.
    expect(took).toBeGreaterThanOrEqual(100 + 3 * 50 - 5);
    expect(fake.processes.started.send).toBe(3);
  });

  it('receive: every envelope restarts the timeout, max_messages ends it early (ReceiveHelper)', async () => {
    // timeout=1 is 500 ms here: long enough that a busy machine's event-loop stalls do not end
    // the receive between two drips, short enough that the drip outlasts it several times.
    fake = await FakeSignal.start({ mode: 'normal', timeScale: 0.5 });
    for (const t of ['a', 'b', 'c']) fake.deliver(text(ALICE, t));
    const capped = await http.get(`${fake.url}/v1/receive/${num}?timeout=1&max_messages=2`, { responseType: 'text' });
    expect(JSON.parse(capped.data as string)).toHaveLength(2);
    await http.get(`${fake.url}/v1/receive/${num}?timeout=1`); // takes the third, leaves the queue empty
    // Eight envelopes 150 ms apart (1.05 s in all, twice the timeout) keep one receive open.
    const drips = 8;
    let sent = 0;
    const drip = setInterval(() => {
      fake!.deliver(text(ALICE, `drip ${++sent}`));
      if (sent === drips) clearInterval(drip);
    }, 150);
    const started = Date.now();
    const body = JSON.parse((await http.get(`${fake.url}/v1/receive/${num}?timeout=1`, { responseType: 'text' })).data as string) as unknown[];
    clearInterval(drip);
    expect(sent).toBe(drips);
    expect(body).toHaveLength(drips);
    expect(Date.now() - started).toBeGreaterThanOrEqual(7 * 150);
  });

  it('receive: killed at 120 s, what it read is lost; a failing receive answers 400 with its envelopes', async () => {
    fake = await FakeSignal.start({ mode: 'normal', timeScale: 0.001 });
    const drip = setInterval(() => fake!.deliver(text(ALICE, 'chatter')), 20);
    const killed = await http.get(`${fake.url}/v1/receive/${num}?timeout=30`);
    clearInterval(drip);
    expect([killed.status, killed.data]).toEqual([400, { error: 'process killed as timeout reached' }]);
    expect(fake.lostEnvelopes).toBeGreaterThan(0);
    fake.deliver(text(ALICE, 'kept'));
    fake.failNextReceive('ERROR ReceiveCommand - Connection closed unexpectedly');
    const failed = await http.get(`${fake.url}/v1/receive/${num}?timeout=1`);
    expect(failed.status).toBe(400);
    expect(failed.data.error).toMatch(/^\{"envelope".*"kept".*\}\nERROR ReceiveCommand/s);
  });

  it('lists identities like the wrapper: "" for a hidden number, safety numbers in 12 groups of 5 digits', async () => {
    fake = await FakeSignal.start();
    const listed = (await http.get(`${fake.url}/v1/identities/${num}`)).data as { number: string; uuid: string; safety_number: string }[];
    const berthe = listed.find((i) => i.uuid === BERTHE.uuid);
    expect(berthe?.number).toBe('');
    expect(berthe?.safety_number).toMatch(/^(\d{5} ){11}\d{5}$/);
  });

  it('answers partial and total send failures with upstream texts (SendMessageResultUtils, client.go send)', async () => {
    fake = await FakeSignal.start({ mode: 'normal' });
    const base = { number: BOT.number, message: 'x' };
    fake.failMember(CHARLES.uuid, { kind: 'partial', uuid: CHARLES.uuid, reason: 'IDENTITY_FAILURE' });
    const partial = await send({ ...base, recipients: [GROUP.restId] });
    const ts = fake.sent[0]!.timestamp!;
    expect([partial.status, partial.data.error]).toEqual([400, `Failed to send (some) messages:${GROUP.internalId}: Untrusted Identity for "${CHARLES.number}"${ts}`]);
    fake.failNextSend({ kind: 'rate-limit', retryAfterSeconds: 30 });
    const total = await send({ ...base, recipients: [ALICE.uuid] });
    expect(total.data.error).toMatch(new RegExp(`^Failed to send \\(some\\) messages:\n${ALICE.uuid}: Rate limit failure for "\\${ALICE.number}", retry after 30 seconds\n\\d+\nFailed to send message due to rate limiting\n$`));
    expect(fake.sent[1]?.delivered).toBe(false);
    fake.mode = 'json-rpc';
    fake.failNextSend({ kind: 'rate-limit' });
    const limited = await send({ ...base, recipients: [GROUP.restId] });
    expect([limited.status, limited.data.challenge_tokens]).toEqual([429, ['', '', '']]);
  });
});
