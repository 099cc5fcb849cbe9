// Finds the date (and time) of a request anywhere in its words, in the centre's time zone, and
// says which words it used so that none of them ends up in the note. Pure: the clock and the
// zone are parameters. Where a phrase has two readings it picks one and returns the assumption,
// so the answer can state it ("samedi prochain" on a Thursday, an English writer's 12/5).
// The instant is built with Luxon in the zone, so DST changes follow the zone's rules.
// Own parser rather than chrono-node: on the corpus it is right more often and never silently
// wrong (docs/language.md has both rates).

import { DateTime } from 'luxon';
import type { Lang } from '../i18n/lang.js';
import { MIN_WINDOW_HOURS, PERIOD_START } from './date-words.js';
import { type Day, type Moment, momentAt, normaliseDateToken, readDelay, type TimeParts } from './when-read.js';

export { tokenize } from './when-read.js';

export interface WhenContext {
  readonly now: number;
  readonly zone: string;
  /** Visits need a time of day; packages and deadlines default to `defaultTime`. */
  readonly requireTime: boolean;
  /** Lawyer deadlines: "48h" is a window, counted from the notification when one is given. */
  readonly bareHoursAreDuration: boolean;
  readonly defaultTime?: { readonly hour: number; readonly minute: number };
  /** The language of the command word: an English writer's 12/5 may be May or December. */
  readonly lang?: Lang;
  /**
   * 'past' for moments usually already gone (a placement, a notification, for cases): a date
   * without a year, a day of the month or a bare weekday means the latest one, and past times
   * are accepted (up to a year back).
   */
  readonly prefer?: 'future' | 'past';
}

export type WhenError = 'when-missing' | 'when-invalid' | 'when-past' | 'when-too-far' | 'time-missing' | 'weekday-mismatch';

/** A reading the writer may not have meant, stated in the answer with how to change it. */
export type Assumption =
  /** "samedi prochain" said earlier the same week: the coming one, not `alt` a week later. */
  | { readonly code: 'coming-weekday'; readonly alt: number }
  /** Today's weekday with a time already passed: the same day next week. */
  | { readonly code: 'next-week' }
  /** 12/5 read day first; `alt` is the month-first reading. */
  | { readonly code: 'day-month'; readonly alt: number }
  /** "le 20" said on the 23rd: the 20th of next month. */
  | { readonly code: 'next-month' }
  /** A legal window counted from the earliest plausible notification time. */
  | { readonly code: 'notified-from'; readonly from: number }
  /** A bare "at 2" read as 14:00. */
  | { readonly code: 'afternoon' };

export type WhenResult =
  | { readonly ok: true; readonly at: number; readonly used: ReadonlySet<number>; readonly assumption?: Assumption }
  /** `day`: with time-missing, the day that was understood (to name it in the question). */
  | { readonly ok: false; readonly error: WhenError; readonly day?: number };

const MAX_AHEAD_MS = 366 * 86_400_000;
const PAST_GRACE_MS = 60_000;
/** A day/month already this many days gone is a typo for a past date, not next year's. */
const RECENT_PAST_DAYS = 31;
/** "le 20" said this many days after the 20th is next month's, stated as an assumption. */
const NEXT_MONTH_NOTICE_DAYS = 15;

type Resolved = { at: DateTime; assumption?: Assumption } | { error: WhenError };

export function parseWhen(tokens: readonly string[], ctx: WhenContext): WhenResult {
  const w = tokens.map(normaliseDateToken);
  const lang = ctx.lang;
  if (negativeDelay(w)) return { ok: false, error: 'when-invalid' };
  if (ctx.bareHoursAreDuration) {
    const window = findDelay(w, true);
    if (window) return fromNotification(w, window, ctx);
  } else {
    const delay = findDelay(w, false);
    if (delay && delay.hours < 24) return check(ctx.now + delay.ms, range(delay.start, delay.end), ctx);
  }
  const moment = findMoment(w, new Set(), lang);
  if (!moment) return { ok: false, error: 'when-missing' };
  const used = range(moment.start, moment.end);
  const now = DateTime.fromMillis(ctx.now, { zone: ctx.zone });
  if (moment.time && !isValidTime(moment.time)) return { ok: false, error: 'when-invalid' };
  if (!moment.time && (ctx.requireTime || moment.period)) {
    const day = resolve(moment.day ?? { kind: 'offset', days: 0 }, { hour: 12, minute: 0 }, now, true);
    if ('error' in day) return { ok: false, error: day.error };
    return { ok: false, error: 'time-missing', day: day.at.startOf('day').toMillis() };
  }
  const clock = moment.time ?? ctx.defaultTime ?? { hour: 18, minute: 0 };
  const day = moment.day ?? { kind: 'offset', days: 0 };
  const resolved = ctx.prefer === 'past' ? latest(day, resolve(day, clock, now, false), now) : resolve(day, clock, now, false);
  if ('error' in resolved) return { ok: false, error: resolved.error };
  const assumption = resolved.assumption ?? (moment.time?.guessedPm ? ({ code: 'afternoon' } as const) : undefined);
  return check(resolved.at.toMillis(), used, ctx, assumption);
}

