// The case commands' parser: pure, clock and zone as parameters.

import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseCaseCommand } from '../../src/cases/parse.js';
import { parseCommand } from '../../src/commands/parse.js';

const zone = 'Europe/Paris';
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toMillis();
const ctx = { now: at('2026-11-30T10:00'), zone }; // a Monday

describe('parseCaseCommand', () => {
  it('reads the issue\'s examples in both languages', () => {
    expect(parseCaseCommand('case', 'R-12 placed 2026-11-28 09:30', ctx)).toEqual({
      ok: true,
      command: { kind: 'set', ref: 'R-12', events: { placement: at('2026-11-28T09:30') } },
    });
    expect(parseCaseCommand('case', 'r-12 placé 28/11 9h30 oqtf 28/11 10h asile 29/11 8h ordonnance hier 15h40 seconde-mesure', ctx)).toEqual({
      ok: true,
      command: {
        kind: 'set',
        ref: 'R-12',
        events: { placement: at('2026-11-28T09:30'), oqtf: at('2026-11-28T10:00'), 'asylum-rights': at('2026-11-29T08:00'), order: at('2026-11-29T15:40') },
        secondMeasure: true,
      },
    });
    expect(parseCaseCommand('case', 'R-12 hearing 2026-12-02 10:00 TJ Meaux', ctx)).toEqual({
      ok: true,
      command: { kind: 'set', ref: 'R-12', events: {}, hearing: { at: at('2026-12-02T10:00'), place: 'TJ Meaux' } },
    });
    expect(parseCaseCommand('hearing', 'R-12 02/12 10h TJ Meaux', ctx)).toEqual({
      ok: true,
      command: { kind: 'hearing', ref: 'R-12', at: at('2026-12-02T10:00'), place: 'TJ Meaux' },
    });
  });

  it('reads past dates: a date without a year or a weekday is the latest one', () => {
    const jan = { now: at('2027-01-05T10:00'), zone };
    const parsed = parseCaseCommand('case', 'R-1 placé 28/12 9h30', jan);
    expect(parsed.ok && parsed.command.kind === 'set' && parsed.command.events.placement).toBe(at('2026-12-28T09:30'));
    const weekday = parseCaseCommand('case', 'R-1 placed saturday 22:15', ctx);
    expect(weekday.ok && weekday.command.kind === 'set' && weekday.command.events.placement).toBe(at('2026-11-28T22:15'));
    const bare = parseCaseCommand('case', 'R-1 28/11 9h30', ctx);
    expect(bare.ok && bare.command.kind === 'set' && bare.command.events.placement).toBe(at('2026-11-28T09:30'));
  });

  it('the news itself: transferred to a centre, released, deported (#16)', () => {
    expect(parseCaseCommand('case', 'R-12 transferred vincennes', ctx)).toEqual({ ok: true, command: { kind: 'transfer', ref: 'R-12', centre: 'vincennes' } });
    expect(parseCaseCommand('case', 'R-12 transféré vers Paris-Vincennes', ctx)).toEqual({
      ok: true,
      command: { kind: 'transfer', ref: 'R-12', centre: 'Paris-Vincennes' },
    });
    expect(parseCaseCommand('case', 'R-12 transféré', ctx)).toEqual({ ok: false, error: { code: 'transfer-where' } });
    expect(parseCaseCommand('case', 'R-12 libéré', ctx)).toEqual({ ok: true, command: { kind: 'close', ref: 'R-12', outcome: 'released' } });
    expect(parseCaseCommand('case', 'R-12 deported', ctx)).toEqual({ ok: true, command: { kind: 'close', ref: 'R-12', outcome: 'deported' } });
    expect(parseCaseCommand('case', 'R-12 released tomorrow', ctx)).toEqual({ ok: false, error: { code: 'unknown-word', word: 'tomorrow' } });
  });

  it('close, show, list and details', () => {
    expect(parseCaseCommand('case', 'R-12 close transferred to Lesquin', ctx)).toEqual({
      ok: true,
      command: { kind: 'close', ref: 'R-12', outcome: 'transferred', note: 'Lesquin' },
    });
    expect(parseCaseCommand('case', 'R-12 clore expulsé', ctx)).toEqual({ ok: true, command: { kind: 'close', ref: 'R-12', outcome: 'deported' } });
    expect(parseCaseCommand('case', 'R-12', ctx)).toEqual({ ok: true, command: { kind: 'show', ref: 'R-12' } });
    expect(parseCaseCommand('cases', '', ctx)).toEqual({ ok: true, command: { kind: 'list' } });
    expect(parseCaseCommand('details', 'R-12 voir', ctx)).toEqual({ ok: true, command: { kind: 'details', ref: 'R-12', show: true } });
    expect(parseCaseCommand('details', 'R-12', ctx)).toEqual({ ok: true, command: { kind: 'details', ref: 'R-12', show: false } });
  });

  it('refuses names, future events, missing times and stray words', () => {
    expect(parseCaseCommand('case', 'Ahmed placé hier 9h', ctx)).toEqual({ ok: false, error: { code: 'ref-missing' } });
    expect(parseCaseCommand('case', 'R-1 placé demain 9h', ctx)).toEqual({ ok: false, error: { code: 'future', option: 'placé' } });
    expect(parseCaseCommand('case', 'R-1 placé 28/11', ctx)).toEqual({ ok: false, error: { code: 'when-invalid', option: 'placé' } });
    expect(parseCaseCommand('case', 'R-1 placé 28/11 9h vite', ctx)).toEqual({ ok: false, error: { code: 'unknown-word', word: 'vite' } });
    expect(parseCaseCommand('hearing', 'R-1 hier 10h', ctx)).toEqual({ ok: false, error: { code: 'hearing-usage' } });
    // 05/12 said on 30/11 reads as last year's: far too old for a detention, so refused
    expect(parseCaseCommand('case', 'R-1 placé 05/12 9h', ctx)).toEqual({ ok: false, error: { code: 'too-old', option: 'placé' } });
  });

  it('reaches the case parser from the command words, and /lawyer R-12 without a date', () => {
    expect(parseCommand('/dossier R-12 placé 28/11 9h30', ctx)).toMatchObject({ ok: true, lang: 'fr', command: { name: 'case', case: { kind: 'set' } } });
    expect(parseCommand('/cases', ctx)).toMatchObject({ ok: true, lang: 'en', command: { name: 'case', case: { kind: 'list' } } });
    expect(parseCommand('/avocat R-12', ctx)).toEqual({ ok: true, lang: 'fr', command: { name: 'case', case: { kind: 'lawyer', ref: 'R-12' } } });
    expect(parseCommand('/avocat 48h R-12', ctx)).toMatchObject({ ok: true, command: { name: 'lawyer' } });
    expect(parseCommand('/avocat', ctx)).toMatchObject({ ok: false, error: { code: 'when-missing' } });
  });
});
