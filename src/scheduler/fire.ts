// What a due job sends, decided from the request's state at the moment it fires. Returns the
// outbox drafts, or a reason to drop the job (the request changed, or it is too late to help).

import { DateTime } from 'luxon';
import type { ViewContext } from '../commands/context.js';
import { centreCard, companions, reminderRole, requestLabel, requestView } from '../commands/views.js';
import { fingerprint } from '../commands/reposts.js';
import { postCard } from '../commands/post-card.js';
import { isActive, type Request } from '../core/domain.js';
import { MESSAGE_LIMITS, splitMessage } from '../core/message-size.js';
import { t } from '../i18n/index.js';
import type { Job, JobDraft } from '../store/schedule.js';
import type { OutboxDraft } from '../store/outbox.js';
import type { Store } from '../store/store.js';
import { caseDigest } from '../cases/digest.js';
import { fireCaseJob } from '../cases/fire.js';
import type { GroupId } from '../core/ids.js';
import type { Planning } from './replan.js';
import { planDigest } from './plan.js';

export type Firing =
  | { readonly send: readonly OutboxDraft[]; readonly next?: JobDraft; readonly late: boolean }
  /** `next`: a digest missed by downtime still plans the next one. */
  | { readonly drop: string; readonly next?: JobDraft };

const HOUR = 3_600_000;

export function fireJob(store: Store, planning: Planning, job: Job, now: number, lateAfterMs: number): Firing {
  const group = store.groups.get(job.group);
  const centre = group ? planning.centres.get(group.centreId) : undefined;
  if (!group || !centre) return { drop: 'SCHEDULE_NO_GROUP' };
  if (now > job.usefulUntil) {
    // Too late for this day's digest (the service was down): tomorrow's is planned all the same.
    const next = job.kind === 'digest' ? planDigest(group.digestAt, centre.timezone, now) : undefined;
    return { drop: 'SCHEDULE_TOO_LATE', ...(next ? { next } : {}) };
  }
  // The bot is not in the group's chat; resuming plans the jobs again.
  if (store.pauses.isPaused(group.id)) return { drop: 'SCHEDULE_GROUP_PAUSED' };
  const late = now - job.dueAt > lateAfterMs;
  const ctx: ViewContext & { readonly now: number } = { store, lang: group.lang, group, centre, now };

  if (job.kind === 'digest') return digest(ctx, planning, now, late);
  if (job.kind === 'case') return fireCaseJob(store, planning, job, group, centre, now, late);

  const request = job.number === undefined ? undefined : store.requests.get(group.id, job.number);
  if (!request || !isActive(request.state)) return { drop: 'SCHEDULE_REQUEST_CLOSED' };
  const view = requestView(ctx, request);
  const base = { group: group.id, postNumber: request.number } as const;

  switch (job.kind) {
    case 'remind': {
      const member = job.member ? store.members.get(group.id, job.member) : undefined;
      const stillOn = job.member !== undefined && (request.claimer === job.member || request.passengers.includes(job.member));
      if (!member || !stillOn) return { drop: 'SCHEDULE_NOT_INVOLVED' };
      const text = t(group.lang, 'reminder', {
        request: view,
        card: centreCard(centre),
        late,
        role: reminderRole(request, member.key),
        others: companions(ctx, request, member.key),
      });
      return { send: [{ ...base, to: member.address, text, promptKind: 'remind' }], late };
    }
    case 'unconfirmed': {
      if (request.state !== 'claimed' || !request.claimer) return { drop: 'SCHEDULE_NOT_CLAIMED' };
      const lastReminderAt = request.dueAt - (job.leadMs ?? 0);
      if (request.confirmedAt !== undefined && request.confirmedAt >= lastReminderAt) return { drop: 'SCHEDULE_CONFIRMED' };
      const text = t(group.lang, 'unconfirmed', { r: requestLabel(ctx, request), who: view.claimer ?? '' });
      // a reply to the alert ("je l'appelle", "moi") acts on the request (#9)
      return { send: [{ group: group.id, to: group.chat, ...topicOf(store, group.id, request.number), text, about: request.number, mention: 'about' }], late };
    }
    case 'unclaimed': {
      if (request.state !== 'open') return { drop: 'SCHEDULE_CLAIMED' };
      const original = store.posts.latestPost(group.id, group.chat, request.number);
      const text = t(group.lang, 'unclaimed', { request: view });
      return {
        send: [{ ...base, to: group.chat, ...topicOf(store, group.id, request.number), text, ...(original ? { replyTo: { ref: original } } : {}) }],
        late,
      };
    }
    case 'followup': {
      if (request.state !== 'claimed' || !request.claimer) return { drop: 'SCHEDULE_NOT_CLAIMED' };
      const driver = store.members.get(group.id, request.claimer);
      if (!driver) return { drop: 'SCHEDULE_NOT_INVOLVED' };
      const text = t(group.lang, 'followup', { r: requestLabel(ctx, request), late });
      return { send: [{ ...base, to: driver.address, text, promptKind: 'followup' }], late };
    }
  }
}

