// /coord: the group's coordinators (référents). Listing is for everyone; adding (reply to a
// member's message, or @-mention) and removing are for coordinators, decided beforehand by the
// authorization table. The group is told of every change; the last coordinator stays.

import type { MemberMention } from '../core/transport.js';
import { msg } from '../i18n/index.js';
import type { CoordOp } from '../i18n/words.js';
import { actingMember, type GroupContext } from './context.js';
import { memberName } from './names.js';
import { announce, answer, type Reply } from './reply.js';

export function listCoordinators(ctx: GroupContext): Reply[] {
  const names = ctx.store.members.coordinators(ctx.group.id).map((m) => memberName(ctx, m.key, m));
  return [answer(msg('coordList', { names }))];
}

export function addCoordinator(ctx: GroupContext, target: MemberMention | undefined): Reply[] {
  if (!target) return [answer(msg('coordAddUsage'))];
  const me = actingMember(ctx);
  const member = ctx.store.members.touch(ctx.group.id, target.address, target.name, ctx.now);
  const who = memberName(ctx, member.key, member);
  if (member.role === 'coordinator') return [answer(msg('coordAlready', { who }))];
  ctx.store.members.setRole(ctx.group.id, member.key, 'coordinator');
  return [announce(msg('coordAdded', { who, by: memberName(ctx, me.key, me) }))];
}

/** Removes the target, or the sender when nobody is named. */
export function removeCoordinator(ctx: GroupContext, target: MemberMention | undefined): Reply[] {
  const me = actingMember(ctx);
  const key = target ? ctx.store.members.keyOf(ctx.group.id, target.address) : me.key;
  const member = ctx.store.members.get(ctx.group.id, key);
  const who = memberName(ctx, key, member);
  if (member?.role !== 'coordinator') return [answer(msg('coordNotOne', { who }))];
  if (ctx.store.members.coordinators(ctx.group.id).length <= 1) return [answer(msg('coordLast'))];
  ctx.store.members.setRole(ctx.group.id, member.key, 'member');
  return [announce(msg('coordRemoved', { who, by: memberName(ctx, me.key, me) }))];
}

export function coord(ctx: GroupContext, op: CoordOp | undefined, target: MemberMention | undefined): Reply[] {
  switch (op) {
    case 'list':
      return listCoordinators(ctx);
    case 'add':
      return addCoordinator(ctx, target);
    case 'remove':
      return removeCoordinator(ctx, target);
    default:
      return [answer(msg('coordUsage'))];
  }
}
