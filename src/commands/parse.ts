// The pure command parser: text in, a typed command or a typed error out. No store, no clock
// of its own; the caller passes the time and the centre's zone.

import type { RequestDraft, RequestKind } from '../core/domain.js';
import { LANGS, type Lang } from '../i18n/lang.js';
import { COMMAND_WORDS, COORD_WORDS, type CommandName, type CoordOp, findWord, normaliseWords } from '../i18n/words.js';
import { type CaseCommand, type CaseParseError, parseCaseCommand } from '../cases/parse.js';
import { type FlightCommand, type FlightParseError, parseFlightCommand } from '../cases/flight-parse.js';
import { nearestCommand } from './near-command.js';
import { type Assumption, parseWhen, tokenize, type WhenError } from './when.js';

/** Longest command text accepted; anything longer is refused before parsing. */
export const MAX_COMMAND_LENGTH = 2000;
const MAX_SEATS = 8;
/** A pseudonymous detainee reference such as R-12 or AB-3041: never a name. */
const DETAINEE_REF = /^[A-Za-z]{1,3}-\d{1,6}$/;
const SEATS_WORDS = new Set(['seats', 'seat', 'places', 'place']);
const PLACE_WORDS = new Set(['from', 'depuis', 'rdv', 'meet', 'meeting', 'depart']);
const REF_WORDS = new Set(['ref', 'ref:', 'reference']);
const NOTE_WORDS = new Set(['note', 'note:', 'remarque']);
const NETWORK_ON = new Set(['on', 'yes', 'oui', 'active', 'activer']);
const NETWORK_OFF = new Set(['off', 'no', 'non', 'desactive', 'desactiver', 'stop']);

export type Command =
  | { readonly name: 'help' | 'list' | 'mine' }
  /** `sources`: "/info sources" asks for the links behind the card's facts. */
  | { readonly name: 'info'; readonly sources: boolean }
  | { readonly name: 'link'; readonly code?: string }
  | { readonly name: 'lang'; readonly value?: Lang }
  | { readonly name: 'claim' | 'join' | 'release' | 'cancel'; readonly number: number }
  /** `handover`: for a package or credit, what was handed over and whether a receipt was given. */
  | { readonly name: 'done'; readonly number: number; readonly handover?: Handover }
  /** `assumption`: how an ambiguous date was read, to be stated in the answer. */
  | { readonly name: 'visit' | 'package' | 'lawyer' | 'credit'; readonly draft: RequestDraft; readonly assumption?: Assumption }
  | { readonly name: 'refused'; readonly number: number; readonly reason?: string }
  /** A new time, a new meeting point, or both (`/decaler 4 samedi 14h rdv gare de Lille`). */
  | { readonly name: 'move'; readonly number: number; readonly dueAt?: number; readonly place?: string; readonly assumption?: Assumption }
  /** `safetyNumber` holds the 60 digits, or is undefined when they could not be read. */
  | { readonly name: 'verify'; readonly safetyNumber?: string }
  /** `at` is 'HH:MM', or undefined for "off"; `valid` false when the time could not be read. */
  | { readonly name: 'digest'; readonly at?: string; readonly valid: boolean }
  /** /case /cases /hearing /details, and /lawyer R-12 without a date (src/cases/). */
  | { readonly name: 'case'; readonly case: CaseCommand }
  /** `op` undefined: the word after /coord was not understood. */
  | { readonly name: 'coord'; readonly op?: CoordOp }
  /** `word`: the confirmation word the bot gave, when repeated. */
  | { readonly name: 'wipe'; readonly word?: string }
  /** `words`: what followed /missing, perhaps naming the centre to start from (never stored). */
  | { readonly name: 'missing'; readonly words: string }
  /** /flight R-12 2026-12-03 07:15 CDG AF1234 (#16). */
  | { readonly name: 'flight'; readonly flight: FlightCommand }
  /** /network on|off; `on` undefined: say which it is. */
  | { readonly name: 'network'; readonly on?: boolean };

/** What a courier handed over (free text, sealed when stored) and whether they got an itemised receipt. */
export interface Handover {
  readonly items?: string;
  readonly receipt?: 'yes' | 'no';
}

export type ParseError =
  | { readonly code: 'not-a-command' }
  /** `suggestion`: a close command word ("/vsite" → "visite"), in `lang`. */
  | { readonly code: 'unknown-command'; readonly word: string; readonly suggestion?: string; readonly name?: CommandName }
  | { readonly code: 'too-long' }
  | { readonly code: 'number-missing'; readonly word: string }
  /** `day`: with time-missing, the day understood (start of day, ms). */
  | { readonly code: WhenError; readonly kind: RequestKind; readonly day?: number }
  | { readonly code: 'seats-invalid' | 'items-missing' }
  | { readonly code: 'case'; readonly error: CaseParseError }
  | { readonly code: 'flight'; readonly error: FlightParseError };

