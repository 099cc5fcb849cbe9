// npm run bench: measures the pipeline, the store and the scheduler at scale, and the floor of
// this machine, in one run; prints one table and writes docs/benchmarks.md.
// BENCH_SIZE=smoke runs everything with tiny numbers (the test suite does, to keep it working)
// and writes nothing.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureFloor } from './floor.js';
import { machine, type Row, table } from './measure.js';
import { schedulerAtScale } from './scheduler-scale.js';
import { storeAtScale } from './store-scale.js';

const smoke = process.env['BENCH_SIZE'] === 'smoke';
const size = smoke
  ? { requests: 300, groups: 6, samples: 20, pending: 500, due: 100, floor: 500 }
  : { requests: 100_000, groups: 200, samples: 1_000, pending: 100_000, due: 10_000, floor: 20_000 };

async function main(): Promise<void> {
  const started = Date.now();
  const scratch = mkdtempSync(join(tmpdir(), 'parloir-floor-'));
  const rows: Row[] = [];
  const section = async (name: string, run: () => Promise<Row[]>) => {
    process.stderr.write(`bench: ${name}…\n`);
    rows.push(...(await run()));
  };
  try {
    await section('floor', async () => (await measureFloor(scratch, size.floor)).rows);
    await section('store at scale', () => storeAtScale(size));
    await section('scheduler at scale', () => schedulerAtScale(size));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const output = [
    `Run ${new Date().toISOString().slice(0, 10)} on ${machine()}; ${((Date.now() - started) / 1000).toFixed(0)} s in all.`,
    '',
    table(rows),
  ].join('\n');
  process.stdout.write(`${output}\n`);
  if (!smoke) writeFileSync(join(import.meta.dirname, '..', '..', 'docs', 'benchmarks.md'), `# Benchmarks\n\n${output}\n`);
}

await main();
