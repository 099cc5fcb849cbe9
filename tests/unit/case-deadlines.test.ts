// The legal clock: the shipped rule files through the real engine, times in the centre's zone.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { computeDeadlines, type Deadline } from '../../src/cases/deadlines.js';
import { defaultRuleBook, loadRuleBook, RulesError } from '../../src/cases/rules.js';

const PARIS = 'Europe/Paris';
const BRUSSELS = 'Europe/Brussels';
const at = (iso: string, zone = PARIS) => DateTime.fromISO(iso, { zone }).toMillis();
const local = (ms: number, zone = PARIS) => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd HH:mm ccc");
const book = defaultRuleBook();
const fr = book.get('fr')!;
const be = book.get('be')!;
const NOW = at('2026-11-30T10:00');
const table = (deadlines: readonly Deadline[], zone = PARIS) => deadlines.map((d) => `${d.rule.id} ${local(d.at, zone)}`);

describe('French rules since 11 November 2025', () => {
  it('a placement gives exactly 96 h contest, judge seized by 96 h, hearing by 144 h, days 30/60/90', () => {
    const placed = at('2026-11-28T09:30');
    const { deadlines, unknown } = computeDeadlines(fr, { zone: PARIS, events: { placement: placed }, secondMeasure: false }, NOW);
    expect(unknown).toEqual([]);
    expect(table(deadlines)).toEqual([
      'fr-judge-seized-96h 2026-12-02 09:30 Wed',
      'fr-placement-contest-96h 2026-12-02 09:30 Wed',
      'fr-first-hearing-144h 2026-12-04 09:30 Fri',
      'fr-period-1-30d 2026-12-28 09:30 Mon',
      'fr-period-2-60d 2027-01-27 09:30 Wed',
      'fr-period-3-90d 2027-02-26 09:30 Fri',
    ]);
    for (const d of deadlines) expect(d.at - placed).toBe(d.rule.duration.amount * 3_600_000);
    expect(deadlines.some((d) => d.rule.id.includes('75'))).toBe(false);
  });

  it('counts hour by hour across a DST change (real elapsed hours, not wall-clock days)', () => {
    const placed = at('2026-03-27T10:00'); // clocks go forward on Sunday 29 March
    const { deadlines } = computeDeadlines(fr, { zone: PARIS, events: { placement: placed }, secondMeasure: false }, NOW);
    const contest = deadlines.find((d) => d.rule.what === 'placement-contest')!;
    expect(local(contest.at)).toBe('2026-03-31 11:00 Tue');
  });

  it('OQTF 48 h hour by hour across a weekend, asylum 5 days, 24 h appeal from an order', () => {
    const events = {
      placement: at('2026-11-27T11:00'),
      oqtf: at('2026-11-27T16:15'), // a Friday
      'asylum-rights': at('2026-11-27T12:00'),
      order: at('2026-12-01T15:40'),
    };
    const { deadlines } = computeDeadlines(fr, { zone: PARIS, events, secondMeasure: false }, NOW);
    const by = (what: string) => deadlines.filter((d) => d.rule.what === what).map((d) => local(d.at));
    expect(by('oqtf-contest')).toEqual(['2026-11-29 16:15 Sun']); // no move to Monday
    expect(by('asylum-request')).toEqual(['2026-12-02 12:00 Wed']);
    expect(by('order-appeal')).toEqual(['2026-12-02 15:40 Wed']);
    const oqtf = deadlines.find((d) => d.rule.what === 'oqtf-contest')!;
    expect(oqtf).toMatchObject({ shifted: false, check: false, assumed: false });
    // a rule whose counting is not settled says so
    expect(deadlines.find((d) => d.rule.what === 'asylum-request')!.check).toBe(true);
  });
});

describe('French rules before 11 November 2025', () => {
  it('a case placed on 10 Nov 2025 uses the 4-day rule (notification day counts, ends 24:00 on day 4) and day 75', () => {
    const placed = at('2025-11-10T09:30');
    const { deadlines } = computeDeadlines(fr, { zone: PARIS, events: { placement: placed }, secondMeasure: false }, at('2025-11-10T10:00'));
    expect(table(deadlines)).toEqual([
      'fr-judge-seized-4d 2025-11-13 23:59 Thu',
      'fr-placement-contest-4d 2025-11-13 23:59 Thu',
      'fr-period-1-30d-old 2025-12-09 23:59 Tue',
      'fr-period-2-60d-old 2026-01-08 23:59 Thu',
      'fr-period-3-75d-old 2026-01-23 23:59 Fri',
      'fr-period-4-90d-old 2026-02-07 23:59 Sat',
    ]);
    expect(deadlines.every((d) => !d.rule.id.includes('96h'))).toBe(true);
  });

  it('a case placed at 00:30 on 11 Nov 2025 already uses the 96-hour rules', () => {
    const { deadlines } = computeDeadlines(fr, { zone: PARIS, events: { placement: at('2025-11-11T00:30') }, secondMeasure: false }, NOW);
    expect(deadlines.find((d) => d.rule.what === 'placement-contest')!.rule.id).toBe('fr-placement-contest-96h');
  });

  it('a placement before any known rule is reported as unknown, not guessed', () => {
    const { deadlines, unknown } = computeDeadlines(fr, { zone: PARIS, events: { placement: at('2024-03-01T10:00') }, secondMeasure: false }, NOW);
    expect(deadlines).toEqual([]);
    expect(unknown).toEqual(['placement']);
  });
});

