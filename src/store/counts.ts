// The counts table (#16): how many visits, packages, lawyer requests and cases ended which way,
// per month and centre. Nothing else: no ids, no times finer than the month, no free text.

import type { Db } from './database.js';

export interface CountRow {
  readonly month: string;
  readonly centreId: string;
  readonly kind: string;
  readonly bucket: string;
  readonly n: number;
}

export class CountRepository {
  private readonly bump;
  private readonly range;

  constructor(db: Db) {
    this.bump = db.prepare(
      'INSERT INTO counts (month, centre_id, kind, bucket, n) VALUES (?, ?, ?, ?, 1) ON CONFLICT (month, centre_id, kind, bucket) DO UPDATE SET n = n + 1',
    );
    this.range = db.prepare(
      'SELECT month, centre_id AS centreId, kind, bucket, n FROM counts WHERE month BETWEEN ? AND ? ORDER BY month, centre_id, kind, bucket',
    );
  }

  /** One more of `kind` ended as `bucket` at this centre in this month ('YYYY-MM'). */
  add(month: string, centreId: string, kind: string, bucket: string): void {
    this.bump.run(month, centreId, kind, bucket);
  }

  /** Every count from month `from` to month `to` ('YYYY-MM', both included). */
  between(from: string, to: string): CountRow[] {
    return this.range.all(from, to) as CountRow[];
  }
}