function findMoment(w: readonly string[], skip: ReadonlySet<number>, lang: Lang | undefined): Moment | undefined {
  for (let p = 0; p < w.length; p += 1) {
    if (skip.has(p)) continue;
    const moment = momentAt(w, p, lang);
    if (moment && ![...range(moment.start, moment.end)].some((i) => skip.has(i))) return moment;
  }
  return undefined;
}

function findDelay(w: readonly string[], lawyer: boolean): { ms: number; hours: number; start: number; end: number } | undefined {
  for (let p = 0; p < w.length; p += 1) {
    // "à 8h", "at 9am": a time of day, never a window
    if (p > 0 && ['a', 'at', '@', 'vers'].includes(w[p - 1] ?? '')) continue;
    const delay = readDelay(w, p, lawyer);
    if (!delay) continue;
    const explicit = delay.end - p > 1 && !/^\d/.test(w[p] ?? '');
    if (lawyer && !explicit && delay.hours < MIN_WINDOW_HOURS) continue;
    if (!lawyer && delay.hours >= 24) continue; // "dans 2 jours" is a day, read with its time
    return { ...delay, start: p };
  }
  return undefined;
}

/**
 * A lawyer window: counted from the notification when the message says when it was ("notifiée
 * ce matin à 9h"), from the earliest plausible moment when it gives only a part of the day
 * (stated), else from now.
 */
function fromNotification(w: readonly string[], window: { ms: number; start: number; end: number }, ctx: WhenContext): WhenResult {
  const used = range(window.start, window.end);
  const moment = findMoment(w, used, ctx.lang);
  if (!moment) return check(ctx.now + window.ms, used, ctx);
  const now = DateTime.fromMillis(ctx.now, { zone: ctx.zone });
  for (const i of range(moment.start, moment.end)) used.add(i);
  if (moment.time && !isValidTime(moment.time)) return { ok: false, error: 'when-invalid' };
  const earliest = moment.time ?? { hour: moment.period ? PERIOD_START[moment.period] : 0, minute: 0 };
  let from = notifiedDay(moment.day, now).set({ hour: earliest.hour, minute: earliest.minute, second: 0, millisecond: 0 });
  let guessed = !moment.time;
  // "notifié à 14h" said at 10h: yesterday's 14h
  if (from > now.plus({ minutes: 1 }) && !moment.day) {
    from = from.minus({ days: 1 });
    guessed = true;
  }
  const assumption: Assumption | undefined = guessed ? { code: 'notified-from', from: from.toMillis() } : undefined;
  return check(from.toMillis() + window.ms, used, ctx, assumption);
}

function notifiedDay(day: Day | undefined, now: DateTime): DateTime {
  if (!day) return now.startOf('day');
  if (day.kind === 'offset') return now.startOf('day').plus({ days: day.days });
  if (day.kind === 'weekday') return now.startOf('day').minus({ days: (now.weekday - day.weekday + 7) % 7 });
  const resolved = resolve(day, { hour: 0, minute: 0 }, now, true);
  return 'at' in resolved ? resolved.at : now.startOf('day');
}

/**
 * For moments already gone: the latest such day not after now (last Saturday, this year's or
 * last year's 28/12, this month's or last month's 20th). Explicit years and "demain" stay.
 */
function latest(day: Day, resolved: Resolved, now: DateTime): Resolved {
  if ('error' in resolved || resolved.at <= now.plus({ milliseconds: PAST_GRACE_MS })) return 'error' in resolved ? resolved : { at: resolved.at };
  const at = resolved.at;
  const back = (d: DateTime): Resolved => (d.isValid && d <= now.plus({ milliseconds: PAST_GRACE_MS }) ? { at: d } : { at });
  switch (day.kind) {
    case 'weekday':
      return day.date ? { at } : back(at.minus({ weeks: Math.ceil(at.diff(now, 'weeks').weeks) }));
    case 'monthday':
      return back(at.minus({ months: 1 }));
    case 'date':
      return day.parts.year !== undefined ? { at } : back(at.minus({ years: 1 }));
    case 'offset':
      return { at };
  }
}

