// docker-compose.yml, read as Docker Compose reads it (there is no Docker engine here): every
// setting src/config.ts reads or config/example.env documents reaches the parloir container;
// the Telegram, Signal and both set-ups each give settings that parse, with the transports
// expected; healthchecks are real; MODE native (#10) and the sealed key file (#11) are kept.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULTS, parseSettings } from '../../src/config.js';
import { interpolate } from '../support/compose-interpolate.js';

const root = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface Service {
  readonly image?: string;
  readonly build?: unknown;
  readonly profiles?: readonly string[];
  readonly environment?: Record<string, string>;
  readonly depends_on?: Record<string, { condition?: string; required?: boolean }>;
  readonly healthcheck?: { test: readonly string[]; interval?: string; timeout?: string; retries?: number; start_period?: string };
  readonly secrets?: readonly string[];
  readonly networks?: readonly string[];
  readonly ports?: readonly string[];
  readonly volumes?: readonly string[];
}

interface ComposeFile {
  readonly services: Record<string, Service>;
  readonly secrets?: Record<string, { file: string }>;
  readonly networks?: Record<string, { internal?: boolean } | null>;
}

const compose = parse(read('docker-compose.yml')) as ComposeFile;
const parloir = compose.services['parloir']!;
const signalApi = compose.services['signal-api']!;

/** Every variable src/config.ts reads (its one reader, `value('NAME')`). */
const readByConfig = [...read('src/config.ts').matchAll(/value\('([A-Z][A-Z0-9_]+)'\)/g)].map((m) => m[1]!);
/** Every variable config/example.env documents for Parloir, set or commented out (COMPOSE_* are Compose's own). */
const documented = [...read('config/example.env').matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!).filter((n) => !n.startsWith('COMPOSE_'));

/** Left out on purpose, with the reason (the compose file says it too). */
const NOT_PASSED: Record<string, string> = {
  PARLOIR_KEY: 'the key in the environment is readable by `docker inspect`; compose mounts the key file as a secret',
};

/** The container's environment for a given .env (Compose interpolates from it). */
function containerEnv(service: Service, dotEnv: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, raw] of Object.entries(service.environment ?? {})) env[name] = interpolate(String(raw), dotEnv);
  return env;
}

/** config/example.env as Compose would read it as .env: its uncommented lines. */
function exampleDotEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const m of read('config/example.env').matchAll(/^([A-Z][A-Z0-9_]+)=(.*)$/gm)) env[m[1]!] = m[2]!.trim();
  return env;
}

const TOKEN = '123456789:AAEinventedTokenForTestsOnly_x';
const NUMBER = '+33600000042';

