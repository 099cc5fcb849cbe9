// The claim engine: claim, join, release, done, cancel. Each runs inside the event's write
// transaction; the store's conditional updates make two racing claims end with one winner.
// Who may do what was decided before (commands/authorization.ts); these only act.

import { airportFlight } from '../cases/flight-tasks.js';
import { isHearingTask } from '../cases/hearing-tasks.js';
import { cleanText } from '../core/clean-text.js';
import { isActive, type Member, type Request } from '../core/domain.js';
import { msg } from '../i18n/index.js';
import { countDone, countRefused, monthOf } from '../stats/tally.js';
import type { Handover } from './parse.js';
import { actingMember, type GroupContext } from './context.js';
import { memberName } from './names.js';
import { requestLabel, requestView } from './views.js';
import { announce, answer, changed, notice, post, type Reply } from './reply.js';

/** The confirmation goes to the chat, or only to the presser of a button (the post shows it). */
const acknowledge = (ctx: GroupContext, m: ReturnType<typeof msg>): Reply => (ctx.viaButton ? notice(m) : answer(m));

function find(ctx: GroupContext, number: number): Request | Reply[] {
  const request = ctx.store.requests.get(ctx.group.id, number);
  if (!request) return [answer(msg('notFound', { n: number }))];
  if (!isActive(request.state)) return [answer(msg('notActive', { n: number, state: request.state }))];
  return request;
}

export function claim(ctx: GroupContext, number: number): Reply[] {
  const found = find(ctx, number);
  if (Array.isArray(found)) return found;
  const me = actingMember(ctx);
  if (found.claimer === me.key) return [answer(msg('claimYours', { n: number }))];
  if (found.claimer !== undefined) {
    return [answer(msg('claimTaken', { n: number, by: memberName(ctx, found.claimer) }))];
  }
  if (!ctx.store.requests.claim(ctx.group.id, number, me.key, ctx.now)) {
    // Lost a race with another process: read again to say who won.
    const now = ctx.store.requests.get(ctx.group.id, number);
    return now?.claimer
      ? [answer(msg('claimTaken', { n: number, by: memberName(ctx, now.claimer) }))]
      : [answer(msg('notActive', { n: number, state: now?.state ?? 'cancelled' }))];
  }
  // A passenger who becomes the driver gives up their seat.
  ctx.store.requests.leave(ctx.group.id, number, me.key);
  return [
    acknowledge(ctx, msg('claimed', { n: number, kind: found.kind, by: nameOf(ctx, me), ...(nobodyDrives(ctx, found) ? { going: true } : {}) })),
    ...changed(ctx.group.id, number, { repost: true }),
    ...greeting(ctx, me, number),
  ];
}

export function join(ctx: GroupContext, number: number): Reply[] {
  const found = find(ctx, number);
  if (Array.isArray(found)) return found;
  if (found.kind !== 'visit') return [answer(msg('joinNotVisit', { n: number }))];
  const me = actingMember(ctx);
  if (found.claimer === me.key) return [answer(msg('joinIsDriver', { n: number }))];
  const result = ctx.store.requests.join(ctx.group.id, number, me.key, found.seats, ctx.now);
  if (result === 'full') return [answer(msg('joinFull', { n: number }))];
  if (result === 'already') return [answer(msg('joinAlready', { n: number }))];
  const left = found.seats - found.passengers.length - 1;
  return [
    acknowledge(ctx, msg('joined', { n: number, by: nameOf(ctx, me), left })),
    ...changed(ctx.group.id, number, { repost: true }),
    ...greeting(ctx, me, number),
  ];
}

/** The claimer gives the request back (the group is told), or a passenger gives up a seat. */
export function release(ctx: GroupContext, number: number): Reply[] {
  const found = find(ctx, number);
  if (Array.isArray(found)) return found;
  const me = actingMember(ctx);
  if (found.claimer === me.key && ctx.store.requests.release(ctx.group.id, number, me.key, ctx.now)) {
    const by = nameOf(ctx, me);
    const r = requestLabel(ctx, found);
    const replies: Reply[] = [announce(msg('released', { r, by }), number), ...changed(ctx.group.id, number)];
    if (ctx.viaButton) replies.unshift(notice(msg('released', { r, by })));
    if (found.dueAt - ctx.now <= ctx.urgentWindowMs) {
      // Close to the time: post it again as urgent and tell whoever asked for it.
      replies.push(post(number, true));
      const requester = ctx.store.members.get(ctx.group.id, found.requester);
      if (requester && requester.key !== me.key) {
        replies.push({ kind: 'direct', member: requester.address, msg: msg('releasedToRequester', { r, by }), about: number });
      }
    }
    return replies;
  }
  if (found.passengers.includes(me.key) && ctx.store.requests.leave(ctx.group.id, number, me.key)) {
    const left = found.seats - found.passengers.length + 1;
    return [acknowledge(ctx, msg('seatLeft', { n: number, by: nameOf(ctx, me), left })), ...changed(ctx.group.id, number)];
  }
  return [answer(msg('releaseNotYours', { n: number }))];
}

