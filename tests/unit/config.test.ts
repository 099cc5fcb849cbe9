import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../src/config.js';
import { DEFAULT_LIMITS, parseLimits } from '../../src/core/limits.js';

const KEY = Buffer.alloc(32, 7).toString('base64');

describe('settings', () => {
  it('with nothing set runs the demo with defaults', () => {
    const r = parseSettings({}, '/srv');
    expect(r).toMatchObject({ ok: true, settings: { demo: true, dbPath: '/srv/data/parloir.db', lang: 'fr', key: { kind: 'demo' } } });
    expect(r.ok && r.settings.reminders).toEqual([86_400_000, 7_200_000]);
  });

  it('a key with no transport is a production set-up missing its transport, never the demo', () => {
    for (const env of [{ PARLOIR_KEY: KEY }, { PARLOIR_KEY_FILE: '/run/secrets/parloir.key' }]) {
      const r = parseSettings(env, '/srv');
      expect(r).toMatchObject({ ok: true, settings: { demo: false } });
      expect(r.ok && (r.settings.signal ?? r.settings.telegram)).toBeFalsy();
    }
  });

  it('PARLOIR_GROUP_RETENTION_DAYS: 30 by default, 2–3650 days', () => {
    const r = parseSettings({}, '/srv');
    expect(r.ok && r.settings.groupRetentionDays).toBe(30);
    const set = parseSettings({ PARLOIR_GROUP_RETENTION_DAYS: '60' }, '/srv');
    expect(set.ok && set.settings.groupRetentionDays).toBe(60);
    for (const bad of ['1', '0', 'soon', '4000']) {
      const refused = parseSettings({ PARLOIR_GROUP_RETENTION_DAYS: bad }, '/srv');
      expect(refused).toMatchObject({ ok: false, problems: [{ variable: 'PARLOIR_GROUP_RETENTION_DAYS', code: 'invalid-number' }] });
    }
  });

  it('reports every problem at once', () => {
    const r = parseSettings({
      SIGNAL_API_URL: 'not a url',
      SIGNAL_NUMBER: '0612',
      PARLOIR_LANG: 'de',
      PARLOIR_LOG_LEVEL: 'loud',
      PARLOIR_REMINDERS: '2 hours',
      TELEGRAM_BOT_TOKEN: 'nope',
    });
    expect(r.ok).toBe(false);
    const vars = r.ok ? [] : r.problems.map((p) => p.variable);
    expect(vars).toEqual(
      expect.arrayContaining(['SIGNAL_API_URL', 'SIGNAL_NUMBER', 'PARLOIR_LANG', 'PARLOIR_LOG_LEVEL', 'PARLOIR_REMINDERS', 'TELEGRAM_BOT_TOKEN', 'PARLOIR_KEY_FILE']),
    );
  });

  it('needs a key outside the demo and takes transport settings', () => {
    const r = parseSettings({ SIGNAL_API_URL: 'http://127.0.0.1:8080/', SIGNAL_NUMBER: '+33600000099', PARLOIR_KEY: KEY, TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ' });
    expect(r).toMatchObject({
      ok: true,
      settings: { demo: false, signal: { apiUrl: 'http://127.0.0.1:8080', number: '+33600000099' }, telegram: { token: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ' } },
    });
    expect(parseSettings({ PARLOIR_KEY: KEY, PARLOIR_KEY_FILE: '/k' }).ok).toBe(false);
  });

  it('PARLOIR_LIMITS: defaults when unset, any item may be set alone, bad items refused by name', () => {
    const unset = parseSettings({});
    expect(unset.ok && unset.settings.limits).toEqual(DEFAULT_LIMITS);
    expect(DEFAULT_LIMITS).toEqual({ requests: { max: 10, windowMs: 3_600_000 }, repostMs: 600_000, strangerMs: 86_400_000 });
    expect(parseLimits('requests=3/30m')).toEqual({ ok: true, limits: { ...DEFAULT_LIMITS, requests: { max: 3, windowMs: 1_800_000 } } });
    expect(parseLimits(' Repost = 5m , stranger=12h ')).toEqual({ ok: true, limits: { ...DEFAULT_LIMITS, repostMs: 300_000, strangerMs: 43_200_000 } });
    for (const [text, wrong] of [
      ['requests=0/1h', ['requests=0/1h']],
      ['requests=10', ['requests=10']],
      ['requests=10/forever', ['requests=10/forever']],
      ['repost=10m,repost=1m', ['repost=1m']],
      ['stranger=30d', ['stranger=30d']],
      ['flood=3, repost', ['flood=3', 'repost']],
    ] as const) {
      expect(parseLimits(text)).toEqual({ ok: false, wrong });
    }
    const r = parseSettings({ PARLOIR_LIMITS: 'requests=-1/1h' });
    expect(r.ok ? [] : r.problems).toEqual([
      { variable: 'PARLOIR_LIMITS', code: 'invalid-limits', expected: 'requests=10/1h,repost=10m,stranger=24h', refused: ['requests=-1/1h'] },
    ]);
  });
});
