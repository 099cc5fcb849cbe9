// The pure parser of /case /cases /hearing /details (FR /dossier /dossiers /audience /details):
// text after the command word in, a typed case command or a typed error out. Dates go through
// the shared reader of src/commands/when.ts, in the centre's zone; case events are usually in
// the past, hearings in the future.

import { parseWhen, tokenize } from '../commands/when.js';
import type { Lang } from '../i18n/lang.js';
import type { CaseOutcome } from './case.js';
import type { CaseEvent } from './rules.js';

/** A pseudonymous reference such as R-12 or AB-3041 (the same form requests accept): never a name. */
export const CASE_REF = /^[A-Za-z]{1,3}-\d{1,6}$/;
/** A case event may be given a few minutes ahead of the clock (phones disagree), not more. */
const FUTURE_GRACE_MS = 10 * 60_000;
/** Older than the longest detention (8 months in Belgium): a typo (05/12 read as last year's). */
const OLDEST_MS = 245 * 86_400_000;

export type CaseCommand =
  | { readonly kind: 'usage' }
  | { readonly kind: 'list' }
  | { readonly kind: 'show'; readonly ref: string }
  | {
      readonly kind: 'set';
      readonly ref: string;
      readonly events: Partial<Record<CaseEvent, number>>;
      readonly secondMeasure?: boolean;
      readonly hearing?: { readonly at: number; readonly place?: string };
    }
  | { readonly kind: 'close'; readonly ref: string; readonly outcome?: CaseOutcome; readonly note?: string }
  /** /case R-12 transferred vincennes: the words naming the centre it went to (#16). */
  | { readonly kind: 'transfer'; readonly ref: string; readonly centre: string }
  | { readonly kind: 'hearing'; readonly ref: string; readonly at: number; readonly place?: string }
  | { readonly kind: 'details'; readonly ref: string; readonly show: boolean }
  /** /lawyer R-12 with no date: the deadline comes from the case. */
  | { readonly kind: 'lawyer'; readonly ref: string; readonly note?: string };

export type CaseParseError =
  | { readonly code: 'ref-missing' }
  | { readonly code: 'when-invalid' | 'future' | 'too-old'; readonly option: string }
  | { readonly code: 'unknown-word'; readonly word: string }
  | { readonly code: 'hearing-usage' }
  | { readonly code: 'transfer-where' };

export type CaseParseResult = { readonly ok: true; readonly command: CaseCommand } | { readonly ok: false; readonly error: CaseParseError };

export type CaseCommandName = 'case' | 'cases' | 'hearing' | 'details';

interface Ctx {
  readonly now: number;
  readonly zone: string;
  /** The command word's language (how 12/5 is read). */
  readonly lang?: Lang;
}

const lang = (ctx: Ctx): { lang?: Lang } => (ctx.lang ? { lang: ctx.lang } : {});

const EVENT_WORDS: Record<string, CaseEvent> = {
  placed: 'placement', placement: 'placement', place: 'placement', placee: 'placement', retenu: 'placement', retenue: 'placement',
  oqtf: 'oqtf',
  'asylum-rights': 'asylum-rights', asylum: 'asylum-rights', asile: 'asylum-rights', 'droits-asile': 'asylum-rights', 'droit-asile': 'asylum-rights',
  order: 'order', ordonnance: 'order', decision: 'order',
  measure: 'measure', mesure: 'measure',
};
const HEARING_WORDS = new Set(['hearing', 'audience']);
const SECOND_WORDS = new Set(['second-measure', 'seconde-mesure', 'deuxieme-mesure', '2e-mesure', 'second']);
const CLOSE_WORDS = new Set(['close', 'closed', 'clore', 'fermer', 'ferme', 'cloture', 'cloturer']);
const SHOW_WORDS = new Set(['show', 'reveal', 'voir', 'montrer', 'afficher']);
const OUTCOME_WORDS: Record<string, CaseOutcome> = {
  released: 'released', release: 'released', libere: 'released', liberee: 'released', liberation: 'released', libre: 'released',
  deported: 'deported', expulse: 'deported', expulsee: 'deported', expulsion: 'deported', eloigne: 'deported', eloignee: 'deported',
  transferred: 'transferred', transfere: 'transferred', transferee: 'transferred', transfert: 'transferred',
  other: 'other', autre: 'other',
};

/** Lowercase, no accents, no trailing colon; dashes kept ("seconde-mesure"). */
function word(token: string): string {
  return token.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[:.,;]+$/, '');
}

const isKeyword = (token: string) => {
  const w = word(token);
  return w in EVENT_WORDS || HEARING_WORDS.has(w) || SECOND_WORDS.has(w);
};

