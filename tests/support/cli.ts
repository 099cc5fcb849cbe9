// Runs the `parloir` CLI as an operator would: a child process, with stdin given as text (the
// way a script pipes a passphrase; a terminal is not a pipe, so nothing is echoed either way).

import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'src', 'cli', 'main.ts');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function parloirCli(args: readonly string[], env: Record<string, string>, stdin = ''): Promise<CliResult> {
  return run(cli, args, env, stdin);
}

/** The container's healthcheck (src/cli/health.ts), as Docker runs it: no arguments, no stdin. */
export function parloirHealth(env: Record<string, string>): Promise<CliResult> {
  return run(join(root, 'src', 'cli', 'health.ts'), [], env, '');
}

function run(script: string, args: readonly string[], env: Record<string, string>, stdin: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [script, ...args], { env: { PATH: process.env['PATH'] ?? '', ...env }, cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
