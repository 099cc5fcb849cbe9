// What a reply to a bot message about a request means, given the request and the replier's
// place in it, and which language to answer in. Pure: the words come from i18n/words.ts, the
// situation from the store.

import type { RequestKind } from '../core/domain.js';
import { LANGS, type Lang } from '../i18n/lang.js';
import { DOUBT_WORDS, LANG_HINT_WORDS, normaliseWords, REPLY_MEANINGS, REPLY_PHRASES, type ReplyIntent, type ReplyMeaning, YES_WORDS } from '../i18n/words.js';

/** The request a reply is about, and where the replier stands in it. */
export interface ReplySituation {
  readonly kind: RequestKind;
  readonly holder: 'none' | 'other' | 'me';
  /** Free passenger seats (visits). */
  readonly free: number;
  readonly passenger: boolean;
}

export type ReplyOutcome = ReplyIntent | 'hint';

/** Longer replies are conversation, not an answer to the post. */
const MAX_REPLY_CHARS = 80;
const VOLUNTEER_EMOJI = /^(?:\s|👍|✋|🙋|🙌|💪|[\u{1F3FB}-\u{1F3FF}]|\u200D|♀|♂|\uFE0F)+$/u;
const DRIVE_EMOJI = /^(?:\s|🚗|🚙|🚘|\uFE0F)+$/u;

/** What the words of a reply mean, without the situation; `lang` when the words tell it. */
export function readReply(text: string): { meaning?: ReplyMeaning; lang?: Lang } {
  const raw = text.trim();
  if (raw.length === 0 || raw.length > MAX_REPLY_CHARS) return {};
  if (/^\+\s?1\b/.test(raw)) return { meaning: 'join', ...langOfWords(normaliseWords(raw.slice(2))) };
  if (VOLUNTEER_EMOJI.test(raw)) return { meaning: 'volunteer' };
  if (DRIVE_EMOJI.test(raw)) return { meaning: 'drive' };
  const words = normaliseWords(raw.replace(/\bj'?(?=prends|viens)/giu, 'je '));
  const release = found(words, 'release');
  if (release) return { meaning: 'release', ...release };
  const doubt = LANGS.some((lang) => DOUBT_WORDS[lang].some((w) => contains(words, w)));
  if (doubt || raw.includes('?')) return langOfWords(words);
  for (const meaning of REPLY_MEANINGS) {
    const hit = found(words, meaning);
    if (hit) return { meaning, ...hit };
  }
  return langOfWords(words);
}

/** The action a reply asks for in its situation, and the language to answer in. */
export function understandReply(
  text: string,
  situation: ReplySituation,
  groupLang: Lang,
): { outcome: ReplyOutcome; lang: Lang; meaning?: ReplyMeaning } {
  const read = readReply(text);
  return { outcome: decide(read.meaning, situation), lang: read.lang ?? groupLang, ...(read.meaning ? { meaning: read.meaning } : {}) };
}

/** "oui" to "do you give #N back?" */
export function isYes(text: string): boolean {
  return YES_WORDS.includes(normaliseWords(text)) || VOLUNTEER_EMOJI.test(text.trim());
}

function decide(meaning: ReplyMeaning | undefined, s: ReplySituation): ReplyOutcome {
  switch (meaning) {
    case undefined:
      return 'hint';
    case 'release':
      return s.holder === 'me' || s.passenger ? 'release' : 'hint';
    case 'join':
      return s.kind === 'visit' ? 'join' : 'hint';
    case 'drive':
    case 'take':
      return 'claim';
    case 'volunteer':
      // "moi" on a visit that already has its driver asks for a seat, not a "too late"
      return s.kind === 'visit' && s.holder === 'other' && !s.passenger ? 'join' : 'claim';
  }
}

function found(words: string, meaning: ReplyMeaning): { lang?: Lang } | undefined {
  const langs = LANGS.filter((lang) => REPLY_PHRASES[lang][meaning].some((phrase) => matches(words, phrase)));
  if (langs.length === 0) return undefined;
  return langs.length === 1 ? { lang: langs[0]! } : {};
}

function matches(words: string, phrase: string): boolean {
  return phrase.startsWith('=') ? words === phrase.slice(1) : contains(words, phrase);
}

const contains = (words: string, phrase: string) => ` ${words} `.includes(` ${phrase} `);

/** The language most of the reply's short words belong to, if one clearly does. */
function langOfWords(words: string): { lang?: Lang } {
  const tokens = words.split(' ');
  const score = (lang: Lang) => tokens.filter((t) => LANG_HINT_WORDS[lang].includes(t)).length;
  const [fr, en] = [score('fr'), score('en')];
  return fr > en ? { lang: 'fr' } : en > fr ? { lang: 'en' } : {};
}

/** For direct chats: the intent of a reply whatever the situation ("je lâche" to a reminder). */
export function replyIntent(text: string): { intent: ReplyIntent; lang?: Lang } | undefined {
  const read = readReply(text);
  if (!read.meaning) return undefined;
  const intent: ReplyIntent = read.meaning === 'release' ? 'release' : read.meaning === 'join' ? 'join' : 'claim';
  return read.lang ? { intent, lang: read.lang } : { intent };
}
