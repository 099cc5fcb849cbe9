// The /flight parser (#16): the date forms the shared reader knows, the airport and the flight
// number anywhere around it, and a typed error for anything impossible.

import { describe, expect, it } from 'vitest';
import { parseFlightCommand } from '../../src/cases/flight-parse.js';
import { parisTime } from '../support/harness.js';

const now = parisTime('2026-11-23T10:00'); // a Monday
const parse = (rest: string, lang: 'fr' | 'en' = 'fr') => parseFlightCommand(rest, { now, zone: 'Europe/Paris', lang });

describe('/flight R-12 …', () => {
  it.each([
    ['R-12 2026-12-03 07:15 CDG AF1234', '2026-12-03T07:15', 'CDG', 'AF1234'],
    ['r-12 03/12 7h15 cdg af1234', '2026-12-03T07:15', 'CDG', 'AF1234'],
    ['R-12 jeudi 7h15 ORY', '2026-11-26T07:15', 'ORY', undefined],
    ['R-12 demain 6h depuis CDG vol AF 1234', '2026-11-24T06:00', 'CDG', 'AF1234'],
    ['R-12 3 déc 07:15 BRU SN-123', '2026-12-03T07:15', 'BRU', 'SN123'],
    ['R-12 CDG AF1234 le 3/12 à 7h15', '2026-12-03T07:15', 'CDG', 'AF1234'],
    ['R-12 from LYS on Dec 3rd 7:15am flight U21234', '2026-12-03T07:15', 'LYS', 'U21234'],
  ])('%s', (rest, at, airport, number) => {
    const lang = /from|flight/.test(rest) ? 'en' : 'fr';
    const result = parse(rest, lang);
    expect(result).toEqual({ ok: true, command: { kind: 'alert', ref: 'R-12', flight: { departsAt: parisTime(at), airport, ...(number ? { number } : {}) } } });
  });

  it('shows how to write it when nothing follows', () => {
    expect(parse('')).toEqual({ ok: true, command: { kind: 'usage' } });
  });

  it.each([
    ['Jean 03/12 7h15 CDG', { code: 'ref-missing' }],
    ['R-12 CDG AF1234', { code: 'when', error: 'when-missing' }],
    ['R-12 03/12 CDG', { code: 'when', error: 'time-missing' }],
    ['R-12 20/11 7h15 CDG', { code: 'when', error: 'when-past' }],
    ['R-12 31/11 7h15 CDG', { code: 'when', error: 'when-invalid' }],
    ['R-12 03/12 25h CDG', { code: 'when', error: 'when-invalid' }],
    ['R-12 03/12 7h15', { code: 'airport-missing' }],
    ['R-12 03/12 7h15 AF1234', { code: 'airport-missing' }],
    ['R-12 03/12 7h15 Roissy', { code: 'airport-invalid', word: 'Roissy' }],
    ['R-12 03/12 7h15 CDG AFR12345', { code: 'number-invalid', word: 'AFR12345' }],
    ['R-12 03/12 7h15 CDG AF1234 escorte', { code: 'unknown-word', word: 'escorte' }],
    ['R-12 03/12 7h15 CDG ORY', { code: 'unknown-word', word: 'ORY' }],
  ])('refuses %s', (rest, error) => {
    expect(parse(rest)).toEqual({ ok: false, error });
  });
});
