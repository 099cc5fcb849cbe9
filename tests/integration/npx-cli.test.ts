// `npx parloir <command>` is how the README, the issues and every operator message name the CLI.
// It must run this checkout's CLI, offline, through the launcher `npm ci` writes (prepare →
// dist/src/cli/link-bin.js) — not make npm install the project into its npx cache, which is what
// npm ≥ 10 does when package.json has a "bin" naming the command (and which fails offline).

import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/harness.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

interface Manifest {
  bin?: unknown;
  scripts: Record<string, string>;
}

async function npx(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['--offline', 'parloir', ...args], {
      cwd: root,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? root, ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npx parloir', () => {
  it('is wired by npm ci: no "bin" in package.json, prepare writes the launcher after the build', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
    expect(manifest.bin).toBeUndefined();
    expect(manifest.scripts['prepare']).toMatch(/^tsc -p tsconfig\.build\.json && node dist\/src\/cli\/link-bin\.js$/);
  });

  it('runs this checkout CLI offline, with its exit codes, on a brand-new database', async () => {
    // The build step of the suite may have rebuilt dist/ after npm ci: write the launcher again,
    // exactly as prepare does.
    await run('node', [join(root, 'dist', 'src', 'cli', 'link-bin.js')], { cwd: root });
    expect(statSync(join(root, 'node_modules', '.bin', 'parloir')).mode & 0o111).not.toBe(0);

    const temp = tempDir();
    try {
      const env = { PARLOIR_LANG: 'en', PARLOIR_DB: join(temp.dir, 'x.db'), PARLOIR_KEY_FILE: join(temp.dir, 'x.key') };
      const help = await npx(['--help'], env);
      expect(help.code, help.stderr).toBe(0);
      expect(help.stdout).toMatch(/npx parloir <command>/);
      expect(help.stdout).toMatch(/keygen/);

      const keygen = await npx(['keygen'], env);
      expect(keygen.code, keygen.stderr).toBe(0);
      expect(statSync(env.PARLOIR_KEY_FILE).mode & 0o777).toBe(0o600);
      const centres = await npx(['centres'], env);
      expect(centres.code, centres.stderr).toBe(0);
      expect(centres.stdout).toMatch(/coquelles/);

      const unknown = await npx(['frobnicate'], env);
      expect(unknown.code).not.toBe(0);
      expect(unknown.stderr).not.toMatch(/npm error/);
    } finally {
      temp.cleanup();
    }
  }, 120_000);
});
