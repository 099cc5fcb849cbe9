// The state behind the fake Bot API: who started the bot privately, which chats the bot is in,
// the messages it sent, its command menus and webhook. Each method answers like Telegram:
// a result, or an ApiFailure with Telegram's wording.

import type { BotCommand, Chat, InlineKeyboardMarkup, Message, User } from 'grammy/types';
import { type ApiFailure, failures } from './api-failures.js';
import { privateChatOf } from './objects.js';

export type Params = Readonly<Record<string, unknown>>;
export type Answer = { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly failure: ApiFailure };

const ok = (result: unknown): Answer => ({ ok: true, result });
const fail = (failure: ApiFailure): Answer => ({ ok: false, failure });
const now = () => Math.floor(Date.now() / 1000);

export interface StoredMessage {
  readonly message: Message;
  /** Bumped on each successful edit. */
  readonly edits: number;
}

export class BotApiModel {
  readonly users = new Map<number, User>();
  readonly chats = new Map<number, Chat>();
  /** Users who opened a private chat with the bot and pressed Start. */
  readonly started = new Set<number>();
  readonly blocked = new Set<number>();
  readonly kicked = new Set<number>();
  /** Old basic group id → its new supergroup id. */
  readonly migrated = new Map<number, number>();
  readonly messages = new Map<string, StoredMessage>();
  readonly commands = new Map<string, BotCommand[]>();
  readonly callbackQueries = new Map<string, { answered: boolean; text?: string }>();
  /** Group administrators (getChatAdministrators), per chat. */
  readonly admins = new Map<number, User[]>();
  /** Forum chats → their open topics (message_thread_id = the id of the topic's first message). */
  readonly topics = new Map<number, Set<number>>();
  webhook: { url: string; secret_token?: string; allowed_updates?: string[] } | undefined;
  private readonly lastMessageId = new Map<number, number>();

  constructor(
    readonly me: User & { username: string },
    /** A self-hosted server started with --local: webhooks over http:// and any port. */
    readonly local = false,
  ) {}

  nextMessageId(chatId: number): number {
    const id = (this.lastMessageId.get(chatId) ?? 100) + 1;
    this.lastMessageId.set(chatId, id);
    return id;
  }

  remember(message: Message): void {
    this.messages.set(`${message.chat.id}:${message.message_id}`, { message, edits: 0 });
    this.chats.set(message.chat.id, message.chat);
    if (message.from && !message.from.is_bot) this.users.set(message.from.id, message.from);
  }

  find(chatId: number, messageId: number): StoredMessage | undefined {
    return this.messages.get(`${chatId}:${messageId}`);
  }

  getMe(): Answer {
    return ok({ ...this.me, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false });
  }

  /** Why a message to this chat would be refused, if it would. */
  private refusal(chatId: number): ApiFailure | undefined {
    const to = this.migrated.get(chatId);
    if (to !== undefined) return failures.migrated(to);
    if (chatId > 0) {
      if (this.blocked.has(chatId)) return failures.blocked();
      if (!this.started.has(chatId)) return this.users.has(chatId) ? failures.cannotInitiate() : failures.chatNotFound();
      return undefined;
    }
    if (this.kicked.has(chatId)) return failures.kicked();
    if (!this.chats.has(chatId)) return failures.chatNotFound();
    return undefined;
  }

