// Received-envelope builders with the current signal-cli field set (NOTES §2.4–2.5): absent
// non-optional fields are null, `groupInfo.groupId` is the internal id, reactions carry
// `message: null`. Everyone here is invented.

export interface Person {
  readonly number: string | null;
  readonly uuid: string;
  readonly name: string | null;
}

export const BOT = { number: '+33600000099', uuid: '99999999-9999-4999-8999-999999999999' } as const;
export const ALICE: Person = { number: '+33600000001', uuid: '11111111-1111-4111-8111-111111111111', name: 'Alice' };
/** Hides her number: `sourceNumber: null`, `source` is the UUID. */
export const BERTHE: Person = { number: null, uuid: '22222222-2222-4222-8222-222222222222', name: 'Berthe' };
export const CHARLES: Person = { number: '+33600000003', uuid: '33333333-3333-4333-8333-333333333333', name: null };

/** Internal id (base64 of bytes 0..31) and its REST form, from NOTES §3.2. */
export const GROUP = {
  internalId: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=',
  restId: 'group.QUFFQ0F3UUZCZ2NJQ1FvTERBME9EeEFSRWhNVUZSWVhHQmthR3h3ZEhoOD0=',
  name: 'CRA Test',
} as const;

export type Received = Record<string, unknown> & { envelope?: Record<string, unknown> };

let clock = 1_767_225_600_000;
/** A fresh sent-timestamp, always increasing. */
export function nextTimestamp(): number {
  clock += 1 + Math.floor(Math.random() * 5);
  return clock;
}

function source(person: Person, timestamp: number): Record<string, unknown> {
  return {
    source: person.number ?? person.uuid,
    sourceNumber: person.number,
    sourceUuid: person.uuid,
    sourceName: person.name,
    sourceDevice: 1,
    timestamp,
    serverReceivedTimestamp: timestamp + 50,
    serverDeliveredTimestamp: timestamp + 90,
  };
}

function groupInfo(type: 'DELIVER' | 'UPDATE' = 'DELIVER'): Record<string, unknown> {
  return { groupId: GROUP.internalId, groupName: GROUP.name, revision: 3, type };
}

function data(timestamp: number, fields: Record<string, unknown>): Record<string, unknown> {
  return { timestamp, message: null, expiresInSeconds: 0, isExpirationUpdate: false, viewOnce: false, ...fields };
}

export function wrap(envelope: Record<string, unknown>, account: string = BOT.number): Received {
  return { envelope, account };
}

export interface QuoteOf {
  readonly id: number;
  readonly author: { readonly number: string | null; readonly uuid: string };
  readonly text?: string;
}

function quote(q: QuoteOf): Record<string, unknown> {
  return { id: q.id, author: q.author.number ?? q.author.uuid, authorNumber: q.author.number, authorUuid: q.author.uuid, text: q.text ?? null, attachments: [] };
}

export interface TextOptions {
  readonly group?: boolean;
  readonly quote?: QuoteOf;
  readonly timestamp?: number;
  /** People @-mentioned: each is one U+FFFC appended to the body (NOTES §2.4). */
  readonly mentions?: readonly Person[];
  /** @-mentions already in the body: each stands there as U+FFFC at `start` (UTF-16 units). */
  readonly mentionsAt?: readonly { readonly who: { readonly number: string | null; readonly uuid: string }; readonly start: number }[];
  /** Photos attached (signal-cli JsonAttachment, trimmed). */
  readonly attachments?: number;
}

/**
 * Mentions as signal-cli's JsonMention record emits them: name (legacy identifier: the number,
 * else the uuid), number (null when hidden), uuid, start and length in UTF-16 units
 * (AsamK/signal-cli src/main/java/org/asamk/signal/json/JsonMention.java).
 */
function mentioning(body: string, people: readonly Person[]): { message: string; mentions: Record<string, unknown>[] } {
  let message = body;
  const mentions = people.map((p) => {
    message += ' ';
    const start = message.length;
    message += '\uFFFC';
    return { name: p.number ?? p.uuid, number: p.number, uuid: p.uuid, start, length: 1 };
  });
  return { message, mentions };
}

/** The placeholder signal-cli puts in the text where a member was @-mentioned. */
export const MENTION = '\uFFFC';