/** Today's and tomorrow's visits, deadlines within 48 h, open requests; nothing if nothing. */
function digest(ctx: ViewContext, planning: Planning, now: number, late: boolean): Firing {
  const { store, group, centre } = ctx;
  const next = planDigest(group.digestAt, centre.timezone, now);
  const requests = store.requests.active(group.id);
  const [todayStart, todayEnd] = localDayBounds(now, centre.timezone, 0);
  const [, tomorrowEnd] = localDayBounds(now, centre.timezone, 1);
  const visits = requests.filter((r) => r.kind === 'visit');
  const today = visits.filter((r) => r.dueAt >= todayStart && r.dueAt < todayEnd);
  const tomorrow = visits.filter((r) => r.dueAt >= todayEnd && r.dueAt < tomorrowEnd);
  const deadlines = requests.filter((r) => r.kind !== 'visit' && r.dueAt >= now && r.dueAt < now + 48 * HOUR);
  const shown = new Set([...today, ...tomorrow, ...deadlines]);
  const open = requests.filter((r) => r.state === 'open' && !shown.has(r));
  const cases = caseDigest(ctx, planning, now, todayStart, tomorrowEnd);
  if (today.length + tomorrow.length + deadlines.length + open.length === 0 && !cases) {
    return { send: [], late, ...(next ? { next } : {}) };
  }
  const view = (list: typeof requests) => list.map((r) => requestView(ctx, r));
  const requestsText = t(group.lang, 'digest', { today: view(today), tomorrow: view(tomorrow), open: view(open), deadlines: view(deadlines) });
  const text = cases ? `${requestsText}\n${cases}` : requestsText;
  // A busy group's digest is several messages, each within the transport's limit, cut between entries.
  const topic = topicOf(store, group.id);
  const send = splitMessage(text, MESSAGE_LIMITS[group.transport]).map((part) => ({ group: group.id, to: group.chat, ...topic, text: part }));
  return { send, late, ...(next ? { next } : {}) };
}

/** From this many re-announcements due at once in one group and topic, they go out as one message. */
export const MERGE_UNCLAIMED_FROM = 3;

/**
 * Re-announcements ("still nobody for this") of one group due at once: fired one by one (each
 * may still be dropped), then said in one message per topic, cut to the transport's limit.
 * Returns each job's outcome and the messages.
 */
export function fireUnclaimedTogether(store: Store, planning: Planning, jobs: readonly Job[], now: number, lateAfterMs: number): { outcomes: Map<number, Firing>; send: OutboxDraft[] } {
  const outcomes = new Map<number, Firing>();
  const byTopic = new Map<string, { request: Request; send: readonly OutboxDraft[] }[]>();
  for (const job of jobs) {
    const firing = fireJob(store, planning, job, now, lateAfterMs);
    outcomes.set(job.id, firing);
    const request = 'send' in firing && job.number !== undefined ? store.requests.get(job.group, job.number) : undefined;
    if (!request || !('send' in firing)) continue;
    const topic = topicOf(store, job.group, request.number).topic ?? '';
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), { request, send: firing.send }]);
  }
  const group = jobs[0] ? store.groups.get(jobs[0].group) : undefined;
  const centre = group ? planning.centres.get(group.centreId) : undefined;
  if (!group || !centre) return { outcomes, send: [] };
  const ctx = { store, lang: group.lang, group, centre, now };
  const send: OutboxDraft[] = [];
  for (const [topic, due] of byTopic) {
    // Alone in its topic: its own message, quoting its post, as usual.
    if (due.length === 1) {
      send.push(...(due[0]?.send ?? []));
      continue;
    }
    const requests = due.map((d) => d.request).sort((a, b) => a.dueAt - b.dueAt || a.number - b.number);
    const text = t(group.lang, 'unclaimedMany', { requests: requests.map((r) => requestView(ctx, r)) });
    for (const part of splitMessage(text, MESSAGE_LIMITS[group.transport])) send.push({ group: group.id, to: group.chat, ...(topic ? { topic } : {}), text: part });
  }
  return { outcomes, send };
}

/**
 * A request whose changes were held back by the repost limit (commands/reposts.ts): its latest
 * state, posted once, quoting its previous post — unless the group already saw exactly that.
 */
export function fireRepost(store: Store, planning: Planning, group: GroupId, number: number, now: number): OutboxDraft[] {
  const found = store.groups.get(group);
  const centre = found ? planning.centres.get(found.centreId) : undefined;
  const request = store.requests.get(group, number);
  const last = store.limits.repost(group, number);
  if (!found || !centre || !request || !isActive(request.state) || store.pauses.isPaused(group)) {
    store.limits.hold(group, number, undefined);
    return [];
  }
  const seen = fingerprint(request);
  if (last?.shown && Buffer.from(last.shown).equals(seen)) {
    store.limits.hold(group, number, undefined);
    return [];
  }
  store.limits.shown(group, number, now, seen);
  const leads = centre.reminders ?? planning.settings.leads;
  const urgent = request.state === 'open' && request.dueAt - now <= Math.max(0, ...leads);
  const { text, buttons } = postCard({ store, lang: found.lang, group: found, centre, now }, request, found.lang, urgent);
  const previous = store.posts.latestPost(group, found.chat, number);
  return [{ group, to: found.chat, ...topicOf(store, group, number), text, buttons, postNumber: number, ...(previous ? { replyTo: { ref: previous } } : {}) }];
}

/** The topic a post about the request (or, without one, about the group) belongs in. */
export function topicOf(store: Store, group: GroupId, number?: number): { topic?: string } {
  const topic = store.topics.for(group, number);
  return topic !== undefined ? { topic } : {};
}

function localDayBounds(now: number, zone: string, offset: number): [number, number] {
  const start = DateTime.fromMillis(now, { zone }).startOf('day').plus({ days: offset });
  return [start.toMillis(), start.plus({ days: 1 }).toMillis()];
}
