// Migration 0016 rebuilds the requests table (a 'credit' kind, the handed-over record): every
// row that points at a request (passengers, posts, reminders, topics…) must survive the copy,
// and every index and trigger must be back. With foreign keys on, a plain DROP TABLE would have
// deleted those rows by cascade; the runner turns them off and checks them before commit.

import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationsDir } from '../../src/paths.js';
import { applyMigrations, readMigrations } from '../../src/store/migrate.js';
import { tempDir } from '../support/harness.js';

const all = readMigrations(migrationsDir());
const REBUILD = all.findIndex((m) => m.name === 'credit_and_handover');

/** Indexes and triggers on requests, as SQLite names them. */
function requestObjects(db: Database.Database): string[] {
  return (db.prepare("SELECT type || ':' || name AS o FROM sqlite_schema WHERE tbl_name = 'requests' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_%' ORDER BY 1").pluck().all() as string[]);
}

describe('the requests rebuild (credit and handed-over record)', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('keeps every row pointing at a request, every index and the trigger; the new kind and columns work', () => {
    expect(REBUILD).toBeGreaterThan(0);
    const temp = tempDir();
    cleanup = temp.cleanup;
    const db = new Database(join(temp.dir, 'old.db'));
    db.pragma('foreign_keys = ON');
    applyMigrations(db, all.slice(0, REBUILD), 1);
    const blob = Buffer.from([1, 2, 3]);
    db.prepare("INSERT INTO groups (id, transport, chat_bidx, chat_enc, key_wrapped, centre_id, lang, linked_at) VALUES (1, 'local', ?, ?, ?, 'coquelles', 'fr', 1)").run(blob, blob, blob);
    db.prepare("INSERT INTO requests (group_id, number, kind, state, due_at, seats, requester_bidx, items_enc, created_at, updated_at, key_wrapped) VALUES (1, 1, 'visit', 'open', 5, 2, ?, ?, 1, 1, ?)").run(blob, blob, blob);
    db.prepare('INSERT INTO passengers (group_id, number, member_bidx, joined_at) VALUES (1, 1, ?, 1)').run(blob);
    db.prepare("INSERT INTO schedule (group_id, number, kind, due_at, useful_until) VALUES (1, 1, 'remind', 3, 4)").run();
    db.prepare("INSERT INTO topics (group_id, number, topic) VALUES (1, 1, '42')").run();
    const before = requestObjects(db);
    const children = () => ['passengers', 'schedule', 'topics'].map((t) => db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get());

    applyMigrations(db, all.slice(REBUILD), 2);

    expect(children()).toEqual([1, 1, 1]);
    expect(requestObjects(db)).toEqual(before);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1); // back on after the run
    expect(db.prepare('SELECT kind, seats, items_enc FROM requests').get()).toEqual({ kind: 'visit', seats: 2, items_enc: blob });
    db.prepare("INSERT INTO requests (group_id, number, kind, state, due_at, requester_bidx, created_at, updated_at, receipt) VALUES (1, 2, 'credit', 'open', 5, ?, 1, 1, 'yes')").run(blob);
    expect(() => db.prepare("UPDATE requests SET receipt = 'maybe' WHERE number = 2").run()).toThrow(/CHECK/);
    // the cascade and the trigger still follow the new table
    db.prepare('DELETE FROM requests WHERE number = 1').run();
    expect(children()).toEqual([0, 0, 0]);
    db.close();
  });
});
