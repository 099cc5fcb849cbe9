// Command words and reply words, per language, as data. The language of the word a member
// used is the language of the answer. Words are matched lowercased, without accents.

import { type Lang, LANGS } from './lang.js';

export const COMMAND_NAMES = [
  'help',
  'link',
  'visit',
  'package',
  'lawyer',
  'list',
  'claim',
  'join',
  'release',
  'done',
  'cancel',
  'mine',
  'info',
  'lang',
  'refused',
  'digest',
  'move',
  'verify',
  'coord',
  'wipe',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** The first word of each list is the one shown in menus and help. */
export const COMMAND_WORDS: Record<Lang, Record<CommandName, readonly [string, ...string[]]>> = {
  en: {
    help: ['help', 'start', 'commands'],
    link: ['link'],
    visit: ['visit'],
    package: ['package', 'parcel'],
    lawyer: ['lawyer'],
    list: ['list'],
    claim: ['claim', 'take'],
    join: ['join'],
    release: ['release', 'drop'],
    done: ['done'],
    cancel: ['cancel'],
    mine: ['mine', 'my'],
    info: ['info', 'centre', 'center'],
    lang: ['lang', 'language'],
    refused: ['refused'],
    digest: ['digest', 'summary'],
    move: ['move', 'reschedule'],
    verify: ['verify'],
    coord: ['coord', 'coordinators', 'coordinator'],
    wipe: ['wipe'],
  },
  fr: {
    help: ['aide', 'commandes', 'start'], // Telegram's Start button: no language of its own
    link: ['lier'],
    visit: ['visite'],
    package: ['colis'],
    lawyer: ['avocat', 'avocate'],
    list: ['liste'],
    claim: ['prendre', 'prends'],
    join: ['rejoindre'],
    release: ['lacher', 'lache'],
    done: ['fait', 'faite'],
    cancel: ['annuler'],
    mine: ['mes'],
    info: ['info', 'fiche'],
    lang: ['langue'],
    refused: ['refuse', 'refusee'],
    digest: ['resume'],
    move: ['decaler', 'deplacer'],
    verify: ['verifier'],
    coord: ['coord', 'referents', 'referent', 'referente', 'referentes'],
    wipe: ['effacer'],
  },
};

export type CoordOp = 'list' | 'add' | 'remove';

/** The word after /coord: what to do with coordinators. */
export const COORD_WORDS: Record<Lang, Record<CoordOp, readonly string[]>> = {
  en: { list: ['list'], add: ['add'], remove: ['remove', 'drop'] },
  fr: { list: ['liste'], add: ['ajouter', 'ajoute'], remove: ['retirer', 'retire', 'enlever'] },
};

export type ReplyIntent = 'claim' | 'join' | 'release';

/** Answers to a reminder in a direct chat. */
export const CONFIRM_WORDS: readonly string[] = ['ok', 'okay', 'yes', 'oui', 'still on', 'toujours bon', 'confirme', 'confirmed', 'd accord', "d'accord", '👍'];

/** Whole replies to a bot post that act on its request ("moi", "I'll take it"). */
export const REPLY_WORDS: Record<Lang, Record<ReplyIntent, readonly string[]>> = {
  en: {
    claim: ['claim', 'take', 'take it', "i'll take it", 'ill take it', 'i take it', "i'll do it", 'me', 'ok', 'mine', "i'll drive"],
    join: ['join', "i'm in", "i'll come", 'i come', 'seat'],
    release: ['release', "i can't", 'i cant'],
  },
  fr: {
    claim: ['je prends', 'prendre', 'moi', 'ok', 'je le fais', 'je conduis', "je m'en charge", 'pour moi'],
    join: ['je viens', 'rejoindre', 'je monte', 'partant', 'partante'],
    release: ['je lache', 'lacher', 'je peux plus', 'je ne peux plus'],
  },
};

/** Lowercase, no accents, plain apostrophes, no trailing punctuation or emoji, single spaces. */
export function normaliseWords(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’`´]/g, "'")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Which entry of a per-language word table `normal` (already normalised) names, and in which
 * language: the language stays undefined when both languages use the word ("info", "ok").
 */
export function findWord<K extends string>(table: Record<Lang, Record<K, readonly string[]>>, normal: string): { name: K; lang?: Lang } | undefined {
  const found = LANGS.flatMap((lang) =>
    (Object.entries(table[lang]) as [K, readonly string[]][]).filter(([, words]) => words.includes(normal)).map(([name]) => ({ name, lang })),
  );
  const first = found[0];
  if (!first) return undefined;
  return found.every((f) => f.lang === first.lang) ? first : { name: first.name };
}
