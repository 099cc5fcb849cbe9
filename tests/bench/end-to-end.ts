// Section 1: end to end over real HTTP and websockets on 127.0.0.1, in three processes as in
// production: the service from the compiled dist/ (e2e-service.mjs), the fake
// signal-cli-rest-api with the members sending a realistic mix (signal-load.ts), and this one
// conducting. Encrypted and plaintext (bench-only switch) services run side by side and are
// measured in alternating windows, so the encryption overhead ratio comes from the same minutes
// of the same machine. BENCH_PROFILE=<dir> runs the services under --cpu-prof.

import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { Floor } from './floor.js';
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

type FromService =
  | { readonly type: 'started'; readonly codes: readonly string[] }
  | { readonly type: 'usage'; readonly cpuMicros: number; readonly rss: number; readonly heapUsed: number }
  | { readonly type: 'stopped' };

type Usage = WindowResult & { readonly cpuMs: number; readonly rss: number; readonly heapUsed: number };

export interface Variant {
  /** One window of load, with the service's CPU time spent during it. */
  run(message: ToLoad): Promise<Usage>;
  close(): Promise<void>;
}

const LOAD = join(import.meta.dirname, 'signal-load.ts');
const SERVICE = join(import.meta.dirname, 'e2e-service.mjs');
const TARGET_RATE = 1_000;
/** A busy evening for a large collective is a few commands a minute: this is far above it. */
const LIGHT_RATE = 100;

/** The next IPC message from a child; rejects if it exits first or reports a failure. */
function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: T | { type: 'failed'; message: string }): void => {
      child.off('exit', onExit);
      const failed = message as { type?: string; message?: string };
      if (failed.type === 'failed') reject(new Error(`child process: ${failed.message ?? ''}`));
      else resolve(message as T);
    };
    const onExit = (code: number | null): void => {
      child.off('message', onMessage);
      reject(new Error(`child process exited (${code ?? 'signal'})`));
    };
    child.once('message', onMessage);
    child.once('exit', onExit);
  });
}

function ask<T>(child: ChildProcess, message: ToLoad | { type: 'usage' | 'stop' }): Promise<T> {
  const answer = nextMessage<T>(child);
  child.send(message);
  return answer;
}

async function ended(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killer = setTimeout(() => child.kill(), graceMs);
  await exited;
  clearTimeout(killer);
}

