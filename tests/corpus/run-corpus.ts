// Runs every corpus case through the real parser and reply reader and scores it. Shared by the
// corpus test (which prints the rates) and docs/language.md's numbers.

import { DateTime } from 'luxon';
import { parseCommand, type ParseResult } from '../../src/commands/parse.js';
import { understandReply } from '../../src/commands/reply-intent.js';
import { COMMANDS } from './commands.js';
import { DATES_EN, LAWYER } from './dates-en.js';
import { DATES_FR } from './dates-fr.js';
import { REPLIES } from './replies.js';
import type { DateBlock, DateExpect } from './types.js';

export interface Scored {
  readonly category: string;
  readonly text: string;
  readonly lang: 'fr' | 'en';
  readonly ok: boolean;
  /** The bot acted on a reading the writer did not mean, without saying so. */
  readonly silentlyWrong: boolean;
  readonly got: string;
}

const DEFAULT_ZONE = 'Europe/Paris';
/** Words that say when: left in a note or items, they show a reading that ignored them. */
const TIME_WORDS =
  /(^|\s)(\d{1,2}\s?h(\d{2})?|\d{1,2}[:.]\d{2}|\d{1,2}\s?(am|pm)|midi|noon|matin|soir|aprem|apres-midi|après-midi|morning|afternoon|evening|night|tonight|ce soir|demain|tomorrow|hier|yesterday)(?=$|[\s,.;:!?])/iu;

const local = (iso: string, zone: string) => DateTime.fromFormat(iso, 'yyyy-MM-dd HH:mm', { zone }).toMillis();
const show = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd HH:mm');

export function scoreDates(blocks: readonly DateBlock[]): Scored[] {
  const out: Scored[] = [];
  for (const block of blocks) {
    const zone = block.zone ?? DEFAULT_ZONE;
    const now = local(block.now, zone);
    for (const [text, raw] of block.cases) {
      const expect: DateExpect = typeof raw === 'string' ? { at: raw } : raw;
      const result = parseCommand(text, { now, zone });
      out.push({ category: block.category, text, lang: block.category.endsWith('-en') ? 'en' : 'fr', ...judgeDate(result, expect, zone) });
    }
  }
  return out;
}

function judgeDate(result: ParseResult, expect: DateExpect, zone: string): { ok: boolean; silentlyWrong: boolean; got: string } {
  if (!result.ok) {
    const error = result.error as { code: string; day?: number };
    const got = `error ${error.code}${error.day !== undefined ? ` ${show(error.day, zone).slice(0, 10)}` : ''}`;
    if ('error' in expect) return { ok: error.code === expect.error, silentlyWrong: false, got };
    if ('asksTimeFor' in expect) {
      const ok = error.code === 'time-missing' && error.day !== undefined && show(error.day, zone).startsWith(expect.asksTimeFor);
      return { ok, silentlyWrong: false, got };
    }
    return { ok: false, silentlyWrong: false, got };
  }
  const command = result.command;
  const at = 'draft' in command ? command.draft.dueAt : 'dueAt' in command ? command.dueAt : undefined;
  if (at === undefined) return { ok: false, silentlyWrong: false, got: `command ${command.name}` };
  const free = 'draft' in command ? (command.draft.items ?? command.draft.note ?? '') : '';
  const assumption = 'assumption' in command && command.assumption !== undefined;
  const got = `${show(at, zone)}${assumption ? ' (assumption stated)' : ''}${free ? ` «${free}»` : ''}`;
  // Acting on a time is silently wrong unless it is the right one, or its assumption is stated;
  // a time word left in the note means a time was read and then ignored.
  const leftover = TIME_WORDS.test(free);
  if (!('at' in expect)) return { ok: false, silentlyWrong: !assumption || leftover, got };
  const rightTime = show(at, zone) === expect.at;
  const rightAssumption = !expect.assumes || assumption;
  const rightText =
    (expect.note === undefined || (('draft' in command ? command.draft.note : undefined) ?? '') === expect.note) &&
    (expect.items === undefined || ('draft' in command ? command.draft.items : undefined) === expect.items);
  return {
    ok: rightTime && rightAssumption && rightText && !leftover,
    silentlyWrong: (!rightTime && !assumption) || leftover || (expect.assumes === true && !assumption),
    got,
  };
}

