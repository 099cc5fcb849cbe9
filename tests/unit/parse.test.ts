import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/commands/parse.js';

const zone = 'Europe/Paris';
const now = DateTime.fromISO('2026-11-23T10:00', { zone }).toMillis();
const parse = (text: string) => parseCommand(text, { now, zone });
const iso = (ms: number) => DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true });

describe('the command language', () => {
  it('/visit 2026-12-01 14:00 seats 3 from Calais station', () => {
    const r = parse('/visit 2026-12-01 14:00 seats 3 from Calais station');
    expect(r).toMatchObject({ ok: true, lang: 'en', command: { name: 'visit', draft: { seats: 3, place: 'Calais station' } } });
    expect(r.ok && r.command.name === 'visit' && iso(r.command.draft.dueAt)).toBe('2026-12-01T14:00:00+01:00');
  });

  it('/visite 01/12 14h30 places 2 depuis gare de Calais', () => {
    expect(parse('/visite 01/12 14h30 places 2 depuis gare de Calais')).toMatchObject({
      ok: true,
      lang: 'fr',
      command: { name: 'visit', draft: { seats: 2, place: 'gare de Calais' } },
    });
  });

  it('/visite demain 14h', () => {
    const r = parse('/visite demain 14h');
    expect(r.ok && r.command.name === 'visit' && iso(r.command.draft.dueAt)).toBe('2026-11-24T14:00:00+01:00');
  });

  it('/package 2026-12-01 jumper size M, phone without camera', () => {
    expect(parse('/package 2026-12-01 jumper size M, phone without camera')).toMatchObject({
      ok: true,
      command: { name: 'package', draft: { items: 'jumper size M, phone without camera' } },
    });
  });

  it('/colis vendredi pull, tabac', () => {
    const r = parse('/colis vendredi pull, tabac');
    expect(r).toMatchObject({ ok: true, lang: 'fr', command: { name: 'package', draft: { items: 'pull, tabac' } } });
    expect(r.ok && r.command.name === 'package' && iso(r.command.draft.dueAt)).toBe('2026-11-27T18:00:00+01:00');
  });

  it('/lawyer 48h R-12 OQTF notified this morning: counted from the earliest plausible time, and says so', () => {
    const r = parse('/lawyer 48h R-12 OQTF notified this morning');
    expect(r).toMatchObject({ ok: true, command: { name: 'lawyer', draft: { detainee: 'R-12', note: 'OQTF notified' }, assumption: { code: 'notified-from' } } });
    expect(r.ok && r.command.name === 'lawyer' && iso(r.command.draft.dueAt)).toBe('2026-11-25T06:00:00+01:00');
  });

  it('/lawyer 48h R-12 without a notification time counts from the message', () => {
    const r = parse('/lawyer 48h R-12 OQTF');
    expect(r).toMatchObject({ ok: true, command: { name: 'lawyer', draft: { detainee: 'R-12', note: 'OQTF' } } });
    expect(r.ok && r.command.name === 'lawyer' && iso(r.command.draft.dueAt)).toBe('2026-11-25T10:00:00+01:00');
  });

  it('/avocat 2026-12-01 18:00 R-7', () => {
    const r = parse('/avocat 2026-12-01 18:00 R-7');
    expect(r).toMatchObject({ ok: true, lang: 'fr', command: { name: 'lawyer', draft: { detainee: 'R-7' } } });
    expect(r.ok && r.command.name === 'lawyer' && iso(r.command.draft.dueAt)).toBe('2026-12-01T18:00:00+01:00');
  });

  it('is case-insensitive, accepts accents and @BotName', () => {
    expect(parse('/VISITE demain 14h')).toMatchObject({ ok: true, command: { name: 'visit' } });
    expect(parse('/lâcher 3')).toMatchObject({ ok: true, lang: 'fr', command: { name: 'release', number: 3 } });
    expect(parse('/claim@ParloirBot #4')).toMatchObject({ ok: true, lang: 'en', command: { name: 'claim', number: 4 } });
  });

  it('leaves the language open for words both languages share', () => {
    const r = parse('/info');
    expect(r.ok && r.lang).toBeUndefined();
  });

  it('types its errors', () => {
    expect(parse('hello')).toMatchObject({ ok: false, error: { code: 'not-a-command' } });
    expect(parse('/nope')).toMatchObject({ ok: false, error: { code: 'unknown-command', word: 'nope' } });
    expect(parse(`/visit tomorrow 2pm ${'x'.repeat(50_000)}`)).toMatchObject({ ok: false, error: { code: 'too-long' } });
    expect(parse('/visit tomorrow 2pm seats 12')).toMatchObject({ ok: false, error: { code: 'seats-invalid' } });
    expect(parse('/package friday')).toMatchObject({ ok: false, error: { code: 'items-missing' } });
    expect(parse('/done')).toMatchObject({ ok: false, error: { code: 'number-missing' } });
    expect(parse('/visit \u0000\u00ff')).toMatchObject({ ok: false, error: { code: 'when-missing' } });
  });
});
