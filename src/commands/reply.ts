// What executors return: data describing messages, never sends. The engine renders them in a
// language and puts them in the outbox inside the event's transaction.

import type { GroupId, MemberAddress } from '../core/ids.js';
import type { Msg } from '../i18n/index.js';
import type { Lang } from '../i18n/lang.js';

export type Reply =
  /** To the chat the event came from, quoting the member's message. */
  /** `centre`: said in a direct chat about one group, so the answer names that group's centre. */
  | { readonly kind: 'answer'; readonly msg: Msg; readonly lang?: Lang; readonly centre?: string }
  /** To the group (in the topic of request `number`, if given), not quoting anything. */
  | { readonly kind: 'announce'; readonly msg: Msg; readonly number?: number }
  /** The request's post (with its buttons); replies and reactions to it act on the request. */
  | { readonly kind: 'post'; readonly number: number; readonly urgent?: boolean }
  /**
   * Show the request's current state: its latest post edited in place where the platform edits
   * posts; elsewhere, with `repost`, the updated card posted again, quoting the previous one.
   */
  | { readonly kind: 'refresh'; readonly number: number; readonly repost?: boolean }
  /**
   * A direct message to one member, about request `about` if given; with `asks`, it asks them
   * something about that request (OK / RELEASE answer it, like a reminder).
   */
  | { readonly kind: 'direct'; readonly member: MemberAddress; readonly msg: Msg; readonly about?: number; readonly asks?: boolean }
  /** A short, transient answer (Telegram answers a button press with it). */
  | { readonly kind: 'notice'; readonly msg: Msg }
  /** The request changed: plan its reminders and alerts again. */
  | { readonly kind: 'replan'; readonly group: GroupId; readonly number: number }
  /** The group's digest time changed (or the group was just linked). */
  | { readonly kind: 'replan-digest'; readonly group: GroupId }
  /** A case's events or state changed: plan its deadline reminders again. */
  | { readonly kind: 'replan-case'; readonly group: GroupId; readonly caseId: number }
  /** Replies for another group of this instance (a transferred case), in that group's language. */
  | { readonly kind: 'in-group'; readonly group: GroupId; readonly replies: readonly Reply[] };

export const answer = (msg: Msg, lang?: Lang): Reply => (lang ? { kind: 'answer', msg, lang } : { kind: 'answer', msg });
export const announce = (msg: Msg, number?: number): Reply => (number === undefined ? { kind: 'announce', msg } : { kind: 'announce', msg, number });
export const notice = (msg: Msg): Reply => ({ kind: 'notice', msg });
export const post = (number: number, urgent = false): Reply => ({ kind: 'post', number, urgent });
export const refresh = (number: number, repost = false): Reply => (repost ? { kind: 'refresh', number, repost } : { kind: 'refresh', number });
/**
 * What every change of a request needs: its post shown afresh and its jobs planned again. With
 * `repost` (people joined, the time moved), platforms that cannot edit get the updated card.
 */
export const changed = (group: GroupId, number: number, options: { repost?: boolean } = {}): Reply[] => [
  refresh(number, options.repost ?? false),
  { kind: 'replan', group, number },
];
