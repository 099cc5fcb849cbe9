// Telegram updates in, core events out. Pure: no I/O, so every update kind is easy to test.
// Only what the core needs crosses: addresses, the text of messages addressed to the bot,
// button presses and, where the bot is an admin, reactions. Everything else is ignored with a reason code (never its content).

import type { Chat, ChatMember, ChatMemberUpdated, Message, MessageReactionUpdated, ReactionType, Update, User } from 'grammy/types';
import { chatAddress, memberAddress, messageRef } from '../../src/core/ids.js';
import type { ButtonAction, InboundEvent, MemberMention } from '../../src/core/transport.js';

export type IgnoreReason =
  | 'edited'
  | 'channel'
  | 'from-bot'
  | 'no-sender'
  | 'no-text'
  | 'other-bot-command'
  | 'unknown-button'
  | 'inline-button'
  | 'other-update';

export type MappedUpdate =
  | {
      readonly kind: 'event';
      readonly event: InboundEvent;
      readonly callbackQueryId?: string;
      /** A /command without @username in a group: the transport decides whether it is for Parloir. */
      readonly bareGroupCommand?: boolean;
    }
  | { readonly kind: 'ignored'; readonly reason: IgnoreReason; readonly callbackQueryId?: string };

const BUTTON_ACTIONS: readonly ButtonAction[] = ['claim', 'join', 'release'];

/** The key the core dedupes on: Telegram redelivers an unconfirmed update with the same id. */
export function updateDedupeKey(updateId: number): string {
  return `telegram:update:${updateId}`;
}

export function mapUpdate(update: Update, botUsername: string): MappedUpdate {
  const dedupeKey = updateDedupeKey(update.update_id);
  if (update.message) return mapMessage(update.message, dedupeKey, botUsername);
  if (update.callback_query) {
    const query = update.callback_query;
    const ignored = (reason: IgnoreReason): MappedUpdate => ({ kind: 'ignored', reason, callbackQueryId: query.id });
    const action = BUTTON_ACTIONS.find((a) => a === query.data);
    if (!action) return ignored('unknown-button');
    // Buttons under inline-mode results carry no message: Parloir never posts those.
    if (!query.message) return ignored('inline-button');
    if (query.from.is_bot) return ignored('from-bot');
    const chatKind = kindOf(query.message.chat);
    if (!chatKind) return ignored('channel');
    return {
      kind: 'event',
      callbackQueryId: query.id,
      event: {
        kind: 'button',
        dedupeKey,
        transport: 'telegram',
        chat: chatAddress('telegram', String(query.message.chat.id)),
        ...topicOf(query.message),
        chatKind,
        sender: memberAddress('telegram', String(query.from.id)),
        ...nameOf(query.from),
        action,
        target: messageRef(query.message.message_id),
      },
    };
  }
  if (update.message_reaction) return mapReaction(update.message_reaction, dedupeKey);
  if (update.chat_member) return mapChatMember(update.chat_member, dedupeKey);
  if (update.my_chat_member) return mapMembership(update.my_chat_member, dedupeKey);
  if (update.edited_message) return { kind: 'ignored', reason: 'edited' };
  if (update.channel_post || update.edited_channel_post) return { kind: 'ignored', reason: 'channel' };
  return { kind: 'ignored', reason: 'other-update' };
}

