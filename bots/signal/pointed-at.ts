// Whom a Signal message points at: the author of the message it quotes, and the members it
// @-mentions. /coord add uses them to name the member to promote. Members are their ACI (uuid);
// the bot itself is never a target. Wire shapes: quote.authorUuid and mentions[].uuid, as
// signal-cli's JsonQuote / JsonMention emit them (see shared/contracts/NOTES.md §2).

import { memberAddress } from '../../src/core/ids.js';
import type { MemberMention } from '../../src/core/transport.js';
import { isRecord, type WireDataMessage } from './wire-types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function person(uuid: unknown, own: { readonly number: string; readonly uuid?: string }): MemberMention | undefined {
  if (typeof uuid !== 'string' || !UUID.test(uuid)) return undefined;
  const id = uuid.toLowerCase();
  if (id === own.uuid?.toLowerCase()) return undefined;
  return { address: memberAddress('signal', id) };
}

export function pointedAt(
  data: WireDataMessage,
  own: { readonly number: string; readonly uuid?: string },
): { replyToAuthor?: MemberMention; mentions?: readonly MemberMention[] } {
  const quote = data.quote;
  const quoted = quote && quote.authorNumber !== own.number ? person(quote.authorUuid, own) : undefined;
  const mentions = (data.mentions ?? [])
    .filter(isRecord)
    .filter((m) => m['number'] !== own.number)
    .map((m) => person(m['uuid'], own))
    .filter((m): m is MemberMention => m !== undefined);
  return { ...(quoted ? { replyToAuthor: quoted } : {}), ...(mentions.length > 0 ? { mentions } : {}) };
}
