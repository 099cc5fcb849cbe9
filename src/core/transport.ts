// The boundary between the core and the chat platforms. Adapters in bots/* turn platform
// events into InboundEvent and OutboundMessage into platform calls; nothing else crosses.

import type { ChatAddress, MemberAddress, MessageRef, TransportName } from './ids.js';

/** Transports whose posts are edited in place to show a request's current state. */
export const EDITS_POSTS: Readonly<Record<TransportName, boolean>> = { telegram: true, signal: false, local: false };

/** What a button on a bot post does. Transports without buttons never emit these. */
export type ButtonAction = 'claim' | 'join' | 'release';

interface EventBase {
  /**
   * Stable across redeliveries of the same platform event (Signal: sender uuid + timestamp,
   * Telegram: update_id). The core records it in the same transaction as the event's effects,
   * so a redelivered event is answered once.
   */
  readonly dedupeKey: string;
  readonly transport: TransportName;
  readonly chat: ChatAddress;
  /**
   * The sub-conversation of the chat the event happened in (Telegram: a forum topic's
   * message_thread_id). Absent: the chat's main thread, or a platform without topics.
   */
  readonly topic?: string;
  readonly chatKind: 'group' | 'direct';
  readonly sender: MemberAddress;
  /** The sender's profile name if the platform gives one; stored sealed, shown to the group. */
  readonly senderName?: string;
}

/** A person a message points at: the author of the quoted message, or an @-mention. */
export interface MemberMention {
  readonly address: MemberAddress;
  readonly name?: string;
}

/** A text message: a command, a reply to a bot post, or ordinary chatter (ignored). */
export interface MessageEvent extends EventBase {
  readonly kind: 'message';
  readonly messageRef: MessageRef;
  readonly text: string;
  /** The message this one replies to or quotes, if any. */
  readonly replyTo?: MessageRef;
  /** Who wrote the quoted message, when it is a member (never the bot itself). */
  readonly replyToAuthor?: MemberMention;
  /** Members @-mentioned in the message (Signal), in order. */
  readonly mentions?: readonly MemberMention[];
  /**
   * False when a command may be meant for another bot of the chat (Telegram: a bare /command
   * in a group where other bots are known): an unknown command then gets no answer.
   * Absent or true: the message is for Parloir.
   */
  readonly addressedToBot?: boolean;
  /**
   * Written on behalf of the chat, not by a person the bot can tell apart (Telegram: an admin
   * who "remains anonymous"). Such a sender can read, but cannot link, ask or take anything.
   */
  readonly anonymous?: boolean;
}

/** An emoji reaction added to (or removed from) a message. */
export interface ReactionEvent extends EventBase {
  readonly kind: 'reaction';
  readonly emoji: string;
  readonly target: MessageRef;
  readonly removed: boolean;
}

/** A button pressed under a bot post (Telegram inline keyboard). */
export interface ButtonEvent extends EventBase {
  readonly kind: 'button';
  readonly action: ButtonAction;
  readonly target: MessageRef;
}

/** A chat changed its address (Telegram group upgraded to a supergroup). The link follows. */
export interface ChatMigratedEvent {
  readonly kind: 'chat-migrated';
  readonly dedupeKey: string;
  readonly transport: TransportName;
  readonly from: ChatAddress;
  readonly to: ChatAddress;
}

/** A member's safety number changed (Signal): hold sensitive messages until it is verified. */
export interface IdentityChangedEvent {
  readonly kind: 'identity-changed';
  readonly dedupeKey: string;
  readonly transport: TransportName;
  readonly member: MemberAddress;
}

/**
 * Members left a group or were removed. Telegram says who (`members`); Signal only says the
 * group changed, so its adapter reads the current member list and sends it as `remaining`:
 * every known member not in it has left.
 */
