// signal-cli envelope → core InboundEvent. People are keyed by their ACI (sourceUuid), never by
// number (hidden numbers arrive as null) or name. What is not a text or a reaction is ignored
// with a reason code for the logs.
//
// Edited messages are ignored on purpose: the original command already took effect (a claim,
// a new request), and re-running an edited "/visit" would act twice. Users send a new message.

import { chatAddress, memberAddress, messageRef, type ChatAddress } from '../../src/core/ids.js';
import type { InboundEvent } from '../../src/core/transport.js';
import { restGroupId } from './group-id.js';
import { pointedAt } from './pointed-at.js';
import type { WireDataMessage, WireEnvelope, WireReceived } from './wire-types.js';

export type IgnoreReason =
  | 'error-frame'
  | 'exception'
  | 'no-envelope'
  | 'no-source-uuid'
  | 'no-timestamp'
  | 'own-message'
  | 'edit'
  | 'sync'
  | 'receipt'
  | 'typing'
  | 'call'
  | 'story'
  | 'remote-delete'
  | 'group-update'
  | 'no-text'
  | 'other';

export type Mapped =
  | { readonly kind: 'event'; readonly event: InboundEvent }
  | { readonly kind: 'ignored'; readonly reason: IgnoreReason }
  /** The group changed (members, name…): group-update.ts reads who is in it now. */
  | { readonly kind: 'group-update'; readonly chat: ChatAddress; readonly dedupeKey: string };

const ignored = (reason: IgnoreReason): Mapped => ({ kind: 'ignored', reason });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function text(value: string | null | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The dedupe identity of a Signal message: (author ACI, sent timestamp). */
export function signalDedupeKey(sourceUuid: string, timestamp: number): string {
  return `signal:${sourceUuid}:${timestamp}`;
}

export function mapReceived(item: WireReceived, own: { readonly number: string; readonly uuid?: string }): Mapped {
  if (item.error !== undefined && item.error !== null) return ignored('error-frame');
  if (item.exception) return ignored('exception');
  const envelope = item.envelope;
  if (!envelope) return ignored('no-envelope');
  return mapEnvelope(envelope, own);
}

function mapEnvelope(envelope: WireEnvelope, own: { readonly number: string; readonly uuid?: string }): Mapped {
  const uuid = text(envelope.sourceUuid)?.toLowerCase();
  if (!uuid || !UUID.test(uuid)) return ignored('no-source-uuid');
  if (uuid === own.uuid?.toLowerCase() || (envelope.sourceNumber && envelope.sourceNumber === own.number)) return ignored('own-message');
  const timestamp = envelope.timestamp;
  if (typeof timestamp !== 'number' || !Number.isSafeInteger(timestamp) || timestamp <= 0) return ignored('no-timestamp');
  if (envelope.editMessage) return ignored('edit');
  if (envelope.syncMessage) return ignored('sync');
  if (envelope.receiptMessage) return ignored('receipt');
  if (envelope.typingMessage) return ignored('typing');
  if (envelope.callMessage) return ignored('call');
  if (envelope.storyMessage) return ignored('story');
  const data = envelope.dataMessage;
  if (!data) return ignored('other');
  return mapData(data, uuid, timestamp, text(envelope.sourceName), own);
}

/**
 * An @-mention arrives as U+FFFC in the text plus an entry in `mentions` (start and length in
 * UTF-16 units, signal-cli JsonMention). "@Parloir /liste" must read as "/liste": the bot's own
 * mention goes, another member's becomes "@" (their number or UUID never enters the text).
 */
export function withoutMentions(body: string, mentions: readonly unknown[] | null | undefined, own: { readonly number: string; readonly uuid?: string }): string {
  if (!Array.isArray(mentions) || mentions.length === 0) return body;
  const spans = mentions
    .filter(isMention)
    .sort((a, b) => b.start - a.start);
  let out = body;
  for (const m of spans) {
    if (m.start < 0 || m.start + m.length > out.length) continue;
    const isBot = (m.number != null && m.number === own.number) || (m.uuid != null && own.uuid !== undefined && m.uuid.toLowerCase() === own.uuid.toLowerCase());
    out = out.slice(0, m.start) + (isBot ? '' : '@') + out.slice(m.start + m.length);
  }
  return out.trim();
}

interface Mention {
  readonly start: number;
  readonly length: number;
  readonly number?: string | null;
  readonly uuid?: string | null;
}

function isMention(value: unknown): value is Mention {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return typeof m.start === 'number' && typeof m.length === 'number' && m.length > 0;
}

function mapData(
  data: WireDataMessage,
  uuid: string,
  timestamp: number,
  senderName: string | undefined,
  own: { readonly number: string; readonly uuid?: string },
): Mapped {
  if (data.remoteDelete) return ignored('remote-delete');
  const groupId = text(data.groupInfo?.groupId);
  if (data.groupInfo && data.groupInfo.type === 'UPDATE') {
    if (!groupId) return ignored('group-update');
    return { kind: 'group-update', chat: chatAddress('signal', restGroupId(groupId)), dedupeKey: signalDedupeKey(uuid, timestamp) };
  }
  if (data.groupInfo && !groupId) return ignored('other');
  const chat: ChatAddress = groupId ? chatAddress('signal', restGroupId(groupId)) : chatAddress('signal', uuid);
  const base = {
    dedupeKey: signalDedupeKey(uuid, timestamp),
    transport: 'signal' as const,
    chat,
    chatKind: groupId ? ('group' as const) : ('direct' as const),
    sender: memberAddress('signal', uuid),
    ...(senderName ? { senderName } : {}),
  };

  const reaction = data.reaction;
  if (reaction) {
    const target = reaction.targetSentTimestamp;
    const emoji = text(reaction.emoji);
    if (typeof target !== 'number' || !emoji) return ignored('other');
    return { kind: 'event', event: { ...base, kind: 'reaction', emoji, target: messageRef(target), removed: reaction.isRemove === true } };
  }

  if (data.isExpirationUpdate === true) return ignored('other');
  const body = text(withoutMentions(data.message ?? '', data.mentions, own));
  if (!body) return ignored('no-text');
  const quoted = data.quote?.id;
  return {
    kind: 'event',
    event: {
      ...base,
      kind: 'message',
      messageRef: messageRef(timestamp),
      text: body,
      ...(typeof quoted === 'number' && quoted > 0 ? { replyTo: messageRef(quoted) } : {}),
      ...pointedAt(data, own),
    },
  };
}