/**
 * Marks a request done. For a package or credit, `/done 7 jumper, €10 card receipt yes` also
 * records what was handed over (sealed) and whether an itemised receipt was given (counted);
 * the record can still be given once it is done, by whoever could mark it done.
 */
export function done(ctx: GroupContext, number: number, handover?: Handover): Reply[] {
  const before = ctx.store.requests.get(ctx.group.id, number);
  if (handover && before?.state === 'done' && carried(before)) return noteHandover(ctx, before, handover);
  const found = find(ctx, number);
  if (Array.isArray(found)) return found;
  actingMember(ctx);
  ctx.store.requests.close(ctx.group.id, number, 'done', ctx.now);
  if (found.kind === 'visit') ctx.store.requests.setOutcome(ctx.group.id, number, 'done', undefined);
  countDone(ctx.store, ctx.centre, found, ctx.now);
  if (!carried(found)) return [answer(msg('done', { n: number })), ...changed(ctx.group.id, number)];
  const record = handover ? recordHandover(ctx, found, handover) : undefined;
  return [answer(msg('done', { n: number, ...(record ? { record } : { hint: true }) })), ...changed(ctx.group.id, number)];
}

/** Packages and credit are handed in at the centre: what went in is worth recording. */
const carried = (request: Request): boolean => request.kind === 'package' || request.kind === 'credit';

function noteHandover(ctx: GroupContext, request: Request, handover: Handover): Reply[] {
  const me = ctx.store.members.keyOf(ctx.group.id, ctx.actor.address);
  const coordinator = ctx.store.members.get(ctx.group.id, me)?.role === 'coordinator';
  if (request.claimer !== me && request.requester !== me && !coordinator) return [answer(msg('doneNotAllowed', { n: request.number }))];
  const record = recordHandover(ctx, request, handover);
  return [answer(msg('handoverNoted', { n: request.number, record })), ...changed(ctx.group.id, request.number)];
}

/** Seals what was handed over; counts the receipt once (never the items). */
function recordHandover(ctx: GroupContext, request: Request, handover: Handover): { handedOver?: string; receipt?: 'yes' | 'no' } {
  const items = handover.items === undefined ? undefined : cleanText(handover.items) || undefined;
  ctx.store.requests.setHandover(ctx.group.id, request.number, items, handover.receipt);
  if (handover.receipt && request.receipt === undefined) {
    ctx.store.counts.add(monthOf(ctx.now, ctx.centre.timezone), ctx.centre.id, 'receipt', handover.receipt);
  }
  const handedOver = items ?? request.handedOver;
  const receipt = handover.receipt ?? request.receipt;
  return { ...(handedOver ? { handedOver } : {}), ...(receipt ? { receipt } : {}) };
}

/** OK to a reminder: the claimer confirms (the group is not alerted); a passenger is thanked. */
export function confirm(ctx: GroupContext, number: number): Reply[] {
  const found = find(ctx, number);
  if (Array.isArray(found)) return found;
  const me = ctx.store.members.keyOf(ctx.group.id, ctx.actor.address);
  if (found.claimer === me) ctx.store.requests.confirm(ctx.group.id, number, me, ctx.now);
  else if (!found.passengers.includes(me)) return [answer(msg('noPrompt'))];
  return [answer(msg('confirmed', { r: requestLabel(ctx, found) }))];
}

