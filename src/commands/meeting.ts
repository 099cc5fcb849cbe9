// A visit's meeting point often carries its own time ("rdv 12h30 gare de Calais",
// "depuis gare de Calais à 12h30"): posts show it apart from the visit time, so nobody drives
// to the centre for 12h30. Read from the place text at render time; nothing else is stored.

import { DateTime } from 'luxon';

export interface Meeting {
  /** The meeting time, when the place text gave one before the visit on the same day. */
  readonly at?: number;
  readonly place: string;
}

const TIME = /^(\d{1,2})(?:[h:](\d{2})?|h)$/i;
const LEAD_WORDS = new Set(['à', 'a', 'at', 'vers', 'dès', 'des']);
/** A meeting longer than this before the visit is not a meeting time for it. */
const MAX_LEAD_MS = 12 * 3_600_000;

export function splitMeeting(place: string, visitAt: number, zone: string): Meeting {
  const words = place.split(/\s+/).filter((w) => w !== '');
  const tryAt = (index: number): number | undefined => {
    const match = TIME.exec(words[index] ?? '');
    if (!match) return undefined;
    const hour = Number(match[1]);
    const minute = Number(match[2] ?? 0);
    if (hour > 23 || minute > 59) return undefined;
    const at = DateTime.fromMillis(visitAt, { zone }).set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
    return at < visitAt && visitAt - at <= MAX_LEAD_MS ? at : undefined;
  };
  const lead = (index: number) => LEAD_WORDS.has((words[index] ?? '').toLowerCase());
  // "12h30 gare de Calais", "à 12h30 gare de Calais"
  const first = lead(0) ? 1 : 0;
  const atStart = tryAt(first);
  if (atStart !== undefined && words.length > first + 1) return { at: atStart, place: words.slice(first + 1).join(' ') };
  // "gare de Calais à 12h30", "gare de Calais 12h30"
  const last = words.length - 1;
  const atEnd = tryAt(last);
  if (atEnd !== undefined && last > 0) return { at: atEnd, place: words.slice(0, lead(last - 1) && last > 1 ? last - 1 : last).join(' ') };
  return { place };
}
