// The shapes of the language corpus: each case is a message as a volunteer would type it on a
// phone, the context it was sent in, and what Parloir must make of it. Data only, no logic.

import type { CommandName } from '../../src/i18n/words.js';

/** Local wall-clock times in the centre's zone: 'YYYY-MM-DD HH:mm'. */
export type LocalTime = string;

export type DateExpect =
  /** The request (or /move) is read at this local time. `assumes`: the answer must state an assumption. */
  | { readonly at: LocalTime; readonly assumes?: boolean; readonly note?: string; readonly items?: string }
  /** A period without a time ("demain matin"): the bot asks for the time, naming this day. */
  | { readonly asksTimeFor: string }
  /** Refused with this parse error code. */
  | { readonly error: string };

export interface DateBlock {
  readonly category: 'dates-fr' | 'dates-en' | 'lawyer-fr' | 'lawyer-en';
  /** When the messages were sent (local, centre's zone) — the weekday is in the comment. */
  readonly now: LocalTime;
  readonly zone?: string;
  /** [message, expected local time | outcome] */
  readonly cases: readonly (readonly [string, LocalTime | DateExpect])[];
}

/** The post a reply answers and the replier's place in it. */
export interface Situation {
  readonly kind: 'visit' | 'package' | 'lawyer';
  /** Who holds the request: nobody, someone else, or the replier. */
  readonly holder: 'none' | 'other' | 'me';
  /** Passenger seats offered and still free (visits). */
  readonly seats: number;
  readonly free: number;
  /** The replier already has a seat. */
  readonly passenger?: boolean;
}

export type ReplyOutcome = 'claim' | 'join' | 'release' | 'hint';

export interface ReplyBlock {
  readonly category: 'claim-fr' | 'claim-en' | 'join-fr' | 'join-en' | 'release-fr' | 'release-en' | 'hint-fr' | 'hint-en';
  /** The group's language (used when the reply's own language is not clear). */
  readonly groupLang: 'fr' | 'en';
  readonly situation: Situation;
  /** [reply text, expected outcome, language of the answer when it must be that one] */
  readonly cases: readonly (readonly [string, ReplyOutcome, ('fr' | 'en')?])[];
}

export type CommandExpect =
  /** The command works as this one. */
  | { readonly command: CommandName }
  /** Not run; the answer suggests this command. */
  | { readonly suggest: CommandName };

export interface CommandBlock {
  readonly category: 'commands';
  readonly cases: readonly (readonly [string, CommandExpect])[];
}
