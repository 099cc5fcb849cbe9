// /flight R-12 2026-12-03 07:15 CDG AF1234 (FR /vol), #16: a deportation flight of an open case.
// One urgent post in the case's group with two tasks (tell the lawyer now; go to the airport,
// which anyone can join and whose joiners are reminded), and one direct message to every
// coordinator of the instance's other groups that opted in (/network on), each in their
// group's language. Once: the same flight again alerts nobody; a changed flight alerts again,
// saying what changed, and moves the tasks. What leaves the group is the reference, the
// airport, the time and the flight number: never a name, never the case's details.

import type { Group, Member, RequestDraft } from '../core/domain.js';
import { actingMember } from '../commands/context.js';
import { announce, answer, changed, type Reply } from '../commands/reply.js';
import { createRequest } from '../commands/requests.js';
import { requestView } from '../commands/views.js';
import { type Msg, msg, t } from '../i18n/index.js';
import type { FlightChangeView, FlightView } from '../i18n/views.js';
import type { FlightTasks } from '../store/flights.js';
import type { CaseRecord } from './case.js';
import type { CaseContext } from './execute.js';
import { defaultFlightFacts } from './flight-facts.js';
import type { Flight, FlightCommand, FlightParseError } from './flight-parse.js';

/** Meet at the check-in this long before departure (passengers check in about then). */
const AIRPORT_LEAD_MS = 2 * 3_600_000;
/** Seats on the airport task: anyone may come (the most a request offers). */
const AIRPORT_SEATS = 8;

export function flightCommand(ctx: CaseContext, command: FlightCommand): Reply[] {
  if (command.kind === 'usage') return [answer(msg('flightUsage'))];
  const record = ctx.store.cases.findOpen(ctx.group.id, command.ref);
  if (!record) {
    const closed = ctx.store.cases.find(ctx.group.id, command.ref);
    return [answer(msg(closed ? 'caseAlreadyClosed' : 'caseNotFound', { ref: command.ref }))];
  }
  actingMember(ctx);
  const flight = command.flight;
  const before = ctx.store.flights.get(ctx.group.id, record.id);
  if (before && sameFlight(before, flight)) {
    return [answer(msg('flightRepeat', { ref: record.ref, flight: flightView(ctx, flight), alerted: { at: before.alertedAt, zone: ctx.centre.timezone } }))];
  }
  const meetAt = Math.max(ctx.now, flight.departsAt - AIRPORT_LEAD_MS);
  // The flight first: the airport task's post reads it.
  ctx.store.flights.save(ctx.group.id, record.id, flight, before?.tasks ?? {}, ctx.now);
  const { tasks, replies: taskReplies } = before ? moveTasks(ctx, record, before.tasks, flight, meetAt) : newTasks(ctx, record, flight, meetAt);
  ctx.store.flights.save(ctx.group.id, record.id, flight, tasks, ctx.now);

  const change = before ? changeOf(ctx, before, flight) : undefined;
  const facts = defaultFlightFacts();
  const network = networkAlerts(ctx, record, flight, change);
  const alert = msg('flightAlert', {
    ref: record.ref,
    flight: flightView(ctx, flight),
    ...(change ? { change } : {}),
    ...(tasks.lawyer !== undefined ? { lawyer: tasks.lawyer } : {}),
    ...(tasks.airport !== undefined ? { airport: tasks.airport } : {}),
    meet: { at: meetAt, zone: ctx.centre.timezone },
    network: network.count,
    fineEur: facts.fineEur,
    checked: facts.lastChecked,
  });
  return [announce(alert), ...taskReplies, ...network.replies];
}

const sameFlight = (a: Flight, b: Flight) => a.departsAt === b.departsAt && a.airport === b.airport && (a.number ?? '') === (b.number ?? '');

function flightView(ctx: CaseContext, flight: Flight): FlightView {
  return { departs: { at: flight.departsAt, zone: ctx.centre.timezone }, airport: flight.airport, ...(flight.number ? { number: flight.number } : {}) };
}

function changeOf(ctx: CaseContext, before: Flight, after: Flight): FlightChangeView {
  return {
    ...(before.departsAt !== after.departsAt ? { departs: { at: before.departsAt, zone: ctx.centre.timezone } } : {}),
    ...(before.airport !== after.airport ? { airport: before.airport } : {}),
    ...(before.number && before.number !== after.number ? { number: before.number } : {}),
  };
}

/** The lawyer must know now (a first refusal to board is common; a second attempt is escorted). */
function newTasks(ctx: CaseContext, record: CaseRecord, flight: Flight, meetAt: number): { tasks: FlightTasks; replies: Reply[] } {
  const lawyer = attached(ctx, record, { kind: 'lawyer', dueAt: flight.departsAt, seats: 0, detainee: record.ref, note: t(ctx.lang, 'flightLawyerNote') }, 'lawyer');
  const airport = attached(ctx, record, { kind: 'visit', dueAt: meetAt, seats: AIRPORT_SEATS, detainee: record.ref }, 'airport');
  return { tasks: { lawyer: lawyer.number, airport: airport.number }, replies: [...lawyer.replies, ...airport.replies] };
}

