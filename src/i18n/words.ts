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
  'case',
  'cases',
  'hearing',
  'details',
  'coord',
  'wipe',
  'missing',
  'flight',
  'network',
  'credit',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** The first word of each list is the one shown in menus and help. */
export const COMMAND_WORDS: Record<Lang, Record<CommandName, readonly [string, ...string[]]>> = {
  en: {
    help: ['help', 'start', 'commands'],
    link: ['link'],
    visit: ['visit', 'visits'],
    package: ['package', 'parcel'],
    lawyer: ['lawyer'],
    list: ['list', 'lists'],
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
    case: ['case'],
    cases: ['cases'],
    hearing: ['hearing'],
    details: ['details'],
    coord: ['coord', 'coordinators', 'coordinator'],
    wipe: ['wipe'],
    missing: ['missing'],
    credit: ['credit', 'topup', 'top-up'],
    flight: ['flight'],
    network: ['network'],
  },
  fr: {
    help: ['aide', 'commandes', 'start'], // Telegram's Start button: no language of its own
    link: ['lier'],
    visit: ['visite', 'visites'],
    package: ['colis', 'coli'],
    lawyer: ['avocat', 'avocate', 'avocats'],
    list: ['liste', 'listes'],
    claim: ['prendre', 'prends', 'prend'],
    join: ['rejoindre', 'rejoins', 'rejoint'],
    release: ['lacher', 'lache'],
    done: ['fait', 'faite', 'fini', 'finie'],
    cancel: ['annuler', 'annule'],
    mine: ['mes'],
    info: ['info', 'fiche'],
    lang: ['langue'],
    refused: ['refuse', 'refusee'],
    digest: ['resume'],
    move: ['decaler', 'deplacer', 'decale', 'deplace'],
    verify: ['verifier'],
    case: ['dossier'],
    cases: ['dossiers'],
    hearing: ['audience'],
    details: ['details', 'elements'],
    coord: ['coord', 'referents', 'referent', 'referente', 'referentes'],
    wipe: ['effacer'],
    missing: ['disparu', 'disparue', 'disparition'],
    credit: ['recharge', 'recharges'],
    flight: ['vol'],
    network: ['reseau'],
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

/**
 * What a reply to a bot message about a request can mean (#9). `volunteer` ("moi", "dispo",
 * "count me in") takes the request, or a seat when a visit already has its driver; `take`
 * ("je prends") and `drive` always mean the request itself; `join` a seat; `release` giving
 * back what the replier holds (after a one-word confirmation).
 */
export type ReplyMeaning = 'release' | 'join' | 'drive' | 'take' | 'volunteer';
/** Checked in this order: "je viens plus" is a release before it is a seat. */
export const REPLY_MEANINGS: readonly ReplyMeaning[] = ['release', 'join', 'drive', 'take', 'volunteer'];

/** Phrases found as whole words anywhere in the normalised reply ("=moi": the whole reply). Add words here. */
export const REPLY_PHRASES: Record<Lang, Record<ReplyMeaning, readonly string[]>> = {
  fr: {
    release: [
      'je peux plus', 'je ne peux plus', 'je peux pas', 'je ne peux pas', 'je pourrai pas', 'je ne pourrai pas', 'je pourrais pas',
      'je lache', '=lacher', '=lache', 'empechement', 'imprevu', 'je me desiste', 'desiste', 'plus dispo', 'pas dispo', 'je dois annuler',
      'je laisse ma place', 'je ne viens plus', 'je viens plus', 'je viens pas', 'je ne viens pas', 'je rends',
    ],
    join: [
      'je viens', "j'viens", 'jviens', 'moi aussi', 'une place', 'place pour moi', 'je monte', 'partant', 'partante',
      'je peux venir', 'veux bien venir', 'je suis partant', 'je suis partante', '=rejoindre', 'je rejoins',
    ],
    drive: ['je conduis', 'je peux conduire', "j'ai une voiture", 'jai une voiture', 'je prends ma voiture', 'je prends la voiture'],
    take: ['je prends', 'je prend', 'jprends', "j'prends", 'je la prends', 'je le prends', '=prendre', 'je le fais', 'je la fais'],
    volunteer: [
      '=moi', '=moi moi', 'dispo', 'je suis dispo', 'je peux', 'ok pour moi', 'pour moi', "je m'en occupe", "jm'en occupe", "je m'en charge",
      'je gere', "j'y vais", 'jy vais', "je l'apporte", "je l'amene", 'je peux passer', 'je peux apporter', 'je peux le deposer',
      "j'appelle", 'je peux appeler', "je m'occupe", 'je contacte', 'volontaire', '=ok',
    ],
  },
  en: {
    release: [
      "can't make it", 'cant make it', 'cannot make it', 'drop out', "i'm out", 'im out', "can't anymore", 'cant anymore',
      "can't go", 'cant go', 'something came up', 'need to cancel', 'have to cancel', 'not available', 'no longer', "i can't", 'i cant',
      '=release', '=drop', 'give it back',
    ],
    join: [
      'as passenger', 'as a passenger', "i'll come", 'ill come', 'i come', "i'm coming", 'im coming', 'me too', "i'll join", 'ill join',
      'i join', '=join', 'can i come', 'a seat', "i'm in", 'im in', 'seat for me',
    ],
    drive: ['i can drive', "i'll drive", 'ill drive', 'i drive', 'i have a car', "i've got a car", 'i got a car'],
    take: ["i'll take it", 'ill take it', 'i take it', 'i can take it', '=take it', '=take', '=claim', '=mine'],
    volunteer: [
      '=me', 'on it', 'i got it', "i've got it", 'ive got it', 'count me in', "i'll do it", 'ill do it', 'i can do it', 'i can go',
      'i can', 'available', "i'm free", "i'll bring", 'i can bring', 'i can drop', 'i can call', "i'll call", 'ill call', '=sure', '=ok',
    ],
  },
};

/** Words that turn a volunteer into a "no" or a "maybe": such a reply only gets a hint. */
export const DOUBT_WORDS: Record<Lang, readonly string[]> = {
  fr: ['pas', 'plus', 'ne', "n'", 'non', 'peut etre', 'peut-etre', 'sais pas', 'jsp', 'verrai', 'si je', 'qui', 'quoi', 'quand', 'ou'],
  en: ['not', "don't", 'dont', "can't", 'cant', 'cannot', "won't", 'no', 'maybe', 'perhaps', 'who', 'what', 'when', 'where', "i'll see"],
};

/** "oui" to "do you give #3 back?" */
export const YES_WORDS: readonly string[] = ['oui', 'ouais', 'yes', 'yep', 'ok', 'okay', 'confirme', 'je confirme', 'confirm', 'sure', 'oui je lache', 'yes release'];

/** Short words that tell the language of a reply that matched no phrase (for the hint). */
export const LANG_HINT_WORDS: Record<Lang, readonly string[]> = {
  fr: ['je', 'tu', 'on', 'il', 'elle', "c'est", 'quelle', 'quel', 'qui', 'quoi', 'ou', 'est', 'le', 'la', 'les', 'de', 'du', 'pas', 'pour', 'avec', 'merci', 'peut', 'sais', 'encore', 'heure', 'adresse', 'numero', 'se', 'faut', 'apporter', 'conduit', 'taille', 'verrai', 'demain'],
  en: ['i', 'you', 'what', 'who', 'is', 'the', 'where', 'do', 'we', 'maybe', "can't", 'think', 'time', 'this', 'meet', 'driving', 'it', 'not', 'me', 'thanks', 'how', "don't"],
};

/** The words each intent is known by, for texts that must not read as one (a reminder). */
export const REPLY_WORDS: Record<Lang, Record<ReplyIntent, readonly string[]>> = {
  fr: {
    claim: [...REPLY_PHRASES.fr.take, ...REPLY_PHRASES.fr.drive, ...REPLY_PHRASES.fr.volunteer],
    join: REPLY_PHRASES.fr.join,
    release: REPLY_PHRASES.fr.release,
  },
  en: {
    claim: [...REPLY_PHRASES.en.take, ...REPLY_PHRASES.en.drive, ...REPLY_PHRASES.en.volunteer],
    join: REPLY_PHRASES.en.join,
    release: REPLY_PHRASES.en.release,
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
