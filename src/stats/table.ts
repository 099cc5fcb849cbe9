// The counts for advocacy as a table: one row per month, one column per count (#16). Small
// numbers are hidden so that no one can be picked out, and no published figure lets someone
// work a hidden one out (SECURITY.md, "Counts for advocacy"):
// - a count of 1–4 is shown as "<5"; 0 stays 0 (it names nobody);
// - every column is a leaf: no total is published next to its parts, so "total minus the other
//   parts" never gives a hidden cell;
// - the all-centres figure is the sum of the centres' figures, which `--centre` shows one by
//   one: it is shown exactly only when the hidden (1–4) centre figures inside it can be neither
//   computed nor pinned down — none of them, or at least two whose sum S (known by difference)
//   lies strictly between k and 4k for k hidden figures. Otherwise it is shown as ">=5";
// - a median rests on 5 values or more, else "<5".

import { REQUEST_KINDS } from '../core/domain.js';
import type { CountRow } from '../store/counts.js';
import { REFUSAL_BUCKETS } from './refusal.js';
import { CASE_OUTCOMES_COUNTED, LAWYER_HOURS } from './tally.js';

export const SMALL_MAX = 4;

export type Cell =
  | { readonly kind: 'count'; readonly n: number }
  /** 1–4 */
  | { readonly kind: 'small' }
  /** 5 or more, withheld: the exact figure would give away a small one elsewhere */
  | { readonly kind: 'atLeast5' };

export type MedianCell = { readonly kind: 'hours'; readonly hours: number } | { readonly kind: 'small' } | { readonly kind: 'none' };

export interface Column {
  /** The CSV header: `<kind>_<bucket>`, e.g. visit_refused_papers. */
  readonly id: string;
  readonly kind: string;
  readonly bucket: string;
}

export interface StatsRow {
  readonly month: string;
  readonly cells: readonly Cell[];
  /** Median whole hours from asking for a lawyer to reaching one, that month. */
  readonly lawyerMedian: MedianCell;
}

export interface StatsTable {
  /** The centre id, or undefined for all centres together. */
  readonly centre: string | undefined;
  readonly columns: readonly Column[];
  readonly rows: readonly StatsRow[];
}

const column = (kind: string, bucket: string): Column => ({ id: `${kind}_${bucket}`.replace(/-/g, '_'), kind, bucket });

/**
 * The columns always shown, in order; any request kind added later (e.g. credit) gets a
 * `<kind>_done` column, and any other count found gets a column of its own after these.
 */
export function baseColumns(): Column[] {
  const others: string[] = REQUEST_KINDS.filter((k) => k !== 'visit' && k !== 'lawyer');
  // a case's hearing, airport and pick-up tasks are counted apart from visits (tally.ts)
  for (const role of ['hearing', 'airport', 'pickup']) if (!others.includes(role)) others.push(role);
  return [
    column('visit', 'done'),
    ...REFUSAL_BUCKETS.map((b) => column('visit', `refused-${b}`)),
    ...others.map((k) => column(k, 'done')),
    column('lawyer', 'in-time'),
    column('lawyer', 'late'),
    column('lawyer', 'missed'),
    ...CASE_OUTCOMES_COUNTED.map((o) => column('case', o)),
  ];
}

export function columnsFor(rows: readonly CountRow[]): Column[] {
  const base = baseColumns();
  const known = new Set(base.map((c) => `${c.kind}\u0000${c.bucket}`));
  const extra = new Map<string, Column>();
  for (const row of rows) {
    const key = `${row.kind}\u0000${row.bucket}`;
    if (row.kind !== LAWYER_HOURS && !known.has(key)) extra.set(key, column(row.kind, row.bucket));
  }
  return [...base, ...[...extra.values()].sort((a, b) => a.id.localeCompare(b.id))];
}

/** A centre's own figure. */
export function shownCount(n: number): Cell {
  if (n === 0) return { kind: 'count', n: 0 };
  return n <= SMALL_MAX ? { kind: 'small' } : { kind: 'count', n };
}

/** The all-centres figure from the centres' shares (see the rules above). */
export function shownTotal(shares: readonly number[]): Cell {
  const total = shares.reduce((a, b) => a + b, 0);
  if (total <= SMALL_MAX) return shownCount(total);
  const hidden = shares.filter((n) => n >= 1 && n <= SMALL_MAX);
  const k = hidden.length;
  const sum = hidden.reduce((a, b) => a + b, 0);
  const safe = k === 0 || (k >= 2 && sum > k && sum < (SMALL_MAX * k));
  return safe ? { kind: 'count', n: total } : { kind: 'atLeast5' };
}

/** The median of a histogram (value → how many), or why it is not shown. */
export function shownMedian(histogram: ReadonlyMap<number, number>): MedianCell {
  const values = [...histogram.entries()].sort((a, b) => a[0] - b[0]);
  const n = values.reduce((a, [, c]) => a + c, 0);
  if (n === 0) return { kind: 'none' };
  if (n <= SMALL_MAX) return { kind: 'small' };
  const at = (i: number): number => {
    let seen = 0;
    for (const [value, count] of values) {
      seen += count;
      if (i < seen) return value;
    }
    return values.at(-1)![0];
  };
  const hours = n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
  return { kind: 'hours', hours };
}

/** The table for these months (ended months only: the caller checks), all centres or one. */
export function buildTable(counts: readonly CountRow[], months: readonly string[], centre: string | undefined): StatsTable {
  const scoped = centre === undefined ? counts : counts.filter((r) => r.centreId === centre);
  const columns = columnsFor(scoped);
  const centres = [...new Set(scoped.map((r) => r.centreId))];
  const index = new Map<string, number>();
  for (const r of scoped) index.set(`${r.month}\u0000${r.centreId}\u0000${r.kind}\u0000${r.bucket}`, r.n);
  const get = (month: string, c: string, kind: string, bucket: string) => index.get(`${month}\u0000${c}\u0000${kind}\u0000${bucket}`) ?? 0;
  const rows = months.map((month): StatsRow => {
    const cells = columns.map((col) => {
      const shares = centres.map((c) => get(month, c, col.kind, col.bucket));
      return centre === undefined ? shownTotal(shares) : shownCount(shares.reduce((a, b) => a + b, 0));
    });
    const histogram = new Map<number, number>();
    for (const r of scoped) {
      if (r.month !== month || r.kind !== LAWYER_HOURS) continue;
      const hours = Number(r.bucket);
      histogram.set(hours, (histogram.get(hours) ?? 0) + r.n);
    }
    return { month, cells, lawyerMedian: shownMedian(histogram) };
  });
  return { centre, columns, rows };
}
