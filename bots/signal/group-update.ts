// A Signal group update (someone joined, left, was removed, renamed the group…) says only that
// the group changed, not how: signal-cli's JsonGroupInfo carries groupId, name, revision and
// type "UPDATE", no member diff (AsamK/signal-cli src/main/java/org/asamk/signal/json/JsonGroupInfo.java).
// So the adapter reads the group's current members (GET /v1/groups/{number}/{id}?expand=true)
// and hands the core a member-left event with who remains; the core releases whoever is gone.
// A list that holds the bot also says the bot is in the group: a group paused because a send was
// refused ("User is not a member in group", delivery-errors.ts) resumes when the bot is added back.
// A list without the bot is never read as a removal (it may be stale, see below).

import { errorCode } from '../../src/core/error-code.js';
import { type ChatAddress, memberAddress, type MemberAddress, splitAddress } from '../../src/core/ids.js';
import type { BotMembershipEvent, MemberLeftEvent } from '../../src/core/transport.js';
import type { Logger } from '../../src/logger.js';
import type { SignalRestClient } from './rest-client.js';
import { isRecord } from './wire-types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The group as the core should see it now, or undefined when the list cannot be trusted. */
export async function groupUpdateEvent(
  client: Pick<SignalRestClient, 'groupMembers'>,
  update: { readonly chat: ChatAddress; readonly dedupeKey: string },
  own: { readonly number: string; readonly uuid?: string },
  logger: Logger,
): Promise<readonly [BotMembershipEvent, MemberLeftEvent] | undefined> {
  let listed: readonly unknown[] | undefined;
  try {
    listed = await client.groupMembers(splitAddress(update.chat).localId);
  } catch (error) {
    logger.warn('SIGNAL_GROUP_MEMBERS_FAILED', { error: errorCode(error) });
    return undefined;
  }
  const people = (listed ?? []).filter(isRecord);
  // In normal mode the list can be empty or stale until a receive has run: a list without the
  // bot itself is not the group's real list, and acting on it would release everyone's claims.
  const hasBot = people.some((p) => p['number'] === own.number || (own.uuid !== undefined && p['uuid'] === own.uuid));
  if (!listed || !hasBot) {
    logger.warn('SIGNAL_GROUP_MEMBERS_UNTRUSTED', { listed: people.length });
    return undefined;
  }
  const remaining: MemberAddress[] = people
    .filter((p) => p['number'] !== own.number)
    .map((p) => p['uuid'])
    .filter((uuid): uuid is string => typeof uuid === 'string' && UUID.test(uuid) && uuid !== own.uuid)
    .map((uuid) => memberAddress('signal', uuid.toLowerCase()));
  return [
    { kind: 'bot-membership', dedupeKey: `${update.dedupeKey}:bot`, transport: 'signal', chat: update.chat, chatKind: 'group', present: true },
    { kind: 'member-left', dedupeKey: update.dedupeKey, transport: 'signal', chat: update.chat, remaining },
  ];
}
