// Reads the date (and time) at the start of a request's arguments, in the centre's time zone.
// Pure: the clock and the zone are parameters. Accepts English and French forms in any command:
//   2026-12-01 14:00 · 01/12 14h30 · 01/12 à 14h · demain 14h · vendredi 10h · tomorrow 2pm ·
//   friday 10:30 · 1er décembre 9h · dec 3 · in 48h / dans 2 jours · (lawyer) 48h
// The instant is built with Luxon in the zone, so DST changes are handled by the zone rules.

import { DateTime } from 'luxon';
import { normaliseWords } from '../i18n/words.js';

export interface WhenContext {
  readonly now: number;
  readonly zone: string;
  /** Visits need a time of day; packages and deadlines default to `defaultTime`. */
  readonly requireTime: boolean;
  /** A bare "48h" means "48 hours from now" (lawyer deadlines) rather than 48 o'clock. */
  readonly bareHoursAreDuration: boolean;
  readonly defaultTime?: { readonly hour: number; readonly minute: number };
  /**
   * 'past' for moments usually already gone (a placement, a notification): a date without a
   * year or a bare weekday means the latest one, and past times are accepted (up to a year).
   */
  readonly prefer?: 'future' | 'past';
}

export type WhenError = 'when-missing' | 'when-invalid' | 'when-past' | 'when-too-far' | 'time-missing';
export type WhenResult =
  | { readonly ok: true; readonly at: number; readonly consumed: number }
  | { readonly ok: false; readonly error: WhenError };

const FILLERS = new Set(['le', 'on', 'the', 'for', 'pour', 'avant', 'before', 'by', 'until', "jusqu'au", 'deadline', 'echeance']);
const CONNECTORS = new Set(['a', 'at', '@', 'vers', 'around', 'de']);
const WEEKDAYS: Record<string, number> = {
  monday: 1, mon: 1, lundi: 1,
  tuesday: 2, tue: 2, tues: 2, mardi: 2,
  wednesday: 3, wed: 3, mercredi: 3,
  thursday: 4, thu: 4, thurs: 4, jeudi: 4,
  friday: 5, fri: 5, vendredi: 5,
  saturday: 6, sat: 6, samedi: 6,
  sunday: 7, sun: 7, dimanche: 7,
};
const MONTHS: Record<string, number> = {
  january: 1, jan: 1, janvier: 1, janv: 1,
  february: 2, feb: 2, fevrier: 2, fev: 2, fevr: 2,
  march: 3, mar: 3, mars: 3,
  april: 4, apr: 4, avril: 4, avr: 4,
  may: 5, mai: 5,
  june: 6, jun: 6, juin: 6,
  july: 7, jul: 7, juillet: 7, juil: 7,
  august: 8, aug: 8, aout: 8,
  september: 9, sep: 9, sept: 9, septembre: 9,
  october: 10, oct: 10, octobre: 10,
  november: 11, nov: 11, novembre: 11,
  december: 12, dec: 12, decembre: 12,
};
const RELATIVE_DAYS: Record<string, number> = {
  today: 0, "aujourd'hui": 0, auj: 0, tonight: 0, "ce soir": 0,
  yesterday: -1, hier: -1,
  tomorrow: 1, demain: 1,
  'apres-demain': 2, apresdemain: 2,
};
const DURATION_UNITS: Record<string, number> = {
  h: 3_600_000, hour: 3_600_000, hours: 3_600_000, heure: 3_600_000, heures: 3_600_000,
  d: 86_400_000, day: 86_400_000, days: 86_400_000, j: 86_400_000, jour: 86_400_000, jours: 86_400_000,
};
const MAX_AHEAD_MS = 366 * 86_400_000;
const PAST_GRACE_MS = 60_000;
/** A day/month already this many days gone is a typo for a past date, not next year's. */
const RECENT_PAST_DAYS = 31;

interface DateParts { year?: number; month: number; day: number }
interface TimeParts { hour: number; minute: number }
type Day = { kind: 'date'; parts: DateParts } | { kind: 'offset'; days: number } | { kind: 'weekday'; weekday: number };

/** Word forms, one per raw token; "après-demain" keeps its dash, "14h30" stays whole. */
function normaliseToken(token: string): string {
  return normaliseWords(token.replace(/-/g, ' ')).replace(/ /g, '-') || token.toLowerCase();
}