describe('docker-compose.yml', () => {
  it('passes every setting Parloir reads or documents to the parloir container (or says why not)', () => {
    expect(readByConfig.length).toBeGreaterThan(15);
    const passed = Object.keys(parloir.environment ?? {});
    const missing = [...new Set([...readByConfig, ...documented])].filter((name) => !passed.includes(name) && !(name in NOT_PASSED));
    expect(missing).toEqual([]);
    // Nothing passed that Parloir does not read (a typo would silently do nothing).
    expect(passed.filter((name) => !readByConfig.includes(name))).toEqual([]);
    for (const name of Object.keys(NOT_PASSED)) {
      expect(passed).not.toContain(name);
      expect(read('docker-compose.yml')).toContain(`${name} (`);
    }
  });

  it('Telegram alone: no profile, settings parse with Telegram only, paths inside the volume', () => {
    const active = Object.entries(compose.services).filter(([, s]) => !s.profiles || s.profiles.length === 0).map(([n]) => n);
    expect(active).toEqual(['parloir']);
    // A .env copied from config/example.env (written for npm start) plus the token.
    const env = containerEnv(parloir, { ...exampleDotEnv(), TELEGRAM_BOT_TOKEN: TOKEN });
    const parsed = parseSettings(env, '/app');
    expect(parsed.ok && parsed.settings).toMatchObject({
      dbPath: '/data/parloir.db',
      controlSocket: '/data/parloir.sock',
      centresPath: '/app/config/centres.yaml',
      key: { kind: 'file', path: '/run/secrets/parloir.key' },
      lang: 'fr',
      retentionDays: 30,
      memberRetentionDays: 90,
      telegram: { token: TOKEN },
      demo: false,
    });
    expect(parsed.ok && parsed.settings.signal).toBeUndefined();
  });

  it('Signal alone (profile signal): signal-api in native mode, and Parloir told the same mode and its address', () => {
    expect(signalApi.profiles).toEqual(['signal']);
    expect(signalApi.image).toMatch(/^bbernhard\/signal-cli-rest-api:0\.\d+$/);
    const dotEnv = { SIGNAL_NUMBER: NUMBER, COMPOSE_PROFILES: 'signal' };
    const env = containerEnv(parloir, dotEnv);
    const parsed = parseSettings(env, '/app');
    expect(parsed.ok && parsed.settings.signal).toEqual({ apiUrl: 'http://signal-api:8080', number: NUMBER, receiveMode: 'native' });
    expect(parsed.ok && parsed.settings.telegram).toBeUndefined();
    // #10: MODE native by default, and the one variable moves both sides together.
    expect(containerEnv(signalApi, dotEnv)['MODE']).toBe('native');
    const rpc = { ...dotEnv, SIGNAL_RECEIVE_MODE: 'json-rpc' };
    expect(containerEnv(signalApi, rpc)['MODE']).toBe(containerEnv(parloir, rpc)['SIGNAL_RECEIVE_MODE']);
    expect(signalApi.environment?.['AUTO_RECEIVE_SCHEDULE']).toBeUndefined();
    // Parloir waits for signal-api when it is there, and starts without it when it is not.
    expect(parloir.depends_on?.['signal-api']).toEqual({ condition: 'service_healthy', required: false });
  });

  it('both: one Parloir with both transports', () => {
    const parsed = parseSettings(containerEnv(parloir, { SIGNAL_NUMBER: NUMBER, TELEGRAM_BOT_TOKEN: TOKEN, PARLOIR_LANG: 'en' }), '/app');
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && [parsed.settings.signal?.apiUrl, parsed.settings.telegram?.token, parsed.settings.lang]).toEqual([
      'http://signal-api:8080',
      TOKEN,
      'en',
    ]);
  });

  it('neither transport: Parloir refuses to run the demo into the production volume', () => {
    const parsed = parseSettings(containerEnv(parloir, {}), '/app');
    expect(parsed.ok && parsed.settings.demo).toBe(false);
  });

  it('healthchecks are real: signal-api its /v1/health, parloir its control socket (unsealed and answering)', () => {
    expect(signalApi.healthcheck?.test).toEqual(['CMD', 'curl', '-f', 'http://localhost:8080/v1/health']);
    expect(parloir.healthcheck?.test).toEqual(['CMD', 'node', 'dist/src/cli/health.js']);
    // The script is built from src/cli/health.ts into the image's /app/dist.
    expect(existsSync(join(root, 'src/cli/health.ts'))).toBe(true);
    const dockerfile = read('Dockerfile');
    expect(dockerfile).toMatch(/^WORKDIR \/app$/m);
    expect(dockerfile).toContain('COPY --from=build /app/dist ./dist');
    for (const check of [signalApi.healthcheck, parloir.healthcheck]) {
      expect(check).toMatchObject({ interval: expect.any(String), timeout: expect.any(String), retries: expect.any(Number) });
    }
  });

  it('keeps the key a secret file, the sealed start, and signal-cli off the internet side of Parloir', () => {
    expect(parloir.secrets).toEqual(['parloir.key']);
    expect(compose.secrets?.['parloir.key']).toEqual({ file: './secrets/parloir.key' });
    expect(parloir.environment?.['PARLOIR_KEY_FILE']).toBe('/run/secrets/parloir.key');
    // #11: the documented unlock runs a real CLI command, in the container.
    expect(read('docker-compose.yml')).toContain('docker compose exec parloir node dist/src/cli/main.js unlock');
    expect(read('src/cli/commands.ts')).toContain("case 'unlock':");
    expect(compose.networks?.['parloir-internal']).toEqual({ internal: true });
    expect(signalApi.networks).toEqual(['parloir-internal', 'egress']);
    // No published ports in the base file: the REST API controls the Signal account.
    expect(Object.values(compose.services).flatMap((s) => s.ports ?? [])).toEqual([]);
  });

  it('the docs and the compose file only run CLI commands that exist', () => {
    const commands = [...read('src/cli/commands.ts').matchAll(/case '([a-z]+)':/g)].map((m) => m[1]!);
    const used = ['docker-compose.yml', 'docs/deploy.md'].flatMap((file) =>
      [...read(file).matchAll(/dist\/src\/cli\/main\.js\s+([a-z]+)/g)].map((m) => m[1]!),
    );
    expect(used).toEqual(expect.arrayContaining(['unlock', 'invite', 'status', 'doctor']));
    expect(used.filter((c) => !commands.includes(c))).toEqual([]);
  });

  it('webhook override: the webhook port on the host loopback only, the same port Parloir listens on', () => {
    const override = parse(read('docker-compose.webhook.yml')) as ComposeFile;
    const ports = override.services['parloir']?.ports ?? [];
    expect(ports.map((p) => interpolate(p, {}))).toEqual([`127.0.0.1:${DEFAULTS.webhookPort}:${DEFAULTS.webhookPort}`]);
    expect(ports.map((p) => interpolate(p, { TELEGRAM_WEBHOOK_PORT: '8088' }))).toEqual(['127.0.0.1:8088:8088']);
  });
});

describe('compose interpolation (the subset the file uses, as the Compose spec defines it)', () => {
  it('reads defaults, alternatives, nesting and $$', () => {
    expect(interpolate('${A:-x}', {})).toBe('x');
    expect(interpolate('${A:-x}', { A: '' })).toBe('x');
    expect(interpolate('${A-x}', { A: '' })).toBe('');
    expect(interpolate('${A:+y}', { A: '1' })).toBe('y');
    expect(interpolate('${A:+y}', {})).toBe('');
    expect(interpolate('${A:-${B:+http://b:1}}', { B: '2' })).toBe('http://b:1');
    expect(interpolate('${A:-${B:+http://b:1}}', {})).toBe('');
    expect(interpolate('$$A ${A}', { A: 'v' })).toBe('$A v');
    expect(() => interpolate('${A:?set A}', {})).toThrow('set A');
  });
});
