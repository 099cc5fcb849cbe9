// Dedupe of inbound events: the blind index of each acted-upon event's dedupe key, written in
// the same transaction as the event's effects.

import type { Db } from './database.js';
import type { Vault } from './vault.js';

export class InboxRepository {
  private readonly has;
  private readonly add;
  private readonly purge;

  constructor(
    db: Db,
    private readonly vault: Vault,
  ) {
    this.has = db.prepare('SELECT 1 FROM inbox WHERE key_bidx = ?').pluck();
    this.add = db.prepare('INSERT OR IGNORE INTO inbox (key_bidx, seen_at) VALUES (?, ?)');
    this.purge = db.prepare('DELETE FROM inbox WHERE seen_at < ?');
  }

  seen(dedupeKey: string): boolean {
    return this.has.get(this.vault.blindIndex('inbox', dedupeKey)) !== undefined;
  }

  record(dedupeKey: string, now: number): void {
    this.add.run(this.vault.blindIndex('inbox', dedupeKey), now);
  }

  purgeBefore(before: number): number {
    return this.purge.run(before).changes;
  }
}