/** `service`: another build's e2e-service.mjs, to compare a candidate optimisation A/B. */
export async function startVariant(options: { plaintext: boolean; mode: ReceiveMode; groups: number; service?: string }): Promise<Variant> {
  const load = fork(LOAD, [options.mode, String(options.groups)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  let service: ChildProcess | undefined;
  try {
    const { url } = await nextMessage<Extract<FromLoad, { type: 'ready' }>>(load);
    const profile = process.env['BENCH_PROFILE'];
    service = fork(options.service ?? SERVICE, [url, options.mode, String(options.groups), options.plaintext ? 'plaintext' : 'encrypted'], {
      execArgv: profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const { codes } = await nextMessage<Extract<FromService, { type: 'started' }>>(service);
    await ask<FromLoad>(load, { type: 'link', codes });
  } catch (error) {
    load.kill();
    service?.kill();
    throw error;
  }
  const svc = service;
  return {
    async run(message) {
      const before = await ask<Extract<FromService, { type: 'usage' }>>(svc, { type: 'usage' });
      const { result } = await ask<Extract<FromLoad, { type: 'window' }>>(load, message);
      const after = await ask<Extract<FromService, { type: 'usage' }>>(svc, { type: 'usage' });
      return { ...result, cpuMs: (after.cpuMicros - before.cpuMicros) / 1000, rss: after.rss, heapUsed: after.heapUsed };
    },
    async close() {
      await ask<FromService>(svc, { type: 'stop' }).catch(() => undefined);
      await ended(svc, 5_000);
      load.send({ type: 'exit' } satisfies ToLoad);
      await ended(load, 3_000);
    },
  };
}


interface Totals {
  completed: number;
  lost: number;
  ms: number;
  sends: number;
  cpuMs: number;
  rss: number;
  heapUsed: number;
  readonly latencies: Map<CommandKind, number[]>;
}

const emptyTotals = (): Totals => ({ completed: 0, lost: 0, ms: 0, sends: 0, cpuMs: 0, rss: 0, heapUsed: 0, latencies: new Map() });

function add(totals: Totals, result: Usage): Totals {
  totals.completed += result.completed;
  totals.lost += result.lost;
  totals.ms += result.ms;
  totals.sends += result.sends;
  totals.cpuMs += result.cpuMs;
  totals.rss = Math.max(totals.rss, result.rss);
  totals.heapUsed = result.heapUsed;
  for (const kind of MIX_KINDS) totals.latencies.set(kind, [...(totals.latencies.get(kind) ?? []), ...(result.latencies[kind] ?? [])]);
  return totals;
}

const rate = (t: Totals): number => (t.completed / t.ms) * 1000;
/** Service CPU time (user + system) per answered command, in µs. */
const cpuPerCommand = (t: Totals): number => (t.cpuMs * 1000) / t.completed;
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
  const closedRun = (record: boolean, ms: number): ToLoad => ({ type: 'closed', concurrency: size.concurrency, ms, maxCommands: 1_000_000_000, record });
  const enc = emptyTotals();
  const plain = emptyTotals();
  const open = emptyTotals();
  const light = emptyTotals();
  let paceRate = 0;
  const encrypted = await startVariant({ plaintext: false, mode: 'json-rpc', groups: size.groups });
  let plaintext: Variant | undefined;
  try {
    plaintext = await startVariant({ plaintext: true, mode: 'json-rpc', groups: size.groups });
    await encrypted.run(closedRun(false, size.warmupMs));
    await plaintext.run(closedRun(false, size.warmupMs));
    // Alternating windows (E P P E E P …): drift on a shared machine hits both alike.
    for (let i = 0; i < size.windows; i++) {
      const order: [Variant, Totals][] = i % 2 === 0 ? [[encrypted, enc], [plaintext, plain]] : [[plaintext, plain], [encrypted, enc]];
      for (const [variant, totals] of order) add(totals, await variant.run(closedRun(true, size.windowMs)));
    }
    await plaintext.close();
    plaintext = undefined;
    // Latency at a fixed offered load (open loop): the target rate, or less if it is out of reach.
    paceRate = Number(process.env['BENCH_RATE'] ?? Math.max(10, Math.min(TARGET_RATE, Math.floor(rate(enc) * 0.8))));
    add(open, await encrypted.run({ type: 'paced', perSecond: paceRate, ms: size.pacedMs }));
    add(light, await encrypted.run({ type: 'paced', perSecond: LIGHT_RATE, ms: size.pacedMs / 2 }));
  } finally {
    await plaintext?.close();
    await encrypted.close();
  }

  // The recommended receive mode (README): normal, i.e. long polling.
  const poll = emptyTotals();
  const polling = await startVariant({ plaintext: false, mode: 'normal', groups: size.groups });
  try {
    await polling.run(closedRun(false, size.warmupMs / 2));
    add(poll, await polling.run(closedRun(true, size.pollingMs)));
  } finally {
    await polling.close();
  }

  const e = summarize(all(enc));
  const p = summarize(all(plain));
  const o = summarize(all(open));
  const q = summarize(all(poll));
  const ratio = rate(plain) / rate(enc);
  const overheadUs = cpuPerCommand(enc) - cpuPerCommand(plain);
  const lost = enc.lost + plain.lost + open.lost + light.lost + poll.lost;
  const setup = `${size.groups} groups × 10 members, ${size.concurrency} in flight`;
  const section = '1 End to end';
  return [
    {
      section,
      measure: `commands/s, json-rpc websocket, encrypted (${setup})`,
      value: `${fmt(rate(enc))}/s`,
      target: '≥ 1 000/s',
      met: rate(enc) >= TARGET_RATE,
      note: `${enc.completed} commands in ${fmt(enc.ms / 1000)} s, ${fmt(enc.sends / enc.completed)} sends each; ${fmt((100 * rate(enc)) / floor.insertsPerSecond, 1)}% of raw SQLite single-row transactions/s; mix: ${mixNote(enc)}`,
    },
    {
      section,
      measure: 'service CPU per command (user + system), encrypted',
      value: `${fmt(cpuPerCommand(enc))} µs`,
      note: `the service used ${fmt(enc.cpuMs / enc.ms, 2)} of a core; RSS up to ${fmt(enc.rss / 2 ** 20)} MiB under load (JS heap in use ${fmt(enc.heapUsed / 2 ** 20)} MiB); ${fmt(cpuPerCommand(enc) / (1e6 / floor.insertsPerSecond), 0)} raw SQLite transactions' worth`,
    },
    {
      section,
      measure: `latency p50 / p95 / p99 at saturation (${size.concurrency} in flight, closed loop)`,
      value: pct(e),
      note: `mostly queueing: ${size.concurrency} in flight ÷ ${fmt(rate(enc))}/s = ${fmt((1000 * size.concurrency) / rate(enc))} ms mean (Little's law)`,
    },
    {
      section,
      measure: `latency p50 / p95 / p99 at ${paceRate}/s offered (open loop, encrypted)`,
      value: pct(o),
      target: 'p99 ≤ 25 ms',
      met: o.p99 <= 25,
      note: `${open.completed} commands at ${fmt(rate(open))}/s answered; p99 by command: ${byKind(open)} ms`,
    },
    {
      section,
      measure: `latency p50 / p95 / p99 at ${LIGHT_RATE}/s offered (open loop, encrypted)`,
      value: pct(summarize(all(light))),
      note: `${light.completed} commands; p99 by command: ${byKind(light)} ms`,
    },
    {
      section,
      measure: 'commands/s with field encryption off (bench-only switch)',
      value: `${fmt(rate(plain))}/s`,
      note: `${fmt(cpuPerCommand(plain))} µs service CPU per command; saturation p50 / p95 / p99 ${pct(p)}`,
    },
    {
      section,
      measure: 'encryption overhead ratio (plaintext ÷ encrypted commands/s, alternating windows)',
      value: `${fmt(ratio)}×`,
      target: '≤ 1.3×',
      met: ratio <= 1.3,
      note: `by service CPU per command: ${fmt(cpuPerCommand(enc) / cpuPerCommand(plain))}×, ${fmt(overheadUs)} µs ≈ ${fmt((overheadUs * floor.encryptsPerSecond) / 1e6, 1)} libsodium encryptions at the floor rate`,
    },
    {
      section,
      measure: 'commands/s, normal mode (long polling, the recommended setting), encrypted',
      value: `${fmt(rate(poll))}/s`,
      note: `${fmt(cpuPerCommand(poll))} µs service CPU per command; p50 / p95 / p99 ${pct(q)} (${size.concurrency} in flight)`,
    },
    ...(lost > 0 ? [{ section, measure: 'commands without an answer within 10 s', value: String(lost), target: '0', met: false }] : []),
  ];
}
