// `doctor` and the start-up against the live services: the Signal and Telegram fakes on
// 127.0.0.1, each failure an operator meets, and the one-line fix for each.

import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { preflight, StartupError } from '../../src/bootstrap.js';
import { runCli } from '../../src/cli/commands.js';
import { parseSettings, type Settings } from '../../src/config.js';
import { probeTransports } from '../../src/main.js';
import { FakeSignal } from '../fakes/signal/fake-signal.js';
import { FakeTelegram } from '../fakes/telegram/fake-telegram.js';
import { tempDir } from '../support/harness.js';

const KEY = randomBytes(32).toString('base64');

describe('doctor and start-up against the live services', () => {
  const closers: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  async function setUp(): Promise<{ signal: FakeSignal; telegram: FakeTelegram; env: Record<string, string> }> {
    const temp = tempDir();
    const signal = await FakeSignal.start();
    const telegram = await FakeTelegram.start();
    closers.push(temp.cleanup, () => signal.close(), () => telegram.close());
    const env = {
      PARLOIR_DB: join(temp.dir, 'p.db'),
      PARLOIR_KEY: KEY,
      PARLOIR_LANG: 'en',
      SIGNAL_API_URL: signal.url,
      SIGNAL_NUMBER: signal.number,
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
    };
    return { signal, telegram, env };
  }

  async function doctor(env: Record<string, string>): Promise<{ code: number; lines: string[] }> {
    const lines: string[] = [];
    const code = await runCli(['doctor'], env, (l) => lines.push(l), (l) => lines.push(l), { probe: probeTransports, envFile: { kind: 'absent', path: '/srv/.env' } });
    return { code, lines };
  }

  const settingsOf = (env: Record<string, string>): Settings => {
    const parsed = parseSettings(env);
    if (!parsed.ok) throw new Error('test settings are invalid');
    return parsed.settings;
  };

  it('everything right: each live fact is shown and doctor exits 0', async () => {
    const { env } = await setUp();
    const { code, lines } = await doctor(env);
    expect(lines).toContain('ok   no /srv/.env: settings come from the environment only');
    expect(lines).toContain('ok   signal-cli-rest-api answers (version 0.100)');
    expect(lines).toContain('ok   signal-cli-rest-api receive mode: normal');
    expect(lines).toContain('ok   +33600000099 is registered in signal-cli');
    expect(lines).toContain("ok   the bot's Signal profile name: Parloir");
    expect(lines).toContain('ok   Telegram accepts the token (bot @ParloirBot)');
    expect(lines).toContain('ok   Telegram: long polling (no webhook set)');
    expect(lines.at(-1)).toBe('Everything looks right.');
    expect(code).toBe(0);
  });

  it('a number not registered, a missing profile name, json-rpc mode: each with its fix', async () => {
    const { signal, env } = await setUp();
    signal.profileName = undefined;
    signal.mode = 'json-rpc';
    let { code, lines } = await doctor(env);
    expect(lines.join('\n')).toContain("FAIL +33600000099 has no profile name, so Signal refuses its group messages. Set one: curl -X PUT");
    expect(lines.join('\n')).toContain('WARN signal-cli-rest-api runs in json-rpc mode: messages sent while Parloir is disconnected are lost. Set MODE=normal');
    expect(code).toBe(1);

    signal.registered = false;
    ({ code, lines } = await doctor({ ...env, SIGNAL_RECEIVE_MODE: 'normal' }));
    const text = lines.join('\n');
    expect(text).toContain('FAIL Receive modes differ (server json-rpc ≠ SIGNAL_RECEIVE_MODE=normal)');
    expect(text).toContain('FAIL +33600000099 is not registered in signal-cli. Register or link it first: docs/signal.md, step 2.');
    expect(text).toContain('2 problem(s) found.');
  });

  it('signal-cli unreachable and a rejected Telegram token, in French', async () => {
    const { signal, env } = await setUp();
    await signal.stopListening();
    const { code, lines } = await doctor({ ...env, PARLOIR_LANG: 'fr', TELEGRAM_BOT_TOKEN: '123456789:wrong-token-wrong-token-wrong' });
    const text = lines.join('\n');
    expect(text).toContain(`ÉCHEC  signal-cli-rest-api ne répond pas à ${signal.url} (ECONNREFUSED). Son conteneur tourne-t-il (docker compose ps) ?`);
    expect(text).toContain('ÉCHEC  Telegram refuse TELEGRAM_BOT_TOKEN (401). Recopie-le depuis @BotFather');
    expect(text).toContain('2 problème(s) trouvé(s).');
    expect(code).toBe(1);
  });

  it('a webhook left set while polling is a warning, not a failure', async () => {
    const { telegram, env } = await setUp();
    telegram.model.webhook = { url: 'https://old.example.org/hook' };
    const { code, lines } = await doctor(env);
    expect(lines).toContain(
      'WARN Telegram holds a webhook (https://old.example.org/hook) but TELEGRAM_WEBHOOK_URL is not set: Parloir removes it at start and polls. Set TELEGRAM_WEBHOOK_URL to keep the webhook.',
    );
    expect(code).toBe(0);
  });

  it('the start stops, saying what to do, on a rejected token, an unregistered number or signal-cli down', async () => {
    const { signal, env } = await setUp();
    const blocked = async (over: Record<string, string>) => {
      try {
        await preflight(settingsOf({ ...env, ...over }), probeTransports, 0);
      } catch (error) {
        if (error instanceof StartupError) return error.text;
        throw error;
      }
      return 'started';
    };
    expect(await blocked({})).toBe('started');
    expect(await blocked({ TELEGRAM_BOT_TOKEN: '123456789:wrong-token-wrong-token-wrong' })).toMatch(
      /^Parloir cannot start: a service it needs is not ready\. Nothing was changed\.\n {2}- Telegram rejects TELEGRAM_BOT_TOKEN \(401\)/,
    );
    signal.registered = false;
    expect(await blocked({})).toContain('- +33600000099 is not registered in signal-cli.');
    await signal.stopListening();
    expect(await blocked({})).toContain(`- signal-cli-rest-api does not answer at ${signal.url}`);
    // A missing profile name is said, but does not stop the start (the check may not be reliable).
    signal.registered = true;
    await signal.resumeListening();
    signal.profileName = undefined;
    expect(await preflight(settingsOf(env), probeTransports, 0)).toEqual([expect.stringContaining('has no profile name')]);
  });

  it('npm start with a real key and no transport refuses, reads .env, and creates no database', async () => {
    const temp = tempDir();
    closers.push(temp.cleanup);
    writeFileSync(join(temp.dir, '.env'), `# a production .env missing its transport\nPARLOIR_KEY=${KEY}\nPARLOIR_LANG=en\n`);
    const root = join(import.meta.dirname, '..', '..');
    const result = await promisify(execFile)(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'src', 'main.ts')], {
      cwd: temp.dir,
      env: { PATH: process.env['PATH'] ?? '' },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Parloir will not start: PARLOIR_KEY is set, so this is a real set-up, but no transport is configured.');
    expect(result.stderr).toContain('Signal: set SIGNAL_API_URL and SIGNAL_NUMBER');
    expect(existsSync(join(temp.dir, 'data'))).toBe(false);
  });
});
