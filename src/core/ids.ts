// Branded, namespaced identifiers. An address is what a transport needs to reach a chat or a
// member ("signal:group.QUFB…", "signal:3f2a…-uuid", "telegram:-100123", "local:sam").
// Addresses are personal data: they are stored only as a blind index plus a sealed copy,
// and never logged.

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export const TRANSPORT_NAMES = ['local', 'signal', 'telegram'] as const;
export type TransportName = (typeof TRANSPORT_NAMES)[number];

/** A chat (group or direct conversation) on one transport, namespaced by transport. */
export type ChatAddress = Brand<string, 'ChatAddress'>;
/** A member (person) on one transport, namespaced by transport. */
export type MemberAddress = Brand<string, 'MemberAddress'>;
/** A transport's own id of a message it delivered or received (Signal timestamp, Telegram message_id). */
export type MessageRef = Brand<string, 'MessageRef'>;
/** The store's row id of a linked group. Never shown to users. */
export type GroupId = Brand<number, 'GroupId'>;

export function chatAddress(transport: TransportName, localId: string): ChatAddress {
  return `${transport}:${localId}` as ChatAddress;
}

export function memberAddress(transport: TransportName, localId: string): MemberAddress {
  return `${transport}:${localId}` as MemberAddress;
}

export function messageRef(value: string | number): MessageRef {
  return String(value) as MessageRef;
}

export function groupId(value: number): GroupId {
  return value as GroupId;
}

/** Splits "signal:group.abc" into its transport and the transport-local part. */
export function splitAddress(address: ChatAddress | MemberAddress): { transport: TransportName; localId: string } {
  const at = address.indexOf(':');
  const transport = address.slice(0, at);
  if (at <= 0 || !isTransportName(transport)) {
    throw new Error(`address without a known transport prefix (code ADDRESS_PREFIX)`);
  }
  return { transport, localId: address.slice(at + 1) };
}

export function isTransportName(value: string): value is TransportName {
  return (TRANSPORT_NAMES as readonly string[]).includes(value);
}