function mapMessage(message: Message, dedupeKey: string, botUsername: string): MappedUpdate {
  // A basic group upgraded to a supergroup gets a new id: both service messages move the link
  // (the core ignores the second one, since the new chat is then already linked).
  if (message.migrate_to_chat_id !== undefined) {
    return migrated(dedupeKey, message.chat.id, message.migrate_to_chat_id);
  }
  if (message.migrate_from_chat_id !== undefined) {
    return migrated(dedupeKey, message.migrate_from_chat_id, message.chat.id);
  }
  const chatKind = kindOf(message.chat);
  if (!chatKind) return { kind: 'ignored', reason: 'channel' };
  // "X left the group" / "X removed Y": the service message every bot receives, privacy mode or not.
  if (message.left_chat_member) return left(dedupeKey, message.chat.id, message.left_chat_member);
  // Posts of a linked channel copied into its discussion group: nobody wrote them here.
  if (message.is_automatic_forward === true) return { kind: 'ignored', reason: 'channel' };
  // An anonymous admin (or a member writing as a channel) speaks through sender_chat, with the
  // placeholder GroupAnonymousBot as `from`: no person the core could tell apart.
  const anonymous = message.sender_chat !== undefined;
  if (!message.from && !anonymous) return { kind: 'ignored', reason: 'no-sender' };
  if (!anonymous && message.from?.is_bot) return { kind: 'ignored', reason: 'from-bot' };
  // Joins, leaves, pins, photos without text: nothing for the core.
  if (message.text === undefined) return { kind: 'ignored', reason: 'no-text' };
  const text = stripBotMention(message.text, botUsername);
  if (text === undefined) return { kind: 'ignored', reason: 'other-bot-command' };
  const bareGroupCommand = chatKind === 'group' && text.startsWith('/') && text === message.text;
  const sender = anonymous ? memberAddress('telegram', String(message.sender_chat!.id)) : memberAddress('telegram', String(message.from!.id));
  const replyTo = repliesTo(message);
  const author = replyTo !== undefined ? message.reply_to_message?.from : undefined;
  return {
    kind: 'event',
    ...(bareGroupCommand ? { bareGroupCommand } : {}),
    event: {
      kind: 'message',
      dedupeKey,
      transport: 'telegram',
      chat: chatAddress('telegram', String(message.chat.id)),
      ...topicOf(message),
      chatKind,
      sender,
      ...(anonymous ? { anonymous } : nameOf(message.from!)),
      messageRef: messageRef(message.message_id),
      text,
      ...(replyTo !== undefined ? { replyTo: messageRef(replyTo) } : {}),
      // Replying to a member's message points at that member (/coord add); a bot is nobody.
      ...(author && !author.is_bot ? { replyToAuthor: mentionOf(author) } : {}),
    },
  };
}

/**
 * A member's reactions to a message changed. Telegram sends this only to a bot that is an admin
 * of the chat and asked for it (allowed_updates), never for bots' reactions. It carries the whole
 * before and after, not one emoji: an emoji added is a reaction, as on Signal (the core decides
 * which ones claim); when none was added, one taken away is a removal. Custom and paid reactions
 * are not emoji: nothing.
 */
function mapReaction(update: MessageReactionUpdated, dedupeKey: string): MappedUpdate {
  const chatKind = kindOf(update.chat);
  if (!chatKind) return { kind: 'ignored', reason: 'channel' };
  // An anonymous admin reacts as the chat (actor_chat): nobody the task could go to.
  if (!update.user) return { kind: 'ignored', reason: 'no-sender' };
  if (update.user.is_bot) return { kind: 'ignored', reason: 'from-bot' };
  const emoji = (list: readonly ReactionType[]) => list.flatMap((r) => (r.type === 'emoji' ? [r.emoji] : []));
  const before = emoji(update.old_reaction);
  const after = emoji(update.new_reaction);
  const added = after.find((e) => !before.includes(e));
  const taken = before.find((e) => !after.includes(e));
  const changed = added ?? taken;
  if (changed === undefined) return { kind: 'ignored', reason: 'other-update' };
  return {
    kind: 'event',
    event: {
      kind: 'reaction',
      dedupeKey,
      transport: 'telegram',
      chat: chatAddress('telegram', String(update.chat.id)),
      chatKind,
      sender: memberAddress('telegram', String(update.user.id)),
      ...nameOf(update.user),
      emoji: changed,
      target: messageRef(update.message_id),
      removed: added === undefined,
    },
  };
}

/**
 * A forum topic's id. Outside forums, replies in supergroups carry a message_thread_id too (the
 * reply thread): only is_topic_message says it is a topic.
 */