export function parseWhen(tokens: readonly string[], ctx: WhenContext): WhenResult {
  const words = tokens.map(normaliseToken);
  let i = 0;
  while (i < words.length && FILLERS.has(words[i] ?? '')) i += 1;

  const duration = readDuration(words, i, ctx);
  if (duration) return check(ctx.now + duration.ms, i + duration.consumed, ctx);

  const day = readDay(words, tokens, i);
  if (day) i += day.consumed;
  let j = i;
  while (j < words.length && CONNECTORS.has(words[j] ?? '') && day) j += 1;
  const time = readTime(words, tokens, j);
  if (time) i = j + time.consumed;

  if (!day && !time) return { ok: false, error: 'when-missing' };
  if (time && !isValidTime(time.parts)) return { ok: false, error: 'when-invalid' };
  if (!time && ctx.requireTime) return { ok: false, error: 'time-missing' };
  const clock = time?.parts ?? ctx.defaultTime ?? { hour: 18, minute: 0 };

  const now = DateTime.fromMillis(ctx.now, { zone: ctx.zone });
  const at = resolveDay(day?.day ?? { kind: 'offset', days: 0 }, clock, now, ctx.prefer === 'past');
  if (!at) return { ok: false, error: 'when-invalid' };
  return check(at.toMillis(), i, ctx);
}

function check(at: number, consumed: number, ctx: WhenContext): WhenResult {
  if (ctx.prefer === 'past' && at < ctx.now - MAX_AHEAD_MS) return { ok: false, error: 'when-too-far' };
  if (ctx.prefer !== 'past' && at < ctx.now - PAST_GRACE_MS) return { ok: false, error: 'when-past' };
  if (at > ctx.now + MAX_AHEAD_MS) return { ok: false, error: 'when-too-far' };
  return { ok: true, at, consumed };
}

function readDuration(words: readonly string[], i: number, ctx: WhenContext): { ms: number; consumed: number } | undefined {
  const explicit = words[i] === 'in' || words[i] === 'dans';
  const at = explicit ? i + 1 : i;
  // "48h", "2j", "2d" as one token, or "2 jours", "36 hours" as two
  const joined = /^(\d{1,3})(h|d|j)$/.exec(words[at] ?? '');
  const split = /^\d{1,3}$/.test(words[at] ?? '') ? DURATION_UNITS[words[at + 1] ?? ''] : undefined;
  const count = joined ? Number(joined[1]) : Number(words[at]);
  const unit = joined ? DURATION_UNITS[joined[2] ?? ''] : split;
  if (unit === undefined) return undefined;
  // "14h" alone is a time of day, unless the command reads bare hours as a delay (lawyer deadlines)
  const isDays = unit === DURATION_UNITS['d'];
  if (!explicit && !isDays && !ctx.bareHoursAreDuration) return undefined;
  return { ms: count * unit, consumed: at - i + (joined ? 1 : 2) };
}

function readDay(words: readonly string[], raw: readonly string[], i: number): { day: Day; consumed: number } | undefined {
  const word = words[i] ?? '';
  const token = raw[i] ?? '';
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(token);
  if (iso) return { day: { kind: 'date', parts: { year: +iso[1]!, month: +iso[2]!, day: +iso[3]! } }, consumed: 1 };
  const slash = /^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2}|\d{4}))?$/.exec(token);
  if (slash) {
    const year = slash[3] === undefined ? undefined : slash[3].length === 2 ? 2000 + +slash[3] : +slash[3];
    return { day: { kind: 'date', parts: { day: +slash[1]!, month: +slash[2]!, ...(year ? { year } : {}) } }, consumed: 1 };
  }
  if (word in RELATIVE_DAYS) return { day: { kind: 'offset', days: RELATIVE_DAYS[word]! }, consumed: 1 };
  if (word === 'day' && words[i + 1] === 'after' && words[i + 2] === 'tomorrow') return { day: { kind: 'offset', days: 2 }, consumed: 3 };
  const skipNext = word === 'next' || word === 'prochain' ? 1 : 0;
  const weekday = WEEKDAYS[words[i + skipNext] ?? ''];
  if (weekday) {
    const trailing = words[i + skipNext + 1] === 'prochain' ? 1 : 0;
    return { day: { kind: 'weekday', weekday }, consumed: 1 + skipNext + trailing };
  }
  // "1er décembre", "3 dec", "december 3", "dec 3rd", optionally followed by a year
  const dayFirst = /^(\d{1,2})(?:er|st|nd|rd|th)?$/.exec(word);
  const monthAfter = MONTHS[words[i + 1] ?? ''];
  if (dayFirst && monthAfter) return withYear({ day: +dayFirst[1]!, month: monthAfter }, words, i + 2, 2);
  const monthFirst = MONTHS[word];
  const dayAfter = /^(\d{1,2})(?:er|st|nd|rd|th)?$/.exec(words[i + 1] ?? '');
  if (monthFirst && dayAfter) return withYear({ day: +dayAfter[1]!, month: monthFirst }, words, i + 2, 2);
  return undefined;
}

