import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../src/config.js';

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
});
