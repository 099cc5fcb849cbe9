// /link CODE: ties an unlinked group to a centre with a one-time code; the sender becomes the
// group's first coordinator.

import { msg } from '../i18n/index.js';
import type { ExecContext, GroupContext } from './context.js';
import { memberName } from './names.js';
import { announce, answer, type Reply } from './reply.js';

export function link(ctx: ExecContext, code: string | undefined): Reply[] {
  if (!code) return [answer(msg('linkUsage'))];
  const used = ctx.store.invites.consume(code, ctx.now);
  if (!used.ok) {
    const key = used.reason === 'expired' ? 'linkExpired' : used.reason === 'used' ? 'linkUsed' : 'linkUnknown';
    return [answer(msg(key))];
  }
  const centre = ctx.centres.get(used.centreId);
  if (!centre) return [answer(msg('linkUnknown'))];
  const group = ctx.store.groups.link(ctx.chat, centre.id, ctx.lang, ctx.now);
  ctx.store.members.touch(group.id, ctx.actor.address, ctx.actor.name, ctx.now, 'coordinator');
  // Posts about the group as a whole (the digest) go where it was linked.
  ctx.store.topics.setForGroup(group.id, ctx.topic);
  return [answer(msg('linkOk', { centre: centre.name })), { kind: 'replan-digest', group: group.id }];
}

/**
 * /link CODE in a group already linked: a fresh code from the operator makes the sender a
 * coordinator. The way back when the group has no coordinator left who can act (all gone, or
 * held after a safety-number change).
 */
export function relink(ctx: GroupContext, code: string | undefined): Reply[] {
  if (!code) return [answer(msg('linkAlready', { centre: ctx.centre.name }))];
  const used = ctx.store.invites.consume(code, ctx.now);
  if (!used.ok) {
    const key = used.reason === 'expired' ? 'linkExpired' : used.reason === 'used' ? 'linkUsed' : 'linkUnknown';
    return [answer(msg(key))];
  }
  if (used.centreId !== ctx.group.centreId) return [answer(msg('linkAlready', { centre: ctx.centre.name }))];
  const member = ctx.store.members.touch(ctx.group.id, ctx.actor.address, ctx.actor.name, ctx.now, 'coordinator');
  if (member.role !== 'coordinator') ctx.store.members.setRole(ctx.group.id, member.key, 'coordinator');
  return [announce(msg('relinked', { who: memberName(ctx, member.key, member), centre: ctx.centre.name }))];
}
