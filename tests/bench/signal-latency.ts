// Section 6: how long a volunteer waits for the bot's answer on Signal, through the
// upstream-faithful fake (tests/fakes/signal/: one signal-cli process per call with its start
// cost, one at a time per account, receive timeout restarted by every envelope). The real
// adapter and the real core run in this process; the fake's clock is compressed by `scale` and
// latencies are reported in upstream seconds. Measured from the envelope reaching "Signal's
// server" to the reply that quotes it being accepted by the fake.

import { createSignalTransport } from '../../bots/signal/signal-transport.js';
import { DEFAULT_SIGNAL_TIMING, type SignalTiming } from '../../bots/signal/timing.js';
import type { SignalReceiveMode } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { INSTANT, NATIVE_COSTS, NORMAL_COSTS, type UpstreamCosts } from '../fakes/signal/cli-process.js';
import { ALICE, BERTHE, BOT, CHARLES, GROUP, receipt, text, typing } from '../fakes/signal/envelopes.js';
import { FakeSignal } from '../fakes/signal/fake-signal.js';
import { startHarness } from '../support/harness.js';
import { fmt, type Row, summarize } from './measure.js';

export interface SignalLatencySize {
  /** Commands measured per variant. */
  readonly commands: number;
  /** Real ms per upstream ms. */
  readonly scale: number;
}

const SECTION = '6 Signal upstream';
/** "Replies within seconds" (issue #10): a volunteer who typed /liste should not wait longer. */
const TARGET_P95_MS = 10_000;

/** The adapter's own timing, scaled like the fake so every wait keeps its proportion. */
function scaledTiming(scale: number): Partial<SignalTiming> {
  const d = DEFAULT_SIGNAL_TIMING;
  return {
    pollGraceMs: d.pollGraceMs * scale,
    requestTimeoutMs: d.requestTimeoutMs * scale,
    replyGraceMs: d.replyGraceMs * scale,
    reconnectBaseMs: d.reconnectBaseMs * scale,
    reconnectMaxMs: d.reconnectMaxMs * scale,
    pingIntervalMs: d.pingIntervalMs * scale,
    idleTimeoutMs: d.idleTimeoutMs * scale,
    stopGraceMs: d.stopGraceMs * scale,
  };
}

const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(check: () => T | undefined, what: string, limitMs = 60_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await tick(1);
  }
}

/** Reply latencies (upstream ms) of `commands` /liste sent one after another at random phases. */
async function measure(mode: SignalReceiveMode, costs: UpstreamCosts, chatty: boolean, size: SignalLatencySize): Promise<number[]> {
  const { scale } = size;
  const fake = await FakeSignal.start({ mode, costs, timeScale: scale, pingIntervalMs: 54_000 * scale });
  const transport = createSignalTransport({ apiUrl: fake.url, number: BOT.number, receiveMode: mode }, { logger: silentLogger, timing: scaledTiming(scale) });
  const h = await startHarness({ transports: [transport] });
  // Production-like: the outbox sends as soon as the core commits a reply.
  h.service.drainer.start();
  let chatter: NodeJS.Timeout | undefined;
  try {
    if (fake.jsonRpc) await until(() => (fake.liveSockets() > 0 ? true : undefined), 'the websocket');
    const { code } = h.store.write(() => h.store.invites.create('test-centre', h.clock.now()));
    fake.deliver(text(ALICE, `/lier ${code}`));
    await until(() => (fake.sent.some((s) => s.delivered && s.request?.recipients[0]?.value === GROUP.restId) ? true : undefined), 'the link answer');
    if (chatty) {
      // A busy group: someone types, reads or writes every second (all envelopes to signal-cli).
      let n = 0;
      chatter = setInterval(() => {
        n += 1;
        fake.deliver(n % 3 === 0 ? text(BERTHE, 'ok pour moi') : n % 3 === 1 ? typing(BERTHE) : receipt(CHARLES, [1_767_225_600_000]));
      }, 1_000 * scale);
    }
    const samples: number[] = [];
    for (let i = 0; i < size.commands; i += 1) {
      // Land at a random phase of the poll cycle, as people do.
      await tick(Math.random() * 3_000 * scale);
      const command = text(ALICE, '/liste');
      const ts = (command.envelope as { timestamp: number }).timestamp;
      const sentAt = Date.now();
      fake.deliver(command);
      const reply = await until(() => fake.sent.find((s) => s.delivered && s.request?.quoteTimestamp === ts), 'a reply');
      samples.push((reply.at - sentAt) / scale);
    }
    if (fake.lostEnvelopes > 0 || fake.processes.killed > 0) throw new Error('bench: the fake lost envelopes or killed signal-cli');
    return samples;
  } finally {
    clearInterval(chatter);
    await h.close();
    await fake.close();
  }
}

export async function signalLatency(size: SignalLatencySize): Promise<Row[]> {
  const variants: { label: string; mode: SignalReceiveMode; costs: UpstreamCosts; chatty: boolean }[] = [
    { label: 'normal (JVM start 1 s)', mode: 'normal', costs: NORMAL_COSTS, chatty: false },
    { label: 'normal, chatty group', mode: 'normal', costs: NORMAL_COSTS, chatty: true },
    { label: 'native (start 0.15 s)', mode: 'native', costs: NATIVE_COSTS, chatty: false },
    { label: 'native, chatty group', mode: 'native', costs: NATIVE_COSTS, chatty: true },
    { label: 'json-rpc (daemon)', mode: 'json-rpc', costs: { ...INSTANT, sendWorkMs: NORMAL_COSTS.sendWorkMs }, chatty: true },
  ];
  const rows: Row[] = [];
  for (const v of variants) {
    const s = summarize(await measure(v.mode, v.costs, v.chatty, size));
    rows.push({
      section: SECTION,
      measure: `reply latency p50 / p95, ${v.label}`,
      value: `${fmt(s.p50 / 1000)} s / ${fmt(s.p95 / 1000)} s`,
      target: `p95 ≤ ${TARGET_P95_MS / 1000} s`,
      met: s.p95 <= TARGET_P95_MS,
      note: `${size.commands} × /liste through the upstream-faithful fake, upstream time ×${size.scale}${v.chatty ? ', an envelope a second' : ''}`,
    });
  }
  return rows;
}
