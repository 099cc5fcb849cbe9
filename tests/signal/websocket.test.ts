// json-rpc websocket resilience: reconnect after the server drops the link, detect a
// half-open link (no pongs, no pings) and replace it, and the documented loss window.

import { afterEach, describe, expect, it } from 'vitest';
import type { SignalTransport } from '../../bots/signal/signal-transport.js';
import * as env from '../fakes/signal/envelopes.js';
import { ALICE } from '../fakes/signal/envelopes.js';
import { FakeSignal } from '../fakes/signal/fake-signal.js';
import { SignalModeMismatch } from '../../bots/signal/server-mode.js';
import WebSocket from 'ws';
import { makeTransport, recorder, waitFor } from './support.js';

describe('json-rpc websocket', () => {
  let fake: FakeSignal | undefined;
  let transport: SignalTransport | undefined;
  afterEach(async () => {
    await transport?.stop();
    await fake?.close();
    transport = undefined;
  });

  it('reconnects at once after the server drops the websocket', async () => {
    fake = await FakeSignal.start({ mode: 'json-rpc', pingIntervalMs: 200 });
    const made = makeTransport(fake);
    transport = made.transport;
    const rec = recorder();
    await transport.start(rec.handler);
    await waitFor(() => fake!.liveSockets() === 1, 'first connection');
    fake.dropSockets();
    await waitFor(() => fake!.socketsOpened >= 2 && fake!.liveSockets() === 1, 'second connection');
    fake.deliver(env.text(ALICE, 'after the drop'));
    await waitFor(() => rec.taken.length >= 1, 'event on the new connection');
    expect(made.logger.lines.some((l) => l.includes('SIGNAL_WS_DISCONNECTED'))).toBe(true);
  });

  it('replaces a half-open link: the server stops answering pongs and pinging', async () => {
    fake = await FakeSignal.start({ mode: 'json-rpc', pingIntervalMs: 60_000 });
    const made = makeTransport(fake, { timing: { pingIntervalMs: 100, idleTimeoutMs: 800 } });
    transport = made.transport;
    const rec = recorder();
    await transport.start(rec.handler);
    await waitFor(() => fake!.liveSockets() === 1, 'first connection');
    // Pongs keep an idle but healthy link alive past the idle timeout.
    await waitFor(() => made.logger.lines.some((l) => l.includes('SIGNAL_WS_CONNECTED')), 'connected log');
    fake.stallSockets();
    await waitFor(() => made.logger.lines.some((l) => l.includes('SIGNAL_WS_HALF_OPEN')), 'half-open detected');
    await waitFor(() => fake!.liveSockets() === 1 && fake!.socketsOpened >= 2, 'a fresh connection');
    fake.deliver(env.text(ALICE, 'on the fresh link'));
    await waitFor(() => rec.taken.length >= 1, 'event');
  });

  it('keeps a quiet link that answers pongs', async () => {
    fake = await FakeSignal.start({ mode: 'json-rpc', pingIntervalMs: 60_000 });
    const made = makeTransport(fake, { timing: { pingIntervalMs: 50, idleTimeoutMs: 2_000 } });
    transport = made.transport;
    await transport.start(recorder().handler);
    await waitFor(() => fake!.liveSockets() === 1, 'connection');
    // Counted in answered pings, not wall time: 60 pongs span one and a half idle timeouts or more.
    await waitFor(() => fake!.pongsSent >= 60, 'sixty pongs');
    expect(fake.socketsOpened).toBe(1);
    expect(made.logger.lines.some((l) => l.includes('SIGNAL_WS_HALF_OPEN'))).toBe(false);
  });

  it('start waits for the API to answer GET /v1/about, then backs off while it refuses connections', async () => {
    fake = await FakeSignal.start({ mode: 'json-rpc', pingIntervalMs: 200 });
    const made = makeTransport(fake);
    transport = made.transport;
    const rec = recorder();
    await fake.stopListening();
    const started = transport.start(rec.handler);
    await waitFor(() => made.logger.lines.filter((l) => l.includes('SIGNAL_ABOUT_FAILED')).length >= 2, 'the start retrying /v1/about');
    await fake.resumeListening();
    await started;
    await waitFor(() => fake!.liveSockets() === 1, 'connection');
    await fake.stopListening();
    await waitFor(() => made.logger.lines.filter((l) => l.includes('SIGNAL_WS_DISCONNECTED')).length >= 3, 'several failed attempts');
    await fake.resumeListening();
    await waitFor(() => fake!.liveSockets() === 1, 'connection after the outage');
    fake.deliver(env.text(ALICE, 'back'));
    await waitFor(() => rec.taken.length >= 1, 'event');
  });

  it('frames sent while no websocket is connected are lost (the real server drops them)', async () => {
    fake = await FakeSignal.start({ mode: 'json-rpc', pingIntervalMs: 200 });
    fake.deliver(env.text(ALICE, 'nobody listening'));
    expect(fake.droppedFrames).toBe(1);
    const made = makeTransport(fake);
    transport = made.transport;
    const rec = recorder();
    await transport.start(rec.handler);
    await waitFor(() => fake!.liveSockets() === 1, 'connection');
    fake.deliver(env.text(ALICE, 'heard'));
    await waitFor(() => rec.taken.length >= 1, 'event');
    expect(rec.taken.map((e) => (e.kind === 'message' ? e.text : ''))).toEqual(['heard']);
  });

  it('with the fake queueing instead, frames wait for the client', async () => {
    fake = await FakeSignal.start({ mode: 'json-rpc', pingIntervalMs: 200, queueWhenDisconnected: true });
    fake.deliver(env.text(ALICE, 'queued'));
    const made = makeTransport(fake);
    transport = made.transport;
    const rec = recorder();
    await transport.start(rec.handler);
    await waitFor(() => rec.taken.length >= 1, 'queued event');
  });

  it('refuses to start against a normal-mode server: its websocket would run a receive and eat the messages', async () => {
    fake = await FakeSignal.start({ mode: 'normal' });
    fake.deliver(env.text(ALICE, 'waiting on the server'));
    const made = makeTransport(fake, { receiveMode: 'json-rpc' });
    transport = made.transport;
    const error = await transport.start(recorder().handler).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SignalModeMismatch);
    expect(error).toMatchObject({ code: 'SIGNAL_MODE_MISMATCH', configured: 'json-rpc', server: 'normal' });
    expect(String((error as Error).message)).toMatch(/json-rpc.*normal/);
    expect(made.logger.lines.some((l) => l.includes('SIGNAL_MODE_MISMATCH'))).toBe(true);
    expect([fake.eatenByWebsocket, fake.queued()]).toEqual([0, 1]);
    transport = undefined;
  });

  it('the fake is not kind: a websocket against a normal-mode server does eat what waits (api.go Receive)', async () => {
    fake = await FakeSignal.start({ mode: 'normal' });
    fake.deliver(env.text(ALICE, 'eaten'));
    const ws = new WebSocket(`${fake.url.replace('http', 'ws')}/v1/receive/${encodeURIComponent(fake.number)}`);
    const status = await new Promise<number | undefined>((resolve) => {
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode));
      ws.on('error', () => resolve(undefined));
    });
    expect(status).toBe(200);
    expect([fake.eatenByWebsocket, fake.queued()]).toEqual([1, 0]);
  });

});
