// Small measuring helpers for the benchmark: percentiles, timers, a results table.

import { cpus, totalmem } from 'node:os';

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function summarize(samples: number[]): { p50: number; p95: number; p99: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

/** Milliseconds spent in `fn`, with sub-millisecond resolution. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

export interface Row {
  readonly section: string;
  readonly measure: string;
  readonly value: string;
  readonly target?: string;
  readonly met?: boolean;
  readonly note?: string;
}

export const fmt = (n: number, digits = 2): string =>
  Number.isFinite(n) ? (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(digits)) : 'n/a';

export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}`;
}

export function table(rows: readonly Row[]): string {
  const lines = ['| Section | Measure | Value | Target | Met | Note |', '|---|---|---|---|---|---|'];
  for (const r of rows) {
    const met = r.met === undefined ? '' : r.met ? 'yes' : '**no**';
    lines.push(`| ${r.section} | ${r.measure} | ${r.value} | ${r.target ?? ''} | ${met} | ${r.note ?? ''} |`);
  }
  return lines.join('\n');
}