export type ParseResult =
  | { readonly ok: true; readonly command: Command; readonly lang?: Lang }
  | { readonly ok: false; readonly error: ParseError; readonly lang?: Lang };

export interface ParseContext {
  readonly now: number;
  readonly zone: string;
}

/** Splits "/Visite@ParloirBot demain 14h" into the command word and the rest. */
export function splitCommand(text: string): { word: string; rest: string } | undefined {
  const match = /^\s*\/\s?([^\s@/]+)(?:@\S+)?(?:\s+([\s\S]*))?$/.exec(text);
  if (!match) return undefined;
  return { word: match[1] ?? '', rest: (match[2] ?? '').trim() };
}

/** The command a word names and the language of that word (undefined when both languages use it). */
export function lookupCommand(word: string): { name: CommandName; lang?: Lang } | undefined {
  return findWord(COMMAND_WORDS, normaliseWords(word));
}

export function parseCommand(text: string, ctx: ParseContext): ParseResult {
  const split = splitCommand(text);
  if (!split) return { ok: false, error: { code: 'not-a-command' } };
  const found = lookupCommand(split.word);
  if (!found) {
    const near = nearestCommand(normaliseWords(split.word));
    const word = split.word.slice(0, 32);
    if (!near) return { ok: false, error: { code: 'unknown-command', word } };
    const error = { code: 'unknown-command', word, suggestion: near.word, name: near.name } as const;
    return near.lang ? { ok: false, error, lang: near.lang } : { ok: false, error };
  }
  const lang = found.lang;
  const withLang = (result: { ok: true; command: Command } | { ok: false; error: ParseError }): ParseResult =>
    lang ? { ...result, lang } : result;
  if (text.length > MAX_COMMAND_LENGTH) return withLang({ ok: false, error: { code: 'too-long' } });

  const rest = split.rest;
  switch (found.name) {
    case 'help':
    case 'list':
    case 'mine':
      return withLang({ ok: true, command: { name: found.name } });
    case 'info':
      return withLang({ ok: true, command: { name: 'info', sources: /^(sources?|liens?|links?)$/i.test(rest) } });
    case 'link': {
      const code = rest.split(/\s+/).join('');
      return withLang({ ok: true, command: code ? { name: 'link', code } : { name: 'link' } });
    }
    case 'lang': {
      const value = normaliseWords(rest);
      const chosen = LANGS.find((l) => l === value || (value === 'francais' && l === 'fr') || (value === 'english' && l === 'en'));
      return withLang({ ok: true, command: chosen ? { name: 'lang', value: chosen } : { name: 'lang' } });
    }
    case 'done': {
      const match = /^#?(\d{1,6})\b\s*([\s\S]*)$/.exec(rest);
      if (!match) return withLang({ ok: false, error: { code: 'number-missing', word: split.word.toLowerCase() } });
      const handover = parseHandover(match[2] ?? '');
      return withLang({ ok: true, command: { name: 'done', number: Number(match[1]), ...(handover ? { handover } : {}) } });
    }
    case 'claim':
    case 'join':
    case 'release':
    case 'cancel': {
      const number = /^#?(\d{1,6})\b/.exec(rest);
      if (!number) return withLang({ ok: false, error: { code: 'number-missing', word: split.word.toLowerCase() } });
      return withLang({ ok: true, command: { name: found.name, number: Number(number[1]) } });
    }
    case 'visit':
    case 'package':
    case 'credit':
    case 'lawyer':
      return withLang(parseRequest(found.name, rest, ctx, lang));
    case 'refused': {
      const match = /^#?(\d{1,6})\b\s*([\s\S]*)$/.exec(rest);
      if (!match) return withLang({ ok: false, error: { code: 'number-missing', word: split.word.toLowerCase() } });
      const reason = (match[2] ?? '').trim();
      return withLang({ ok: true, command: { name: 'refused', number: Number(match[1]), ...(reason ? { reason } : {}) } });
    }
    case 'move': {
      const match = /^#?(\d{1,6})\b\s*([\s\S]*)$/.exec(rest);
      if (!match) return withLang({ ok: false, error: { code: 'number-missing', word: split.word.toLowerCase() } });
      const tokens = tokenize(match[2] ?? '');
      // Everything after "rdv"/"meet"/"depuis" is the new meeting point (it may carry its own
      // time, "rdv 12h30 gare"); only the words before it are read as the new date.
      const placeAt = tokens.findIndex((t) => PLACE_WORDS.has(normaliseWords(t)));
      const place = placeAt < 0 ? '' : joinWords(tokens.slice(placeAt + 1));
      const dateWords = placeAt < 0 ? tokens : tokens.slice(0, placeAt);
      const number = Number(match[1]);
      if (place !== '' && dateWords.length === 0) return withLang({ ok: true, command: { name: 'move', number, place } });
      const when = parseWhen(dateWords, { now: ctx.now, zone: ctx.zone, requireTime: false, bareHoursAreDuration: false, ...(lang ? { lang } : {}) });
      if (!when.ok) return withLang({ ok: false, error: whenError(when, 'visit') });
      const assumption = when.assumption ? { assumption: when.assumption } : {};
      return withLang({ ok: true, command: { name: 'move', number, dueAt: when.at, ...(place !== '' ? { place } : {}), ...assumption } });
    }
    case 'digest':
      return withLang({ ok: true, command: parseDigest(rest) });
    case 'case':
    case 'cases':
    case 'hearing':
    case 'details': {
      const parsed = parseCaseCommand(found.name, rest, { ...ctx, ...(lang ? { lang } : {}) });
      return withLang(parsed.ok ? { ok: true, command: { name: 'case', case: parsed.command } } : { ok: false, error: { code: 'case', error: parsed.error } });
    }
    case 'coord': {
      const word = normaliseWords(rest.split(/\s+/)[0] ?? '');
      if (word === '') return withLang({ ok: true, command: { name: 'coord', op: 'list' } });
      const op = findWord(COORD_WORDS, word);
      const opLang = lang ?? op?.lang;
      const command: Command = op ? { name: 'coord', op: op.name } : { name: 'coord' };
      return opLang ? { ok: true, command, lang: opLang } : { ok: true, command };
    }
    case 'wipe': {
      const word = rest.replace(/\s+/g, '').toUpperCase().slice(0, 32);
      return withLang({ ok: true, command: word ? { name: 'wipe', word } : { name: 'wipe' } });
    }
    case 'missing':
      return withLang({ ok: true, command: { name: 'missing', words: rest } });
    case 'flight': {
      const parsed = parseFlightCommand(rest, { ...ctx, ...(lang ? { lang } : {}) });
      return withLang(parsed.ok ? { ok: true, command: { name: 'flight', flight: parsed.command } } : { ok: false, error: { code: 'flight', error: parsed.error } });
    }
    case 'network': {
      const value = normaliseWords(rest);
      const on = NETWORK_ON.has(value) ? true : NETWORK_OFF.has(value) ? false : undefined;
      return withLang({ ok: true, command: on === undefined ? { name: 'network' } : { name: 'network', on } });
    }
    case 'verify': {
      const digits = rest.replace(/\s+/g, '');
      return withLang({ ok: true, command: /^\d{60}$/.test(digits) ? { name: 'verify', safetyNumber: digits } : { name: 'verify' } });
    }
  }
}

