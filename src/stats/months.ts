// Months as the stats command reads and lists them: 'YYYY-MM', and only months that are over.

import { DateTime } from 'luxon';

const MONTH = /^(\d{4})-(\d{2})$/;

/** 'YYYY-MM' with a real month (01–12), else undefined. */
export function parseMonth(text: string): string | undefined {
  const match = MONTH.exec(text);
  if (!match) return undefined;
  const month = Number(match[2]);
  return Number(match[1]) >= 1970 && month >= 1 && month <= 12 ? text : undefined;
}

/** Every month from `from` to `to`, both included ('YYYY-MM' compares in order as text). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = DateTime.fromISO(`${from}-01`, { zone: 'UTC' }); m.toFormat('yyyy-MM') <= to; m = m.plus({ months: 1 })) {
    months.push(m.toFormat('yyyy-MM'));
  }
  return months;
}

/**
 * True once the month is over in every time zone (its next month has begun at UTC−12, the last
 * zone on earth): nothing can be added to it any more, so two exports of it are identical and
 * cannot be subtracted from each other to see one new event.
 */
export function monthEnded(month: string, now: number): boolean {
  const next = DateTime.fromISO(`${month}-01`, { zone: 'Etc/GMT+12' }).plus({ months: 1 });
  return now >= next.toMillis();
}