/** The visit was refused at the centre's door: a real outcome, recorded with its reason. */
export function refused(ctx: GroupContext, number: number, reason: string | undefined): Reply[] {
  const found = find(ctx, number);
  if (Array.isArray(found)) return found;
  if (found.kind !== 'visit') return [answer(msg('refusedNotVisit', { n: number }))];
  actingMember(ctx);
  ctx.store.requests.close(ctx.group.id, number, 'done', ctx.now);
  const note = reason === undefined ? undefined : cleanText(reason) || undefined;
  ctx.store.requests.setOutcome(ctx.group.id, number, 'refused', note);
  countRefused(ctx.store, ctx.centre, note, ctx.now);
  return [answer(msg('refused', { n: number })), ...changed(ctx.group.id, number)];
}

/** What `/decaler` changes: the time, the meeting point, or both. */
export interface RequestChange {
  readonly dueAt?: number;
  readonly place?: string;
}

/**
 * A new time or meeting point for a request: its reminders follow, the card is shown again,
 * everyone on it is told.
 */
export function move(ctx: GroupContext, number: number, change: RequestChange): Reply[] {
  const found = find(ctx, number);
  if (Array.isArray(found)) return found;
  const me = actingMember(ctx);
  const place = change.place === undefined ? undefined : cleanText(change.place) || undefined;
  if (change.place !== undefined && place === undefined && change.dueAt === undefined) return [answer(msg('placeMissing'))];
  if (place !== undefined && found.kind !== 'visit') return [answer(msg('placeNotVisit', { n: number }))];
  if (change.dueAt !== undefined) ctx.store.requests.move(ctx.group.id, number, change.dueAt, ctx.now);
  if (place !== undefined) ctx.store.requests.setPlace(ctx.group.id, number, place, ctx.now);
  const moved = ctx.store.requests.get(ctx.group.id, number) ?? found;
  const label = requestLabel(ctx, moved);
  return [
    ...(change.dueAt !== undefined ? [answer(msg('moved', { r: label }))] : []),
    ...(place !== undefined ? [answer(msg('placeMoved', { r: label, place }))] : []),
    ...changed(ctx.group.id, number, { repost: true }),
    ...toldOfMove(ctx, found, moved, me, { time: change.dueAt !== undefined, place: place !== undefined }),
  ];
}

/**
 * Whoever is on the request (driver or courier, passengers) and whoever asked for it, except the
 * member who moved it, hear of the new time or meeting point in private; those going are asked to
 * confirm again when the time moved (a new meeting point alone does not undo a confirmation).
 */
function toldOfMove(ctx: GroupContext, before: Request, moved: Request, mover: Member, what: { time: boolean; place: boolean }): Reply[] {
  const going = [...(moved.claimer ? [moved.claimer] : []), ...moved.passengers];
  const everyone = [...new Set([...going, moved.requester])].filter((key) => key !== mover.key);
  const view = requestView(ctx, moved);
  const was = { at: before.dueAt, zone: ctx.centre.timezone };
  const wasPlace = before.place;
  return everyone.flatMap((key): Reply[] => {
    const member = ctx.store.members.get(ctx.group.id, key);
    if (!member) return [];
    const asks = what.time && going.includes(key);
    const text = msg('movedDirect', { request: view, ...(what.time ? { was } : {}), ...(what.place ? { placeChanged: true, ...(wasPlace ? { wasPlace } : {}) } : {}), asks });
    return [{ kind: 'direct', member: member.address, msg: text, about: moved.number, asks }];
  });
}

export function cancel(ctx: GroupContext, number: number): Reply[] {
  const found = find(ctx, number);
  if (Array.isArray(found)) return found;
  actingMember(ctx);
  ctx.store.requests.close(ctx.group.id, number, 'cancelled', ctx.now);
  return [answer(msg('cancelled', { n: number })), ...changed(ctx.group.id, number)];
}

/**
 * The first time a member takes something in a group, the bot writes to them directly: that is
 * where reminders will come, and a platform that forbids it (Telegram before Start) is found now,
 * while there is time to fix it, not at reminder time.
 */
function greeting(ctx: GroupContext, me: Member, number: number): Reply[] {
  if (!ctx.store.members.firstGreeting(ctx.group.id, me.key, ctx.now)) return [];
  return [{ kind: 'direct', member: me.address, msg: msg('directHello', { n: number }), about: number }];
}

/** A hearing's attendance task or a flight's airport task: people go, nobody drives. */
function nobodyDrives(ctx: GroupContext, request: Request): boolean {
  return request.kind === 'visit' && (isHearingTask(ctx, request.number) || airportFlight(ctx, request.number) !== undefined);
}

function nameOf(ctx: GroupContext, member: Member): string {
  return memberName(ctx, member.key, member);
}
