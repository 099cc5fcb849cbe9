// Reads the pieces of a date from normalised tokens: a day, a time of day, a part of the day,
// a delay. Pure and position-based: each reader says where its piece ends, so the caller knows
// exactly which words it used (and leaves the others to the note).

import {
  DATE_INTROS, DAY_OF_MONTH_INTROS, DAY_UNITS, DELAY_INTROS, FRENCH_TUESDAY, HOUR_UNITS, MONTHS, NEXT_WORDS, type Period, PERIODS, RANGE_JOINS,
  RELATIVE_DAYS, THIS_WORDS, TIME_INTROS, TODAY_PERIODS, WEEKDAYS,
} from './date-words.js';

export interface DateParts { readonly year?: number; readonly month: number; readonly day: number }
export type Day =
  | { readonly kind: 'date'; readonly parts: DateParts; /** the other reading of 12/5 */ readonly alt?: DateParts }
  | { readonly kind: 'offset'; readonly days: number }
  | { readonly kind: 'weekday'; readonly weekday: number; readonly next: boolean; readonly date?: { day: number; month?: number; year?: number } }
  | { readonly kind: 'monthday'; readonly day: number };
export interface TimeParts { readonly hour: number; readonly minute: number; /** a bare "at 2" read as 14:00 */ readonly guessedPm?: boolean }

export interface Moment {
  readonly start: number;
  readonly end: number;
  readonly day?: Day;
  readonly period?: Period;
  readonly time?: TimeParts;
}

const SEAT_WORDS = new Set(['places', 'place', 'seats', 'seat', 'pl']);
const DAY_NUMBER = /^(\d{1,2})(?:er|st|nd|rd|th|eme)?$/;

