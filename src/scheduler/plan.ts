// Pure planning: which jobs a request (or a group's digest) needs, given the time now. The
// request's current state decides everything, so planning again after any change is always
// right: cancelling, releasing or moving a request replaces its jobs.

import { DateTime } from 'luxon';
import { isActive, type Request } from '../core/domain.js';
import type { JobDraft } from '../store/schedule.js';

export interface PlanSettings {
  /** Lead times before a request's time at which takers are reminded, largest first (ms). */
  readonly leads: readonly number[];
  /** How long the last reminder may go unanswered before the group is told (ms). */
  readonly unconfirmedAfterMs: number;
  /** An open visit or package is re-announced this long before its time (ms). */
  readonly unclaimedLeadMs: number;
  /** An open lawyer request is re-announced at these fractions of its window. */
  readonly lawyerFractions: readonly number[];
  /** A visit's driver is asked how it went this long after its time (ms). */
  readonly followupAfterMs: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const DEFAULT_PLAN: Omit<PlanSettings, 'leads'> = {
  unconfirmedAfterMs: 30 * 60_000,
  unclaimedLeadMs: DAY,
  lawyerFractions: [0.5, 0.8],
  followupAfterMs: 2 * HOUR,
};

/**
 * `remindSeats`: whoever took a seat is reminded even while nobody has taken the request itself
 * (a flight's airport task: people go on their own, #16).
 */
export function planRequest(request: Request, settings: PlanSettings, now: number, options: { remindSeats?: boolean } = {}): JobDraft[] {
  if (!isActive(request.state)) return [];
  const jobs: JobDraft[] = [];
  const due = request.dueAt;
  const future = (at: number) => at > now;

  const claimed = request.state === 'claimed' && request.claimer !== undefined;
  const people = claimed ? [request.claimer!, ...request.passengers] : options.remindSeats ? request.passengers : [];
  for (const lead of settings.leads) {
    const at = due - lead;
    if (!future(at)) continue;
    for (const member of people) jobs.push({ kind: 'remind', member, dueAt: at, usefulUntil: due, leadMs: lead });
  }

  if (claimed) {
    const last = Math.min(...settings.leads);
    const lastAt = due - last;
    if (settings.leads.length > 0 && future(lastAt)) {
      const wait = Math.min(settings.unconfirmedAfterMs, last / 2);
      jobs.push({ kind: 'unconfirmed', dueAt: lastAt + wait, usefulUntil: due, leadMs: last });
    }
  }

  // Nobody needed to take a seat-reminded task once people are going.
  if (request.state === 'open' && !(options.remindSeats && request.passengers.length > 0)) {
    if (request.kind === 'lawyer') {
      const window = due - request.createdAt;
      for (const fraction of settings.lawyerFractions) {
        const at = Math.round(request.createdAt + window * fraction);
        if (future(at)) jobs.push({ kind: 'unclaimed', dueAt: at, usefulUntil: due, leadMs: due - at });
      }
    } else {
      const at = due - settings.unclaimedLeadMs;
      if (future(at)) jobs.push({ kind: 'unclaimed', dueAt: at, usefulUntil: due, leadMs: settings.unclaimedLeadMs });
    }
  }

  // "How did the visit go?" means nothing for a flight's airport task.
  if (request.kind === 'visit' && !options.remindSeats) {
    const at = due + settings.followupAfterMs;
    jobs.push({ kind: 'followup', dueAt: at, usefulUntil: at + 3 * DAY });
  }
  return jobs.sort((a, b) => a.dueAt - b.dueAt);
}

/** The group's next digest at its local time `HH:MM` in `zone`, strictly after `now`. */
export function planDigest(digestAt: string | undefined, zone: string, now: number): JobDraft | undefined {
  const match = digestAt ? /^(\d{2}):(\d{2})$/.exec(digestAt) : null;
  if (!match) return undefined;
  const local = DateTime.fromMillis(now, { zone });
  let at = local.set({ hour: Number(match[1]), minute: Number(match[2]), second: 0, millisecond: 0 });
  if (at.toMillis() <= now) at = at.plus({ days: 1 }).set({ hour: Number(match[1]), minute: Number(match[2]) });
  // A digest is still worth sending a few hours late (after downtime), not the next day.
  return { kind: 'digest', dueAt: at.toMillis(), usefulUntil: at.toMillis() + 4 * HOUR };
}
