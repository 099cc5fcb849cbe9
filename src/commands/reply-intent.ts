// What a reply to a bot message about a request means, given the request and the replier's
// place in it. Pure: the words come from i18n/words.ts, the situation from the store.

import type { RequestKind } from '../core/domain.js';
import type { Lang } from '../i18n/lang.js';
import { findWord, normaliseWords, REPLY_WORDS, type ReplyIntent } from '../i18n/words.js';

/** The request a reply is about, and where the replier stands in it. */
export interface ReplySituation {
  readonly kind: RequestKind;
  readonly holder: 'none' | 'other' | 'me';
  /** Free passenger seats (visits). */
  readonly free: number;
  readonly passenger: boolean;
}

export type ReplyOutcome = 'claim' | 'join' | 'release' | 'hint';

/** "je prends" → claim in French; "ok" is in both languages, so its language stays open. */
export function replyIntent(text: string): { intent: ReplyIntent; lang?: Lang } | undefined {
  const words = normaliseWords(text);
  if (words.length > 60) return undefined;
  const found = findWord(REPLY_WORDS, words);
  return found && (found.lang ? { intent: found.name, lang: found.lang } : { intent: found.name });
}

/** The action a reply asks for in its situation, and the language to answer in. */
export function understandReply(text: string, _situation: ReplySituation, groupLang: Lang): { outcome: ReplyOutcome; lang: Lang } {
  const intent = replyIntent(text);
  return { outcome: intent?.intent ?? 'hint', lang: intent?.lang ?? groupLang };
}
