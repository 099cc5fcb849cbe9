import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseWhen, type WhenContext } from '../../src/commands/when.js';

const zone = 'Europe/Paris';
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toMillis();
const ctx = (nowIso: string, extra: Partial<WhenContext> = {}): WhenContext => ({
  now: at(nowIso),
  zone,
  requireTime: false,
  bareHoursAreDuration: false,
  ...extra,
});
const read = (text: string, c: WhenContext) => {
  const result = parseWhen(text.split(' '), c);
  return result.ok ? DateTime.fromMillis(result.at, { zone }).toISO({ suppressMilliseconds: true }) : result.error;
};

describe('dates in the centre time zone', () => {
  const monday = ctx('2026-11-23T10:00'); // a Monday

  it.each([
    ['2026-12-01 14:00', '2026-12-01T14:00:00+01:00'],
    ['01/12 14h30', '2026-12-01T14:30:00+01:00'],
    ['01/12 à 14h', '2026-12-01T14:00:00+01:00'],
    ['demain 14h', '2026-11-24T14:00:00+01:00'],
    ['vendredi 10h', '2026-11-27T10:00:00+01:00'],
    ['tomorrow 2pm', '2026-11-24T14:00:00+01:00'],
    ['friday 10:30', '2026-11-27T10:30:00+01:00'],
    ['1er décembre 9h', '2026-12-01T09:00:00+01:00'],
    ['dec 3 2pm', '2026-12-03T14:00:00+01:00'],
    ['15/01 10h', '2027-01-15T10:00:00+01:00'],
    ['lundi 9h', '2026-11-30T09:00:00+01:00'],
    ['lundi 11h', '2026-11-23T11:00:00+01:00'],
    ['après-demain midi', '2026-11-25T12:00:00+01:00'],
    ['dans 2 jours', '2026-11-25T18:00:00+01:00'], // a day, like "mercredi": 18:00 when no time is given
    ['dans 2 jours 14h', '2026-11-25T14:00:00+01:00'],
    ['dans 3h', '2026-11-23T13:00:00+01:00'],
    ['2026-12-01', '2026-12-01T18:00:00+01:00'],
  ])('%s', (text, expected) => {
    expect(read(text, monday)).toBe(expected);
  });

  it('reads a bare 48h as a delay only where asked (lawyer deadlines)', () => {
    expect(read('48h', ctx('2026-11-23T10:00', { bareHoursAreDuration: true }))).toBe('2026-11-25T10:00:00+01:00');
    expect(read('14h', monday)).toBe('2026-11-23T14:00:00+01:00');
    expect(read('48h', monday)).toBe('when-invalid');
  });

  it('refuses impossible, past, far and missing dates', () => {
    expect(read('31/02 14h', monday)).toBe('when-invalid');
    expect(read('2026-13-01 10:00', monday)).toBe('when-invalid');
    expect(read('demain 25h', monday)).toBe('when-invalid');
    expect(read('20/11 14h', monday)).toBe('when-past');
    expect(read('2026-11-23 09:00', monday)).toBe('when-past');
    expect(read('2028-01-01 10:00', monday)).toBe('when-too-far');
    expect(read('bientôt', monday)).toBe('when-missing');
    expect(read('demain', ctx('2026-11-23T10:00', { requireTime: true }))).toBe('time-missing');
  });

  it('follows the DST change in Europe/Paris (clocks go forward on 2027-03-28)', () => {
    const saturday = ctx('2027-03-27T20:00');
    expect(read('demain 09:00', saturday)).toBe('2027-03-28T09:00:00+02:00');
    expect(read('demain 01:30', saturday)).toBe('2027-03-28T01:30:00+01:00');
    // 02:30 does not exist that night: the zone rules move it forward
    expect(read('demain 02:30', saturday)).toBe('2027-03-28T03:30:00+02:00');
    // 48 h across the change is 48 real hours
    expect(read('48h', ctx('2027-03-27T10:00', { bareHoursAreDuration: true }))).toBe('2027-03-29T11:00:00+02:00');
    // and back in October
    expect(read('demain 10h', ctx('2027-10-30T12:00'))).toBe('2027-10-31T10:00:00+01:00');
  });

  it('reads Brussels centres in their own zone', () => {
    const result = parseWhen(['demain', '14h'], { ...monday, zone: 'Europe/Brussels' });
    expect(result.ok && DateTime.fromMillis(result.at, { zone: 'Europe/Brussels' }).hour).toBe(14);
  });

  it('refuses a delay back in time ("dans -1 jours", "in -2 days", "-48h") instead of reading it ahead', () => {
    for (const text of ['dans -1 jours 14h', 'in -2 days 2pm', '-48h']) {
      const result = parseWhen(text.split(' '), { ...monday, bareHoursAreDuration: text === '-48h' });
      expect(result.ok ? 'ok' : result.error).toBe('when-invalid');
    }
    expect(parseWhen(['dans', '1', 'jours', '14h'], monday).ok).toBe(true);
  });
});
