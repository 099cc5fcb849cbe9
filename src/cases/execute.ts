// The case executors: /case (open, update, show, close), /cases, /hearing, /lawyer R-12. They
// return replies and what to plan again; the engine renders and sends them.

import type { RequestDraft } from '../core/domain.js';
import { type Msg, msg, t } from '../i18n/index.js';
import { actingMember, type GroupContext } from '../commands/context.js';
import { answer, changed, type Reply } from '../commands/reply.js';
import { createRequest } from '../commands/requests.js';
import type { CaseRecord } from './case.js';
import { closeCase } from './lifecycle.js';
import type { CaseCommand, CaseParseError } from './parse.js';
import type { RuleBook } from './rules.js';
import { transferCase } from './transfer.js';
import { caseLine, caseView, deadlineView, timelineOf } from './view.js';

export interface CaseContext extends GroupContext {
  readonly rules?: RuleBook;
}

/** Seats offered on a hearing's attendance task: anyone may come. */
const HEARING_SEATS = 8;

export function executeCase(ctx: CaseContext, command: CaseCommand): Reply[] {
  switch (command.kind) {
    case 'usage':
      return [answer(msg('caseUsage'))];
    case 'list':
      return list(ctx);
    case 'show': {
      const record = ctx.store.cases.find(ctx.group.id, command.ref);
      if (!record) return [answer(msg('caseNotFound', { ref: command.ref }))];
      return [answer(msg('caseTimeline', { case: caseView(ctx, record, ctx.now), change: 'shown' }))];
    }
    case 'set':
      return set(ctx, command);
    case 'close':
      return close(ctx, command);
    case 'hearing': {
      const record = ctx.store.cases.findOpen(ctx.group.id, command.ref);
      if (!record) return [answer(msg('caseNotFound', { ref: command.ref }))];
      return recordHearing(ctx, record, command.at, command.place);
    }
    case 'details':
      // Details never pass through the group. The member is now known in this group, so the
      // direct chat can find the case.
      actingMember(ctx);
      return [answer(msg('detailsInGroup', { ref: command.ref }))];
    case 'lawyer':
      return lawyerFromCase(ctx, command.ref, command.note);
    case 'transfer':
      return transferCase(ctx, command.ref, command.centre);
  }
}

function list(ctx: CaseContext): Reply[] {
  const open = ctx.store.cases.openCases(ctx.group.id);
  if (open.length === 0) return [answer(msg('caseListEmpty'))];
  const lines = open
    .map((record) => caseLine(ctx.rules, ctx.centres.get(record.centreId) ?? ctx.centre, record, ctx.now))
    .sort((a, b) => (a.next?.at.at ?? Infinity) - (b.next?.at.at ?? Infinity));
  return [answer(msg('caseList', { cases: lines }))];
}

function set(ctx: CaseContext, command: Extract<CaseCommand, { kind: 'set' }>): Reply[] {
  const { store, group } = ctx;
  const me = actingMember(ctx);
  const existing = store.cases.findOpen(group.id, command.ref);
  let record: CaseRecord;
  let change: 'opened' | 'updated';
  if (!existing) {
    const placement = command.events.placement;
    if (placement === undefined) return [answer(msg('caseNotFound', { ref: command.ref }))];
    record = store.cases.open(
      group.id,
      { ref: command.ref, centreId: group.centreId, events: { ...command.events, placement }, secondMeasure: command.secondMeasure === true, opener: me.key },
      ctx.now,
    );
    change = 'opened';
  } else {
    const nothing = Object.keys(command.events).length === 0 && command.secondMeasure === undefined && !command.hearing;
    if (nothing) return [answer(msg('caseNeedsEvent', { ref: command.ref }))];
    store.cases.update(group.id, existing.id, { events: command.events, ...(command.secondMeasure ? { secondMeasure: true } : {}) }, ctx.now);
    record = store.cases.get(group.id, existing.id)!;
    change = 'updated';
  }
  const hearing = command.hearing ? recordHearing(ctx, record, command.hearing.at, command.hearing.place) : [];
  return [
    answer(msg('caseTimeline', { case: caseView(ctx, record, ctx.now), change })),
    { kind: 'replan-case', group: group.id, caseId: record.id },
    ...hearing,
  ];
}

function close(ctx: CaseContext, command: Extract<CaseCommand, { kind: 'close' }>): Reply[] {
  const { store, group } = ctx;
  const record = store.cases.findOpen(group.id, command.ref);
  if (!record) {
    const closed = store.cases.find(group.id, command.ref);
    return [answer(msg(closed ? 'caseAlreadyClosed' : 'caseNotFound', { ref: command.ref }))];
  }
  const me = actingMember(ctx);
  if (record.opener !== me.key && me.role !== 'coordinator') return [answer(msg('caseCloseNotAllowed', { ref: command.ref }))];
  if (!command.outcome) return [answer(msg('caseOutcomeMissing', { ref: command.ref }))];
  closeCase(store, group.id, record.id, command.outcome, command.note, ctx.now, ctx.centres.get(record.centreId) ?? ctx.centre);
  return [
    answer(msg('caseClosed', { ref: record.ref, outcome: command.outcome, ...(command.note ? { note: command.note } : {}) })),
    { kind: 'replan-case', group: group.id, caseId: record.id },
    ...closeTasks(ctx, record),
    ...(command.outcome === 'released' ? pickUp(ctx, record) : []),
  ];
}

