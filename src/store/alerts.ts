// Remembers which delivery alerts a group's coordinators were already told about, so a
// rate-limit storm produces one message, not one per failed send.

import type { GroupId } from '../core/ids.js';
import type { DeliveryAlert } from '../core/transport.js';
import type { Db } from './database.js';

export class AlertRepository {
  private readonly select;
  private readonly upsert;
  private readonly clear;
  private readonly purgeLimits;

  constructor(db: Db) {
    this.select = db.prepare('SELECT raised_at FROM alerts WHERE group_id = ? AND kind = ?').pluck();
    this.upsert = db.prepare(
      'INSERT INTO alerts (group_id, kind, raised_at) VALUES (?, ?, ?) ON CONFLICT (group_id, kind) DO UPDATE SET raised_at = excluded.raised_at',
    );
    this.clear = db.prepare('DELETE FROM alerts WHERE group_id = ? AND kind = ?');
    this.purgeLimits = db.prepare("DELETE FROM alerts WHERE (kind LIKE 'limit:%' OR kind LIKE 'repost:%') AND raised_at < ?");
  }

  /** True (and remembered) when this alert was not raised for the group within `quietMs`. */
  raise(group: GroupId, kind: DeliveryAlert | string, now: number, quietMs: number): boolean {
    const last = this.select.get(group, kind) as number | undefined;
    if (last !== undefined && now - last < quietMs) return false;
    this.upsert.run(group, kind, now);
    return true;
  }

  resolve(group: GroupId, kind: DeliveryAlert | string): void {
    this.clear.run(group, kind);
  }

  /** Forgets the limits' marks (one per member or request) raised before `before`; returns how many. */
  purgeLimitsBefore(before: number): number {
    return this.purgeLimits.run(before).changes;
  }
}
