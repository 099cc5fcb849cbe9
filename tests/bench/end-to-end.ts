// Section 1: end to end over real HTTP and websockets on 127.0.0.1. This process runs the
// service (store, core, outbox, Signal adapter) exactly as main.ts wires it; a second process
// (signal-load.ts) runs the fake signal-cli-rest-api and the members. Encrypted and plaintext
// (bench-only switch) services run side by side and are measured in alternating windows, so
// the encryption overhead ratio comes from the same minutes of the same machine.

import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { createSignalTransport } from '../../bots/signal/signal-transport.js';
import { systemClock } from '../../src/core/clock.js';
import { jsonLogger } from '../../src/logger.js';
import { type Service, startService } from '../../src/service.js';
import { BOT } from '../fakes/signal/envelopes.js';
import type { Floor } from './floor.js';
import { benchCentres, type BenchDb, benchStore } from './fixtures.js';
import { fmt, type Row, summarize } from './measure.js';
import { type CommandKind, type FromLoad, MIX_KINDS, type ToLoad, type WindowResult } from './signal-world.js';

export interface EndToEndSize {
  readonly groups: number;
  readonly concurrency: number;
  readonly warmupMs: number;
  /** Measured windows per variant (alternating encrypted / plaintext). */
  readonly windows: number;
  readonly windowMs: number;
  readonly pacedMs: number;
  readonly pollingMs: number;
}

type ReceiveMode = 'json-rpc' | 'normal';

interface Variant {
  readonly db: BenchDb;
  readonly service: Service;
  readonly child: ChildProcess;
  ask(message: ToLoad): Promise<FromLoad>;
  close(): Promise<void>;
}

const LOAD = join(import.meta.dirname, 'signal-load.ts');
const TARGET_RATE = 1_000;

function nextMessage(child: ChildProcess): Promise<FromLoad> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromLoad): void => {
      child.off('exit', onExit);
      if (message.type === 'failed') reject(new Error(`load process: ${message.message}`));
      else resolve(message);
    };
    const onExit = (code: number | null): void => {
      child.off('message', onMessage);
      reject(new Error(`load process exited (${code ?? 'signal'})`));
    };
    child.once('message', onMessage);
    child.once('exit', onExit);
  });
}

