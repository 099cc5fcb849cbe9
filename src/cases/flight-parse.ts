// The pure parser of /flight (FR /vol): "R-12 2026-12-03 07:15 CDG AF1234" → a case reference
// and a flight (departure in the centre's zone, airport IATA code, flight number if known).
// Dates go through the shared reader (every form /visit knows); impossible input is an error
// the executor answers in the command's language, and nothing is alerted.

import { parseWhen, tokenize, type WhenError } from '../commands/when.js';
import type { Lang } from '../i18n/lang.js';
import { CASE_REF } from './parse.js';

export interface Flight {
  /** Departure (Unix ms). */
  readonly departsAt: number;
  /** IATA airport code, upper case (CDG). */
  readonly airport: string;
  /** IATA flight number (AF1234), when known. */
  readonly number?: string;
}

export type FlightCommand = { readonly kind: 'usage' } | { readonly kind: 'alert'; readonly ref: string; readonly flight: Flight };

export type FlightParseError =
  | { readonly code: 'ref-missing' | 'airport-missing' }
  | { readonly code: 'when'; readonly error: WhenError }
  | { readonly code: 'airport-invalid' | 'number-invalid' | 'unknown-word'; readonly word: string };

export type FlightParseResult = { readonly ok: true; readonly command: FlightCommand } | { readonly ok: false; readonly error: FlightParseError };

interface Ctx {
  readonly now: number;
  readonly zone: string;
  readonly lang?: Lang;
}

const AIRPORT = /^[A-Za-z]{3}$/;
/** Airline designator (two letters, or a letter and a digit either way) then 1–4 digits, optional suffix letter. */
const FLIGHT_NUMBER = /^(?:[A-Za-z]{2}|[A-Za-z]\d|\d[A-Za-z])\d{1,4}[A-Za-z]?$/;
const DESIGNATOR = /^(?:[A-Za-z]{2}|[A-Za-z]\d|\d[A-Za-z])$/;
const FLIGHT_DIGITS = /^\d{1,4}[A-Za-z]?$/;
/** Words people put around the airport and the number; they carry no meaning here. */
const FILLERS = new Set([
  'from', 'at', 'on', 'to', 'flight', 'airport', 'departs', 'departing', 'leaves', 'the', 'no', 'number',
  'de', 'du', 'des', 'a', 'au', 'aux', 'vol', 'aeroport', 'depart', 'part', 'le', 'la', 'l', 'numero', 'n', 'depuis', 'vers', 'pour', 'et', 'and',
]);

const word = (token: string) =>
  token
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[:.,;°]+$/, '');

export function parseFlightCommand(rest: string, ctx: Ctx): FlightParseResult {
  const tokens = tokenize(rest).filter((t) => !/^[,;:!?()–-]+$/.test(t));
  const first = tokens[0];
  if (first === undefined) return { ok: true, command: { kind: 'usage' } };
  if (!CASE_REF.test(first)) return { ok: false, error: { code: 'ref-missing' } };
  const after = tokens.slice(1);
  const when = parseWhen(after, { now: ctx.now, zone: ctx.zone, requireTime: true, bareHoursAreDuration: false, ...(ctx.lang ? { lang: ctx.lang } : {}) });
  if (!when.ok) return { ok: false, error: { code: 'when', error: when.error } };
  const left = after.filter((_, i) => !when.used.has(i)).filter((t) => !FILLERS.has(word(t)));
  let airport: string | undefined;
  let number: string | undefined;
  for (let i = 0; i < left.length; i += 1) {
    // "AF-1234" is "AF1234"
    const token = left[i]!.replace(/[.,;]+$/, '').replace(/^([A-Za-z0-9]{2})-(\d)/, '$1$2');
    const next = left[i + 1];
    if (number === undefined && FLIGHT_NUMBER.test(token)) number = token.toUpperCase();
    else if (number === undefined && DESIGNATOR.test(token) && next !== undefined && FLIGHT_DIGITS.test(next)) {
      // "AF 1234"
      number = `${token}${next}`.toUpperCase();
      i += 1;
    } else if (airport === undefined && AIRPORT.test(token)) airport = token.toUpperCase();
    else if (airport === undefined && /^\p{L}{2,20}$/u.test(token)) return { ok: false, error: { code: 'airport-invalid', word: token.slice(0, 16) } };
    else if (/^[A-Za-z0-9]{2,3}[\s-]?\d+/.test(token)) return { ok: false, error: { code: 'number-invalid', word: token.slice(0, 16) } };
    else return { ok: false, error: { code: 'unknown-word', word: token.slice(0, 32) } };
  }
  if (!airport) return { ok: false, error: { code: 'airport-missing' } };
  return { ok: true, command: { kind: 'alert', ref: first.toUpperCase(), flight: { departsAt: when.at, airport, ...(number ? { number } : {}) } } };
}
