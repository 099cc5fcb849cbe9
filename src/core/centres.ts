// Detention centres, read from config/centres.yaml. Each fact of a centre's card carries its
// source and the date it was last checked; facts nobody could source are simply absent.

import { readFileSync } from 'node:fs';
import { IANAZone } from 'luxon';
import { parse } from 'yaml';

// association: the legal-aid association working in the centre, when a current source names it.
export const CARD_FACTS = ['address', 'visiting_hours', 'visitor_id', 'allowed_items', 'phone', 'association'] as const;
export type CardFact = (typeof CARD_FACTS)[number];

export interface SourcedFact {
  readonly value: string;
  readonly source: string;
  readonly lastChecked: string;
}

/** A daily visiting window in local minutes since midnight, e.g. 09:00–11:30 → 540–690. */
export interface VisitingWindow {
  readonly from: number;
  readonly to: number;
}

/** The visiting-hours fact, with its windows when the source gives hours that hold every day. */
export interface VisitingHoursFact extends SourcedFact {
  readonly windows?: readonly VisitingWindow[];
}

/**
 * An approximate, city-level position (the centre of the commune in the card's address), only
 * for ordering centres by distance. Never shown as an address.
 */
export interface CentreLocation {
  readonly lat: number;
  readonly lon: number;
  /** The commune (town) the position is the centre of. */
  readonly place: string;
}

export interface Centre {
  readonly id: string;
  readonly name: string;
  readonly country: string;
  readonly timezone: string;
  readonly jurisdiction: 'fr' | 'be';
  /** Optional lead times (ms) overriding PARLOIR_REMINDERS for this centre. */
  readonly reminders?: readonly number[];
  readonly card: Partial<Record<CardFact, SourcedFact>> & { readonly visiting_hours?: VisitingHoursFact };
  /** Set when the centre is due to close or be replaced (e.g. "remplacé par le CRA de Mérignac"). */
  readonly replacement?: SourcedFact;
  readonly location?: CentreLocation;
  /** False for an id kept only for groups already linked to it (lists show its successors). */
  readonly inLists?: false;
}

export class CentresError extends Error {
  readonly code = 'CENTRES_INVALID';
  constructor(
    readonly path: string,
    readonly problems: readonly string[],
  ) {
    super(`${path}: ${problems.join('; ')}`);
  }
}

export class CentreDirectory {
  private readonly byId: ReadonlyMap<string, Centre>;

  constructor(centres: readonly Centre[]) {
    this.byId = new Map(centres.map((c) => [c.id, c]));
  }

  get(id: string): Centre | undefined {
    return this.byId.get(id);
  }

  list(): Centre[] {
    return [...this.byId.values()];
  }

  with(extra: readonly Centre[]): CentreDirectory {
    return new CentreDirectory([...this.list(), ...extra]);
  }
}

export function loadCentres(path: string, parseDurations?: (text: string) => number[] | undefined): CentreDirectory {
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CentresError(path, [error instanceof Error ? error.message.split('\n')[0] ?? 'unreadable' : 'unreadable']);
  }
  return new CentreDirectory(validateCentres(raw, path, parseDurations));
}

