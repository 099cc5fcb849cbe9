// Opens the SQLite database: checks the schema version and the key before changing anything,
// then applies pending migrations and records the key check.

import { mkdirSync } from 'node:fs';
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

export function openDatabase(path: string, vault: Vault, options: DatabaseOptions = {}): OpenedDatabase {
  const now = options.now ?? Date.now();
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
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
    if (stored && !vault.verifyKeyCheck(stored)) throw new KeyMismatchError();

    const applied = applyMigrations(db, pending, now);
    if (!stored) db.prepare("INSERT INTO meta (key, value) VALUES ('key_check', ?)").run(vault.keyCheck());
    return { db, applied };
  } catch (error) {
    db.close();
    throw error;
  }
}

function hasMeta(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'meta'").get() !== undefined;
}

function readKeyCheck(db: Db): Uint8Array | undefined {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'key_check'").get() as { value: Uint8Array } | undefined;
  return row?.value;
}