/** The case's lawyer, hearing and airport tasks still to do have no object any more: cancelled. */
function closeTasks(ctx: CaseContext, record: CaseRecord): Reply[] {
  const { store, group } = ctx;
  return (['lawyer', 'hearing', 'airport'] as const).flatMap((role) =>
    store.cases.requestsOf(group.id, record.id, role).flatMap((n) => {
      const state = store.requests.get(group.id, n)?.state;
      if (state !== 'open' && state !== 'claimed') return [];
      store.requests.close(group.id, n, 'cancelled', ctx.now);
      return changed(group.id, n);
    }),
  );
}

/**
 * Released people often come out late, far from town, with nothing (CGLPL; facts file A1.4):
 * a pick-up task at the centre's exit, from now, that anyone can take.
 */
function pickUp(ctx: CaseContext, record: CaseRecord): Reply[] {
  const centre = ctx.centres.get(record.centreId) ?? ctx.centre;
  const draft: RequestDraft = {
    kind: 'visit',
    dueAt: ctx.now,
    seats: 0,
    detainee: record.ref,
    note: t(ctx.lang, 'pickUpNote', { centre: centre.name }),
  };
  // attached so that the counts tell a pick-up from a visit (stats/tally.ts)
  return createAttached(ctx, record, draft, 'pickup').replies;
}

/** A hearing of the case, and a task anyone can join to attend it (hearings are public). */
function recordHearing(ctx: CaseContext, record: CaseRecord, at: number, place: string | undefined): Reply[] {
  const draft: RequestDraft = {
    kind: 'visit',
    dueAt: at,
    seats: HEARING_SEATS,
    detainee: record.ref,
    note: t(ctx.lang, 'hearingNote'),
    ...(place ? { place } : {}),
  };
  const { number, replies } = createAttached(ctx, record, draft, 'hearing');
  ctx.store.cases.addHearing(ctx.group.id, record.id, at, place, number, ctx.now);
  return [
    ...replies,
    answer(msg('hearingRecorded', { ref: record.ref, time: { at, zone: ctx.centre.timezone }, n: number, ...(place ? { place } : {}) })),
  ];
}

/** /lawyer R-12 without a date: the request's deadline is the case's next one a lawyer acts on. */
function lawyerFromCase(ctx: CaseContext, ref: string, note: string | undefined): Reply[] {
  const record = ctx.store.cases.findOpen(ctx.group.id, ref);
  if (!record) return [answer(msg('caseNotFound', { ref }))];
  const centre = ctx.centres.get(record.centreId) ?? ctx.centre;
  const upcoming = timelineOf(ctx.rules, centre, record, ctx.now).deadlines.filter((d) => d.at > ctx.now && d.rule.who.includes('lawyer'));
  const deadline = upcoming.find((d) => d.rule.kind === 'deadline') ?? upcoming[0];
  if (!deadline) return [answer(msg('lawyerCaseNoDeadline', { ref }))];
  // The taker is told where the details are; the note is sealed like any other.
  const howTo = t(ctx.lang, 'lawyerCaseNote', { ref });
  const { replies } = createAttached(ctx, record, { kind: 'lawyer', dueAt: deadline.at, seats: 0, detainee: ref, note: note ? `${note} — ${howTo}` : howTo }, 'lawyer');
  return [
    ...replies,
    answer(msg('lawyerFromCase', { ref, deadline: deadlineView(deadline, centre.timezone, ctx.now) })),
  ];
}

/** A dated /lawyer request naming an open case's reference is attached to that case. */
export function attachToCase(ctx: GroupContext, number: number, ref: string | undefined): void {
  if (!ref) return;
  const record = ctx.store.cases.findOpen(ctx.group.id, ref.toUpperCase());
  if (record) ctx.store.cases.attach(ctx.group.id, record.id, number, 'lawyer');
}

/** A request made through the ordinary path (post, topic, reminders), attached to the case. */
function createAttached(ctx: CaseContext, record: CaseRecord, draft: RequestDraft, role: 'lawyer' | 'hearing' | 'pickup'): { number: number; replies: Reply[] } {
  const replies = createRequest(ctx, draft);
  const posted = replies.find((r) => r.kind === 'post');
  const number = posted?.kind === 'post' ? posted.number : 0;
  ctx.store.cases.attach(ctx.group.id, record.id, number, role);
  return { number, replies };
}

export function caseErrorMessage(error: CaseParseError): Msg {
  switch (error.code) {
    case 'ref-missing':
      return msg('caseRefMissing');
    case 'when-invalid':
      return msg('caseWhenInvalid', { option: error.option });
    case 'future':
      return msg('caseFuture', { option: error.option });
    case 'too-old':
      return msg('caseTooOld', { option: error.option });
    case 'unknown-word':
      return msg('caseUnknownWord', { word: error.word });
    case 'hearing-usage':
      return msg('hearingUsage');
    case 'transfer-where':
      return msg('caseTransferWhere');
  }
}
