// Opens the SQLite database: checks the schema version and the key before changing anything,
// then applies pending migrations and records the key check.

import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrationsDir } from '../paths.js';
import { applyMigrations, pendingMigrations, readMigrations } from './migrate.js';
import { KeyMismatchError, type Vault } from './vault.js';

export type Db = Database.Database;

export interface OpenedDatabase {
  readonly db: Db;
  /** Migration versions applied by this open (empty when the schema was current). */
  readonly applied: readonly number[];
}

export interface DatabaseOptions {
  /**
   * 'normal' (default) in WAL mode survives a crash of the process; only a power loss can drop
   * the last commits. 'full' syncs every commit to disk, at a cost measured by the benchmark.
   */
  readonly synchronous?: 'normal' | 'full';
  readonly now?: number;
}

/**
 * Opens the database and applies pending migrations. With a vault, the key is checked first
 * (a wrong key changes nothing) and recorded on a new database. Without one (a sealed start,
 * before the passphrase is given), only migrations run; `checkKey` follows at unlock.
 */
export function openDatabase(path: string, vault: Vault | undefined, options: DatabaseOptions = {}): OpenedDatabase {
  const now = options.now ?? Date.now();
  if (path !== ':memory:') createPrivately(path);
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    db.pragma('secure_delete = ON'); // deleted values are overwritten, not left in free pages
    // A WAL reset truncates the file: old frames (deleted rows among them) do not linger on disk.
    db.pragma('journal_size_limit = 0');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');

    const pending = pendingMigrations(db, readMigrations(migrationsDir()));
    const stored = hasMeta(db) ? readKeyCheck(db) : undefined;
    if (vault && stored && !vault.verifyKeyCheck(stored)) throw new KeyMismatchError();

    const applied = applyMigrations(db, pending, now);
    if (vault) checkKey(db, vault);
    return { db, applied };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Throws KeyMismatchError unless `vault` holds this database's key; records it on a new database. */
export function checkKey(db: Db, vault: Vault): void {
  const stored = readKeyCheck(db);
  if (!stored) db.prepare("INSERT INTO meta (key, value) VALUES ('key_check', ?)").run(vault.keyCheck());
  else if (!vault.verifyKeyCheck(stored)) throw new KeyMismatchError();
}

/** The database and its -wal/-shm (SQLite gives them the database's mode) are 0600, in a folder created 0700. */
function createPrivately(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file) && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  }
}

function hasMeta(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'meta'").get() !== undefined;
}

function readKeyCheck(db: Db): Uint8Array | undefined {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'key_check'").get() as { value: Uint8Array } | undefined;
  return row?.value;
}