export function parseCaseCommand(name: CaseCommandName, rest: string, ctx: Ctx): CaseParseResult {
  // punctuation between options ("placé : 28/11 9h30, oqtf …") carries no meaning here
  const tokens = tokenize(rest).filter((t) => !/^[,;:!?]+$/.test(t));
  if (name === 'cases') return { ok: true, command: { kind: 'list' } };
  const first = tokens[0];
  if (first === undefined) return name === 'case' ? { ok: true, command: { kind: 'usage' } } : { ok: false, error: { code: 'ref-missing' } };
  if (!CASE_REF.test(first)) return { ok: false, error: { code: 'ref-missing' } };
  const ref = first.toUpperCase();
  const after = tokens.slice(1);

  switch (name) {
    case 'details':
      return { ok: true, command: { kind: 'details', ref, show: after.some((t) => SHOW_WORDS.has(word(t))) } };
    case 'hearing': {
      const hearing = readHearing(after, ctx);
      return hearing ? { ok: true, command: { kind: 'hearing', ref, ...hearing } } : { ok: false, error: { code: 'hearing-usage' } };
    }
    case 'case':
      if (after.length === 0) return { ok: true, command: { kind: 'show', ref } };
      if (CLOSE_WORDS.has(word(after[0]!))) return { ok: true, command: close(ref, after.slice(1)) };
      return outcomeNow(ref, after) ?? readEvents(ref, after, ctx);
  }
}

/**
 * "/case R-12 transferred vincennes", "/dossier R-12 libéré", "/case R-12 deported": the news
 * itself, said without "close" (#16). A transfer needs the centre it went to.
 */
function outcomeNow(ref: string, tokens: readonly string[]): CaseParseResult | undefined {
  const outcome = OUTCOME_WORDS[word(tokens[0]!)];
  if (outcome === 'transferred') {
    const centre = tokens.slice(1).join(' ').replace(/^(?:to|vers|a|à|au)\s+/i, '').trim();
    return centre ? { ok: true, command: { kind: 'transfer', ref, centre } } : { ok: false, error: { code: 'transfer-where' } };
  }
  if (outcome === 'released' || outcome === 'deported') {
    if (tokens.length > 1) return { ok: false, error: { code: 'unknown-word', word: tokens[1]!.slice(0, 32) } };
    return { ok: true, command: { kind: 'close', ref, outcome } };
  }
  return undefined;
}

function close(ref: string, tokens: readonly string[]): CaseCommand {
  const outcome = OUTCOME_WORDS[word(tokens[0] ?? '')];
  const note = tokens.slice(1).join(' ').replace(/^(?:to|vers|a|à)\s+/i, '').trim();
  return { kind: 'close', ref, ...(outcome ? { outcome } : {}), ...(outcome && note ? { note } : {}) };
}

function readEvents(ref: string, tokens: readonly string[], ctx: Ctx): CaseParseResult {
  const events: Partial<Record<CaseEvent, number>> = {};
  let secondMeasure: boolean | undefined;
  let hearing: { at: number; place?: string } | undefined;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    const w = word(token);
    if (SECOND_WORDS.has(w)) {
      secondMeasure = true;
      i += 1;
      continue;
    }
    // "/dossier R-12 28/11 9h30": a date straight after the reference is the placement.
    const event: CaseEvent | undefined = EVENT_WORDS[w] ?? (i === 0 && !HEARING_WORDS.has(w) ? 'placement' : undefined);
    const isHearing = HEARING_WORDS.has(w);
    if (!event && !isHearing) return { ok: false, error: { code: 'unknown-word', word: token.slice(0, 32) } };
    const start = EVENT_WORDS[w] !== undefined || isHearing ? i + 1 : i;
    let end = start;
    while (end < tokens.length && !isKeyword(tokens[end]!)) end += 1;
    const segment = tokens.slice(start, end);
    const option = isHearing ? token : EVENT_WORDS[w] !== undefined ? token : 'placed';
    if (isHearing) {
      const read = readHearing(segment, ctx);
      if (!read) return { ok: false, error: { code: 'when-invalid', option } };
      hearing = read;
    } else {
      const when = parseWhen(segment, { now: ctx.now, zone: ctx.zone, requireTime: true, bareHoursAreDuration: false, prefer: 'past', ...lang(ctx) });
      if (!when.ok) return { ok: false, error: { code: 'when-invalid', option } };
      const stray = segment.findIndex((_, k) => !when.used.has(k));
      if (stray >= 0) return { ok: false, error: { code: 'unknown-word', word: (segment[stray] ?? '').slice(0, 32) } };
      if (when.at > ctx.now + FUTURE_GRACE_MS) return { ok: false, error: { code: 'future', option } };
      if (when.at < ctx.now - OLDEST_MS) return { ok: false, error: { code: 'too-old', option } };
      events[event!] = when.at;
    }
    i = end;
  }
  return { ok: true, command: { kind: 'set', ref, events, ...(secondMeasure ? { secondMeasure } : {}), ...(hearing ? { hearing } : {}) } };
}

/** "2026-12-02 10:00 TJ Meaux": a future date with its time, then the place. */
function readHearing(tokens: readonly string[], ctx: Ctx): { at: number; place?: string } | undefined {
  const when = parseWhen(tokens, { now: ctx.now, zone: ctx.zone, requireTime: true, bareHoursAreDuration: false, ...lang(ctx) });
  if (!when.ok) return undefined;
  const place = tokens.filter((_, k) => !when.used.has(k)).join(' ').trim();
  return { at: when.at, ...(place ? { place } : {}) };
}