/** Lowercase, no accents, plain apostrophes; a trailing dot or bracket goes ("sam." → "sam"). */
export function normaliseDateToken(token: string): string {
  return token
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’`´]/g, "'")
    .toLowerCase()
    .replace(/^[("«]+|[)"».]+$/g, '');
}

/** Splits punctuation and time ranges off words: "14h-16h," → "14h", "-", "16h", ",". */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\s+/)) {
    if (raw === '') continue;
    const m = /^([,;:!?]*)([\s\S]*?)([,;:!?]*)$/.exec(raw);
    const [lead, body, trail] = [m?.[1] ?? '', m?.[2] ?? raw, m?.[3] ?? ''];
    if (lead) out.push(lead);
    const range = /^(\d{1,2}(?:[h:.]\d{0,2})?(?:am|pm)?)([-–])(\d{1,2}(?:[h:.]\d{0,2})?(?:am|pm)?)$/i.exec(body);
    if (range && /[h:]|am|pm/i.test(body)) out.push(range[1]!, range[2]!, range[3]!);
    else if (body) out.push(body);
    if (trail) out.push(trail);
  }
  return out;
}

/** A moment (day and/or time) whose first word is at `p`, introductory words included. */
export function momentAt(w: readonly string[], p: number, lang: 'fr' | 'en' | undefined): Moment | undefined {
  let q = p;
  while (q < w.length && DATE_INTROS.has(w[q] ?? '')) q += 1;
  if (q === w.length) return undefined;
  const afterLe = q > p && DAY_OF_MONTH_INTROS.has(w[q - 1] ?? '');
  const day = readDay(w, q, lang, afterLe);
  if (day) {
    let e = day.end;
    let period = day.period;
    if (!period) ({ period, end: e } = readPeriod(w, e));
    let k = e;
    while (k < w.length && TIME_INTROS.has(w[k] ?? '')) k += 1;
    const time = readTime(w, k, k > e);
    if (time) {
      const qual = readQualifier(w, time.end);
      return { start: p, end: qual.end, day: day.day, ...periodOf(period ?? qual.period), time: adjust(time.parts, period ?? qual.period) };
    }
    return { start: p, end: e, day: day.day, ...periodOf(period) };
  }
  const time = readTime(w, q, q > p);
  if (!time) return undefined;
  let e = time.end;
  const qual = readQualifier(w, e);
  e = qual.end;
  const after = readDay(w, e, lang, false);
  if (after) {
    let end = after.end;
    let period = after.period ?? qual.period;
    if (!period) ({ period, end } = readPeriod(w, end));
    return { start: p, end, day: after.day, ...periodOf(period), time: adjust(time.parts, period) };
  }
  return { start: p, end: e, ...periodOf(qual.period), time: adjust(time.parts, qual.period) };
}

const periodOf = (period: Period | undefined) => (period ? { period } : {});

function adjust(t: TimeParts, period: Period | undefined): TimeParts {
  if ((period === 'evening' || period === 'afternoon') && t.hour >= 1 && t.hour < 12) return { hour: t.hour + 12, minute: t.minute };
  return t;
}

function readPeriod(w: readonly string[], i: number): { period?: Period; end: number } {
  if (w[i] === 'apres' && w[i + 1] === 'midi') return { period: 'afternoon', end: i + 2 };
  const period = PERIODS[w[i] ?? ''];
  return period ? { period, end: i + 1 } : { end: i };
}

/** "9h du matin", "7pm in the evening", "8h le soir". */
function readQualifier(w: readonly string[], i: number): { period?: Period; end: number } {
  const skip = w[i] === 'du' || w[i] === 'le' || w[i] === "l'" ? 1 : w[i] === 'in' && w[i + 1] === 'the' ? 2 : 0;
  if (skip === 0) return { end: i };
  const read = readPeriod(w, i + skip);
  return read.period ? read : { end: i };
}

function readDay(w: readonly string[], i: number, lang: 'fr' | 'en' | undefined, afterLe: boolean): { day: Day; end: number; period?: Period } | undefined {
  const word = w[i] ?? '';
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(word);
  if (iso) return { day: { kind: 'date', parts: { year: +iso[1]!, month: +iso[2]!, day: +iso[3]! } }, end: i + 1 };
  const numeric = readNumericDate(word, lang);
  if (numeric) return { day: numeric, end: i + 1 };
  if (THIS_WORDS.has(word)) {
    const period = readPeriod(w, i + 1);
    if (period.period) return { day: { kind: 'offset', days: 0 }, end: period.end, period: period.period };
  }
  const tonight = TODAY_PERIODS[word];
  if (tonight) return { day: { kind: 'offset', days: 0 }, end: i + 1, period: tonight };
  if (word in RELATIVE_DAYS) return { day: { kind: 'offset', days: RELATIVE_DAYS[word]! }, end: i + 1 };
  if (word === 'apres' && w[i + 1] === 'demain') return { day: { kind: 'offset', days: 2 }, end: i + 2 };
  if (word === 'day' && w[i + 1] === 'after' && w[i + 2] === 'tomorrow') return { day: { kind: 'offset', days: 2 }, end: i + 3 };
  if ((word === 'dans' || word === 'in') && /^\d{1,2}$/.test(w[i + 1] ?? '') && DAY_UNITS.has(w[i + 2] ?? '')) {
    return { day: { kind: 'offset', days: +w[i + 1]! }, end: i + 3 };
  }
  const weekday = readWeekday(w, i, lang);
  if (weekday) return weekday;
  const dayFirst = DAY_NUMBER.exec(word);
  const monthAfter = MONTHS[w[i + 1] ?? ''];
  if (dayFirst && monthAfter) return withYear({ day: +dayFirst[1]!, month: monthAfter }, w, i + 2);
  const monthFirst = MONTHS[word];
  const dayAfter = DAY_NUMBER.exec(w[i + 1] ?? '');
  if (monthFirst && dayAfter && !isTimeUnit(w[i + 2])) return withYear({ day: +dayAfter[1]!, month: monthFirst }, w, i + 2);
  if (afterLe && dayFirst && +dayFirst[1]! >= 1 && +dayFirst[1]! <= 31 && !isTimeUnit(w[i + 1])) {
    return { day: { kind: 'monthday', day: +dayFirst[1]! }, end: i + 1 };
  }
  return undefined;
}

function readWeekday(w: readonly string[], i: number, lang: 'fr' | 'en' | undefined): { day: Day; end: number } | undefined {
  let k = i;
  let next = false;
  if (THIS_WORDS.has(w[k] ?? '')) k += 1;
  else if (NEXT_WORDS.has(w[k] ?? '')) {
    next = true;
    k += 1;
  }
  const word = w[k] ?? '';
  // "mar 5" is March 5 in English and "mardi 5" in French
  if (word === FRENCH_TUESDAY && lang === 'en') return undefined;
  const weekday = WEEKDAYS[word];
  if (!weekday) return undefined;
  k += 1;
  if (NEXT_WORDS.has(w[k] ?? '')) {
    next = true;
    k += 1;
  }
  if (w[k] === 'en' && (w[k + 1] === '8' || w[k + 1] === 'huit')) return { day: { kind: 'weekday', weekday, next: true }, end: k + 2 };
  const number = DAY_NUMBER.exec(w[k] ?? '');
  if (number && !isTimeUnit(w[k + 1]) && !SEAT_WORDS.has(w[k + 1] ?? '') && w[k + 1] !== '-' && w[k + 1] !== '–') {
    const month = MONTHS[w[k + 1] ?? ''];
    const year = month && /^20\d{2}$/.test(w[k + 2] ?? '') ? +w[k + 2]! : undefined;
    const date = { day: +number[1]!, ...(month ? { month } : {}), ...(year ? { year } : {}) };
    return { day: { kind: 'weekday', weekday, next, date }, end: k + 1 + (month ? 1 : 0) + (year ? 1 : 0) };
  }
  const monthFirst = MONTHS[w[k] ?? ''];
  const dayAfter = DAY_NUMBER.exec(w[k + 1] ?? '');
  if (monthFirst && dayAfter && !isTimeUnit(w[k + 2])) {
    return { day: { kind: 'weekday', weekday, next, date: { day: +dayAfter[1]!, month: monthFirst } }, end: k + 2 };
  }
  return { day: { kind: 'weekday', weekday, next }, end: k };
}

/** 05/12, 5.12, 3/12/2026; an English writer's 12/5 keeps its other reading for the answer. */
function readNumericDate(word: string, lang: 'fr' | 'en' | undefined): Day | undefined {
  const m = /^(\d{1,2})([/.])(\d{1,2})(?:[/.](\d{2}|\d{4}))?$/.exec(word);
  if (!m) return undefined;
  const a = +m[1]!;
  const b = +m[3]!;
  const year = m[4] === undefined ? undefined : m[4].length === 2 ? 2000 + +m[4] : +m[4];
  const withYearOf = (day: number, month: number): DateParts => ({ day, month, ...(year ? { year } : {}) });
  if (m[2] === '.' && m[4] === undefined && (b > 12 || m[3]!.length === 2 && b > 12)) return undefined; // 14.30 is a time
  if (m[2] === '.' && b > 12) return undefined;
  if (lang === 'en' && b > 12 && a <= 12) return { kind: 'date', parts: withYearOf(b, a) };
  if (lang === 'en' && a <= 12 && b <= 12 && a !== b) return { kind: 'date', parts: withYearOf(a, b), alt: withYearOf(b, a) };
  return { kind: 'date', parts: withYearOf(a, b) };
}

function withYear(parts: DateParts, w: readonly string[], at: number): { day: Day; end: number } {
  const year = /^(20\d{2})$/.exec(w[at] ?? '');
  return year ? { day: { kind: 'date', parts: { ...parts, year: +year[1]! } }, end: at + 1 } : { day: { kind: 'date', parts }, end: at };
}

const isTimeUnit = (word: string | undefined) => word !== undefined && (HOUR_UNITS.has(word) || word === 'am' || word === 'pm' || /^h\d{2}$/.test(word));

/** A time of day at `i`, with the end of a range after it ("14h-16h", "entre 14h et 15h"). */
export function readTime(w: readonly string[], i: number, bareAllowed: boolean): { parts: TimeParts; end: number } | undefined {
  const one = readOneTime(w, i, bareAllowed);
  if (!one) return undefined;
  if (RANGE_JOINS.has(w[one.end] ?? '')) {
    const second = readOneTime(w, one.end + 1, true);
    if (second) {
      // "2-4pm": the start takes the end's afternoon
      const pm = second.meridiem === 'pm' && one.meridiem === undefined && one.parts.hour < 12 && one.parts.hour + 12 <= second.parts.hour;
      return { parts: pm ? { hour: one.parts.hour + 12, minute: one.parts.minute } : one.parts, end: second.end };
    }
  }
  return one;
}

function readOneTime(w: readonly string[], i: number, bareAllowed: boolean): { parts: TimeParts; end: number; meridiem?: 'am' | 'pm' } | undefined {
  const word = w[i] ?? '';
  if (word === 'midi' || word === 'noon') return { parts: { hour: 12, minute: 0 }, end: i + 1 };
  if (word === 'minuit' || word === 'midnight') return { parts: { hour: 0, minute: 0 }, end: i + 1 };
  const french = /^(\d{1,2})h(\d{2})?$/.exec(word);
  if (french) return { parts: { hour: +french[1]!, minute: french[2] ? +french[2] : 0 }, end: i + 1 };
  const ampm = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm)$/.exec(word);
  if (ampm) return { parts: twelveHour(+ampm[1]!, ampm[2] ? +ampm[2] : 0, ampm[3] as 'am' | 'pm'), end: i + 1, meridiem: ampm[3] as 'am' | 'pm' };
  const clock = /^(\d{1,2})[:.](\d{2})$/.exec(word);
  const number = /^(\d{1,2})$/.exec(word);
  const next = w[i + 1];
  if (clock || number) {
    const hour = +(clock ?? number)![1]!;
    const minute = clock ? +clock[2]! : 0;
    if (next === 'am' || next === 'pm') return { parts: twelveHour(hour, minute, next), end: i + 2, meridiem: next };
    if (clock) return { parts: { hour, minute }, end: i + 1 };
    // "14 h", "14 h 30", "14 heures"
    if (HOUR_UNITS.has(next ?? '')) {
      const minutes = /^(\d{2})$/.exec(w[i + 2] ?? '');
      return { parts: { hour, minute: minutes ? +minutes[1]! : 0 }, end: i + (minutes ? 3 : 2) };
    }
    const split = /^h(\d{2})$/.exec(next ?? '');
    if (split) return { parts: { hour, minute: +split[1]! }, end: i + 2 };
    // "2-4pm": a bare start whose end says pm
    if ((next === '-' || next === '–' || next === 'to') && /^\d{1,2}(?:[:.]\d{2})?(am|pm)$/.test(w[i + 2] ?? '')) return { parts: { hour, minute }, end: i + 1 };
    // "sunday at 10": a bare hour after "at"/"à"; 1–7 can only be the afternoon for a visit
    if (bareAllowed && !SEAT_WORDS.has(next ?? '') && !DAY_UNITS.has(next ?? '') && hour <= 23) {
      return hour >= 1 && hour <= 7 ? { parts: { hour: hour + 12, minute, guessedPm: true }, end: i + 1 } : { parts: { hour, minute }, end: i + 1 };
    }
  }
  return undefined;
}

function twelveHour(hour: number, minute: number, meridiem: 'am' | 'pm'): TimeParts {
  if (hour < 1 || hour > 12) return { hour: 99, minute }; // reported as an invalid time
  return { hour: (hour % 12) + (meridiem === 'pm' ? 12 : 0), minute };
}

/** A delay: "48h", "48 h", "2j", "2 jours", "within 48 hours", "délai de 48h". */
export function readDelay(w: readonly string[], i: number, bareAllowed: boolean): { ms: number; end: number; hours: number } | undefined {
  let k = i;
  const intro = DELAY_INTROS.has(w[k] ?? '');
  if (intro) k += 1;
  if (intro && (w[k] === 'de' || w[k] === 'of')) k += 1;
  const joined = /^(\d{1,3})(h|hrs?|d|j|jrs?)$/.exec(w[k] ?? '');
  const count = joined ? +joined[1]! : /^\d{1,3}$/.test(w[k] ?? '') ? +w[k]! : undefined;
  if (count === undefined) return undefined;
  const unit = joined ? joined[2]! : (w[k + 1] ?? '');
  const end = joined ? k + 1 : k + 2;
  const hours = HOUR_UNITS.has(unit) || /^hrs?$/.test(unit) ? count : DAY_UNITS.has(unit) ? count * 24 : undefined;
  if (hours === undefined) return undefined;
  if (!intro && !bareAllowed) return undefined;
  return { ms: hours * 3_600_000, end, hours };
}
