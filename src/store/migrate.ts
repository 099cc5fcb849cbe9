// Numbered SQL migrations (migrations/NNNN_name.sql), applied in order in one transaction and
// recorded. A database migrated by newer code is refused rather than misread.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export class SchemaTooNewError extends Error {
  readonly code = 'SCHEMA_TOO_NEW';
  constructor(
    readonly databaseVersion: number,
    readonly codeVersion: number,
  ) {
    super(
      `This database has schema version ${databaseVersion}, but this Parloir knows only up to ` +
        `${codeVersion}. Upgrade Parloir (or restore a matching backup); the database was not changed.`,
    );
  }
}

const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function readMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => ({ file, match: FILE.exec(file) }))
    .filter((entry): entry is { file: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ file, match }) => ({
      version: Number(match[1]),
      name: match[2] ?? file,
      sql: readFileSync(join(dir, file), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration numbering has a gap or duplicate at ${m.version} (code MIGRATION_ORDER)`);
  });
  return migrations;
}

export function currentVersion(db: Database.Database): number {
  const exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!exists) return 0;
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/** Refuses a newer schema; returns the migrations still to apply without applying them. */
export function pendingMigrations(db: Database.Database, migrations: readonly Migration[]): Migration[] {
  const version = currentVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (version > latest) throw new SchemaTooNewError(version, latest);
  return migrations.filter((m) => m.version > version);
}

/**
 * Applies `pending` in one transaction; all or nothing. Returns the versions applied.
 *
 * A migration may rebuild a table that others reference (SQLite cannot change a CHECK: create,
 * copy, drop, rename). With foreign keys on, that DROP TABLE would delete every child row by
 * cascade, so they are off during the run (the pragma is a no-op inside a transaction) and
 * checked before commit: a migration that leaves a dangling reference is rolled back.
 */
export function applyMigrations(db: Database.Database, pending: readonly Migration[], now: number): number[] {
  if (pending.length === 0) return [];
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      db.exec(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT',
      );
      const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
      for (const migration of pending) {
        db.exec(migration.sql);
        record.run(migration.version, migration.name, now);
      }
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new Error(`the migrations left ${broken.length} rows pointing at nothing; nothing was changed (code MIGRATION_FOREIGN_KEYS)`);
    }).immediate();
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
  return pending.map((m) => m.version);
}