describe('Belgian CCE extreme urgency', () => {
  const cce = (events: Record<string, number>, secondMeasure = false) =>
    computeDeadlines(be, { zone: BRUSSELS, events, secondMeasure }, NOW).deadlines.find((d) => d.rule.what === 'cce-urgent')!;

  it('10 days; a last day on a Saturday moves to Monday', () => {
    const d = cce({ placement: at('2026-11-10T10:00', BRUSSELS), measure: at('2026-11-18T10:00', BRUSSELS) });
    expect(local(d.at, BRUSSELS)).toBe('2026-11-30 23:59 Mon'); // day 10 = Saturday 28
    expect(d).toMatchObject({ shifted: true, assumed: false });
  });

  it('a last day on a holiday (25 December, then the weekend) moves to the next working day', () => {
    const d = cce({ measure: at('2026-12-15T09:00', BRUSSELS) });
    expect(local(d.at, BRUSSELS)).toBe('2026-12-28 23:59 Mon');
  });

  it('a Belgian-only holiday (21 July) moves it too', () => {
    const d = cce({ measure: at('2026-07-11T09:00', BRUSSELS) });
    expect(local(d.at, BRUSSELS)).toBe('2026-07-22 23:59 Wed');
  });

  it('5 days for a second measure; a working last day stays', () => {
    expect(local(cce({ measure: at('2026-11-16T09:00', BRUSSELS) }, true).at, BRUSSELS)).toBe('2026-11-23 23:59 Mon'); // day 5 = Sat 21
    expect(local(cce({ measure: at('2026-11-17T09:00', BRUSSELS) }, true).at, BRUSSELS)).toBe('2026-11-23 23:59 Mon'); // day 5 = Sun 22
    expect(local(cce({ measure: at('2026-11-18T09:00', BRUSSELS) }, true).at, BRUSSELS)).toBe('2026-11-23 23:59 Mon'); // day 5 = Mon 23
  });

  it('without the measure date the placement is used, and the deadline is marked to check', () => {
    const d = cce({ placement: at('2026-11-18T10:00', BRUSSELS) });
    expect(d).toMatchObject({ event: 'placement', assumed: true, check: true });
  });
});

describe('rule files', () => {
  it('rules whose last check is older than six months are flagged stale', () => {
    const placed = at('2026-11-28T09:30');
    const later = at('2027-06-01T10:00');
    const { deadlines } = computeDeadlines(fr, { zone: PARIS, events: { placement: placed }, secondMeasure: false }, later);
    expect(deadlines.every((d) => d.stale)).toBe(true);
    const fresh = computeDeadlines(fr, { zone: PARIS, events: { placement: placed }, secondMeasure: false }, NOW);
    expect(fresh.deadlines.some((d) => d.stale)).toBe(false);
  });

  it('every rule has a source, an article, a validity start, a last check and a confidence', () => {
    for (const j of book.all()) {
      expect(j.holidays.size).toBeGreaterThan(30);
      for (const rule of j.rules) {
        expect(rule.sources.length).toBeGreaterThan(0);
        expect(rule.article).not.toBe('');
        expect(rule.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(rule.lastChecked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('a broken file is refused with every problem listed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parloir-rules-'));
    try {
      writeFileSync(
        join(dir, 'fr.yaml'),
        'jurisdiction: fr\nholidays: {source: x, dates: [2026-13-45x]}\nrules:\n  - id: a\n    what: nonsense\n    from: [placement]\n    duration: soon\n    counting: hours\n    kind: deadline\n    who: [lawyer]\n    article: x\n    sources: [x]\n    meaning: x\n    valid_from: 2025-01-01\n    last_checked: 2026-01-01\n    confidence: sure\n',
      );
      let error: unknown;
      try {
        loadRuleBook(dir);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(RulesError);
      const problems = (error as RulesError).problems.join('\n');
      expect(problems).toContain('holidays.dates[0]');
      expect(problems).toContain('rules[0].what');
      expect(problems).toContain('rules[0].duration');
      expect(problems).toContain('rules[0].confidence');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
