// Keeps `npm run bench` working: the whole benchmark with tiny numbers. No timing is asserted.

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

describe('benchmark smoke run', () => {
  it('runs every section and prints one table', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(root, 'tests', 'bench', 'run.ts')], {
      cwd: root,
      env: { ...process.env, BENCH_SIZE: 'smoke' },
    });
    expect(stdout).toContain('| Section | Measure | Value | Target | Met | Note |');
    for (const section of ['1 End to end', '2 Store', '3 Scheduler', '4 Cold start', '5 Floor', '6 Signal upstream', '7 Sealed']) expect(stdout).toContain(`| ${section} |`);
    expect(stdout).not.toContain('n/a');
  }, 120_000);
});
