// Builds what the locale files need to describe a case: its timeline from the rules engine,
// its hearings and attached lawyer requests, in the centre's time zone.

import type { Centre, CentreDirectory } from '../core/centres.js';
import type { CaseLineView, CaseView, DeadlineView } from '../i18n/case-views.js';
import type { ViewContext } from '../commands/context.js';
import { memberName } from '../commands/names.js';
import type { CaseRecord } from './case.js';
import { computeDeadlines, type Deadline, type Timeline } from './deadlines.js';
import { CASE_EVENTS, defaultRuleBook, type RuleBook } from './rules.js';

/** The case's deadlines by the rules of its centre's jurisdiction (none if it has no rules). */
export function timelineOf(rules: RuleBook | undefined, centre: Centre, record: CaseRecord, now: number): Timeline {
  const jurisdiction = (rules ?? defaultRuleBook()).get(centre.jurisdiction);
  if (!jurisdiction) return { deadlines: [], unknown: [] };
  return computeDeadlines(jurisdiction, { zone: centre.timezone, events: record.events, secondMeasure: record.secondMeasure }, now);
}

export function deadlineView(d: Deadline, zone: string, now: number): DeadlineView {
  const { amount, unit } = d.rule.duration;
  return {
    what: d.rule.what,
    at: { at: d.at, zone },
    kind: d.rule.kind,
    who: d.rule.who,
    article: d.rule.article,
    day: unit === 'h' ? Math.round(amount / 24) : unit === 'd' ? amount : amount * 30,
    check: d.check,
    shifted: d.shifted,
    assumed: d.assumed,
    stale: d.stale,
    lastChecked: d.rule.lastChecked,
    past: d.at <= now,
  };
}

export type CaseViewContext = ViewContext & { readonly rules?: RuleBook; readonly centres?: CentreDirectory };

export function caseView(ctx: CaseViewContext, record: CaseRecord, now: number): CaseView {
  const centre = ctx.centres?.get(record.centreId) ?? ctx.centre;
  const zone = centre.timezone;
  const timeline = timelineOf(ctx.rules, centre, record, now);
  const lawyers = ctx.store.cases.requestsOf(ctx.group.id, record.id, 'lawyer').flatMap((n) => {
    const request = ctx.store.requests.get(ctx.group.id, n);
    if (!request || (request.state !== 'open' && request.state !== 'claimed')) return [];
    return [{ n, ...(request.claimer ? { taker: memberName(ctx, request.claimer) } : {}) }];
  });
  return {
    ref: record.ref,
    centre: centre.name,
    state: record.state,
    events: CASE_EVENTS.flatMap((event) => {
      const at = record.events[event];
      return at === undefined ? [] : [{ event, at: { at, zone } }];
    }),
    secondMeasure: record.secondMeasure,
    deadlines: timeline.deadlines.map((d) => deadlineView(d, zone, now)),
    unknown: timeline.unknown,
    hearings: ctx.store.cases.hearings(ctx.group.id, record.id).map((h) => ({
      at: { at: h.at, zone },
      ...(h.place ? { place: h.place } : {}),
      ...(h.requestNumber !== undefined ? { requestNumber: h.requestNumber } : {}),
    })),
    hasDetails: record.hasDetails,
    lawyers,
    ...flightOf(ctx, record, zone),
    ...(record.outcome ? { outcome: record.outcome } : {}),
    ...(record.outcomeNote ? { outcomeNote: record.outcomeNote } : {}),
  };
}

function flightOf(ctx: CaseViewContext, record: CaseRecord, zone: string): Pick<CaseView, 'flight'> {
  const flight = ctx.store.flights.get(ctx.group.id, record.id);
  if (!flight) return {};
  const task = flight.tasks.airport === undefined ? undefined : ctx.store.requests.get(ctx.group.id, flight.tasks.airport);
  const open = task && (task.state === 'open' || task.state === 'claimed');
  return {
    flight: {
      departs: { at: flight.departsAt, zone },
      airport: flight.airport,
      ...(flight.number ? { number: flight.number } : {}),
      ...(open ? { task: task.number } : {}),
    },
  };
}

export function caseLine(rules: RuleBook | undefined, centre: Centre, record: CaseRecord, now: number): CaseLineView {
  const next = timelineOf(rules, centre, record, now).deadlines.find((d) => d.at > now);
  return {
    ref: record.ref,
    placed: { at: record.events.placement, zone: centre.timezone },
    ...(next ? { next: deadlineView(next, centre.timezone, now) } : {}),
  };
}