export async function startVariant(options: { plaintext: boolean; mode: ReceiveMode; groups: number }): Promise<Variant> {
  const child = fork(LOAD, [options.mode, String(options.groups)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const ready = await nextMessage(child);
  if (ready.type !== 'ready') throw new Error('load process did not start');
  const db = await benchStore({ plaintext: options.plaintext });
  // Log lines are built as in production (JSON at info level) but not written anywhere.
  const logger = jsonLogger('info', () => undefined);
  const transport = createSignalTransport({ apiUrl: ready.url, number: BOT.number, receiveMode: options.mode }, { logger });
  const service = await startService({
    store: db.store,
    centres: benchCentres,
    transports: [transport],
    clock: systemClock,
    logger,
    lang: 'fr',
    retentionDays: 30,
    reminders: [86_400_000, 7_200_000],
  });
  const ask = async (message: ToLoad): Promise<FromLoad> => {
    const answer = nextMessage(child);
    child.send(message);
    return answer;
  };
  const codes = db.store.write(() => Array.from({ length: options.groups }, () => db.store.invites.create('bench', Date.now()).code));
  const linked = await ask({ type: 'link', codes });
  if (linked.type !== 'linked') throw new Error('groups not linked');
  return {
    db,
    service,
    child,
    ask,
    async close() {
      await service.stop();
      db.store.close();
      db.cleanup();
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'exit' } satisfies ToLoad);
      const killer = setTimeout(() => child.kill(), 3_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

export async function window(variant: Variant, message: ToLoad): Promise<WindowResult> {
  const answer = await variant.ask(message);
  if (answer.type !== 'window') throw new Error('unexpected answer from the load process');
  return answer.result;
}

interface Totals {
  completed: number;
  lost: number;
  ms: number;
  sends: number;
  readonly latencies: Map<CommandKind, number[]>;
}

const emptyTotals = (): Totals => ({ completed: 0, lost: 0, ms: 0, sends: 0, latencies: new Map() });

function add(totals: Totals, result: WindowResult): Totals {
  totals.completed += result.completed;
  totals.lost += result.lost;
  totals.ms += result.ms;
  totals.sends += result.sends;
  for (const kind of MIX_KINDS) totals.latencies.set(kind, [...(totals.latencies.get(kind) ?? []), ...(result.latencies[kind] ?? [])]);
  return totals;
}

const rate = (t: Totals): number => (t.completed / t.ms) * 1000;
const all = (t: Totals): number[] => [...t.latencies.values()].flat();
const pct = (s: { p50: number; p95: number; p99: number }): string => `${fmt(s.p50)} / ${fmt(s.p95)} / ${fmt(s.p99)} ms`;

function mixNote(t: Totals): string {
  const n = all(t).length;
  return MIX_KINDS.map((k) => `${k} ${fmt((100 * (t.latencies.get(k)?.length ?? 0)) / n, 0)}%`).join(', ');
}

function byKind(t: Totals): string {
  return MIX_KINDS.filter((k) => (t.latencies.get(k)?.length ?? 0) > 0)
    .map((k) => `${k} ${fmt(summarize(t.latencies.get(k) ?? []).p99)}`)
    .join(' · ');
}

export async function endToEnd(size: EndToEndSize, floor: Floor): Promise<Row[]> {
  const closedRun = (record: boolean, ms: number): ToLoad => ({ type: 'closed', concurrency: size.concurrency, ms, maxCommands: 1_000_000, record });
  const encrypted = await startVariant({ plaintext: false, mode: 'json-rpc', groups: size.groups });
  let plaintext: Variant | undefined;
  const enc = emptyTotals();
  const plain = emptyTotals();
  let open: Totals;
  let paceRate: number;
  try {
    plaintext = await startVariant({ plaintext: true, mode: 'json-rpc', groups: size.groups });
    await window(encrypted, closedRun(false, size.warmupMs));
    await window(plaintext, closedRun(false, size.warmupMs));
    // Alternating windows (E P P E E P …): drift on a shared machine hits both alike.
    for (let i = 0; i < size.windows; i++) {
      const order: [Variant, Totals][] = i % 2 === 0 ? [[encrypted, enc], [plaintext, plain]] : [[plaintext, plain], [encrypted, enc]];
      for (const [variant, totals] of order) add(totals, await window(variant, closedRun(true, size.windowMs)));
    }
    await plaintext.close();
    plaintext = undefined;
    // Latency at a fixed offered load (open loop): the target rate, or less if it is out of reach.
    paceRate = Math.max(10, Math.min(TARGET_RATE, Math.floor(rate(enc) * 0.8)));
    open = add(emptyTotals(), await window(encrypted, { type: 'paced', perSecond: paceRate, ms: size.pacedMs }));
  } finally {
    await plaintext?.close();
    await encrypted.close();
  }

  // The recommended receive mode (README): normal, i.e. long polling.
  const polling = await startVariant({ plaintext: false, mode: 'normal', groups: size.groups });
  const poll = emptyTotals();
  try {
    await window(polling, closedRun(false, size.warmupMs / 2));
    add(poll, await window(polling, closedRun(true, size.pollingMs)));
  } finally {
    await polling.close();
  }

  const e = summarize(all(enc));
  const p = summarize(all(plain));
  const o = summarize(all(open));
  const q = summarize(all(poll));
  const ratio = rate(plain) / rate(enc);
  const overheadUs = 1e6 / rate(enc) - 1e6 / rate(plain);
  const lost = enc.lost + plain.lost + open.lost + poll.lost;
  const setup = `${size.groups} groups × 10 members, ${size.concurrency} in flight`;
  return [
    {
      section: '1 End to end',
      measure: `commands/s, json-rpc websocket, encrypted (${setup})`,
      value: `${fmt(rate(enc))}/s`,
      target: '≥ 1 000/s',
      met: rate(enc) >= TARGET_RATE,
      note: `${enc.completed} commands in ${fmt(enc.ms / 1000)} s, ${fmt(enc.sends / enc.completed)} sends each; ${fmt((100 * rate(enc)) / floor.insertsPerSecond, 1)}% of raw SQLite single-row transactions/s; mix: ${mixNote(enc)}`,
    },
    {
      section: '1 End to end',
      measure: `latency p50 / p95 / p99 at saturation (${size.concurrency} in flight, closed loop)`,
      value: pct(e),
      note: `mostly queueing: ${size.concurrency} in flight ÷ ${fmt(rate(enc))}/s = ${fmt((1000 * size.concurrency) / rate(enc))} ms mean by Little's law`,
    },
    {
      section: '1 End to end',
      measure: `latency p50 / p95 / p99 at ${paceRate}/s offered (open loop, encrypted)`,
      value: pct(o),
      target: 'p99 ≤ 25 ms',
      met: o.p99 <= 25,
      note: `${open.completed} commands; p99 by command: ${byKind(open)} ms`,
    },
    {
      section: '1 End to end',
      measure: 'commands/s with field encryption off (bench-only switch)',
      value: `${fmt(rate(plain))}/s`,
      note: `saturation p50 / p95 / p99 ${pct(p)}`,
    },
    {
      section: '1 End to end',
      measure: 'encryption overhead ratio (plaintext ÷ encrypted commands/s, alternating windows)',
      value: `${fmt(ratio)}×`,
      target: '≤ 1.3×',
      met: ratio <= 1.3,
      note: `${fmt(overheadUs)} µs per command ≈ ${fmt((overheadUs * floor.encryptsPerSecond) / 1e6, 1)} libsodium encryptions at the floor rate`,
    },
    {
      section: '1 End to end',
      measure: 'commands/s, normal mode (long polling, the recommended setting), encrypted',
      value: `${fmt(rate(poll))}/s`,
      note: `p50 / p95 / p99 ${pct(q)} (${size.concurrency} in flight)`,
    },
    ...(lost > 0
      ? [{ section: '1 End to end', measure: 'commands without an answer within 10 s', value: String(lost), target: '0', met: false }]
      : []),
  ];
}
