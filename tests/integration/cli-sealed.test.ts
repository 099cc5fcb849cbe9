// Every CLI path with a passphrase-sealed key file: keygen --passphrase, then invite, migrate,
// doctor, groups, verify with the passphrase on stdin or in PARLOIR_PASSPHRASE_FILE; wrong, missing and
// short passphrases; a key file readable by others fails the doctor.

import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chatAddress, memberAddress } from '../../src/core/ids.js';
import { writeSecretFile } from '../../src/store/key-file.js';
import { openStore } from '../../src/store/store.js';
import { parseSealedKey, sealMasterKey, unsealMasterKey } from '../../src/store/sealed-key.js';
import { parloirCli } from '../support/cli.js';
import { tempDir } from '../support/harness.js';

const PASSPHRASE = 'invented passphrase for tests';
const CHEAP = { opslimit: 1, memlimit: 8 * 1024 * 1024 };

describe('parloir CLI with a sealed key', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('keygen --passphrase writes a 0600 sealed key in a 0700 folder; every command reads the passphrase', async () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const keyFile = join(temp.dir, 'secrets', 'parloir.key');
    const env = {
      PARLOIR_KEY_FILE: keyFile,
      PARLOIR_DB: join(temp.dir, 'data', 'parloir.db'),
      PARLOIR_LANG: 'en',
      SIGNAL_API_URL: 'http://127.0.0.1:9',
      SIGNAL_NUMBER: '+33600000099',
    };
    const short = await parloirCli(['keygen', '--passphrase'], env, 'too short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('at least 12 characters');

    const made = await parloirCli(['keygen', '--passphrase'], env, `${PASSPHRASE}\n`);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain('sealed by your passphrase');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(temp.dir, 'secrets')).mode & 0o777).toBe(0o700);
    // The file holds no key in clear: it opens with the passphrase only.
    const sealed = parseSealedKey(readFileSync(keyFile, 'utf8'))!;
    expect(sealed).toBeDefined();
    expect(await unsealMasterKey(sealed, PASSPHRASE)).toHaveLength(32);
    const again = await parloirCli(['keygen', '--passphrase'], env, `${PASSPHRASE}\n`);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('refusing to overwrite');

    const invite = await parloirCli(['invite', 'coquelles'], env, `${PASSPHRASE}\n`);
    expect(invite.code, invite.stderr).toBe(0);
    expect(invite.stdout.trim().split('\n').at(-1)).toMatch(/^PRLR-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    for (const file of ['parloir.db', 'parloir.db-wal', 'parloir.db-shm'].map((f) => join(temp.dir, 'data', f))) {
      try {
        expect(statSync(file).mode & 0o777, file).toBe(0o600);
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOENT') throw error; // closed cleanly: no -wal/-shm left
      }
    }
    expect(statSync(join(temp.dir, 'data')).mode & 0o777).toBe(0o700);
  }, 60_000);

  it('a wrong or missing passphrase changes nothing; PARLOIR_PASSPHRASE_FILE works; a readable key file fails the doctor', async () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const keyFile = join(temp.dir, 'parloir.key');
    const env = {
      PARLOIR_KEY_FILE: keyFile,
      PARLOIR_DB: join(temp.dir, 'parloir.db'),
      PARLOIR_LANG: 'en',
      SIGNAL_API_URL: 'http://127.0.0.1:9',
      SIGNAL_NUMBER: '+33600000099',
    };
    // A cheap cost keeps this test quick; the cost is read from the file, as in real use.
    writeSecretFile(keyFile, await sealMasterKey(new Uint8Array(randomBytes(32)), PASSPHRASE, CHEAP));
    const wrong = await parloirCli(['invite', 'coquelles'], env, 'not the passphrase at all\n');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Wrong passphrase');
    const none = await parloirCli(['migrate'], env, '');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('No passphrase was given');
    expect(existsSync(env.PARLOIR_DB)).toBe(false);

    // Unattended: the first line of PARLOIR_PASSPHRASE_FILE.
    const passFile = join(temp.dir, 'passphrase');
    writeFileSync(passFile, `${PASSPHRASE}\nignored second line\n`, { mode: 0o600 });
    const doctor = await parloirCli(['doctor'], { ...env, PARLOIR_PASSPHRASE_FILE: passFile });
    expect(doctor.stdout).toContain('ok   encryption key');
    expect(doctor.stdout).not.toContain('FAIL encryption key');
    const groups = await parloirCli(['groups'], { ...env, PARLOIR_PASSPHRASE_FILE: passFile });
    expect(groups.code).toBe(0);
    expect(groups.stdout).toContain('No group is linked.');

    chmodSync(keyFile, 0o644);
    const loose = await parloirCli(['doctor'], env, `${PASSPHRASE}\n`);
    expect(loose.code).toBe(1);
    expect(loose.stdout).toContain('FAIL encryption key');
    expect(loose.stdout).toContain('readable by other users');
  }, 60_000);
  it('verify reads the passphrase the same way: lists the holds and lifts one; a wrong passphrase lifts nothing', async () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const keyFile = join(temp.dir, 'parloir.key');
    const dbPath = join(temp.dir, 'parloir.db');
    const env = { PARLOIR_KEY_FILE: keyFile, PARLOIR_DB: dbPath, PARLOIR_LANG: 'en', SIGNAL_API_URL: 'http://127.0.0.1:9', SIGNAL_NUMBER: '+33600000099' };
    const master = new Uint8Array(randomBytes(32));
    writeSecretFile(keyFile, await sealMasterKey(master, PASSPHRASE, CHEAP));
    const store = await openStore({ path: dbPath, masterKey: master });
    const alex = memberAddress('signal', '0f0f0f0f-0000-4000-8000-00000000a1e0');
    const group = store.write(() => {
      const linked = store.groups.link(chatAddress('signal', 'group.invented-verify'), 'coquelles', 'en', Date.now());
      store.members.touch(linked.id, alex, 'Alex', Date.now());
      store.members.hold(alex, Date.now());
      return linked;
    });
    const tag = store.members.keyOf(group.id, alex).slice(0, 8);
    store.close();

    const wrong = await parloirCli(['verify', String(group.id), tag], env, 'not the passphrase at all\n');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Wrong passphrase');
    const listed = await parloirCli(['verify'], env, `${PASSPHRASE}\n`);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(`group ${group.id} (`);
    expect(listed.stdout).toContain(`member ${tag}`);
    expect(listed.stdout).not.toContain('Alex');
    const lifted = await parloirCli(['verify', String(group.id), tag], env, `${PASSPHRASE}\n`);
    expect(lifted.code, lifted.stderr).toBe(0);
    expect(lifted.stdout).toContain(`Hold lifted for member ${tag} in group ${group.id}`);
    const after = await parloirCli(['verify'], env, `${PASSPHRASE}\n`);
    expect(after.stdout).toContain('No member is held for a safety-number check.');
  }, 60_000);
});
