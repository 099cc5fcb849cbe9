// /visit, /package, /lawyer: a parsed draft becomes request #N and its post.

import type { RequestDraft } from '../core/domain.js';
import { actingMember, type GroupContext } from './context.js';
import { post, type Reply } from './reply.js';

export function createRequest(ctx: GroupContext, draft: RequestDraft): Reply[] {
  const me = actingMember(ctx);
  const number = ctx.store.groups.takeRequestNumber(ctx.group.id);
  ctx.store.requests.create(ctx.group.id, number, draft, me.key, ctx.now);
  // Everything said later about the request goes to the topic it was asked in.
  if (ctx.chat === ctx.group.chat) ctx.store.topics.setForRequest(ctx.group.id, number, ctx.topic);
  return [post(number), { kind: 'replan', group: ctx.group.id, number }];
}
