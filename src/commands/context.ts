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
  readonly actor: Actor;
  /** True when the event is a button press: confirmations become notices. */
  readonly viaButton: boolean;
}

export interface GroupContext extends ExecContext {
  readonly group: Group;
  readonly centre: Centre;
}

/** Records the actor as a member of the group (first action) and returns them. */
export function actingMember(ctx: GroupContext): Member {
  return ctx.store.members.touch(ctx.group.id, ctx.actor.address, ctx.actor.name, ctx.now);
}