function whenError(when: { error: WhenError; day?: number }, kind: RequestKind): ParseError {
  return when.day === undefined ? { code: when.error, kind } : { code: when.error, kind, day: when.day };
}

function parseRequest(kind: RequestKind, rest: string, ctx: ParseContext, lang: Lang | undefined): { ok: true; command: Command } | { ok: false; error: ParseError } {
  const tokens = tokenize(rest);
  const when = parseWhen(tokens, {
    now: ctx.now,
    zone: ctx.zone,
    requireTime: kind === 'visit',
    bareHoursAreDuration: kind === 'lawyer',
    ...(lang ? { lang } : {}),
  });
  if (!when.ok) {
    // "/lawyer R-12" with no date: the deadline comes from case R-12.
    const ref = kind === 'lawyer' && when.error === 'when-missing' ? tokens.find((t) => DETAINEE_REF.test(t)) : undefined;
    const note = tokens.filter((t) => t !== ref).join(' ').trim();
    if (ref) return { ok: true, command: { name: 'case', case: { kind: 'lawyer', ref: ref.toUpperCase(), ...(note ? { note } : {}) } } };
    return { ok: false, error: whenError(when, kind) };
  }
  // every word the date used is gone: no "14h" or "soir" left in the note
  const after = tokens.filter((_, i) => !when.used.has(i));

  let seats = 0;
  let place: string[] | undefined;
  let detainee: string | undefined;
  const free: string[] = [];
  for (let i = 0; i < after.length; i += 1) {
    const token = after[i] ?? '';
    const word = normaliseWords(token);
    const next = after[i + 1];
    if (kind === 'visit' && SEATS_WORDS.has(word) && next !== undefined && /^\d+$/.test(next)) {
      seats = Number(next);
      i += 1;
    } else if (kind === 'visit' && /^\d+$/.test(token) && SEATS_WORDS.has(normaliseWords(next ?? ''))) {
      seats = Number(token);
      i += 1;
    } else if (kind === 'visit' && PLACE_WORDS.has(word) && place === undefined && next !== undefined) {
      place = [];
      while (i + 1 < after.length && !isKeyword(after[i + 1] ?? '', after[i + 2])) place.push(after[(i += 1)] ?? '');
    } else if (REF_WORDS.has(word) && next !== undefined && detainee === undefined) {
      detainee = next;
      i += 1;
    } else if (DETAINEE_REF.test(token) && detainee === undefined) {
      detainee = token.toUpperCase();
    } else if (NOTE_WORDS.has(word) && free.length === 0) {
      continue;
    } else {
      free.push(token);
    }
  }
  if (!Number.isInteger(seats) || seats < 0 || seats > MAX_SEATS) return { ok: false, error: { code: 'seats-invalid' } };
  const text = joinWords(free);
  if (kind === 'package' && text === '') return { ok: false, error: { code: 'items-missing' } };

  const draft: RequestDraft = {
    kind,
    dueAt: when.at,
    seats: kind === 'visit' ? seats : 0,
    ...(place && joinWords(place) !== '' ? { place: joinWords(place) } : {}),
    ...(detainee ? { detainee } : {}),
    ...(kind === 'package' || (kind === 'credit' && text) ? { items: text } : text ? { note: text } : {}),
  };
  return { ok: true, command: { name: kind, draft, ...(when.assumption ? { assumption: when.assumption } : {}) } };
}

