// Limits against floods: one member cannot make the bot post without end. Over the limit, the
// member gets one short answer per window and nothing is posted. The numbers: core/limits.ts.

import type { Limits } from '../core/limits.js';
import { msg } from '../i18n/index.js';
import type { GroupContext } from './context.js';
import { answer, type Reply } from './reply.js';

/** Undefined when the member may ask for one more request now; else the answer (or silence). */
export function requestLimit(ctx: GroupContext, limits: Limits): Reply[] | undefined {
  const { max, windowMs } = limits.requests;
  const key = ctx.store.members.keyOf(ctx.group.id, ctx.actor.address);
  const asked = ctx.store.requests.countAskedSince(ctx.group.id, key, ctx.now - windowMs);
  if (asked < max) return undefined;
  // One answer per member and window; further attempts in that window get nothing at all.
  const told = ctx.store.alerts.raise(ctx.group.id, `limit:requests:${key}`, ctx.now, windowMs);
  return told ? [answer(msg('limitRequests', { max, windowMs }))] : [];
}
