// Sealed start: with a passphrase-sealed key and no passphrase, the service applies migrations,
// connects to nothing and sends nothing; `parloir unlock` with a wrong passphrase is refused
// (after a pause) and it stays sealed; with the right one it unseals, and the messages sent to
// Telegram meanwhile (they waited on the fake's server) are answered.

import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSettings, type Settings } from '../../src/config.js';
import { memoryLogger } from '../../src/logger.js';
import { type Controlled, startSealed } from '../../src/sealed-start.js';
import { loadMasterKey, writeSecretFile } from '../../src/store/key-file.js';
import { migrationsDir } from '../../src/paths.js';
import { currentVersion, readMigrations } from '../../src/store/migrate.js';
import { sealMasterKey } from '../../src/store/sealed-key.js';
import { openStore } from '../../src/store/store.js';
import { FakeTelegram } from '../fakes/telegram/fake-telegram.js';
import { chats, people } from '../fakes/telegram/objects.js';
import { textsTo } from '../telegram/core-support.js';
import { parloirCli, parloirHealth } from '../support/cli.js';
import { tempDir } from '../support/harness.js';
import { serviceOverFakeTelegram } from '../support/sealed-service.js';
import { eventually } from '../support/wait.js';

const PASSPHRASE = 'invented passphrase for tests';
const CHEAP = { opslimit: 1, memlimit: 8 * 1024 * 1024 };

