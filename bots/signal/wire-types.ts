// Shapes on the wire of signal-cli-rest-api, as NOTES.md describes them (not as the spec
// claims): signal-cli emits absent fields as null, older versions as "", so every optional
// field is typed `T | null | undefined` and read defensively.

type Maybe<T> = T | null | undefined;

export interface WireQuote {
  readonly id?: Maybe<number>;
  readonly author?: Maybe<string>;
  readonly authorNumber?: Maybe<string>;
  readonly authorUuid?: Maybe<string>;
  readonly text?: Maybe<string>;
}

export interface WireReaction {
  readonly emoji?: Maybe<string>;
  readonly targetAuthor?: Maybe<string>;
  readonly targetAuthorNumber?: Maybe<string>;
  readonly targetAuthorUuid?: Maybe<string>;
  readonly targetSentTimestamp?: Maybe<number>;
  readonly isRemove?: Maybe<boolean>;
}

export interface WireGroupInfo {
  /** Internal id: standard base64 of 32 bytes (not the REST `group.` form). */
  readonly groupId?: Maybe<string>;
  readonly groupName?: Maybe<string>;
  readonly revision?: Maybe<number>;
  readonly type?: Maybe<string>;
}

export interface WireDataMessage {
  readonly timestamp?: Maybe<number>;
  readonly message?: Maybe<string>;
  readonly expiresInSeconds?: Maybe<number>;
  readonly isExpirationUpdate?: Maybe<boolean>;
  readonly viewOnce?: Maybe<boolean>;
  readonly groupInfo?: Maybe<WireGroupInfo>;
  readonly quote?: Maybe<WireQuote>;
  readonly reaction?: Maybe<WireReaction>;
  readonly remoteDelete?: Maybe<{ readonly timestamp?: Maybe<number> }>;
  readonly mentions?: Maybe<readonly unknown[]>;
  readonly attachments?: Maybe<readonly unknown[]>;
  readonly sticker?: unknown;
}

export interface WireEnvelope {
  readonly source?: Maybe<string>;
  readonly sourceNumber?: Maybe<string>;
  readonly sourceUuid?: Maybe<string>;
  readonly sourceName?: Maybe<string>;
  readonly sourceDevice?: Maybe<number>;
  readonly timestamp?: Maybe<number>;
  readonly dataMessage?: Maybe<WireDataMessage>;
  readonly editMessage?: Maybe<{ readonly targetSentTimestamp?: Maybe<number>; readonly dataMessage?: Maybe<WireDataMessage> }>;
  readonly syncMessage?: unknown;
  readonly typingMessage?: unknown;
  readonly receiptMessage?: unknown;
  readonly callMessage?: unknown;
  readonly storyMessage?: unknown;
}

/** One element of the normal-mode receive array, or one json-rpc websocket frame. */
export interface WireReceived {
  readonly envelope?: Maybe<WireEnvelope>;
  readonly account?: Maybe<string>;
  readonly exception?: Maybe<{ readonly message?: Maybe<string>; readonly type?: Maybe<string> }>;
  /** A signal-cli error notification forwarded by the wrapper as `{"error":"…"}`. */
  readonly error?: unknown;
}

/** `api.SendMessageV2`, only the fields Parloir sends. */
export interface SendMessageBody {
  readonly number: string;
  readonly recipients: readonly string[];
  readonly message: string;
  readonly text_mode: 'normal' | 'styled';
  readonly quote_timestamp?: number;
  readonly quote_author?: string;
  readonly edit_timestamp?: number;
}

export interface WireRecipientError {
  readonly number?: Maybe<string>;
  readonly uuid?: Maybe<string>;
  readonly reason?: Maybe<string>;
}

export interface WireAbout {
  readonly mode?: Maybe<string>;
  readonly version?: Maybe<string>;
  readonly versions?: Maybe<readonly string[]>;
  readonly build?: Maybe<number>;
}

/** `client.IdentityEntry`; `added` is a string of epoch ms. */
export interface WireIdentity {
  readonly number?: Maybe<string>;
  readonly uuid?: Maybe<string>;
  readonly status?: Maybe<string>;
  readonly fingerprint?: Maybe<string>;
  readonly safety_number?: Maybe<string>;
  readonly added?: Maybe<string>;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