/** Words back into text: no space before a comma, no punctuation left dangling at either end. */
function joinWords(words: readonly string[]): string {
  return words
    .join(' ')
    .replace(/\s+([,;.!?])/g, '$1')
    .replace(/^[\s,;:!?–-]+|[\s,;:–-]+$/g, '')
    .trim();
}

/** "receipt yes", "reçu : non", "ticket oui" anywhere in the words after /done N. */
const RECEIPT = /(?:^|\s)(?:receipt|re[cç]u|ticket)\s*:?\s*(yes|no|oui|non)(?=$|[\s,.;!])/i;
/** Words that only introduce the list: "handed: …", "remis : …". */
const HANDED_WORDS = /^(?:handed(?:\s+over)?|given|remis|donn[ée]s?)\s*:?\s*/i;

/** "/done 7 jumper, €10 card receipt yes": what was handed over and the receipt; undefined when nothing. */
function parseHandover(text: string): Handover | undefined {
  const receiptMatch = RECEIPT.exec(text);
  const answer = receiptMatch?.[1]?.toLowerCase();
  const receipt = answer === 'yes' || answer === 'oui' ? 'yes' : answer === 'no' || answer === 'non' ? 'no' : undefined;
  const rest = receiptMatch ? text.slice(0, receiptMatch.index) + ' ' + text.slice(receiptMatch.index + receiptMatch[0].length) : text;
  const items = joinWords(rest.trim().replace(HANDED_WORDS, '').split(/\s+/));
  if (!items && !receipt) return undefined;
  return { ...(items ? { items } : {}), ...(receipt ? { receipt } : {}) };
}

function parseDigest(rest: string): Command {
  const text = normaliseWords(rest);
  if (text === 'off' || text === 'non' || text === 'stop') return { name: 'digest', valid: true };
  const match = /^(\d{1,2})(?:[:h](\d{2}))?h?$/.exec(rest.trim().toLowerCase());
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2] ?? 0);
  if (!match || hour > 23 || minute > 59) return { name: 'digest', valid: false };
  return { name: 'digest', at: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`, valid: true };
}

function isKeyword(token: string, next: string | undefined): boolean {
  const word = normaliseWords(token);
  if (SEATS_WORDS.has(word) && next !== undefined && /^\d+$/.test(next)) return true;
  if (/^\d+$/.test(token) && SEATS_WORDS.has(normaliseWords(next ?? ''))) return true;
  return REF_WORDS.has(word) || NOTE_WORDS.has(word) || DETAINEE_REF.test(token);
}
