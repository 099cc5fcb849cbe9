// Need-to-know details, only ever in a direct chat: `/details R-12` starts a short guided
// dialogue whose answers are sealed under the case's own key; `/details R-12 show` reveals them
// to the member who claimed the case's lawyer request (while it is open, once per request) or
// to a coordinator. Every reveal is recorded (who, when), never its content.

import type { Group } from '../core/domain.js';
import type { MemberAddress } from '../core/ids.js';
import { msg } from '../i18n/index.js';
import type { Lang } from '../i18n/lang.js';
import { normaliseWords } from '../i18n/words.js';
import { answer, type Reply } from '../commands/reply.js';
import type { Store } from '../store/store.js';
import { DETAIL_FIELDS, type CaseDetails, type CaseRecord } from './case.js';

/** A dialogue left unanswered this long is forgotten (its partial answers with it). */
const DIALOGUE_MS = 30 * 60_000;
const MAX_ANSWER = 300;
const STOP_WORDS = new Set(['stop', 'annuler', 'cancel', 'arreter', 'arret']);
const SKIP = new Set(['-', '—', 'skip', 'passer', 'passe']);

export interface DirectCaseContext {
  readonly store: Store;
  readonly now: number;
  readonly lang: Lang;
  readonly sender: MemberAddress;
}

/** `/details R-12 [show]` in a direct chat: find the member's one group with that open case. */
export function detailsCommand(ctx: DirectCaseContext, ref: string, show: boolean): { replies: Reply[]; group?: Group } {
  const { store } = ctx;
  const found = store.members
    .groupsOfMember(ctx.sender)
    .map((id) => store.groups.get(id))
    .filter((g): g is Group => g !== undefined)
    .flatMap((group) => {
      const record = store.cases.findOpen(group.id, ref);
      return record ? [{ group, record }] : [];
    });
  if (found.length === 0) return { replies: [answer(msg('detailsNoCase', { ref }))] };
  if (found.length > 1) return { replies: [answer(msg('detailsAmbiguous', { ref }))] };
  const { group, record } = found[0]!;
  return { replies: show ? reveal(ctx, group, record) : start(ctx, group, record), group };
}

function start(ctx: DirectCaseContext, group: Group, record: CaseRecord): Reply[] {
  // One dialogue at a time per person: one left open in another group (another key) ends.
  for (const { key } of ctx.store.members.memberships(ctx.sender)) ctx.store.cases.endDialogue(key);
  const me = ctx.store.members.keyOf(group.id, ctx.sender);
  ctx.store.cases.startDialogue(me, group.id, record.id, ctx.lang, ctx.now + DIALOGUE_MS);
  return [answer(msg('detailsAsk', { ref: record.ref, field: DETAIL_FIELDS[0], step: 1, total: DETAIL_FIELDS.length, first: true }))];
}

/** A plain direct message while a dialogue is open: the answer to its current question. */
export function continueDetails(ctx: DirectCaseContext, text: string): { replies: Reply[]; lang: Lang } | undefined {
  const { store } = ctx;
  // The sender's key differs per group: look for their dialogue under each.
  const open = store.members
    .memberships(ctx.sender)
    .map(({ key }) => ({ me: key, dialogue: store.cases.dialogue(key, ctx.now) }))
    .find((d) => d.dialogue !== undefined);
  if (!open?.dialogue) return undefined;
  const { me, dialogue } = open;
  const record = store.cases.get(dialogue.group, dialogue.caseId);
  const lang = dialogue.lang;
  if (!record || record.state !== 'open' || STOP_WORDS.has(normaliseWords(text))) {
    store.cases.endDialogue(me);
    return { replies: [answer(msg('detailsCancelled'))], lang };
  }
  const field = DETAIL_FIELDS[dialogue.step];
  const value = text.trim().slice(0, MAX_ANSWER);
  const answers: CaseDetails = field && !SKIP.has(value) && value !== '' ? { ...dialogue.answers, [field]: value } : dialogue.answers;
  const step = dialogue.step + 1;
  const next = DETAIL_FIELDS[step];
  if (next) {
    store.cases.saveDialogue(me, { ...dialogue, step, answers }, ctx.now + DIALOGUE_MS);
    return { replies: [answer(msg('detailsAsk', { ref: record.ref, field: next, step: step + 1, total: DETAIL_FIELDS.length, first: false }))], lang };
  }
  // Answers given replace earlier ones; skipped questions keep what was known.
  const merged: CaseDetails = { ...(store.cases.details(record.groupId, record.id) ?? {}), ...answers };
  store.cases.setDetails(record.groupId, record.id, merged, ctx.now);
  store.cases.endDialogue(me);
  return { replies: [answer(msg('detailsSaved', { ref: record.ref, count: Object.keys(answers).length }))], lang };
}

function reveal(ctx: DirectCaseContext, group: Group, record: CaseRecord): Reply[] {
  const { store } = ctx;
  const me = store.members.keyOf(group.id, ctx.sender);
  const member = store.members.get(group.id, me);
  // A member whose safety number changed gets nothing sensitive until a coordinator verifies it.
  if (!member || store.members.isHeld(group.id, me)) return [answer(msg('heldRefused'))];
  const coordinator = member.role === 'coordinator';
  const claimed = store.cases
    .requestsOf(group.id, record.id, 'lawyer')
    .find((n) => {
      const request = store.requests.get(group.id, n);
      return request?.state === 'claimed' && request.claimer === me;
    });
  if (!coordinator && claimed === undefined) return [answer(msg('detailsNotAllowed', { ref: record.ref }))];
  const details = store.cases.details(group.id, record.id);
  if (!details || Object.keys(details).length === 0) return [answer(msg('detailsNone', { ref: record.ref }))];
  // The claimer's right is once per request; a coordinator's explicit "show" is always recorded.
  const forRequest = coordinator ? undefined : claimed;
  if (!store.cases.recordReveal(group.id, record.id, me, forRequest, ctx.now)) {
    return [answer(msg('detailsAlreadyRevealed', { ref: record.ref, n: claimed ?? 0 }))];
  }
  const fields = DETAIL_FIELDS.flatMap((field) => (details[field] ? [{ field, value: details[field] }] : []));
  return [answer(msg('detailsReveal', { ref: record.ref, fields }))];
}
