// Core replies out: one OutboundMessage becomes one sendMessage or editMessageText call.
// Text is sent without parse_mode so nothing a member typed is read as markup.

import { GrammyError, type Api } from 'grammy';
import type { InlineKeyboardMarkup, MessageEntity, ReplyParameters } from 'grammy/types';
import { DeliveryError } from '../../src/core/delivery-error.js';
import { type MemberAddress, messageRef, splitAddress } from '../../src/core/ids.js';
import type { OutboundButton, OutboundMessage, SendReceipt } from '../../src/core/transport.js';
import { isNotModified } from './delivery-errors.js';

/** A link a member typed (a meeting place, a lawyer's site) never unfolds into a preview card. */
const NO_PREVIEW = { link_preview_options: { is_disabled: true } } as const;

export interface Recipient {
  readonly chatId: number;
  /** A positive id is a user: a private chat with one member. */
  readonly direct: boolean;
  readonly member?: MemberAddress;
}

/** "telegram:-100123" → chat -100123; "telegram:42" (a member) → the private chat with user 42. */
export function recipientOf(message: OutboundMessage): Recipient {
  let split: ReturnType<typeof splitAddress>;
  try {
    split = splitAddress(message.to);
  } catch {
    throw new DeliveryError({ code: 'TELEGRAM_BAD_ADDRESS', retry: 'never' });
  }
  const chatId = Number(split.localId);
  if (split.transport !== 'telegram' || !/^-?\d+$/.test(split.localId) || !Number.isSafeInteger(chatId)) {
    throw new DeliveryError({ code: 'TELEGRAM_BAD_ADDRESS', retry: 'never' });
  }
  const direct = chatId > 0;
  return { chatId, direct, ...(direct ? { member: message.to as MemberAddress } : {}) };
}

/** One row of buttons; callback_data carries only the action, the message id says which post. */
export function keyboardOf(buttons: readonly OutboundButton[] | undefined): InlineKeyboardMarkup | undefined {
  if (!buttons || buttons.length === 0) return undefined;
  return { inline_keyboard: [buttons.map((b) => ({ text: b.label, callback_data: b.action }))] };
}

function messageIdOf(ref: string): number {
  const id = Number(ref);
  if (!Number.isSafeInteger(id) || id <= 0) throw new DeliveryError({ code: 'TELEGRAM_BAD_MESSAGE_REF', retry: 'never' });
  return id;
}

/**
 * The message id to quote, if it can be quoted: ephemeral messages (a command sent from a
 * menu the bot's privacy hides) carry message_id 0, which nothing can reply to.
 */
function quotableId(ref: string): number | undefined {
  const id = Number(ref);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

function threadIdOf(topic: string | undefined): number | undefined {
  if (topic === undefined) return undefined;
  const id = Number(topic);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/**
 * A text_mention entity over the member's name, so Telegram notifies them (members without a
 * username can only be mentioned this way). Offsets count UTF-16 code units, like JS strings;
 * no parse_mode, so nothing in the text is read as markup.
 */
function mentionEntities(message: OutboundMessage): MessageEntity[] | undefined {
  const mention = message.mention;
  if (!mention || mention.name === '') return undefined;
  const offset = message.text.indexOf(mention.name);
  let split: ReturnType<typeof splitAddress>;
  try {
    split = splitAddress(mention.member);
  } catch {
    return undefined;
  }
  const id = Number(split.localId);
  if (offset < 0 || split.transport !== 'telegram' || !Number.isSafeInteger(id) || id <= 0) return undefined;
  return [{ type: 'text_mention', offset, length: mention.name.length, user: { id, is_bot: false, first_name: mention.name } }];
}

/** Telegram refuses a reply across topics even with allow_sending_without_reply. */
function isReplyRefused(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 400 && /message to be replied not found/i.test(error.description);
}

function isThreadGone(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 400 && /message thread not found|TOPIC_CLOSED|TOPIC_DELETED/i.test(error.description);
}

/** Performs the call; Bot API errors propagate unchanged for the caller to classify. */
export async function deliver(api: Api, recipient: Recipient, message: OutboundMessage): Promise<SendReceipt> {
  const reply_markup = keyboardOf(message.buttons);
  if (message.edit !== undefined) {
    try {
      // Without reply_markup Telegram drops the keyboard: an edit states the whole post.
      await api.editMessageText(recipient.chatId, messageIdOf(message.edit), message.text, { ...NO_PREVIEW, ...(reply_markup ? { reply_markup } : {}) });
    } catch (error) {
      if (!isNotModified(error)) throw error;
    }
    return { messageRef: message.edit };
  }
  const quoted = message.replyTo ? quotableId(message.replyTo.ref) : undefined;
  let thread = recipient.direct ? undefined : threadIdOf(message.topic);
  const entities = mentionEntities(message);
  const send = (quote: number | undefined) => {
    const reply_parameters: ReplyParameters | undefined = quote !== undefined ? { message_id: quote, allow_sending_without_reply: true } : undefined;
    return api.sendMessage(recipient.chatId, message.text, {
      ...NO_PREVIEW,
      ...(thread !== undefined ? { message_thread_id: thread } : {}),
      ...(entities ? { entities } : {}),
      ...(reply_parameters ? { reply_parameters } : {}),
      ...(reply_markup ? { reply_markup } : {}),
    });
  };
  let sent;
  try {
    sent = await send(quoted);
  } catch (error) {
    // Not a retry of the same call: a post must not be lost because its quote cannot be
    // shown. Unquoted in the same topic; if the topic itself is gone, in the main thread.
    if (isThreadGone(error) && thread !== undefined) {
      thread = undefined;
      sent = await send(undefined);
    } else if (quoted !== undefined && isReplyRefused(error)) {
      sent = await send(undefined);
    } else {
      throw error;
    }
  }
  return { messageRef: messageRef(sent.message_id) };
}
