// npm run bench: measures the pipeline end to end, the store and the scheduler at scale, cold
// start, and the floor of this machine, in one run; prints one table and writes
// docs/benchmarks.md. BENCH_SIZE=smoke runs everything with tiny numbers (the test suite does,
// to keep it working) and writes nothing. BENCH_ONLY=floor,e2e (section keys) runs a subset and
// writes nothing either (for profiling).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coldStart } from './cold-start.js';
import { endToEnd } from './end-to-end.js';
import { type Floor, measureFloor } from './floor.js';
import { machine, type Row, table } from './measure.js';
import { schedulerAtScale } from './scheduler-scale.js';
import { sealedStore } from './sealed.js';
import { signalLatency } from './signal-latency.js';
import { storeAtScale } from './store-scale.js';

const smoke = process.env['BENCH_SIZE'] === 'smoke';
const only = process.env['BENCH_ONLY']?.split(',').map((s) => s.trim());
const size = smoke
  ? {
      requests: 300,
      groups: 6,
      samples: 20,
      pending: 500,
      due: 100,
      floor: 500,
      e2e: { groups: 3, concurrency: 8, warmupMs: 300, windows: 2, windowMs: 300, pacedMs: 300, pollingMs: 300 },
      starts: 1,
      sealed: { unlocks: 1, requests: 200 },
      signal: { commands: 3, scale: 0.05 },
    }
  : {
      requests: 100_000,
      groups: 200,
      samples: 1_000,
      pending: 100_000,
      due: 10_000,
      floor: 20_000,
      e2e: { groups: 20, concurrency: 50, warmupMs: 3_000, windows: 4, windowMs: 3_000, pacedMs: 5_000, pollingMs: 4_000 },
      starts: 3,
      sealed: { unlocks: 5, requests: 5_000 },
      signal: { commands: 40, scale: 0.1 },
    };

const ORDER = ['1 End to end', '2 Store', '3 Scheduler', '4 Cold start', '5 Floor', '6 Signal upstream', '7 Sealed'];

async function main(): Promise<void> {
  const started = Date.now();
  const scratch = mkdtempSync(join(tmpdir(), 'parloir-floor-'));
  const rows: Row[] = [];
  const wanted = (key: string): boolean => only === undefined || only.includes(key);
  const section = async (key: string, name: string, run: () => Promise<Row[]>) => {
    if (!wanted(key)) return;
    process.stderr.write(`bench: ${name}…\n`);
    rows.push(...(await run()));
  };
  try {
    // The floor first: every other figure is also read as a fraction of it.
    const measured = await measureFloor(scratch, size.floor);
    const floor: Floor = measured.floor;
    await section('floor', 'floor', async () => measured.rows);
    await section('store', 'store at scale', () => storeAtScale(size));
    await section('scheduler', 'scheduler at scale', () => schedulerAtScale(size));
    await section('e2e', 'end to end over the Signal fake', () => endToEnd(size.e2e, floor));
    await section('cold', 'cold start', () => coldStart({ requests: size.requests, groups: size.groups, starts: size.starts }));
    await section('signal', 'Signal reply latency through the upstream-faithful fake', () => signalLatency(size.signal));
    await section('sealed', 'sealed store (unlock cost, throughput once unsealed)', () => sealedStore(size.sealed));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  rows.sort((a, b) => ORDER.indexOf(a.section) - ORDER.indexOf(b.section));
  const output = [
    `Run ${new Date().toISOString().slice(0, 10)} on ${machine()}; ${((Date.now() - started) / 1000).toFixed(0)} s in all.`,
    '',
    table(rows),
  ].join('\n');
  process.stdout.write(`${output}\n`);
  if (!smoke && only === undefined) writeResults(output);
}

/**
 * docs/benchmarks.md: the table between markers, so the analysis written around it survives
 * the next run.
 */
function writeResults(output: string): void {
  const path = join(import.meta.dirname, '..', '..', 'docs', 'benchmarks.md');
  const BEGIN = '<!-- bench:begin (written by npm run bench) -->';
  const END = '<!-- bench:end -->';
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = '';
  }
  const block = `${BEGIN}\n${output}\n${END}`;
  const at = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  const next = at >= 0 && end > at ? `${current.slice(0, at)}${block}${current.slice(end + END.length)}` : `# Benchmarks\n\n${block}\n`;
  writeFileSync(path, next);
}

await main();