function check(at: number, used: Set<number>, ctx: WhenContext, assumption?: Assumption): WhenResult {
  if (ctx.prefer === 'past') {
    if (at < ctx.now - MAX_AHEAD_MS) return { ok: false, error: 'when-too-far' };
    // the reading assumptions of future dates ("next week", "next month") do not apply
    return at > ctx.now + MAX_AHEAD_MS ? { ok: false, error: 'when-too-far' } : { ok: true, at, used };
  }
  if (at < ctx.now - PAST_GRACE_MS) return { ok: false, error: 'when-past' };
  if (at > ctx.now + MAX_AHEAD_MS) return { ok: false, error: 'when-too-far' };
  return assumption ? { ok: true, at, used, assumption } : { ok: true, at, used };
}

function range(start: number, end: number): Set<number> {
  const out = new Set<number>();
  for (let i = start; i < end; i += 1) out.add(i);
  return out;
}

function isValidTime(t: TimeParts): boolean {
  return t.hour >= 0 && t.hour <= 23 && t.minute >= 0 && t.minute <= 59;
}

/** The day at the clock time, in the zone. `dayOnly`: the time is not known yet (no "passed today" rule). */
function resolve(day: Day, clock: TimeParts, now: DateTime, dayOnly: boolean): Resolved {
  const at = (base: DateTime) => base.set({ hour: clock.hour, minute: clock.minute, second: 0, millisecond: 0 });
  const today = now.startOf('day');
  switch (day.kind) {
    case 'offset':
      return { at: at(today.plus({ days: day.days })) };
    case 'weekday': {
      if (day.date) {
        const date = resolveDate({ day: day.date.day, month: day.date.month ?? 0, ...(day.date.year ? { year: day.date.year } : {}) }, clock, now, day.date.month === undefined);
        if ('error' in date) return date;
        return date.at.weekday === day.weekday ? date : { error: 'weekday-mismatch' };
      }
      const ahead = (day.weekday - now.weekday + 7) % 7;
      const candidate = at(today.plus({ days: ahead }));
      if (day.next) {
        if (ahead === 0) return { at: candidate.plus({ weeks: 1 }) };
        // later this same week: "samedi prochain" may mean this one or the next; say which
        if (day.weekday > now.weekday) return { at: candidate, assumption: { code: 'coming-weekday', alt: candidate.plus({ weeks: 1 }).toMillis() } };
        return { at: candidate };
      }
      if (ahead === 0 && !dayOnly && candidate < now) return { at: candidate.plus({ weeks: 1 }), assumption: { code: 'next-week' } };
      return { at: candidate };
    }
    case 'monthday':
      return resolveDate({ day: day.day, month: 0 }, clock, now, true);
    case 'date': {
      const date = resolveDate(day.parts, clock, now, false);
      if ('error' in date || !day.alt) return date;
      const alt = resolveDate(day.alt, clock, now, false);
      return 'at' in alt ? { at: date.at, assumption: { code: 'day-month', alt: alt.at.toMillis() } } : date;
    }
  }
}

/** A day of a month (month 0: this month or the next, whichever is still to come). */
function resolveDate(parts: { year?: number; month: number; day: number }, clock: TimeParts, now: DateTime, monthOpen: boolean): Resolved {
  const build = (year: number, month: number) =>
    DateTime.fromObject({ year, month, day: parts.day, hour: clock.hour, minute: clock.minute }, { zone: now.zone });
  if (monthOpen) {
    const thisMonth = build(now.year, now.month);
    if (thisMonth.isValid && thisMonth.startOf('day') >= now.startOf('day')) return { at: thisMonth };
    const next = now.plus({ months: 1 });
    const nextMonth = build(next.year, next.month);
    if (!nextMonth.isValid) return { error: 'when-invalid' };
    const passedDays = now.day - parts.day;
    return passedDays > 0 && passedDays <= NEXT_MONTH_NOTICE_DAYS ? { at: nextMonth, assumption: { code: 'next-month' } } : { at: nextMonth };
  }
  if (parts.year !== undefined) {
    const exact = build(parts.year, parts.month);
    return exact.isValid ? { at: exact } : { error: 'when-invalid' };
  }
  const thisYear = build(now.year, parts.month);
  if (!thisYear.isValid) {
    const nextYear = build(now.year + 1, parts.month); // 29/02 in a year without it
    return nextYear.isValid ? { at: nextYear } : { error: 'when-invalid' };
  }
  const daysAgo = now.startOf('day').diff(thisYear.startOf('day'), 'days').days;
  return { at: daysAgo > RECENT_PAST_DAYS ? build(now.year + 1, parts.month) : thisYear };
}

/** "dans -1 jours", "in -2 days", "-48h": a delay back in time is refused, never read as a delay ahead. */
function negativeDelay(w: readonly string[]): boolean {
  return w.some((word, i) => /^[-−–]\d/.test(word) && (w[i - 1] === 'dans' || w[i - 1] === 'in' || /^[-−–]\d+\s*(h|j|d)\b/.test(word)));
}
