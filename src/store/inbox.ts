// Dedupe of inbound events: a keyed hash of each acted-upon event's dedupe key, written in the
// same transaction as the event's effects. The hash key rotates every period and is destroyed
// once every row hashed with it is past the dedupe window: an old event (sender id + time) can
// then no longer be tied to a person by hashing guesses, even with the master key.

import type { Db } from './database.js';
import type { SealingKey, Vault } from './vault.js';

const DAY = 86_400_000;
/** How long one hash key is used for new rows. */
export const INBOX_KEY_PERIOD_MS = 7 * DAY;
const keyAd = (period: number) => `inbox_keys.key_wrapped:${period}`;

export class InboxRepository {
  private readonly has;
  private readonly add;
  private readonly purge;
  private readonly loadKeys;
  private readonly insertKey;
  private readonly purgeKeys;
  private readonly selectKey;
  /** Unwrapped keys by period, with the wrapped form they came from (the database stays the truth). */
  private keys: Map<number, { key: SealingKey; wrapped: Uint8Array }> | undefined;

  constructor(
    db: Db,
    private readonly vault: Vault,
  ) {
    this.has = db.prepare('SELECT 1 FROM inbox WHERE key_bidx = ?').pluck();
    this.add = db.prepare('INSERT OR IGNORE INTO inbox (key_bidx, seen_at) VALUES (?, ?)');
    this.purge = db.prepare('DELETE FROM inbox WHERE seen_at < ?');
    this.loadKeys = db.prepare('SELECT period, key_wrapped FROM inbox_keys');
    this.insertKey = db.prepare('INSERT INTO inbox_keys (period, key_wrapped) VALUES (?, ?)');
    this.selectKey = db.prepare('SELECT key_wrapped FROM inbox_keys WHERE period = ?').pluck();
    this.purgeKeys = db.prepare('DELETE FROM inbox_keys WHERE (period + 1) * ? <= ? RETURNING period').pluck();
  }

  seen(dedupeKey: string): boolean {
    for (const { key } of this.live().values()) if (this.has.get(this.vault.keyedHash(key, `inbox\u0000${dedupeKey}`)) !== undefined) return true;
    // Rows written before hash keys rotated (gone after one window).
    return this.has.get(this.vault.blindIndex('inbox', dedupeKey)) !== undefined;
  }

  record(dedupeKey: string, now: number): void {
    this.add.run(this.vault.keyedHash(this.keyFor(Math.floor(now / INBOX_KEY_PERIOD_MS)), `inbox\u0000${dedupeKey}`), now);
  }

  /** Deletes rows seen before `before`, then destroys the keys none of the remaining rows need. */
  purgeBefore(before: number): number {
    const purged = this.purge.run(before).changes;
    const live = this.live();
    for (const period of this.purgeKeys.all(INBOX_KEY_PERIOD_MS, before) as number[]) {
      live.get(period)?.key.bytes.fill(0);
      live.delete(period);
    }
    return purged;
  }

  private live(): Map<number, { key: SealingKey; wrapped: Uint8Array }> {
    if (!this.keys) {
      const rows = this.loadKeys.all() as { period: number; key_wrapped: Uint8Array }[];
      this.keys = new Map(rows.map((r) => [r.period, { key: this.vault.unwrapGroupKey(r.key_wrapped, keyAd(r.period)), wrapped: r.key_wrapped }]));
    }
    return this.keys;
  }

  /** The period's key as stored (a key created in a transaction that rolled back is replaced). */
  private keyFor(period: number): SealingKey {
    const live = this.live();
    const stored = this.selectKey.get(period) as Uint8Array | undefined;
    const cached = live.get(period);
    if (stored && cached && Buffer.from(stored).equals(Buffer.from(cached.wrapped))) return cached.key;
    const entry = stored
      ? { key: this.vault.unwrapGroupKey(stored, keyAd(period)), wrapped: stored }
      : this.vault.newGroupKey(keyAd(period));
    if (!stored) this.insertKey.run(period, entry.wrapped);
    live.set(period, entry);
    return entry.key;
  }
}