export function scoreReplies(): Scored[] {
  const out: Scored[] = [];
  for (const block of REPLIES) {
    const s = block.situation;
    const situation = { kind: s.kind, holder: s.holder, free: s.free, passenger: s.passenger ?? false };
    for (const [text, expected, lang] of block.cases) {
      const got = understandReply(text, situation, block.groupLang);
      const acted = got.outcome !== 'hint';
      out.push({
        category: block.category,
        text,
        lang: block.category.endsWith('-en') ? 'en' : 'fr',
        ok: got.outcome === expected && (lang === undefined || got.lang === lang),
        silentlyWrong: acted && got.outcome !== expected,
        got: `${got.outcome} (${got.lang})`,
      });
    }
  }
  return out;
}

export function scoreCommands(): Scored[] {
  const now = local('2026-11-26 10:00', DEFAULT_ZONE);
  const out: Scored[] = [];
  for (const block of COMMANDS) {
    for (const [text, expect] of block.cases) {
      const result = parseCommand(text, { now, zone: DEFAULT_ZONE });
      const name = result.ok ? result.command.name : undefined;
      const error = result.ok ? undefined : (result.error as { code: string; suggestion?: string; name?: string });
      // A command parsed but failing on its arguments (a past date…) still found the right command.
      const ranAs = name ?? (error && 'kind' in error ? (error as { kind: string }).kind : undefined);
      const got = name ?? `${error?.code}${error?.suggestion ? ` → ${error.suggestion}` : ''}`;
      const ok = 'command' in expect ? ranAs === expect.command || ranAs === kindOf(expect.command) : error?.name === expect.suggest;
      const lang = /^\/\s*(list|visit|vist|lsit|cancle|claim|relase|packge|lawyer|help)\b/i.test(text) ? 'en' : 'fr';
      out.push({ category: 'commands', text, lang, ok, silentlyWrong: name !== undefined && !ok, got });
    }
  }
  return out;
}

const kindOf = (name: string) => (name === 'visit' || name === 'package' || name === 'lawyer' ? name : undefined);

export function scoreAll(): Scored[] {
  return [...scoreDates(DATES_FR), ...scoreDates(DATES_EN), ...scoreDates(LAWYER), ...scoreReplies(), ...scoreCommands()];
}

export interface Rates {
  readonly category: string;
  readonly total: number;
  readonly right: number;
  readonly silentlyWrong: number;
}

export function rates(scored: readonly Scored[]): Rates[] {
  const by = new Map<string, { total: number; right: number; silentlyWrong: number }>();
  for (const s of scored) {
    const r = by.get(s.category) ?? { total: 0, right: 0, silentlyWrong: 0 };
    r.total += 1;
    if (s.ok) r.right += 1;
    if (s.silentlyWrong) r.silentlyWrong += 1;
    by.set(s.category, r);
  }
  return [...by.entries()].map(([category, r]) => ({ category, ...r }));
}

export function table(scored: readonly Scored[]): string {
  const rows = rates(scored);
  const all = rows.reduce((a, r) => ({ total: a.total + r.total, right: a.right + r.right, silentlyWrong: a.silentlyWrong + r.silentlyWrong }), {
    total: 0,
    right: 0,
    silentlyWrong: 0,
  });
  const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)} %`;
  return [
    '| category | messages | right | silently wrong |',
    '|---|---:|---:|---:|',
    ...rows.map((r) => `| ${r.category} | ${r.total} | ${pct(r.right, r.total)} | ${r.silentlyWrong} |`),
    `| **all** | ${all.total} | ${pct(all.right, all.total)} | ${all.silentlyWrong} |`,
  ].join('\n');
}