function validateCentres(raw: unknown, path: string, parseDurations?: (text: string) => number[] | undefined): Centre[] {
  const problems: string[] = [];
  const list = isRecord(raw) && Array.isArray(raw['centres']) ? (raw['centres'] as unknown[]) : undefined;
  if (!list) throw new CentresError(path, ['expected a top-level "centres:" list']);
  const seen = new Set<string>();
  const centres: Centre[] = [];
  list.forEach((entry, index) => {
    const where = `centres[${index}]`;
    if (!isRecord(entry)) return problems.push(`${where} is not a mapping`);
    const id = str(entry['id']);
    const name = str(entry['name']);
    const timezone = str(entry['timezone']);
    const jurisdiction = entry['jurisdiction'];
    if (!id || !/^[a-z0-9][a-z0-9-]*$/.test(id)) problems.push(`${where}.id must be lowercase letters, digits and dashes`);
    else if (seen.has(id)) problems.push(`${where}.id "${id}" is used twice`);
    if (!name) problems.push(`${where}.name is missing`);
    if (!timezone || !IANAZone.isValidZone(timezone)) problems.push(`${where}.timezone must be an IANA zone such as Europe/Paris`);
    if (jurisdiction !== 'fr' && jurisdiction !== 'be') problems.push(`${where}.jurisdiction must be fr or be`);
    const card: Partial<Record<CardFact, SourcedFact>> & { visiting_hours?: VisitingHoursFact } = {};
    const rawCard = entry['card'];
    if (rawCard !== undefined && rawCard !== null && !isRecord(rawCard)) problems.push(`${where}.card is not a mapping`);
    for (const fact of CARD_FACTS) {
      const value = isRecord(rawCard) ? rawCard[fact] : undefined;
      if (value === undefined || value === null) continue;
      const parsed = isRecord(value) ? { value: str(value['value']), source: str(value['source']), lastChecked: str(value['last_checked']) } : undefined;
      if (!parsed?.value || !parsed.source || !parsed.lastChecked) {
        problems.push(`${where}.card.${fact} needs value, source and last_checked`);
        continue;
      }
      card[fact] = { value: parsed.value, source: parsed.source, lastChecked: parsed.lastChecked };
      if (fact === 'visiting_hours' && isRecord(value) && value['windows'] !== undefined) {
        const windows = parseWindows(value['windows']);
        if (windows) card.visiting_hours = { ...card[fact], windows };
        else problems.push(`${where}.card.visiting_hours.windows must be like "09:00-11:30, 13:30-18:00"`);
      }
    }
    const rawReplacement = entry['replacement'];
    let replacement: SourcedFact | undefined;
    if (rawReplacement !== undefined) {
      const r = isRecord(rawReplacement)
        ? { value: str(rawReplacement['value']), source: str(rawReplacement['source']), lastChecked: str(rawReplacement['last_checked']) }
        : undefined;
      if (r?.value && r.source && r.lastChecked) replacement = { value: r.value, source: r.source, lastChecked: r.lastChecked };
      else problems.push(`${where}.replacement needs value, source and last_checked`);
    }
    const location = parseLocation(entry['location']);
    if (location === 'invalid') problems.push(`${where}.location must be { lat, lon, precision: commune, place }`);
    if (entry['in_lists'] !== undefined && entry['in_lists'] !== false) problems.push(`${where}.in_lists can only be false`);
    let reminders: number[] | undefined;
    if (entry['reminders'] !== undefined) {
      reminders = parseDurations?.(String(entry['reminders']));
      if (!reminders) problems.push(`${where}.reminders must be durations such as "24h,2h"`);
    }
    if (id && name && timezone && (jurisdiction === 'fr' || jurisdiction === 'be')) {
      seen.add(id);
      centres.push({
        id,
        name,
        country: str(entry['country']) ?? '',
        timezone,
        jurisdiction,
        card,
        ...(reminders ? { reminders } : {}),
        ...(replacement ? { replacement } : {}),
        ...(location && location !== 'invalid' ? { location } : {}),
        ...(entry['in_lists'] === false ? { inLists: false as const } : {}),
      });
    }
    return undefined;
  });
  if (problems.length > 0) throw new CentresError(path, problems);
  return centres;
}

/** `{ lat, lon, precision: commune, place }`; undefined when absent. Only commune precision exists. */
function parseLocation(raw: unknown): CentreLocation | 'invalid' | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isRecord(raw)) return 'invalid';
  const { lat, lon, precision } = raw;
  const place = str(raw['place']);
  const valid = typeof lat === 'number' && typeof lon === 'number' && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && precision === 'commune' && place;
  return valid ? { lat, lon, place } : 'invalid';
}

/** "09:00-11:30, 13:30-18:00" → windows; undefined when any part is not a valid range. */
function parseWindows(raw: unknown): VisitingWindow[] | undefined {
  if (typeof raw !== 'string') return undefined;
  const windows: VisitingWindow[] = [];
  for (const part of raw.split(',')) {
    const match = /^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/.exec(part);
    if (!match) return undefined;
    const [from, to] = [Number(match[1]) * 60 + Number(match[2]), Number(match[3]) * 60 + Number(match[4])];
    if (Number(match[2]) > 59 || Number(match[4]) > 59 || from >= to || to > 24 * 60) return undefined;
    windows.push({ from, to });
  }
  return windows.length > 0 ? windows : undefined;
}

/** Whether a local time of day (minutes since midnight) falls in one of the windows. */
export function withinWindows(windows: readonly VisitingWindow[], minuteOfDay: number): boolean {
  return windows.some((w) => minuteOfDay >= w.from && minuteOfDay <= w.to);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10); // YAML reads 2026-11-23 as a date
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
