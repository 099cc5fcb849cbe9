// A member left the group or was removed. Their claims are released (the group is told, as for
// /release, and a request close to its time is posted again as urgent), their seats freed,
// their reminders stop (the jobs are planned again without them), nothing more about the group
// goes to their direct chat (pending messages and reminder prompts dropped), and their member
// row for that group is deleted.

import { release } from '../commands/claim.js';
import type { ExecContext } from '../commands/context.js';
import type { Reply } from '../commands/reply.js';
import type { Group, Member } from '../core/domain.js';
import { isActive } from '../core/domain.js';
import type { MemberLeftEvent } from '../core/transport.js';
import { msg } from '../i18n/index.js';
import { deliverReplies } from './deliver-replies.js';
import { groupContext, type RouteDeps } from './route.js';

/** The members of `group` this event says are gone. */
function departed(deps: RouteDeps, group: Group, event: MemberLeftEvent): Member[] {
  const { members } = deps.store;
  if (event.remaining) {
    const still = new Set(event.remaining.map((a) => members.keyOf(group.id, a)));
    return members.all(group.id).filter((m) => !still.has(m.key));
  }
  return (event.members ?? []).map((a) => members.get(group.id, members.keyOf(group.id, a))).filter((m): m is Member => m !== undefined);
}

/** Returns how many members were removed (0: nothing to do, the event is not remembered). */
export function memberLeft(deps: RouteDeps, event: MemberLeftEvent, now: number): number {
  const { store } = deps;
  const group = store.groups.findByChat(event.chat);
  if (!group) return 0;
  const gone = departed(deps, group, event);
  for (const member of gone) leave(deps, group, member, now);
  const coordinatorsLeft = store.members.coordinators(group.id).length;
  if (gone.some((m) => m.role === 'coordinator') && coordinatorsLeft === 0) {
    deliverReplies({ store, now, lang: group.lang, chat: group.chat, group }, [{ kind: 'announce', msg: msg('coordNoneLeft') }]);
  }
  return gone.length;
}

function leave(deps: RouteDeps, group: Group, member: Member, now: number): void {
  const { store } = deps;
  const base: ExecContext = {
    store,
    centres: deps.centres,
    now,
    lang: group.lang,
    chat: group.chat,
    actor: { address: member.address, ...(member.name ? { name: member.name } : {}) },
    viaButton: false,
    urgentWindowMs: Math.max(0, ...deps.planning.settings.leads),
  };
  const ctx = groupContext(base, group, deps.centres);
  if (ctx) {
    // Released as if they had sent /release: the claimer's claim and any seat they held.
    const taken = store.requests.involvingMember(group.id, member.key).filter((r) => isActive(r.state));
    const replies: Reply[] = [];
    for (const request of taken) {
      if (request.claimer === member.key || request.passengers.includes(member.key)) replies.push(...release(ctx, request.number));
    }
    // Only what the group should see: nothing goes to the member who left.
    const forGroup = replies.filter((r) => r.kind !== 'direct' || r.member !== member.address);
    deliverReplies({ store, now, lang: group.lang, chat: group.chat, group, groupContext: ctx, planning: deps.planning }, forGroup);
  }
  store.outbox.dropFor(group.id, member.address);
  store.prompts.forgetMember(group.id, member.key);
  store.members.delete(group.id, member.key);
}