  sendMessage(params: Params): Answer {
    const chatId = params.chat_id;
    const text = params.text;
    if (typeof chatId !== 'number') return fail(failures.badRequest('chat_id is empty'));
    if (typeof text !== 'string' || text.trim() === '') return fail(failures.badRequest('message text is empty'));
    if (text.length > 4096) return fail(failures.badRequest('message is too long'));
    const refused = this.refusal(chatId);
    if (refused) return fail(refused);
    const chat = chatId > 0 ? privateChatOf(this.users.get(chatId) ?? { id: chatId, is_bot: false, first_name: 'Unknown' }) : this.chats.get(chatId);
    if (!chat) return fail(failures.chatNotFound());
    // Entities follow Client.cpp get_text_entity_type: a text_mention needs user.id; offsets
    // are UTF-16 code units and must fall inside the text (TDLib refuses entities outside it).
    const entities = params.entities as Array<{ type?: unknown; offset?: unknown; length?: unknown; user?: { id?: unknown } }> | undefined;
    for (const entity of entities ?? []) {
      const { offset, length } = entity;
      if (typeof offset !== 'number' || typeof length !== 'number' || offset < 0 || length <= 0 || offset + length > text.length) {
        return fail(failures.badRequest("can't parse entities: entity beyond the end of the text"));
      }
      if (entity.type === 'text_mention' && typeof entity.user?.id !== 'number') {
        return fail(failures.badRequest("can't parse entities: field \"id\" must be a number"));
      }
    }
    // Topics follow telegram-bot-api/Client.cpp, check_message_topic: in a forum, the General
    // topic (id 1) and a topic that does not exist are "message thread not found".
    const thread = params.message_thread_id;
    const forum = 'is_forum' in chat && chat.is_forum === true;
    if (thread !== undefined && forum && (typeof thread !== 'number' || thread === 1 || !this.topics.get(chatId)?.has(thread))) {
      return fail(failures.badRequest('message thread not found'));
    }
    let reply_to_message: Message | undefined;
    const reply = params.reply_parameters as { message_id?: unknown; allow_sending_without_reply?: unknown } | undefined;
    if (reply) {
      reply_to_message = typeof reply.message_id === 'number' ? this.find(chatId, reply.message_id)?.message : undefined;
      if (!reply_to_message && reply.allow_sending_without_reply !== true) return fail(failures.badRequest('message to be replied not found'));
      // Client.cpp (the reply_parameters resolution, is_reply_in_same_topic) keeps a reply to
      // another topic as a reply "in a different chat or topic", which Telegram refuses;
      // allow_sending_without_reply does not cover it. (Wording as for a missing message.)
      if (reply_to_message && forum && typeof thread === 'number' && topicOf(reply_to_message) !== thread) {
        return fail(failures.badRequest('message to be replied not found'));
      }
    }
    // Without message_thread_id, a reply goes to the topic of the message it replies to
    // (is_reply_in_same_topic: "if topic isn't specified explicitly, then it is definitely the same").
    const topic = typeof thread === 'number' && forum ? thread : reply_to_message ? topicOf(reply_to_message) : undefined;
    const message = {
      message_id: this.nextMessageId(chatId),
      from: this.me,
      chat,
      date: now(),
      text,
      ...(topic !== undefined ? { message_thread_id: topic, is_topic_message: true } : {}),
      ...(entities ? { entities } : {}),
      ...(reply_to_message ? { reply_to_message: withoutReply(reply_to_message) } : {}),
      ...(params.reply_markup ? { reply_markup: params.reply_markup as InlineKeyboardMarkup } : {}),
    } as Message;
    this.remember(message);
    return ok(message);
  }

  editMessageText(params: Params): Answer {
    const { chat_id: chatId, message_id: messageId, text } = params;
    if (typeof chatId !== 'number' || typeof messageId !== 'number') return fail(failures.badRequest('message identifier is not specified'));
    if (typeof text !== 'string' || text.trim() === '') return fail(failures.badRequest('message text is empty'));
    const stored = this.find(chatId, messageId);
    if (!stored || stored.message.from?.id !== this.me.id) return fail(failures.badRequest('message to edit not found'));
    const markup = params.reply_markup as InlineKeyboardMarkup | undefined;
    if (stored.message.text === text && JSON.stringify(stored.message.reply_markup) === JSON.stringify(markup)) {
      return fail(failures.notModified());
    }
    const { reply_markup: _old, ...rest } = stored.message;
    const message = { ...rest, text, edit_date: now(), ...(markup ? { reply_markup: markup } : {}) } as Message;
    this.messages.set(`${chatId}:${messageId}`, { message, edits: stored.edits + 1 });
    return ok(message);
  }

