// Claim / release ping-pong must not flood the group (#13). Per request and window
// (PARLOIR_LIMITS repost=): a claim does not re-post the same card (same taker) twice (platforms
// that edit posts edit it every time instead), and "released" with its urgent re-post reaches
// the group at most once. Inside the window the member still gets their answer, and on platforms that cannot
// edit posts the latest state is posted when the window ends (scheduler/fire.ts fireRepost),
// unless it is what the group saw last. Joins and moves are not ping-pong: never held.

import { createHash } from 'node:crypto';
import type { Request } from '../core/domain.js';
import type { Limits } from '../core/limits.js';
import { EDITS_POSTS } from '../core/transport.js';
import type { GroupContext } from './context.js';
import { answer, type Reply } from './reply.js';

/** What the group is shown of a request: equal fingerprints, nothing new to show. */
export function fingerprint(request: Request): Uint8Array {
  const passengers = [...request.passengers].sort().join(',');
  return createHash('sha256').update(`${request.state}|${request.claimer ?? ''}|${passengers}|${request.seats}|${request.dueAt}`).digest();
}

const isClaimAck = (r: Reply) => (r.kind === 'answer' || r.kind === 'notice') && r.msg.key === 'claimed';
const isReleased = (r: Reply) => r.kind === 'announce' && r.msg.key === 'released' && r.number !== undefined;

/** The replies with this window's re-posts held back (answers to the actor kept). */
export function throttleReposts(ctx: GroupContext, limits: Limits, replies: readonly Reply[]): readonly Reply[] {
  const { store, group, now } = ctx;
  const editsPosts = EDITS_POSTS[group.transport];
  const window = limits.repostMs;
  const heldCards = new Set<number>();
  const heldReleases = new Set<number>();
  const current = (number: number) => store.requests.get(group.id, number);

  // A claim's re-posted card (where posts are not edited).
  if (!editsPosts && replies.some(isClaimAck)) {
    for (const reply of replies) {
      if (reply.kind !== 'refresh' || !reply.repost) continue;
      const request = current(reply.number);
      if (!request) continue;
      const last = store.limits.repost(group.id, reply.number);
      const seen = fingerprint(request);
      // The same card (same taker, same seats) shown less than a window ago: that is ping-pong.
      // Someone else taking it over is news, and is shown.
      const again = last !== undefined && now - last.postedAt < window && last.shown !== undefined && Buffer.from(last.shown).equals(seen);
      if (!again) store.limits.shown(group.id, reply.number, now, seen);
      else {
        heldCards.add(reply.number);
        store.limits.hold(group.id, reply.number, last.postedAt + window);
      }
    }
  }
  // "Released" (and its urgent re-post).
  for (const reply of replies) {
    if (reply.kind !== 'announce' || !isReleased(reply) || reply.number === undefined) continue;
    if (store.alerts.raise(group.id, `repost:released:${reply.number}`, now, window)) continue;
    heldReleases.add(reply.number);
    if (!editsPosts) store.limits.hold(group.id, reply.number, now + window);
  }
  if (heldCards.size === 0 && heldReleases.size === 0) return replies;
  return replies.flatMap((reply): Reply[] => {
    if (reply.kind === 'refresh' && reply.repost && heldCards.has(reply.number)) return [];
    if (reply.kind === 'post' && reply.urgent && heldReleases.has(reply.number)) return [];
    // "X released #N" still answers X (a button press already has its notice).
    if (reply.kind === 'announce' && isReleased(reply) && reply.number !== undefined && heldReleases.has(reply.number)) {
      return ctx.viaButton ? [] : [answer(reply.msg)];
    }
    return [reply];
  });
}