function withYear(parts: DateParts, words: readonly string[], at: number, consumed: number): { day: Day; consumed: number } {
  const year = /^(20\d{2})$/.exec(words[at] ?? '');
  return year
    ? { day: { kind: 'date', parts: { ...parts, year: +year[1]! } }, consumed: consumed + 1 }
    : { day: { kind: 'date', parts }, consumed };
}

function readTime(words: readonly string[], raw: readonly string[], i: number): { parts: TimeParts; consumed: number } | undefined {
  const word = words[i] ?? '';
  if (word === 'midi' || word === 'noon') return { parts: { hour: 12, minute: 0 }, consumed: 1 };
  const french = /^(\d{1,2})h(\d{2})?$/.exec(word);
  if (french) return { parts: { hour: +french[1]!, minute: french[2] ? +french[2] : 0 }, consumed: 1 };
  const colon = /^(\d{1,2}):(\d{2})$/.exec(raw[i] ?? '');
  if (colon) {
    const meridiem = words[i + 1];
    if (meridiem === 'am' || meridiem === 'pm') return { parts: twelveHour(+colon[1]!, +colon[2]!, meridiem), consumed: 2 };
    return { parts: { hour: +colon[1]!, minute: +colon[2]! }, consumed: 1 };
  }
  const ampm = /^(\d{1,2})(?::(\d{2}))?(am|pm)$/.exec((raw[i] ?? '').toLowerCase());
  if (ampm) return { parts: twelveHour(+ampm[1]!, ampm[2] ? +ampm[2] : 0, ampm[3] as 'am' | 'pm'), consumed: 1 };
  const bare = /^(\d{1,2})$/.exec(word);
  const meridiem = words[i + 1];
  if (bare && (meridiem === 'am' || meridiem === 'pm')) return { parts: twelveHour(+bare[1]!, 0, meridiem), consumed: 2 };
  return undefined;
}

function twelveHour(hour: number, minute: number, meridiem: 'am' | 'pm'): TimeParts {
  if (hour < 1 || hour > 12) return { hour: 99, minute }; // reported as an invalid time
  return { hour: (hour % 12) + (meridiem === 'pm' ? 12 : 0), minute };
}

function isValidTime(t: TimeParts): boolean {
  return t.hour >= 0 && t.hour <= 23 && t.minute >= 0 && t.minute <= 59;
}

function resolveDay(day: Day, clock: TimeParts, now: DateTime, past = false): DateTime | undefined {
  const at = (base: DateTime) => base.set({ hour: clock.hour, minute: clock.minute, second: 0, millisecond: 0 });
  switch (day.kind) {
    case 'offset':
      return at(now.startOf('day').plus({ days: day.days }));
    case 'weekday': {
      if (past) {
        const back = at(now.startOf('day').minus({ days: (now.weekday - day.weekday + 7) % 7 }));
        return back.toMillis() <= now.toMillis() ? back : back.minus({ weeks: 1 });
      }
      const ahead = (day.weekday - now.weekday + 7) % 7;
      const candidate = at(now.startOf('day').plus({ days: ahead }));
      return candidate.toMillis() >= now.toMillis() ? candidate : candidate.plus({ weeks: 1 });
    }
    case 'date': {
      const build = (year: number) =>
        DateTime.fromObject({ year, month: day.parts.month, day: day.parts.day, hour: clock.hour, minute: clock.minute }, { zone: now.zone });
      if (day.parts.year !== undefined) {
        const exact = build(day.parts.year);
        return exact.isValid ? exact : undefined;
      }
      const thisYear = build(now.year);
      if (!thisYear.isValid) {
        const nextYear = build(now.year + 1); // 29/02 in a year without it
        return nextYear.isValid ? nextYear : undefined;
      }
      if (past && thisYear.toMillis() > now.plus({ days: 1 }).toMillis()) {
        const lastYear = build(now.year - 1);
        return lastYear.isValid ? lastYear : undefined;
      }
      if (past) return thisYear;
      const daysAgo = now.startOf('day').diff(thisYear.startOf('day'), 'days').days;
      return daysAgo > RECENT_PAST_DAYS ? build(now.year + 1) : thisYear;
    }
  }
}