/**
 * A changed flight: the tasks still to do follow the new time (their reminders are planned
 * again; whoever is going is told in private); an airport task already closed is asked again.
 */
function moveTasks(ctx: CaseContext, record: CaseRecord, tasks: FlightTasks, flight: Flight, meetAt: number): { tasks: FlightTasks; replies: Reply[] } {
  const replies: Reply[] = [];
  const moveTo = (n: number | undefined, dueAt: number): boolean => {
    const request = n === undefined ? undefined : ctx.store.requests.get(ctx.group.id, n);
    if (!request || (request.state !== 'open' && request.state !== 'claimed')) return false;
    replies.push(...changed(ctx.group.id, request.number, { repost: true }));
    if (request.dueAt !== dueAt) {
      ctx.store.requests.move(ctx.group.id, request.number, dueAt, ctx.now);
      replies.push(...toldOfChange(ctx, request.number, request.dueAt));
    }
    return true;
  };
  moveTo(tasks.lawyer, flight.departsAt);
  if (moveTo(tasks.airport, meetAt)) return { tasks, replies };
  const airport = attached(ctx, record, { kind: 'visit', dueAt: meetAt, seats: AIRPORT_SEATS, detainee: record.ref }, 'airport');
  return { tasks: { ...tasks, airport: airport.number }, replies: [...replies, ...airport.replies] };
}

/** Whoever is going hears of the new time in private and is asked to confirm again. */
function toldOfChange(ctx: CaseContext, number: number, was: number): Reply[] {
  const moved = ctx.store.requests.get(ctx.group.id, number);
  if (!moved) return [];
  const going = [...(moved.claimer ? [moved.claimer] : []), ...moved.passengers];
  if (going.length === 0) return [];
  const view = requestView(ctx, moved);
  return ctx.store.members.getMany(ctx.group.id, going).map(
    (member): Reply => ({
      kind: 'direct',
      member: member.address,
      msg: msg('movedDirect', { request: view, was: { at: was, zone: ctx.centre.timezone }, asks: true }),
      about: number,
      asks: true,
    }),
  );
}

function attached(ctx: CaseContext, record: CaseRecord, draft: RequestDraft, role: 'lawyer' | 'airport'): { number: number; replies: Reply[] } {
  const replies = createRequest(ctx, draft);
  const posted = replies.find((r) => r.kind === 'post');
  const number = posted?.kind === 'post' ? posted.number : 0;
  ctx.store.cases.attach(ctx.group.id, record.id, number, role);
  return { number, replies };
}

/**
 * One direct message per coordinator of each other group that opted in, in that group's
 * language: not to someone the case's group already has, not twice to someone who coordinates
 * two such groups, never to a held member (nothing sensitive reaches them), nothing while the bot
 * is out of that group.
 */
function networkAlerts(ctx: CaseContext, record: CaseRecord, flight: Flight, change: FlightChangeView | undefined): { replies: Reply[]; count: { coordinators: number; groups: number } } {
  const { store } = ctx;
  // By address: a member's key differs from group to group (per-group blind index, #11).
  const told = new Set<string>(store.members.all(ctx.group.id).map((m) => m.address));
  const from = ctx.centres.get(record.centreId)?.name ?? ctx.centre.name;
  const facts = defaultFlightFacts();
  const replies: Reply[] = [];
  let coordinators = 0;
  for (const id of store.groups.networkGroups()) {
    if (id === ctx.group.id || store.pauses.isPaused(id)) continue;
    const group: Group | undefined = store.groups.get(id);
    const zone = group ? (ctx.centres.get(group.centreId)?.timezone ?? ctx.centre.timezone) : ctx.centre.timezone;
    const reached: Member[] = group ? store.members.coordinators(id).filter((m) => !told.has(m.address) && !store.members.isHeld(id, m.key)) : [];
    if (!group || reached.length === 0) continue;
    for (const m of reached) told.add(m.address);
    coordinators += reached.length;
    // Times in the receiving group's zone: the departure is the same instant wherever it is read.
    const inZone = (at: number) => ({ at, zone });
    const alert: Msg = msg('flightNetwork', {
      ref: record.ref,
      from,
      flight: { departs: inZone(flight.departsAt), airport: flight.airport, ...(flight.number ? { number: flight.number } : {}) },
      ...(change ? { change: { ...change, ...(change.departs ? { departs: inZone(change.departs.at) } : {}) } } : {}),
      fineEur: facts.fineEur,
      checked: facts.lastChecked,
    });
    replies.push({ kind: 'in-group', group: id, replies: reached.map((m): Reply => ({ kind: 'direct', member: m.address, msg: alert })) });
  }
  return { replies, count: { coordinators, groups: replies.length } };
}

export function flightErrorMessage(error: FlightParseError): Msg {
  switch (error.code) {
    case 'ref-missing':
      return msg('flightUsage');
    case 'when':
      return msg('flightWhen', { error: error.error });
    case 'airport-missing':
      return msg('flightAirportMissing');
    case 'airport-invalid':
      return msg('flightAirportInvalid', { word: error.word });
    case 'number-invalid':
      return msg('flightNumberInvalid', { word: error.word });
    case 'unknown-word':
      return msg('flightUnknownWord', { word: error.word });
  }
}
