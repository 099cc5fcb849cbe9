// Safety numbers (Signal). When a member's key changes, the member is held in every group: the
// outbox sends them a neutral notice instead of anything sensitive, their commands that change
// anything are refused, and the other coordinators are told (or, with none left, the group).
// A coordinator who compared the new safety number with the member in person sends
// /verify <60 digits>; the transport checks it (signal-cli's trust endpoint) and the hold lifts
// in that group. The held member can never verify themself; an operator can (`npx parloir verify`).

import { decide } from '../commands/authorization.js';
import type { GroupId, MemberAddress } from '../core/ids.js';
import type { MessageEvent } from '../core/transport.js';
import { msg, type Msg, t } from '../i18n/index.js';
import type { Lang } from '../i18n/lang.js';
import type { Store } from '../store/store.js';

/** Asks the platform to trust `member`'s current key if it matches `safetyNumber`. */
export type IdentityVerifier = (member: MemberAddress, safetyNumber: string) => Promise<boolean>;

/** Holds the member everywhere and tells each group's other coordinators. */
export function holdMember(store: Store, member: MemberAddress, now: number): GroupId[] {
  const groups = store.members.hold(member, now);
  for (const id of groups) {
    const group = store.groups.get(id);
    if (!group) continue;
    const key = store.members.keyOf(id, member);
    const held = store.members.get(id, key);
    const who = held?.name ?? t(group.lang, 'someone', { tag: key.slice(0, 4) });
    const others = store.members.coordinators(id).filter((c) => c.address !== member && !store.members.isHeld(id, c.key));
    for (const coordinator of others) {
      store.outbox.enqueue({ group: id, to: coordinator.address, text: t(group.lang, 'alertIdentity', { who }) }, now);
    }
    // Nobody left who may verify: say so in the group, with the two ways out.
    if (others.length === 0) store.outbox.enqueue({ group: id, to: group.chat, text: t(group.lang, 'heldNoCoordinator', { who }) }, now);
  }
  return groups;
}

/** The text actually sent to a held member in place of a direct message. */
export function heldNotice(lang: Lang): string {
  return t(lang, 'heldNotice');
}

export interface VerifyOutcome {
  readonly answer: Msg;
  /** The member whose hold was lifted, if any. */
  readonly verified?: MemberAddress;
}

/**
 * /verify in a group: only a coordinator; tries the safety number against each member held in
 * the group until the platform accepts one. Reads the store, calls the platform; writes nothing.
 */
export async function checkSafetyNumber(
  store: Store,
  verify: IdentityVerifier,
  event: MessageEvent,
  safetyNumber: string | undefined,
): Promise<VerifyOutcome> {
  const group = store.groups.findByChat(event.chat);
  if (!group) return { answer: msg('groupOnly') };
  const key = store.members.keyOf(group.id, event.sender);
  const me = store.members.get(group.id, key);
  const decision = decide('verify', { key, coordinator: me?.role === 'coordinator', held: me !== undefined && store.members.isHeld(group.id, key) });
  if (!decision.ok) return { answer: decision.answer };
  if (!safetyNumber) return { answer: msg('verifyUsage') };
  const held = store.members.held(group.id);
  if (held.length === 0) return { answer: msg('verifyNothingHeld') };
  for (const member of held) {
    if (await verify(member.address, safetyNumber)) {
      return { answer: msg('verified', { who: member.name ?? t(group.lang, 'someone', { tag: member.key.slice(0, 4) }) }), verified: member.address };
    }
  }
  return { answer: msg('verifyNoMatch') };
}

/** A hold as the operator sees it: no names, only the group, the centre and the member's tag. */
export interface HoldView {
  readonly group: GroupId;
  readonly centreId: string;
  readonly tag: string;
  readonly heldAt: number;
}

export function listHolds(store: Store): HoldView[] {
  return store.members.allHeld().flatMap((h) => {
    const group = store.groups.get(h.group);
    return group ? [{ group: h.group, centreId: group.centreId, tag: h.key.slice(0, 8), heldAt: h.heldAt }] : [];
  });
}

/**
 * The operator lifts a hold (`npx parloir verify <group> <tag>`), having compared the safety
 * number with the member: the way out when the group has no other coordinator. The group is told.
 */
export function liftHoldByOperator(store: Store, group: GroupId, tag: string, now: number): 'lifted' | 'not-found' | 'ambiguous' {
  if (tag.length < 4) return 'not-found';
  const matches = store.members.allHeld().filter((h) => h.group === group && h.key.startsWith(tag.toLowerCase()));
  const [match] = matches;
  if (!match) return 'not-found';
  if (matches.length > 1) return 'ambiguous';
  const found = store.groups.get(group);
  store.members.unhold(group, match.key);
  if (found) {
    const member = store.members.get(group, match.key);
    const who = member?.name ?? t(found.lang, 'someone', { tag: match.key.slice(0, 4) });
    store.outbox.enqueue({ group, to: found.chat, text: t(found.lang, 'verified', { who }) }, now);
  }
  return 'lifted';
}