describe('sealed start', () => {
  const undo: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const step of undo.splice(0).reverse()) await step();
  });

  it('waits sealed, refuses a wrong passphrase, unseals with the right one and answers what was sent meanwhile', async () => {
    const temp = tempDir();
    undo.push(temp.cleanup);
    const fake = await FakeTelegram.start();
    undo.push(() => fake.close());
    const env = {
      PARLOIR_KEY_FILE: join(temp.dir, 'parloir.key'),
      PARLOIR_DB: join(temp.dir, 'parloir.db'),
      PARLOIR_CONTROL_SOCKET: join(temp.dir, 'control.sock'),
      PARLOIR_LANG: 'en',
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
    };
    const parsed = parseSettings(env);
    if (!parsed.ok) throw new Error('settings');
    const settings: Settings = parsed.settings;
    const master = new Uint8Array(randomBytes(32));
    writeSecretFile(env.PARLOIR_KEY_FILE, await sealMasterKey(master, PASSPHRASE, CHEAP));
    // An operator made an invite code earlier (the CLI path is covered in cli-sealed.test.ts).
    const before = await openStore({ path: env.PARLOIR_DB, masterKey: master });
    const { code } = before.write(() => before.invites.create('coquelles', Date.now()));
    before.close();

    const key = loadMasterKey(settings.key);
    if (key.kind !== 'sealed') throw new Error('expected a sealed key file');
    const logger = memoryLogger();
    let pauses = 0;
    const sealed: Controlled = await startSealed({
      settings,
      sealed: key.sealed,
      logger,
      pause: async () => {
        pauses += 1;
      },
      start: serviceOverFakeTelegram(fake, settings, logger),
    });
    undo.push(() => sealed.stop());
    expect(logger.lines.join('\n')).toContain('"code":"SEALED"');

    // Members write while it is sealed: the messages wait on Telegram's side.
    fake.groupMessage(`/lier ${code}`, { chat: chats.collective, from: people.alex });
    fake.groupMessage('/visite demain 14h places 2', { chat: chats.collective, from: people.alex });
    // Sealed is not healthy: the container's healthcheck and `parloir status` say so (exit 1).
    const sealedHealth = await parloirHealth(env);
    expect(sealedHealth.code).toBe(1);
    expect(sealedHealth.stderr).toContain('SEALED');
    const wrong = await parloirCli(['unlock'], env, 'not the passphrase at all\n');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('wrong passphrase — still sealed');
    expect(pauses).toBe(1);
    // Sealed: not one call to Telegram.
    expect(fake.calls).toEqual([]);

    const right = await parloirCli(['unlock'], env, `${PASSPHRASE}\n`);
    expect(right.code, right.stderr).toBe(0);
    expect(right.stdout).toContain('Unsealed');
    await sealed.running;
    await eventually(async () => textsTo(fake, chats.collective.id).some((t) => t.startsWith('#1')), 'the visit posted after unlock');
    expect(textsTo(fake, chats.collective.id)[0]).toMatch(/^Ce groupe est maintenant lié à /);

    const health = await parloirHealth(env);
    expect(health.code, health.stderr).toBe(0);
    expect(health.stdout).toContain('running');
    const statusNow = await parloirCli(['status'], env);
    expect(statusNow.code).toBe(0);
    const again = await parloirCli(['unlock'], env, '');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already unsealed');

    // From the server: list the groups (the CLI opens the database beside the running service),
    // then shred through the running service, which drops the group key from its memory too.
    const groups = await parloirCli(['groups'], env, `${PASSPHRASE}\n`);
    expect(groups.code, groups.stderr).toBe(0);
    expect(groups.stdout).toMatch(/^1 — telegram, coquelles, \d{4}-\d{2}-\d{2}$/m);
    const running = await sealed.running;
    const liveKey = running.store.keys.keyFor(1 as never).bytes;
    expect(liveKey.some((b) => b !== 0)).toBe(true);
    const shred = await parloirCli(['shred', '--group', '1'], env, '');
    expect(shred.code, shred.stderr).toBe(0);
    expect(shred.stdout).toContain('Shredded 1 group(s)');
    expect(running.store.groups.summaries()).toEqual([]);
    expect(() => running.store.keys.keyFor(1 as never)).toThrow(/GROUP_KEY_MISSING/);
    expect(liveKey.every((b) => b === 0)).toBe(true); // zeroed in memory, not just forgotten
    const unknown = await parloirCli(['shred', '--group', '1'], env, '');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No linked group has the id "1"');

    const logs = logger.lines.join('\n');
    expect(logs).not.toContain(PASSPHRASE);
    expect(logs).not.toContain('not the passphrase');
    expect(logs).toContain('"code":"UNLOCK_REFUSED"');
  }, 60_000);

  it('applies migrations to a new database while sealed, without writing anything keyed', async () => {
    const temp = tempDir();
    undo.push(temp.cleanup);
    const env = {
      PARLOIR_KEY_FILE: join(temp.dir, 'parloir.key'),
      PARLOIR_DB: join(temp.dir, 'parloir.db'),
      SIGNAL_API_URL: 'http://127.0.0.1:9',
      SIGNAL_NUMBER: '+33600000099',
    };
    const parsed = parseSettings(env);
    if (!parsed.ok) throw new Error('settings');
    writeSecretFile(env.PARLOIR_KEY_FILE, await sealMasterKey(new Uint8Array(randomBytes(32)), PASSPHRASE, CHEAP));
    const key = loadMasterKey(parsed.settings.key);
    if (key.kind !== 'sealed') throw new Error('expected a sealed key file');
    let started = 0;
    const sealed = await startSealed({
      settings: parsed.settings,
      sealed: key.sealed,
      logger: memoryLogger(),
      start: async () => {
        started += 1;
        throw new Error('not in this test');
      },
    });
    undo.push(() => sealed.stop());
    const db = new Database(env.PARLOIR_DB, { readonly: true });
    expect(currentVersion(db)).toBe(readMigrations(migrationsDir()).length);
    expect(db.prepare("SELECT COUNT(*) FROM meta WHERE key = 'key_check'").pluck().get()).toBe(0);
    db.close();
    // The control socket sits beside the database, 0600.
    expect(statSync(join(temp.dir, 'parloir.sock')).mode & 0o777).toBe(0o600);
    expect(started).toBe(0);
    const sealedStatus = await parloirCli(['status'], { ...env, PARLOIR_LANG: 'fr' });
    expect(sealedStatus.code).toBe(1);
    expect(sealedStatus.stderr).toContain('SCELLÉ');
    // Stopped: nothing answers, still exit 1 (Docker reserves 2).
    await sealed.stop();
    const gone = await parloirHealth(env);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('Aucun Parloir ne répond à');
  });
});
