// The words of dates and times, French and English, as data. Matched on normalised tokens
// (lowercase, no accents, plain apostrophes, no trailing dot: "sam." → "sam", "déc." → "dec").

/** ISO weekday numbers (Monday = 1). "mar" is Tuesday in French and March in English. */
export const WEEKDAYS: Readonly<Record<string, number>> = {
  monday: 1, mon: 1, lundi: 1, lun: 1,
  tuesday: 2, tue: 2, tues: 2, mardi: 2, mar: 2,
  wednesday: 3, wed: 3, mercredi: 3, mer: 3, merc: 3,
  thursday: 4, thu: 4, thur: 4, thurs: 4, jeudi: 4, jeu: 4,
  friday: 5, fri: 5, vendredi: 5, ven: 5, vend: 5,
  saturday: 6, sat: 6, samedi: 6, sam: 6,
  sunday: 7, sun: 7, dimanche: 7, dim: 7,
};
export const FRENCH_TUESDAY = 'mar';

export const MONTHS: Readonly<Record<string, number>> = {
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

/** One-token days relative to today. */
export const RELATIVE_DAYS: Readonly<Record<string, number>> = {
  today: 0, "aujourd'hui": 0, aujourdhui: 0, auj: 0, ajd: 0,
  tomorrow: 1, tmrw: 1, demain: 1, dem: 1,
  'apres-demain': 2, apresdemain: 2,
  yesterday: -1, hier: -1,
};

export type Period = 'morning' | 'afternoon' | 'evening';
/** Parts of the day. A period alone is not a time: the bot asks for one. */
export const PERIODS: Readonly<Record<string, Period>> = {
  matin: 'morning', morning: 'morning',
  aprem: 'afternoon', 'apres-midi': 'afternoon', apresmidi: 'afternoon', afternoon: 'afternoon',
  soir: 'evening', soiree: 'evening', evening: 'evening', night: 'evening', nuit: 'evening',
};
/** "ce soir", "this morning", "tonight": today and a period. */
export const THIS_WORDS = new Set(['ce', 'cet', 'cette', 'this']);
export const TODAY_PERIODS: Readonly<Record<string, Period>> = { tonight: 'evening', tonite: 'evening' };
/** The earliest plausible hour of a period: a legal window counted from it is never too late. */
export const PERIOD_START: Readonly<Record<Period, number>> = { morning: 6, afternoon: 12, evening: 18 };

/** Words before a date that only introduce it ("pour vendredi", "d'ici samedi", "by friday"). */
export const DATE_INTROS = new Set([
  'le', 'la', 'pour', "d'ici", 'dici', 'avant', "jusqu'a", "jusqu'au", 'jusqua', 'jusquau', 'au', 'a', 'des',
  'on', 'the', 'for', 'by', 'before', 'until', 'till', 'at', 'around', 'vers', '@',
  'deadline', 'echeance', 'delai', 'due',
]);
/** Between a day and its time: "samedi à 14h", "tomorrow at 2pm", "demain vers 14h", "samedi de 14h à 16h". */
export const TIME_INTROS = new Set(['a', 'at', '@', 'vers', 'around', 'de', 'des', 'from', 'entre', 'between', 'pour', 'for']);
/** Between the two ends of a range: the start is the time of the request. */
export const RANGE_JOINS = new Set(['-', '–', 'a', 'to', 'et', 'and', "jusqu'a", 'until', 'till']);
export const NEXT_WORDS = new Set(['prochain', 'prochaine', 'next', 'pro']);

/** Units of a delay ("48h", "2 jours", "within 48 hours"). */
export const HOUR_UNITS = new Set(['h', 'hr', 'hrs', 'hour', 'hours', 'heure', 'heures']);
export const DAY_UNITS = new Set(['j', 'jr', 'jrs', 'jour', 'jours', 'd', 'day', 'days']);
/** Words that say the number after them is a delay from now. */
export const DELAY_INTROS = new Set(['dans', 'in', 'sous', 'within', 'delai', 'under']);
/** Without "dans"/"within", a lawyer window this short is a time of day ("vendredi 12h"), not a delay. */
export const MIN_WINDOW_HOURS = 24;
/** Words after which a bare number is a day of the month ("le 5", "jusqu'au 5", "the 5th"). */
export const DAY_OF_MONTH_INTROS = new Set(['le', 'the', 'au', "jusqu'au", 'jusquau']);
