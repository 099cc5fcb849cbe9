import type { Centre, CentreDirectory } from '../core/centres.js';
import type { Group, Member } from '../core/domain.js';
import type { ChatAddress, MemberAddress } from '../core/ids.js';
import type { Lang } from '../i18n/lang.js';
import type { Store } from '../store/store.js';

/** Who acts, where, when, and in which language the answer goes. */
export interface Actor {
  readonly address: MemberAddress;
  readonly name?: string;
}

export interface ExecContext {
  readonly store: Store;
  readonly centres: CentreDirectory;
  readonly now: number;
  readonly lang: Lang;
  readonly chat: ChatAddress;
  /** The topic of the chat the event came from (Telegram forum topic), if any. */
  readonly topic?: string;
  readonly actor: Actor;
  /** True when the event is a button press: confirmations become notices. */
  readonly viaButton: boolean;
  /** A release this close to the request's time reposts it as urgent (the largest reminder lead). */
  readonly urgentWindowMs: number;
}

/** Enough to describe a group's requests: used by executors and by the scheduler. */
export interface ViewContext {
  readonly store: Store;
  readonly lang: Lang;
  readonly group: Group;
  readonly centre: Centre;
}

export interface GroupContext extends ExecContext, ViewContext {}

/** Records the actor as a member of the group (first action) and returns them. */
export function actingMember(ctx: GroupContext): Member {
  return ctx.store.members.touch(ctx.group.id, ctx.actor.address, ctx.actor.name, ctx.now);
}
