// Formatting helpers the locale files use: dates in the centre's time zone, lists.

import { DateTime } from 'luxon';
import type { Lang } from './lang.js';

/** A moment and the time zone it should be read in (the centre's). */
export interface When {
  readonly at: number;
  readonly zone: string;
}

const WHEN_FORMAT: Record<Lang, string> = { en: "ccc d LLL, HH:mm", fr: "ccc d LLL 'à' HH'h'mm" };
const DATE_FORMAT: Record<Lang, string> = { en: 'ccc d LLL', fr: 'ccc d LLL' };
const TIME_FORMAT: Record<Lang, string> = { en: 'HH:mm', fr: "HH'h'mm" };

/**
 * Luxon formatting costs ~30 µs and a /list formats the same few dozen times on every call:
 * remember recent results (bounded, so memory stays flat).
 */
const formatted = new Map<string, string>();
const MAX_REMEMBERED = 10_000;

function cachedFormat(lang: Lang, when: When, format: string): string {
  const key = `${lang}|${when.zone}|${when.at}|${format}`;
  let text = formatted.get(key);
  if (text === undefined) {
    if (formatted.size >= MAX_REMEMBERED) formatted.clear();
    text = DateTime.fromMillis(when.at, { zone: when.zone }).setLocale(lang).toFormat(format);
    formatted.set(key, text);
  }
  return text;
}

export function formatWhen(lang: Lang, when: When): string {
  return cachedFormat(lang, when, WHEN_FORMAT[lang]);
}

/** The time of day only: "14h00", "14:00". */
export function formatTime(lang: Lang, when: When): string {
  return cachedFormat(lang, when, TIME_FORMAT[lang]);
}

export function formatDate(lang: Lang, when: When): string {
  return cachedFormat(lang, when, DATE_FORMAT[lang]);
}

export function joinList(lang: Lang, items: readonly string[]): string {
  return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(items);
}

/** A date as the user can type it back in a command: unambiguous in that language. */
export function formatInput(lang: Lang, when: When): string {
  return cachedFormat(lang, when, lang === 'fr' ? "dd/MM/yyyy HH'h'mm" : 'yyyy-MM-dd HH:mm');
}

/** A limit's window in words: "1 h", "30 min", "1 h 30 min" (the same in both languages). */
export function formatSpan(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h > 0 ? `${h} h` : '', m > 0 ? `${m} min` : ''].filter(Boolean).join(' ');
}
