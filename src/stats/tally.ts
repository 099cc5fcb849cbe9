// Counting outcomes when they happen (#16): closed requests and cases are purged after the
// retention period, so `npx parloir stats` reads the counts table fed here. Each call adds one
// to a (month, centre, kind, bucket) cell; nothing else about the request or case is kept.

import { DateTime } from 'luxon';
import type { Request } from '../core/domain.js';
import type { GroupId } from '../core/ids.js';
import type { Store } from '../store/store.js';
import { refusalBucket } from './refusal.js';

/** What the counts need of a centre: its id, and its zone for the month. */
export interface CountedCentre {
  readonly id: string;
  readonly timezone: string;
}

export const CASE_OUTCOMES_COUNTED: readonly string[] = ['released', 'deported', 'transferred'];

/** The count kind for the median: whole hours from asking for a lawyer to reaching one. */
export const LAWYER_HOURS = 'lawyer-hours';

const HOUR = 3_600_000;

/** 'YYYY-MM' of `at` in the centre's zone (a refusal at 00:30 on 1 March counts in March). */
export function monthOf(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone }).toFormat('yyyy-MM');
}

/**
 * A request marked done. A lawyer request counts as met in time or late (its deadline against
 * now) and adds its time to a lawyer; a case's hearing attendance, airport presence or pick-up
 * at release (tasks of kind visit) counts under that role, not as a visit.
 */
export function countDone(store: Store, centre: CountedCentre, request: Request, now: number): void {
  const month = monthOf(now, centre.timezone);
  if (request.kind === 'lawyer') {
    store.counts.add(month, centre.id, 'lawyer', now <= request.dueAt ? 'in-time' : 'late');
    const hours = Math.max(0, Math.ceil((now - request.createdAt) / HOUR));
    store.counts.add(month, centre.id, LAWYER_HOURS, String(hours));
    return;
  }
  const role = store.cases.caseOfRequest(request.groupId, request.number)?.role;
  store.counts.add(month, centre.id, role !== undefined && role !== 'lawyer' ? role : request.kind, 'done');
}

/** A visit refused at the door, with its reason reduced to a bucket (the text is not kept here). */
export function countRefused(store: Store, centre: CountedCentre, reason: string | undefined, now: number): void {
  store.counts.add(monthOf(now, centre.timezone), centre.id, 'visit', `refused-${refusalBucket(reason)}`);
}

/** A request that expired with nobody marking it done: for a lawyer request, a deadline missed. */
export function countExpired(store: Store, group: GroupId, number: number, zoneOf: (centreId: string) => string | undefined, now: number): void {
  const request = store.requests.get(group, number);
  const centreId = store.groups.get(group)?.centreId;
  if (request?.kind !== 'lawyer' || centreId === undefined) return;
  store.counts.add(monthOf(now, zoneOf(centreId) ?? 'UTC'), centreId, 'lawyer', 'missed');
}

/** A case that ended (or moved on) as released, deported or transferred; other endings are not counted. */
export function countCase(store: Store, centre: CountedCentre, outcome: string, now: number): void {
  if (!CASE_OUTCOMES_COUNTED.includes(outcome)) return;
  store.counts.add(monthOf(now, centre.timezone), centre.id, 'case', outcome);
}