export interface MemberLeftEvent {
  readonly kind: 'member-left';
  readonly dedupeKey: string;
  readonly transport: TransportName;
  readonly chat: ChatAddress;
  readonly members?: readonly MemberAddress[];
  readonly remaining?: readonly MemberAddress[];
}

/**
 * The bot itself left or joined a chat (Telegram my_chat_member: removed from a group, the
 * group deleted, added back). A linked group the bot is not in is paused until it is back.
 */
export interface BotMembershipEvent {
  readonly kind: 'bot-membership';
  readonly dedupeKey: string;
  readonly transport: TransportName;
  readonly chat: ChatAddress;
  readonly chatKind: 'group' | 'direct';
  /** True: the bot is (again) in the chat; false: it was removed, or the chat is gone. */
  readonly present: boolean;
}

export type InboundEvent =
  | MessageEvent
  | ReactionEvent
  | ButtonEvent
  | ChatMigratedEvent
  | IdentityChangedEvent
  | BotMembershipEvent
  | MemberLeftEvent;

/**
 * What the core did with an event. `notice` is a short text in the user's language that a
 * transport may show in place of a chat message (Telegram's answerCallbackQuery).
 */
export interface EventOutcome {
  readonly status: 'handled' | 'duplicate' | 'ignored' | 'failed';
  readonly notice?: string;
}

export type EventHandler = (event: InboundEvent) => Promise<EventOutcome>;

export interface OutboundButton {
  readonly action: ButtonAction;
  readonly label: string;
}

export interface OutboundMessage {
  /** Outbox row id: stable across retries of the same message. */
  readonly id: number;
  /** A chat, or a member for a direct message. */
  readonly to: ChatAddress | MemberAddress;
  /** The topic of the chat to post in (see EventBase.topic); absent: the main thread. */
  readonly topic?: string;
  readonly text: string;
  /** Quote/reply to this message. Signal needs the quoted message's author as well. */
  readonly replyTo?: { readonly ref: MessageRef; readonly author?: MemberAddress };
  /** Buttons to show under the post (transports without buttons ignore them). */
  readonly buttons?: readonly OutboundButton[];
  /**
   * A member named in the text (at the first occurrence of `name`): transports that can make
   * the name notify them do (Telegram: a text_mention entity, without any markup parsing).
   */
  readonly mention?: { readonly member: MemberAddress; readonly name: string };
  /** When set, edit this earlier bot post in place instead of sending a new message. */
  readonly edit?: MessageRef;
}

export interface SendReceipt {
  /** The platform's id of the delivered message; stored so replies and reactions find it. */
  readonly messageRef?: MessageRef;
  /** Delivered, but some recipients were not reached (Signal partial group failure). */
  readonly problems?: readonly DeliveryProblem[];
}

/** Something coordinators should hear about, once, in their language. */
export type DeliveryAlert =
  | 'rate-limited' // the platform throttles the bot; it backs off and retries
  | 'captcha-required' // Signal wants a rate-limit challenge solved by a human
  | 'identity-changed' // a recipient's safety number changed (Signal)
  | 'recipient-unreachable' // unregistered number, bot blocked, left the chat
  | 'direct-not-started' // Telegram: the member never started the bot, so no direct message
  | 'removed-from-chat'; // the bot is no longer in the group's chat (removed, or the chat is gone)

export interface DeliveryProblem {
  /** Stable code for logs, e.g. SIGNAL_UNTRUSTED_IDENTITY. Never message text or numbers. */
  readonly code: string;
  readonly alert?: DeliveryAlert;
  /** The member concerned, when the platform says which. */
  readonly member?: MemberAddress;
}

export interface Transport {
  readonly name: TransportName;
  /** Connects and starts delivering inbound events to `onEvent`, awaiting each before confirming it. */
  start(onEvent: EventHandler): Promise<void>;
  /** Delivers one message or throws DeliveryError. Must not retry internally: the outbox does. */
  send(message: OutboundMessage): Promise<SendReceipt>;
  stop(): Promise<void>;
}
