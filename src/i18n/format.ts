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

export function formatWhen(lang: Lang, when: When): string {
  return DateTime.fromMillis(when.at, { zone: when.zone }).setLocale(lang).toFormat(WHEN_FORMAT[lang]);
}

export function formatDate(lang: Lang, when: When): string {
  return DateTime.fromMillis(when.at, { zone: when.zone }).setLocale(lang).toFormat(DATE_FORMAT[lang]);
}

export function joinList(lang: Lang, items: readonly string[]): string {
  return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(items);
}
