// Section 4: cold start. A database of 100 000 requests with a known key, then the real entry
// point (`node dist/src/main.js`, compiled, no TypeScript loader) started against the fake
// signal-cli-rest-api in this process; timed from spawn to the fake seeing the first receive
// connection (GET /v1/receive in normal mode, the websocket in json-rpc mode).

import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FakeSignal, type FakeMode } from '../fakes/signal/fake-signal.js';
import { benchStore, loadRequests } from './fixtures.js';
import { fmt, type Row, timed } from './measure.js';

const ROOT = join(import.meta.dirname, '..', '..');
const TARGET_MS = 1_500;

/** The real centres file plus the benchmark's centre (the groups in the database use it). */
function centresFile(dir: string): string {
  const path = join(dir, 'centres.yaml');
  const real = readFileSync(join(ROOT, 'config', 'centres.yaml'), 'utf8');
  const bench = ['  - id: bench', '    name: CRA de Banc d’essai', '    country: FR', '    timezone: Europe/Paris', '    jurisdiction: fr', '    card: {}', ''].join('\n');
  writeFileSync(path, `${real.trimEnd()}\n\n${bench}`);
  return path;
}

async function startOnce(mode: FakeMode, env: NodeJS.ProcessEnv): Promise<number> {
  const fake = await FakeSignal.start({ mode, maxPollMs: 60_000 });
  let child: ChildProcess | undefined;
  try {
    let stderr = '';
    const start = performance.now();
    child = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'main.js')], {
      env: { ...env, SIGNAL_API_URL: fake.url },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<never>((_, reject) => child!.once('exit', (code) => reject(new Error(`main.js exited with ${code}: ${stderr.slice(-500)}`))));
    exited.catch(() => undefined);
    const connected = async (): Promise<number> => {
      while (fake.socketsOpened === 0 && fake.polls.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      return performance.now() - start;
    };
    return await Promise.race([connected(), exited]);
  } finally {
    if (child && child.exitCode === null) {
      // Shutdown is not measured: no need to wait for the graceful stop.
      const gone = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGKILL');
      await gone;
    }
    await fake.close();
  }
}

export async function coldStart(options: { requests: number; groups: number; starts: number }): Promise<Row[]> {
  const db = await benchStore();
  const build = await timed(() => loadRequests(db.store, options.groups, options.requests, Date.now()));
  db.store.db.pragma('wal_checkpoint(TRUNCATE)');
  db.store.close();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    PARLOIR_DB: db.path,
    PARLOIR_KEY: Buffer.from(db.key).toString('base64'),
    PARLOIR_CENTRES: centresFile(db.dir),
    PARLOIR_LOG_LEVEL: 'info',
    SIGNAL_NUMBER: '+33600000099',
  };
  const normal: number[] = [];
  let socket = Number.NaN;
  try {
    // Receive mode left unset, as in docker-compose.yml: the service asks GET /v1/about first.
    for (let i = 0; i < options.starts; i++) normal.push(await startOnce('normal', env));
    socket = await startOnce('json-rpc', env);
  } finally {
    db.cleanup();
  }
  normal.sort((a, b) => a - b);
  const median = normal[Math.floor(normal.length / 2)] ?? Number.NaN;
  const n = options.requests.toLocaleString('en');
  return [
    {
      section: '4 Cold start',
      measure: `spawn → first GET /v1/receive, normal mode (${n} requests, median of ${normal.length})`,
      value: `${fmt(median)} ms`,
      target: '≤ 1.5 s',
      met: median <= TARGET_MS,
      note: `all: ${normal.map((ms) => fmt(ms, 0)).join(', ')} ms; database built in ${fmt(build.ms / 1000)} s`,
    },
    {
      section: '4 Cold start',
      measure: 'spawn → websocket open, json-rpc mode',
      value: `${fmt(socket)} ms`,
      target: '≤ 1.5 s',
      met: socket <= TARGET_MS,
    },
  ];
}