  answerCallbackQuery(params: Params): Answer {
    const id = params.callback_query_id;
    const query = typeof id === 'string' ? this.callbackQueries.get(id) : undefined;
    if (!query || query.answered) return fail(failures.badRequest('query is too old and response timeout expired or query ID is invalid'));
    if (typeof params.text === 'string' && params.text.length > 200) return fail(failures.badRequest('MESSAGE_TOO_LONG'));
    query.answered = true;
    if (typeof params.text === 'string') query.text = params.text;
    return ok(true);
  }

  /** Like Client.cpp process_get_chat_administrators_query: ChatMember objects of the admins. */
  getChatAdministrators(params: Params): Answer {
    const chatId = params.chat_id;
    if (typeof chatId !== 'number') return fail(failures.badRequest('chat_id is empty'));
    const refused = this.refusal(chatId);
    if (refused) return fail(refused);
    return ok((this.admins.get(chatId) ?? []).map((user) => ({ status: 'administrator', user, can_be_edited: false, is_anonymous: false })));
  }

  setMyCommands(params: Params): Answer {
    const commands = params.commands;
    if (!Array.isArray(commands) || commands.length > 100) return fail(failures.badRequest('commands are invalid'));
    for (const entry of commands as Array<Partial<BotCommand>>) {
      if (typeof entry.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(entry.command)) return fail(failures.badRequest('BOT_COMMAND_INVALID'));
      if (typeof entry.description !== 'string' || entry.description.length < 1 || entry.description.length > 256) {
        return fail(failures.badRequest('BOT_COMMAND_DESCRIPTION_INVALID'));
      }
    }
    this.commands.set(menuKey(params), commands as BotCommand[]);
    return ok(true);
  }

  getMyCommands(params: Params): Answer {
    return ok(this.commands.get(menuKey(params)) ?? []);
  }

  setWebhook(params: Params): Answer {
    const url = params.url;
    if (typeof url !== 'string' || url === '') return this.deleteWebhook(params);
    // telegram-bot-api/WebhookActor.cpp: outside --local mode, HTTPS only, on four ports.
    if (!this.local) {
      if (!url.startsWith('https://')) return fail(failures.badRequest('bad webhook: An HTTPS URL must be provided for webhook'));
      const port = new URL(url).port;
      if (!['', '443', '80', '88', '8443'].includes(port)) {
        return fail(failures.badRequest('bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443'));
      }
    }
    const secret = params.secret_token;
    if (secret !== undefined && (typeof secret !== 'string' || !/^[A-Za-z0-9_-]{1,256}$/.test(secret))) {
      return fail(failures.badRequest('secret token contains unallowed characters'));
    }
    this.webhook = {
      url,
      ...(typeof secret === 'string' ? { secret_token: secret } : {}),
      ...(Array.isArray(params.allowed_updates) ? { allowed_updates: params.allowed_updates as string[] } : {}),
    };
    return ok(true);
  }

  deleteWebhook(_params: Params): Answer {
    this.webhook = undefined;
    return ok(true);
  }
}

function menuKey(params: Params): string {
  const scope = params.scope as { type?: unknown } | undefined;
  const type = typeof scope?.type === 'string' ? scope.type : 'default';
  const lang = typeof params.language_code === 'string' ? params.language_code : '';
  return `${type}|${lang}`;
}

/** The forum topic a message is in (undefined: General, or not a forum). */
export function topicOf(message: Message): number | undefined {
  return message.is_topic_message === true ? message.message_thread_id : undefined;
}

/** Telegram does not nest replies: a quoted message carries no reply_to_message of its own. */
export function withoutReply(message: Message): Message {
  const { reply_to_message: _nested, ...rest } = message;
  return rest as Message;
}
