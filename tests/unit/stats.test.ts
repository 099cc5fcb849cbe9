// Counts for advocacy (#16), the parts without a database: refusal buckets, the small-cell and
// differencing rules, months, the command's arguments, the SVG's escaping (strictly parsed).

import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { parseStatsArgs } from '../../src/cli/stats.js';
import { statsText } from '../../src/i18n/index.js';
import { monthEnded, monthsBetween, parseMonth } from '../../src/stats/months.js';
import { refusalBucket } from '../../src/stats/refusal.js';
import { toCsv, toSvg, xmlEscape } from '../../src/stats/render.js';
import { buildTable, shownCount, shownMedian, shownTotal } from '../../src/stats/table.js';
import { allElements, parseXml } from '../support/xml.js';

describe('refusal reasons, bucketed', () => {
  it.each([
    [undefined, 'none'],
    ['  ', 'none'],
    ["Pas de pièce d'identité", 'papers'],
    ['forgot my passport', 'papers'],
    ['Il a été transféré à Lesquin hier', 'absent'],
    ['he was at the court hearing', 'absent'],
    ['nom inconnu au registre', 'name'],
    ['they said the name was not found', 'name'],
    ['arrivée trop tard, créneau complet', 'hours'],
    ['outside visiting hours', 'hours'],
    ['sans motif', 'centre'],
    ['lockdown after an incident', 'centre'],
    ['il pleuvait', 'other'],
    // "id" must be a whole word: "idea" is not about papers
    ['no idea why', 'other'],
  ])('%s → %s', (reason, bucket) => {
    expect(refusalBucket(reason)).toBe(bucket);
  });
});

describe('small cells and differencing', () => {
  it('shows 0 as 0, 1–4 as <5, and 5 or more exactly', () => {
    expect([0, 1, 4, 5, 12].map(shownCount)).toEqual([
      { kind: 'count', n: 0 },
      { kind: 'small' },
      { kind: 'small' },
      { kind: 'count', n: 5 },
      { kind: 'count', n: 12 },
    ]);
  });

  it('withholds an all-centres figure from which a hidden centre figure could be computed or pinned', () => {
    // one centre hidden: total − the others would give it
    expect(shownTotal([10, 3])).toEqual({ kind: 'atLeast5' });
    expect(shownTotal([10, 3, 0])).toEqual({ kind: 'atLeast5' });
    // two hidden whose sum (5) still leaves each between 1 and 4: safe
    expect(shownTotal([10, 3, 2])).toEqual({ kind: 'count', n: 15 });
    // two hidden summing to 2 (both 1) or 8 (both 4): pinned, withheld
    expect(shownTotal([10, 1, 1])).toEqual({ kind: 'atLeast5' });
    expect(shownTotal([10, 4, 4])).toEqual({ kind: 'atLeast5' });
    // nothing hidden, or the total itself small
    expect(shownTotal([10, 7, 0])).toEqual({ kind: 'count', n: 17 });
    expect(shownTotal([2, 1])).toEqual({ kind: 'small' });
    expect(shownTotal([])).toEqual({ kind: 'count', n: 0 });
  });

  it('shows a median only over 5 values or more', () => {
    expect(shownMedian(new Map())).toEqual({ kind: 'none' });
    expect(shownMedian(new Map([[3, 4]]))).toEqual({ kind: 'small' });
    expect(shownMedian(new Map([[2, 1], [5, 1], [10, 1], [20, 1], [30, 1]]))).toEqual({ kind: 'hours', hours: 10 });
    expect(shownMedian(new Map([[2, 1], [5, 1], [10, 1], [20, 1], [30, 1], [50, 1]]))).toEqual({ kind: 'hours', hours: 15 });
    expect(shownMedian(new Map([[7, 5], [90, 1]]))).toEqual({ kind: 'hours', hours: 7 });
  });

  it('gives a request kind found in the counts a column of its own, and never the median histogram', () => {
    const table = buildTable(
      [
        { month: '2026-03', centreId: 'a', kind: 'credit', bucket: 'done', n: 6 },
        { month: '2026-03', centreId: 'a', kind: 'lawyer-hours', bucket: '12', n: 5 },
      ],
      ['2026-03'],
      undefined,
    );
    const ids = table.columns.map((c) => c.id);
    expect(ids).toContain('credit_done');
    expect(ids.some((id) => id.startsWith('lawyer_hours'))).toBe(false);
    const csv = toCsv(table).split('\r\n');
    const row = Object.fromEntries(csv[0]!.split(',').map((h, i) => [h, csv[1]!.split(',')[i]]));
    expect([row['credit_done'], row['lawyer_median_hours'], row['centre']]).toEqual(['6', '12', 'all']);
  });
});