export function text(from: Person, body: string, options: TextOptions = {}): Received {
  const ts = options.timestamp ?? nextTimestamp();
  const fields: Record<string, unknown> = options.mentions ? mentioning(body, options.mentions) : { message: body };
  if (options.mentionsAt) {
    fields.mentions = options.mentionsAt.map((m) => ({ name: m.who.number ?? m.who.uuid, number: m.who.number, uuid: m.who.uuid, start: m.start, length: 1 }));
  }
  if (options.attachments) {
    fields.attachments = Array.from({ length: options.attachments }, (_, i) => ({ contentType: 'image/jpeg', filename: null, id: `att${ts}${i}.jpg`, size: 123_456, width: 1024, height: 768, caption: null, uploadTimestamp: ts }));
  }
  if (options.group !== false) fields.groupInfo = groupInfo();
  if (options.quote) fields.quote = quote(options.quote);
  return wrap({ ...source(from, ts), dataMessage: data(ts, fields) });
}

export function reaction(from: Person, target: QuoteOf, options: { emoji?: string; remove?: boolean; group?: boolean } = {}): Received {
  const ts = nextTimestamp();
  const fields: Record<string, unknown> = {
    reaction: {
      emoji: options.emoji ?? '👍',
      targetAuthor: target.author.number ?? target.author.uuid,
      targetAuthorNumber: target.author.number,
      targetAuthorUuid: target.author.uuid,
      targetSentTimestamp: target.id,
      isRemove: options.remove ?? false,
    },
  };
  if (options.group !== false) fields.groupInfo = groupInfo();
  return wrap({ ...source(from, ts), dataMessage: data(ts, fields) });
}

export function edit(from: Person, targetSentTimestamp: number, body: string): Received {
  const ts = nextTimestamp();
  return wrap({ ...source(from, ts), editMessage: { targetSentTimestamp, dataMessage: data(ts, { message: body, groupInfo: groupInfo() }) } });
}

export function remoteDelete(from: Person, targetSentTimestamp: number): Received {
  const ts = nextTimestamp();
  return wrap({ ...source(from, ts), dataMessage: data(ts, { remoteDelete: { timestamp: targetSentTimestamp }, groupInfo: groupInfo() }) });
}

export function receipt(from: Person, timestamps: readonly number[]): Received {
  const ts = nextTimestamp();
  return wrap({ ...source(from, ts), receiptMessage: { when: ts, isDelivery: false, isRead: true, isViewed: false, timestamps } });
}

export function typing(from: Person): Received {
  const ts = nextTimestamp();
  return wrap({ ...source(from, ts), typingMessage: { action: 'STARTED', timestamp: ts, groupId: GROUP.internalId } });
}

/** The phone owner's own message, when the bot's number is a linked device. */
export function syncSent(from: Person, body: string): Received {
  const ts = nextTimestamp();
  return wrap({
    ...source(from, ts),
    syncMessage: { sentMessage: { destination: null, destinationNumber: null, destinationUuid: null, timestamp: ts, message: body, expiresInSeconds: 0, viewOnce: false, groupInfo: groupInfo() } },
  });
}

export function groupUpdate(from: Person): Received {
  const ts = nextTimestamp();
  return wrap({ ...source(from, ts), dataMessage: data(ts, { groupInfo: groupInfo('UPDATE') }) });
}

/** A message signal-cli could not decrypt: a partial envelope plus `exception`. */
export function undecryptable(from: Person): Received {
  const ts = nextTimestamp();
  return { ...wrap({ ...source(from, ts) }), exception: { message: 'org.signal.libsignal.protocol.UntrustedIdentityException', type: 'UntrustedIdentityException' } };
}

/** An envelope without a sender UUID (sealed-sender oddities, old versions). */
export function anonymous(body: string): Received {
  const ts = nextTimestamp();
  return wrap({ source: null, sourceNumber: null, sourceUuid: null, sourceName: null, sourceDevice: null, timestamp: ts, dataMessage: data(ts, { message: body, groupInfo: groupInfo() }) });
}

/** A Java stack trace as signal-cli prints it on stderr (NOTES §2.1, issue #680). */
export const STACK_TRACE = [
  'java.io.IOException: Connection closed unexpectedly {while receiving}',
  '\tat org.example.signal.ReceiveHelper.receive(ReceiveHelper.java:101)',
  '\tat org.example.signal.ReceiveCommand.handle(ReceiveCommand.java:42)',
].join('\n');
