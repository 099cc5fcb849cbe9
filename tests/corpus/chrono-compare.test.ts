// Why Parloir reads dates with its own parser: the same corpus cases through chrono-node with a
// thin layer. Prints both rates; holds that ours stays ahead (else switch to chrono).

import { describe, expect, it } from 'vitest';
import { DATES_EN, LAWYER } from './dates-en.js';
import { DATES_FR } from './dates-fr.js';
import { scoreChrono } from './chrono-reader.js';
import { scoreDates } from './run-corpus.js';

describe('chrono-node against our own date reader, on the corpus', () => {
  it('prints both rates per category', () => {
    const blocks = [...DATES_FR, ...DATES_EN, ...LAWYER];
    const ours = scoreDates(blocks);
    const theirs = scoreChrono(blocks);
    const rows = [...new Set(ours.map((s) => s.category))].map((category) => {
      const o = ours.filter((s) => s.category === category);
      const c = theirs.filter((s) => s.category === category);
      const pct = (xs: readonly { ok: boolean }[]) => `${((100 * xs.filter((x) => x.ok).length) / xs.length).toFixed(1)} %`;
      const wrong = (xs: readonly { silentlyWrong: boolean }[]) => xs.filter((x) => x.silentlyWrong).length;
      return `| ${category} | ${o.length} | ${pct(o)} / ${wrong(o)} | ${pct(c)} / ${wrong(c)} |`;
    });
    console.log(['\n| category | cases | own parser: right / silently wrong | chrono-node + layer: right / silently wrong |', '|---|---:|---:|---:|', ...rows].join('\n'));
    const right = (xs: readonly { ok: boolean }[]) => xs.filter((x) => x.ok).length;
    expect(right(ours)).toBeGreaterThan(right(theirs));
  });
});
