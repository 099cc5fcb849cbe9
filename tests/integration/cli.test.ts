// The `parloir` CLI as an operator runs it: a child process on a brand-new database.

import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/harness.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'src', 'cli', 'main.ts');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

async function parloir(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, [cli, ...args], { env: { PATH: process.env['PATH'] ?? '', ...env }, cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('parloir CLI', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('keygen → invite on a brand-new database → doctor; refuses to overwrite a key', async () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const keyFile = join(temp.dir, 'parloir.key');
    const env = {
      PARLOIR_KEY_FILE: keyFile,
      PARLOIR_DB: join(temp.dir, 'new.db'),
      PARLOIR_LANG: 'en',
      SIGNAL_API_URL: 'http://127.0.0.1:9',
      SIGNAL_NUMBER: '+33600000099',
      PARLOIR_LIMITS: 'requests=5/30m',
    };
    expect((await parloir(['keygen'], env)).code).toBe(0);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const again = await parloir(['keygen'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('refusing to overwrite');

    const invite = await parloir(['invite', 'coquelles'], env);
    expect(invite.code).toBe(0);
    expect(invite.stdout.trim().split('\n').at(-1)).toMatch(/^PRLR-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(existsSync(env.PARLOIR_DB)).toBe(true);

    const unknown = await parloir(['invite', 'nowhere'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No centre "nowhere"');

    // Settings, key, database and centres are fine; the live check finds nothing on port 9.
    const doctor = await parloir(['doctor'], env);
    expect(doctor.stdout).toContain('ok   encryption key');
    // the limits in force, the ones left out at their defaults
    expect(doctor.stdout).toContain('ok   limits (PARLOIR_LIMITS): requests=5/30m, repost=10m, stranger=1d');
    expect(doctor.stdout).toContain('FAIL signal-cli-rest-api does not answer at http://127.0.0.1:9');
    expect(doctor.stdout).toContain('1 problem(s) found.');
    expect(doctor.code).toBe(1);

    const centres = await parloir(['centres'], env);
    expect(centres.stdout).toContain('coquelles — ');
    expect(centres.stdout).toContain('127bis — ');
  });

  it('reports every invalid setting at once, exits non-zero, and leaves the database untouched', async () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const db = join(temp.dir, 'never.db');
    const result = await parloir(['migrate'], { PARLOIR_DB: db, PARLOIR_LANG: 'en', PARLOIR_KEY: 'short', PARLOIR_LOG_LEVEL: 'loud', PARLOIR_LIMITS: 'requests=ten/1h, flood=3' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PARLOIR_KEY is not the base64 of 32 bytes');
    expect(result.stderr).toContain('PARLOIR_LOG_LEVEL has a value that is not allowed');
    expect(result.stderr).toContain('PARLOIR_LIMITS is not a list of limits (refused: requests=ten/1h, flood=3) (expected: requests=10/1h,repost=10m,stranger=24h)');
    expect(existsSync(db)).toBe(false);
  });

  it('a wrong key is refused clearly and changes nothing', async () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const db = join(temp.dir, 'p.db');
    const base = { PARLOIR_DB: db, PARLOIR_LANG: 'en' };
    expect((await parloir(['migrate'], { ...base, PARLOIR_KEY: Buffer.alloc(32, 1).toString('base64') })).code).toBe(0);
    const before = readFileSync(db);
    const wrong = await parloir(['invite', 'coquelles'], { ...base, PARLOIR_KEY: Buffer.alloc(32, 2).toString('base64') });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('The key does not match this database');
    expect(readFileSync(db).equals(before)).toBe(true);
  });
});
