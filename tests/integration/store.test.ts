import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { chatAddress, type GroupId, memberAddress } from '../../src/core/ids.js';
import { migrationsDir } from '../../src/paths.js';
import { readMigrations, SchemaTooNewError } from '../../src/store/migrate.js';
import { openStore } from '../../src/store/store.js';
import { DecryptionError, KeyMismatchError, Vault } from '../../src/store/vault.js';
import { KeyFileError, loadMasterKey, writeKeyFile } from '../../src/store/key-file.js';
import { tempDir } from '../support/harness.js';

const key = () => new Uint8Array(randomBytes(32));

describe('store', () => {
  const temps: (() => void)[] = [];
  afterEach(() => temps.splice(0).forEach((c) => c()));
  const dir = () => {
    const t = tempDir();
    temps.push(t.cleanup);
    return t.dir;
  };

  it('applies migrations once, records them, and sets WAL, secure_delete and foreign keys', async () => {
    const path = join(dir(), 'p.db');
    const k = key();
    const first = await openStore({ path, masterKey: k });
    // every migration file, in order (others add files: the list is read, not written out)
    expect(first.applied).toEqual(readMigrations(migrationsDir()).map((m) => m.version));
    expect(first.applied.slice(0, 6)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(first.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(first.db.pragma('journal_size_limit', { simple: true })).toBe(0);
    expect(first.db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(first.db.pragma('foreign_keys', { simple: true })).toBe(1);
    first.close();
    const second = await openStore({ path, masterKey: k });
    expect(second.applied).toEqual([]);
    second.close();
  });

  it('refuses a wrong key with a clear error and changes nothing', async () => {
    const path = join(dir(), 'p.db');
    const store = await openStore({ path, masterKey: key() });
    store.write(() => store.groups.link(chatAddress('local', 'g'), 'c', 'fr', 1));
    store.close();
    const before = readFileSync(path);
    await expect(openStore({ path, masterKey: key() })).rejects.toBeInstanceOf(KeyMismatchError);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a database newer than the code', async () => {
    const path = join(dir(), 'p.db');
    const k = key();
    (await openStore({ path, masterKey: k })).close();
    const raw = new Database(path);
    raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, ?, 0)').run('future');
    raw.close();
    await expect(openStore({ path, masterKey: k })).rejects.toBeInstanceOf(SchemaTooNewError);
  });

  it('binds each sealed value to its table, column and row', async () => {
    const vault = await Vault.create(key());
    const sealed = vault.seal(vault.systemKey, 'requests.note_enc:1:1', 'secret');
    expect(vault.open(vault.systemKey, 'requests.note_enc:1:1', sealed)).toBe('secret');
    expect(() => vault.open(vault.systemKey, 'requests.note_enc:1:2', sealed)).toThrow(DecryptionError);
    expect(() => vault.open(vault.systemKey, 'requests.place_enc:1:1', sealed)).toThrow(DecryptionError);
    // two seals of the same value differ (random nonce)
    expect(Buffer.from(vault.seal(vault.systemKey, 'a', 'x')).equals(Buffer.from(vault.seal(vault.systemKey, 'a', 'x')))).toBe(false);
  });

  it('a ciphertext copied into another row does not open', async () => {
    const path = join(dir(), 'p.db');
    const store = await openStore({ path, masterKey: key() });
    const group = store.write(() => store.groups.link(chatAddress('local', 'g'), 'c', 'fr', 1));
    const sam = store.members.keyOf(group.id, memberAddress('local', 'sam'));
    store.write(() => {
      store.members.touch(group.id, memberAddress('local', 'sam'), 'Sam', 1);
      store.requests.create(group.id, 1, { kind: 'visit', dueAt: 10, seats: 0, note: 'one' }, sam, 1);
      store.requests.create(group.id, 2, { kind: 'visit', dueAt: 10, seats: 0, note: 'two' }, sam, 1);
    });
    store.db.prepare('UPDATE requests SET note_enc = (SELECT note_enc FROM requests WHERE number = 1) WHERE number = 2').run();
    expect(store.requests.get(group.id, 1)?.note).toBe('one');
    expect(() => store.requests.get(group.id, 2)).toThrow(DecryptionError);
    store.close();
  });

  it('shredding a group leaves other groups readable and its rows gone', async () => {
    const store = await openStore({ path: join(dir(), 'p.db'), masterKey: key() });
    const a = store.write(() => store.groups.link(chatAddress('local', 'a'), 'c', 'fr', 1));
    const b = store.write(() => store.groups.link(chatAddress('local', 'b'), 'c', 'en', 1));
    const sam = (id: GroupId) => store.members.keyOf(id, memberAddress('local', 'sam'));
    store.write(() => {
      store.requests.create(a.id, 1, { kind: 'lawyer', dueAt: 10, seats: 0, note: 'a' }, sam(a.id), 1);
      store.requests.create(b.id, 1, { kind: 'lawyer', dueAt: 10, seats: 0, note: 'b' }, sam(b.id), 1);
    });
    store.write(() => store.groups.shred(a.id));
    expect(store.groups.findByChat(chatAddress('local', 'a'))).toBeUndefined();
    expect(store.requests.get(a.id, 1)).toBeUndefined();
    expect(store.requests.get(b.id, 1)?.note).toBe('b');
    store.close();
  });

  it('never shows one group\'s request to another group', async () => {
    const store = await openStore({ path: join(dir(), 'p.db'), masterKey: key() });
    const a = store.write(() => store.groups.link(chatAddress('local', 'a'), 'c', 'fr', 1));
    const b = store.write(() => store.groups.link(chatAddress('local', 'b'), 'c', 'fr', 1));
    const sam = store.members.keyOf(a.id, memberAddress('local', 'sam'));
    store.write(() => store.requests.create(a.id, 1, { kind: 'visit', dueAt: 10, seats: 0 }, sam, 1));
    expect(store.requests.get(b.id, 1)).toBeUndefined();
    expect(store.requests.active(b.id)).toEqual([]);
    expect(store.write(() => store.requests.claim(b.id, 1, sam, 2))).toBe(false);
    store.close();
  });

  it('key files: 0600, never overwritten, invalid content refused', () => {
    const d = dir();
    const path = join(d, 'k');
    writeKeyFile(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(() => writeKeyFile(path)).toThrow(KeyFileError);
    const loaded = loadMasterKey({ kind: 'file', path });
    expect(loaded.kind === 'plain' && loaded.bytes).toHaveLength(32);
    writeFileSync(join(d, 'bad'), 'not a key');
    expect(() => loadMasterKey({ kind: 'file', path: join(d, 'bad') })).toThrow(KeyFileError);
    const demo = loadMasterKey({ kind: 'demo', path: join(d, 'demo.key') });
    expect(demo.created).toBe(true);
    expect(loadMasterKey({ kind: 'demo', path: join(d, 'demo.key') }).created).toBe(false);
  });
});