describe('months', () => {
  it('reads YYYY-MM only', () => {
    expect(['2026-01', '2026-12'].map(parseMonth)).toEqual(['2026-01', '2026-12']);
    expect(['2026-13', '2026-00', '2026-1', '26-01', '2026/01', 'janvier', ''].map(parseMonth)).toEqual(Array(7).fill(undefined));
  });

  it('lists a range across a year end', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('calls a month over once its next month has begun everywhere (12:00 UTC on the 1st)', () => {
    const at = (iso: string) => DateTime.fromISO(iso, { zone: 'UTC' }).toMillis();
    expect(monthEnded('2026-10', at('2026-11-01T11:59'))).toBe(false);
    expect(monthEnded('2026-10', at('2026-11-01T12:00'))).toBe(true);
    expect(monthEnded('2026-11', at('2026-11-30T23:00'))).toBe(false);
  });
});

describe('stats arguments', () => {
  const en = statsText('en');
  const fr = statsText('fr');
  it('accepts a range, a centre and a folder', () => {
    expect(parseStatsArgs(['--from', '2026-01', '--to', '2026-12', '--centre', 'vincennes', '--out', '/tmp/x'], en)).toEqual({
      ok: true,
      args: { from: '2026-01', to: '2026-12', centre: 'vincennes', out: '/tmp/x' },
    });
  });
  it.each([
    [['--from', '2026-13', '--to', '2026-12'], '--from "2026-13" is not a month: write it as YYYY-MM, e.g. 2026-01.'],
    [['--from', '2026-06', '--to', '2026-02'], '--from 2026-06 is after --to 2026-02: give the earlier month first.'],
    [['--from', '2026-01'], '--to needs a value.'],
    [['--from', '--to', '2026-02'], '--from needs a value.'],
    [['--since', '2026-01'], 'Unknown option "--since".'],
  ])('%j → %s', (args, error) => {
    expect(parseStatsArgs(args, en)).toEqual({ ok: false, error });
  });
  it('answers in French too', () => {
    expect(parseStatsArgs(['--from', '2026-1', '--to', '2026-02'], fr)).toEqual({
      ok: false,
      error: '--from « 2026-1 » n’est pas un mois : l’écrire AAAA-MM, par ex. 2026-01.',
    });
  });
});

describe('the SVG chart', () => {
  const table = buildTable(
    [
      { month: '2026-03', centreId: 'a', kind: 'visit', bucket: 'done', n: 9 },
      { month: '2026-03', centreId: 'a', kind: 'visit', bucket: 'refused-papers', n: 2 },
      { month: '2026-03', centreId: 'b', kind: 'visit', bucket: 'done', n: 3 },
    ],
    ['2026-03'],
    undefined,
  );

  it('is well-formed, self-contained, and shows hidden cells as text, not bars', () => {
    const svg = toSvg(table, table.rows[0]!, statsText('en'));
    const root = parseXml(svg);
    expect(root.name).toBe('svg');
    expect(root.attrs['xmlns']).toBe('http://www.w3.org/2000/svg');
    const elements = allElements(root);
    expect(new Set(elements.map((e) => e.name))).toEqual(new Set(['svg', 'title', 'rect', 'text']));
    for (const e of elements) {
      for (const [name, value] of Object.entries(e.attrs)) {
        expect(name).not.toMatch(/^on|href$/i);
        expect(value).not.toMatch(/url\(|javascript:|https?:(?!\/\/www\.w3\.org\/2000\/svg$)/);
      }
    }
    const texts = elements.filter((e) => e.name === 'text').map((e) => e.text);
    expect(texts).toContain('Refused: visitor\'s papers');
    expect(texts).toContain('<5'); // escaped in the file, read back as text
    expect(texts).toContain('≥5'); // all-centres visits: b's 3 would be 12 − 9
    expect(texts).toContain('Median time to reach a lawyer: none this month');
    expect(svg).toContain('&lt;5');
    // bars only for exact figures: none for the withheld visits, none for the hidden refusal
    expect(elements.filter((e) => e.name === 'rect' && e.attrs['fill'] === '#3b6ea5')).toHaveLength(0);
  });

  it('escapes every text it writes, and the check refuses broken XML', () => {
    expect(xmlEscape(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    expect(() => parseXml('<svg><text>a < b</text></svg>')).toThrow();
    expect(() => parseXml('<svg><text>AT&T</text></svg>')).toThrow();
    expect(() => parseXml('<svg><text></svg>')).toThrow();
    expect(() => parseXml('<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg/>')).toThrow();
    expect(() => parseXml('<svg a="1" a="2"/>')).toThrow();
    expect(() => parseXml('<svg/><svg/>')).toThrow();
  });
});
