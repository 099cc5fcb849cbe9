// Limits against floods: one member cannot make the bot post without end. Over the limit, the
// member gets one short answer per window and nothing is posted.

import { msg } from '../i18n/index.js';
import type { GroupContext } from './context.js';
import { answer, type Reply } from './reply.js';

const HOUR = 3_600_000;

/** Defaults (PARLOIR_LIMITS is not wired yet: see issue #13's closing note). */
export const DEFAULT_LIMITS = { requestsPerHour: 10 } as const;

/** Undefined when the member may ask for one more request now; else the answer (or silence). */
export function requestLimit(ctx: GroupContext, limits = DEFAULT_LIMITS): Reply[] | undefined {
  const key = ctx.store.members.keyOf(ctx.group.id, ctx.actor.address);
  const asked = ctx.store.requests.countAskedSince(ctx.group.id, key, ctx.now - HOUR);
  if (asked < limits.requestsPerHour) return undefined;
  // One answer per member and hour; further attempts in that hour get nothing at all.
  const told = ctx.store.alerts.raise(ctx.group.id, `limit:requests:${key}`, ctx.now, HOUR);
  return told ? [answer(msg('limitRequests', { max: limits.requestsPerHour }))] : [];
}