function topicOf(message: { is_topic_message?: boolean; message_thread_id?: number }): { topic?: string } {
  return message.is_topic_message === true && message.message_thread_id !== undefined ? { topic: String(message.message_thread_id) } : {};
}

/** In forum topics every message "replies" to the topic's opening service message: not a reply. */
function repliesTo(message: Message): number | undefined {
  const target = message.reply_to_message;
  if (!target || target.forum_topic_created) return undefined;
  return target.message_id;
}

/** A member left or was removed. The bot's own removal is not a member leaving. */
function left(dedupeKey: string, chatId: number, user: User): MappedUpdate {
  if (user.is_bot) return { kind: 'ignored', reason: 'from-bot' };
  return {
    kind: 'event',
    event: { kind: 'member-left', dedupeKey, transport: 'telegram', chat: chatAddress('telegram', String(chatId)), members: [memberAddress('telegram', String(user.id))] },
  };
}

/** chat_member updates (sent to bots that are administrators): only a member going away matters. */
function mapChatMember(update: ChatMemberUpdated, dedupeKey: string): MappedUpdate {
  const status = update.new_chat_member.status;
  const was = update.old_chat_member.status;
  const gone = (s: string) => s === 'left' || s === 'kicked';
  if (!gone(status) || gone(was) || !kindOf(update.chat)) return { kind: 'ignored', reason: 'other-update' };
  return left(dedupeKey, update.chat.id, update.new_chat_member.user);
}

/** The bot's own status in a chat changed: removed, the group deleted, or added (back). */
function mapMembership(change: ChatMemberUpdated, dedupeKey: string): MappedUpdate {
  const chatKind = kindOf(change.chat);
  if (!chatKind) return { kind: 'ignored', reason: 'channel' };
  const present = isPresent(change.new_chat_member);
  // Promoted, demoted, restricted: still there, nothing for the core.
  if (present === isPresent(change.old_chat_member)) return { kind: 'ignored', reason: 'other-update' };
  return {
    kind: 'event',
    event: { kind: 'bot-membership', dedupeKey, transport: 'telegram', chat: chatAddress('telegram', String(change.chat.id)), chatKind, present },
  };
}

function isPresent(member: ChatMember): boolean {
  switch (member.status) {
    case 'creator':
    case 'administrator':
    case 'member':
      return true;
    case 'restricted':
      return member.is_member;
    default:
      return false;
  }
}

function migrated(dedupeKey: string, from: number, to: number): MappedUpdate {
  return {
    kind: 'event',
    event: {
      kind: 'chat-migrated',
      dedupeKey,
      transport: 'telegram',
      from: chatAddress('telegram', String(from)),
      to: chatAddress('telegram', String(to)),
    },
  };
}

// Telegram appends "@BotName" to commands picked from the menu in groups.
const COMMAND_WITH_MENTION = /^(\/[^\s@]+)@([A-Za-z0-9_]+)(?=\s|$)/;

/**
 * "/visit@ParloirBot 2026-12-01" → "/visit 2026-12-01". Undefined when the command names
 * another bot (it is not ours to run); any other text is returned unchanged.
 */
export function stripBotMention(text: string, botUsername: string): string | undefined {
  const match = COMMAND_WITH_MENTION.exec(text);
  if (!match) return text;
  const [whole, command, name] = match;
  if (name?.toLowerCase() !== botUsername.toLowerCase()) return undefined;
  return `${command ?? ''}${text.slice(whole.length)}`;
}

function kindOf(chat: Chat): 'group' | 'direct' | undefined {
  switch (chat.type) {
    case 'private':
      return 'direct';
    case 'group':
    case 'supergroup':
      return 'group';
    default:
      return undefined;
  }
}

function mentionOf(user: User): MemberMention {
  const { senderName } = nameOf(user);
  return { address: memberAddress('telegram', String(user.id)), ...(senderName ? { name: senderName } : {}) };
}

function nameOf(user: User): { senderName?: string } {
  const name = [user.first_name, user.last_name].filter((part) => part !== undefined && part !== '').join(' ').trim();
  return name === '' ? {} : { senderName: name };
}
