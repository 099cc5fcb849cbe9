// The comparison the issue asks for: the same date cases read by chrono-node (chrono.fr or
// chrono.en by the command's language) with a thin layer of our own in front (French
// abbreviations, "après-demain", "midi", "le 5"), the instant built with Luxon in the centre's
// zone (chrono's `timezone` option is ignored, see ../shared/DEPENDENCIES.md). Only the date
// and time are compared: chrono has no notion of notes, seats or lawyer windows.

import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { splitCommand } from '../../src/commands/parse.js';
import type { DateBlock, DateExpect } from './types.js';

const FR_LAYER: readonly [RegExp, string][] = [
  [/\bapr[eè]s[- ]demain\b/giu, 'dans 2 jours'],
  [/\b(lun|mar|mer|jeu|ven|sam|dim)\.?(?=\s|$)/giu, '$1'],
  [/\blun\b/giu, 'lundi'], [/\bmar\b/giu, 'mardi'], [/\bmer\b/giu, 'mercredi'], [/\bjeu\b/giu, 'jeudi'],
  [/\bven\b/giu, 'vendredi'], [/\bsam\b/giu, 'samedi'], [/\bdim\b/giu, 'dimanche'],
  [/\bmidi\b/giu, '12h'], [/\bà\b/gu, ''], [/\ble (\d{1,2})\b(?! ?[a-zé])/giu, 'le $1/MM'],
];

export interface ChronoScore {
  readonly category: string;
  readonly ok: boolean;
  readonly silentlyWrong: boolean;
}

export function scoreChrono(blocks: readonly DateBlock[]): ChronoScore[] {
  const out: ChronoScore[] = [];
  for (const block of blocks) {
    const zone = block.zone ?? 'Europe/Paris';
    const now = DateTime.fromFormat(block.now, 'yyyy-MM-dd HH:mm', { zone });
    const en = block.category.endsWith('-en');
    for (const [text, raw] of block.cases) {
      const expect: DateExpect = typeof raw === 'string' ? { at: raw } : raw;
      const rest = (splitCommand(text)?.rest ?? '').replace(/^#?\d+\s+/, '');
      let input = rest;
      if (!en) for (const [re, to] of FR_LAYER) input = input.replace(re, to.replace('MM', String(now.month)));
      const results = (en ? chrono.en : chrono.fr).parse(input, now.toJSDate(), { forwardDate: true });
      const first = results[0];
      if (!first) {
        out.push({ category: block.category, ok: !('at' in expect), silentlyWrong: false });
        continue;
      }
      const s = first.start;
      const hasTime = s.isCertain('hour');
      if (!hasTime && 'asksTimeFor' in expect) {
        const day = DateTime.fromObject({ year: s.get('year')!, month: s.get('month')!, day: s.get('day')! }, { zone }).toFormat('yyyy-MM-dd');
        out.push({ category: block.category, ok: day === expect.asksTimeFor, silentlyWrong: false });
        continue;
      }
      const at = DateTime.fromObject(
        { year: s.get('year')!, month: s.get('month')!, day: s.get('day')!, hour: hasTime ? s.get('hour')! : 18, minute: hasTime ? (s.get('minute') ?? 0) : 0 },
        { zone },
      ).toFormat('yyyy-MM-dd HH:mm');
      const right = 'at' in expect && at === expect.at;
      out.push({ category: block.category, ok: right, silentlyWrong: !right });
    }
  }
  return out;
}
