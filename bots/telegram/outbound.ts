// Core replies out: one OutboundMessage becomes one sendMessage or editMessageText call.
// Text is sent without parse_mode so nothing a member typed is read as markup.

import type { Api } from 'grammy';
import type { InlineKeyboardMarkup, ReplyParameters } from 'grammy/types';
import { DeliveryError } from '../../src/core/delivery-error.js';
import { type MemberAddress, messageRef, splitAddress } from '../../src/core/ids.js';
import type { OutboundButton, OutboundMessage, SendReceipt } from '../../src/core/transport.js';
import { isNotModified } from './delivery-errors.js';

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

/** Performs the call; Bot API errors propagate unchanged for the caller to classify. */
export async function deliver(api: Api, recipient: Recipient, message: OutboundMessage): Promise<SendReceipt> {
  const reply_markup = keyboardOf(message.buttons);
  if (message.edit !== undefined) {
    try {
      // Without reply_markup Telegram drops the keyboard: an edit states the whole post.
      await api.editMessageText(recipient.chatId, messageIdOf(message.edit), message.text, reply_markup ? { reply_markup } : {});
    } catch (error) {
      if (!isNotModified(error)) throw error;
    }
    return { messageRef: message.edit };
  }
  const reply_parameters: ReplyParameters | undefined = message.replyTo
    ? { message_id: messageIdOf(message.replyTo.ref), allow_sending_without_reply: true }
    : undefined;
  const sent = await api.sendMessage(recipient.chatId, message.text, {
    ...(reply_parameters ? { reply_parameters } : {}),
    ...(reply_markup ? { reply_markup } : {}),
  });
  return { messageRef: messageRef(sent.message_id) };
}
