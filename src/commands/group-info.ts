// /help, /list, /mine, /info, /lang: read-only answers (and the group's language).

import { isActive, type MemberKey } from '../core/domain.js';
import type { GroupId } from '../core/ids.js';
import { msg } from '../i18n/index.js';
import type { Lang } from '../i18n/lang.js';
import type { MyRole } from '../i18n/views.js';
import type { ExecContext, GroupContext } from './context.js';
import { answer, type Reply } from './reply.js';
import { centreCard, requestView } from './views.js';

export function list(ctx: GroupContext): Reply[] {
  const requests = ctx.store.requests.active(ctx.group.id, { details: false });
  if (requests.length === 0) return [answer(msg('listEmpty'))];
  return [answer(msg('list', { requests: requests.map((r) => requestView(ctx, r)) }))];
}

/** The centre's card: facts first, sources by short name; with `sources`, the links. */
export function info(ctx: GroupContext, sources = false): Reply[] {
  return [answer(msg('info', { card: centreCard(ctx.centre), sources }))];
}

export function setLang(ctx: GroupContext, value: Lang | undefined): Reply[] {
  if (!value) return [answer(msg('langUsage'))];
  ctx.store.groups.setLang(ctx.group.id, value);
  // Answer in the language just chosen: that is what the group will see from now on.
  return [answer(msg('langSet'), value)];
}

/**
 * The actor's active requests, in this group or (in a direct chat) in every group they belong
 * to. Each group's data is opened with that group's key only.
 */
export function mine(ctx: ExecContext, inGroup?: GroupContext): Reply[] {
  // The member's key differs in each group: each group is read with its own.
  const memberships: { group: GroupId; key: MemberKey }[] = inGroup
    ? [{ group: inGroup.group.id, key: ctx.store.members.keyOf(inGroup.group.id, ctx.actor.address) }]
    : ctx.store.members.memberships(ctx.actor.address);
  const items: { request: ReturnType<typeof requestView>; role: MyRole }[] = [];
  for (const { group: id, key } of memberships) {
    const group = inGroup?.group ?? ctx.store.groups.get(id);
    const centre = group ? ctx.centres.get(group.centreId) : undefined;
    if (!group || !centre) continue;
    // Held there: nothing about that group goes to this member by direct message.
    if (!inGroup && ctx.store.members.isHeld(id, key)) continue;
    const gctx: GroupContext = { ...ctx, group, centre };
    for (const request of ctx.store.requests.involvingMember(id, key)) {
      if (!isActive(request.state)) continue;
      const role: MyRole = request.claimer === key ? 'claimer' : request.passengers.includes(key) ? 'passenger' : 'requester';
      items.push({ request: requestView(gctx, request), role });
    }
  }
  items.sort((a, b) => a.request.when.at - b.request.when.at);
  return [answer(items.length === 0 ? msg('mineEmpty') : msg('mine', { items }))];
}

/** /digest 08:30 or /digest off: the group's daily summary. */
export function setDigest(ctx: GroupContext, at: string | undefined, valid: boolean): Reply[] {
  if (!valid) return [answer(msg('digestUsage'))];
  ctx.store.groups.setDigest(ctx.group.id, at);
  // The digest goes to the topic it was asked for in.
  if (ctx.chat === ctx.group.chat) ctx.store.topics.setForGroup(ctx.group.id, ctx.topic);
  return [answer(at ? msg('digestSet', { at }) : msg('digestOff')), { kind: 'replan-digest', group: ctx.group.id }];
}
