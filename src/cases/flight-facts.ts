// The facts every flight alert carries (config/flight-alert.yaml): the figures, sources and the
// day they were checked are data; the wording is the locale files'. A bad file stops the start.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { packageRoot } from '../paths.js';

export const FLIGHT_FACTS = ['airport', 'passengers', 'risk', 'lawyer'] as const;
export type FlightFactName = (typeof FLIGHT_FACTS)[number];

export interface FlightFacts {
  /** The fine passengers have been given (euros). */
  readonly fineEur: number;
  readonly lastChecked: string;
  readonly sources: Readonly<Record<FlightFactName, readonly string[]>>;
}

let cached: FlightFacts | undefined;

export function defaultFlightFacts(): FlightFacts {
  cached ??= loadFlightFacts(join(packageRoot(), 'config', 'flight-alert.yaml'));
  return cached;
}

export function loadFlightFacts(path: string): FlightFacts {
  const raw = parse(readFileSync(path, 'utf8')) as unknown;
  const problems: string[] = [];
  const doc = (typeof raw === 'object' && raw !== null ? raw : {}) as { last_checked?: unknown; facts?: Record<string, { sources?: unknown; fine_eur?: unknown }> };
  const lastChecked = doc.last_checked instanceof Date ? doc.last_checked.toISOString().slice(0, 10) : String(doc.last_checked ?? '');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(lastChecked)) problems.push('last_checked: a date YYYY-MM-DD is required');
  const sources = {} as Record<FlightFactName, readonly string[]>;
  for (const name of FLIGHT_FACTS) {
    const list = doc.facts?.[name]?.sources;
    if (!Array.isArray(list) || list.length === 0 || !list.every((s) => typeof s === 'string')) problems.push(`facts.${name}.sources: at least one source is required`);
    else sources[name] = list as string[];
  }
  const fine = doc.facts?.risk?.fine_eur;
  if (typeof fine !== 'number' || !Number.isInteger(fine) || fine <= 0) problems.push('facts.risk.fine_eur: a whole number of euros is required');
  if (problems.length > 0) throw new Error(`${path}: ${problems.join('; ')} (code FLIGHT_FACTS_INVALID)`);
  return { fineEur: fine as number, lastChecked, sources };
}
