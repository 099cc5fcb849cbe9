// A fake Telegram Bot API server on 127.0.0.1, reached through grammY's `apiRoot`:
// POST /bot<token>/<method> with a JSON body, answers `{ ok: true, result }` or
// `{ ok: false, error_code, description, parameters? }`. getUpdates long-polls and honours
// offset confirmation; every call is recorded; failures can be injected per method.

import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallbackQuery, Chat, Message, Update, User } from 'grammy/types';
import { type ApiFailure, failures, type Injected } from './api-failures.js';
import { type Answer, BotApiModel, type Params, topicOf, withoutReply } from './bot-api-model.js';
import { FloodLimits } from './flood-limits.js';
import { chats, groupAnonymousBot, people, privateChatOf } from './objects.js';

export interface RecordedCall {
  readonly method: string;
  readonly params: Params;
  /** When it arrived, by the fake's clock (the flood limits' clock: a test's manual clock if set). */
  readonly at: number;
  /** 'ok', the error_code answered, 'network' when the connection was destroyed, 'pending' while held. */
  outcome: 'pending' | 'ok' | number | 'network';
}

interface Waiter {
  readonly limit: number;
  readonly answer: (answer: Answer) => void;
}

interface Injection {
  readonly method: string;
  readonly failure: Injected;
  remaining: number;
  readonly when?: (params: Params) => boolean;
}

/** Not sent unless asked for (Client.cpp DEFAULT_ALLOWED_UPDATE_TYPES). */
const DEFAULT_EXCLUDED_UPDATES: ReadonlySet<string> = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

export class FakeTelegram {
  readonly calls: RecordedCall[] = [];
  readonly model: BotApiModel;
  /** Telegram's per-chat and overall message limits (429 beyond them); on by default. */
  readonly flood = new FloodLimits();
  /** Updates not yet confirmed by an offset, oldest first. */
  private queue: Update[] = [];
  private nextUpdateId = 500_000;
  private readonly waiters = new Set<Waiter>();
  private readonly injections: Injection[] = [];
  private nextQueryId = 1;
  private previousPoll = { offset: Number.NaN, at: 0 };
  /**
   * Update types the bot asked for (getUpdates or setWebhook allowed_updates); undefined: the
   * default, every type but chat_member and reactions. Like Client.cpp add_update_impl, an
   * update of another type is never queued ("Skip unallowed update"), and
   * update_allowed_update_types keeps the last non-empty list.
   */
  private allowedUpdates: ReadonlySet<string> | undefined;

  private constructor(
    private readonly server: Server,
    readonly token: string,
    readonly apiRoot: string,
    me: User & { username: string },
    local: boolean,
  ) {
    this.model = new BotApiModel(me, local);
  }

  static async start(options: { username?: string; local?: boolean } = {}): Promise<FakeTelegram> {
    const token = `123456789:${randomBytes(18).toString('base64url')}`;
    const me = { id: 123_456_789, is_bot: true, first_name: 'Parloir', username: options.username ?? 'ParloirBot' } as const;
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeTelegram(server, token, `http://127.0.0.1:${port}`, { ...me }, options.local === true);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void fake.onRequest(req, res));
    return fake;
  }

  get me(): User & { username: string } {
    return this.model.me;
  }

  async close(): Promise<void> {
    for (const waiter of this.waiters) waiter.answer({ ok: true, result: [] });
    this.waiters.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  // ---- what tests assert ------------------------------------------------------------------

  /** Parameters of the successful calls to `method`, in order. */
  sent(method: string): Params[] {
    return this.calls.filter((c) => c.method === method && c.outcome === 'ok').map((c) => c.params);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Removes and returns the queued updates, as Telegram would when pushing them to a webhook. */
  takeQueued(): Update[] {
    return this.queue.splice(0);
  }

  /** Update ids still waiting for confirmation. */
  pendingUpdateIds(): number[] {
    return this.queue.map((u) => u.update_id);
  }

  // ---- failure injection ------------------------------------------------------------------

  /** The next `times` calls to `method` (matching `when`) fail with `failure`. */
  failNext(method: string, failure: Injected, options: { times?: number; when?: (params: Params) => boolean } = {}): void {
    this.injections.push({ method, failure, remaining: options.times ?? 1, ...(options.when ? { when: options.when } : {}) });
  }

  // ---- updates ------------------------------------------------------------------------------

  /**
   * Telegram picks the next update id at random after a week without updates; the new ids
   * may be far below the offset the bot last confirmed. Tests call this with the queue empty.
   */
  resetUpdateIds(next: number): void {
    this.nextUpdateId = next;
  }

  /** Queues an update (any shape) and wakes a waiting getUpdates. Returns its update_id. */
  enqueue(body: Omit<Update, 'update_id'>): number {
    const type = Object.keys(body)[0] ?? '';
    const allowed = this.allowedUpdates ? this.allowedUpdates.has(type) : !DEFAULT_EXCLUDED_UPDATES.has(type);
    if (!allowed) return -1;
    const update = { update_id: this.nextUpdateId++, ...body } as Update;
    this.queue.push(update);
    for (const waiter of this.waiters) waiter.answer({ ok: true, result: this.queue.slice(0, waiter.limit) });
    this.waiters.clear();
    return update.update_id;
  }

  /**
   * A member writes in a chat. The chat becomes known to the bot. In a forum topic (`topic`, or
   * the topic of the message replied to) the message carries message_thread_id and
   * is_topic_message, and replies to the topic's opening service message when it replies to
   * nothing else, as Telegram delivers it.
   */
  message(options: { text?: string; from?: User; chat?: Chat; replyTo?: Message; topic?: number; extra?: Partial<Message> }): {
    updateId: number;
    message: Message;
  } {
    const from = options.from ?? people.alex;
    const chat = options.chat ?? chats.collective;
    const topic = options.topic ?? (options.replyTo ? topicOf(options.replyTo) : undefined);
    const opening = topic !== undefined && !options.replyTo ? this.model.find(chat.id, topic)?.message : undefined;
    const replyTo = options.replyTo ?? opening;
    const message = {
      message_id: this.model.nextMessageId(chat.id),
      from,
      chat,
      date: Math.floor(Date.now() / 1000),
      ...(topic !== undefined ? { message_thread_id: topic, is_topic_message: true } : {}),
      ...(options.text !== undefined ? { text: options.text } : {}),
      ...(replyTo ? { reply_to_message: withoutReply(replyTo) } : {}),
      ...options.extra,
    } as Message;
    this.model.remember(message);
    return { updateId: this.enqueue({ message } as Omit<Update, 'update_id'>), message };
  }

  /**
   * Opens a topic in a forum chat: its id is the id of its forum_topic_created service message
   * (telegram-bot-api/Client.cpp maps forum topic ids to that message's id). Returns the id.
   */
  createTopic(chat: Chat, name: string, by: User = people.alex): number {
    const id = this.model.nextMessageId(chat.id);
    const message = {
      message_id: id,
      from: by,
      chat,
      date: Math.floor(Date.now() / 1000),
      message_thread_id: id,
      is_topic_message: true,
      forum_topic_created: { name, icon_color: 7_322_096 },
    } as Message;
    this.model.remember(message);
    const open = this.model.topics.get(chat.id) ?? new Set<number>();
    open.add(id);
    this.model.topics.set(chat.id, open);
    return id;
  }

  /** The bot is removed from a group (or the group deleted): sends there fail with 403 from now on. */
  botRemoved(chat: Chat, by: User = people.alex, status: 'kicked' | 'left' = 'kicked'): number {
    this.model.kicked.add(chat.id);
    return this.membershipChange(chat, by, { status: 'member', user: this.me }, status === 'kicked' ? { status, user: this.me, until_date: 0 } : { status, user: this.me });
  }

  /** The bot is added (back) to a group. */
  botAdded(chat: Chat, by: User = people.alex): number {
    this.model.kicked.delete(chat.id);
    this.model.chats.set(chat.id, chat);
    return this.membershipChange(chat, by, { status: 'left', user: this.me }, { status: 'member', user: this.me });
  }

  private membershipChange(chat: Chat, from: User, old_chat_member: unknown, new_chat_member: unknown): number {
    return this.enqueue({ my_chat_member: { chat, from, date: Math.floor(Date.now() / 1000), old_chat_member, new_chat_member } } as Omit<Update, 'update_id'>);
  }

  /** An admin deletes a topic: sends to it now fail with "message thread not found". */
  deleteTopic(chat: Chat, topic: number): void {
    this.model.topics.get(chat.id)?.delete(topic);
  }

  /**
   * An admin who "remains anonymous" writes: Telegram sends `sender_chat` = the group and the
   * placeholder GroupAnonymousBot as `from` (Client.cpp, messageSenderChat).
   */
  anonymousMessage(text: string, options: { chat?: Chat; replyTo?: Message; topic?: number } = {}): { updateId: number; message: Message } {
    const chat = options.chat ?? chats.collective;
    return this.message({ text, chat, from: groupAnonymousBot, ...options, extra: { sender_chat: chat } });
  }

  /** Another bot is added to a group: the service message every bot in it receives. */
  botJoins(chat: Chat, joining: User = people.otherBot, by: User = people.alex): number {
    return this.message({ chat, from: by, extra: { new_chat_members: [joining], new_chat_member: joining } as Partial<Message> }).updateId;
  }

  groupMessage(text: string, options: { from?: User; chat?: Chat; topic?: number } = {}): { updateId: number; message: Message } {
    return this.message({ text, ...options });
  }

  /** A member replies to a message the bot sent (found by chat and message_id). */
  replyToBot(chatId: number, botMessageId: number, text: string, from: User = people.alex): { updateId: number; message: Message } {
    const target = this.model.find(chatId, botMessageId)?.message;
    if (!target) throw new Error(`fake: no message ${botMessageId} in that chat`);
    return this.message({ text, from, chat: target.chat, replyTo: target });
  }

  /** A member opens the private chat and presses Start (so the bot may write to them). */
  privateStart(from: User = people.alex, payload?: string): { updateId: number; message: Message } {
    this.model.started.add(from.id);
    this.model.users.set(from.id, from);
    return this.message({ text: payload ? `/start ${payload}` : '/start', from, chat: privateChatOf(from) });
  }

  /**
   * A member's reactions to a message change from `old` to `now` (emoji). The update's shape
   * follows telegram-bot-api/Client.cpp JsonMessageReactionUpdated: chat, message_id, `user` or,
   * for an anonymous admin, `actor_chat` (json_store_message_sender writes one of the two), date,
   * and the whole old_reaction / new_reaction lists of JsonReactionType { type: 'emoji', emoji }.
   * Telegram's servers send it only to a bot that is an administrator of the chat (Bot API,
   * Update.message_reaction: "The bot must be an administrator in the chat"; the Bot API server
   * merely forwards td's updateMessageReaction, Client.cpp add_update_message_reaction), and
   * only when asked for in allowed_updates (DEFAULT_EXCLUDED_UPDATES). Returns the update_id,
   * or -1 when Telegram would not deliver it.
   */
  react(chatId: number, messageId: number, options: { from?: User; anonymous?: boolean; old?: readonly string[]; now?: readonly string[] }): number {
    const message = this.model.find(chatId, messageId)?.message;
    if (!message) throw new Error(`fake: no message ${messageId} in that chat`);
    if (!(this.model.admins.get(chatId) ?? []).some((user) => user.id === this.me.id)) return -1;
    const emoji = (list: readonly string[] = []) => list.map((e) => ({ type: 'emoji', emoji: e }));
    const actor = options.anonymous === true ? { actor_chat: message.chat } : { user: options.from ?? people.sam };
    return this.enqueue({
      message_reaction: { chat: message.chat, message_id: messageId, ...actor, date: Math.floor(Date.now() / 1000), old_reaction: emoji(options.old), new_reaction: emoji(options.now) },
    } as Omit<Update, 'update_id'>);
  }

  /** A member presses an inline button under a bot message. Returns the callback query id too. */
  pressButton(chatId: number, messageId: number, data: string, from: User = people.sam): { updateId: number; queryId: string } {
    const message = this.model.find(chatId, messageId)?.message;
    if (!message) throw new Error(`fake: no message ${messageId} in that chat`);
    const queryId = `${this.nextQueryId++}${'0'.repeat(12)}`;
    this.model.callbackQueries.set(queryId, { answered: false });
    this.model.users.set(from.id, from);
    const callback_query = { id: queryId, from, message, chat_instance: '-4242', data } as CallbackQuery;
    return { updateId: this.enqueue({ callback_query }), queryId };
  }

  /**
   * A basic group is upgraded to a supergroup: Telegram posts migrate_to_chat_id in the old
   * chat and migrate_from_chat_id in the new one; the old id then refuses messages.
   */
  migrate(old: Chat, newId: number, by: User = people.alex): { toUpdateId: number; fromUpdateId: number } {
    const supergroup: Chat = { id: newId, type: 'supergroup', title: ('title' in old && old.title) || 'Upgraded' };
    this.model.migrated.set(old.id, newId);
    this.model.chats.set(newId, supergroup);
    const toUpdateId = this.message({ from: by, chat: old, extra: { migrate_to_chat_id: newId } }).updateId;
    const fromUpdateId = this.message({ from: by, chat: supergroup, extra: { migrate_from_chat_id: old.id } }).updateId;
    return { toUpdateId, fromUpdateId };
  }

  // ---- HTTP ---------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(new URL(req.url ?? '/', 'http://fake').pathname);
    if (req.method !== 'POST' || !match) return reply(res, { ok: false, failure: failures.notFound() });
    const [, token, method = ''] = match;
    let params: Params;
    try {
      const raw = Buffer.concat(chunks).toString('utf8');
      params = raw === '' ? {} : (JSON.parse(raw) as Params);
    } catch {
      return reply(res, { ok: false, failure: failures.badRequest("can't parse JSON") });
    }
    // Recorded on arrival, so a held long poll is visible while it waits.
    const call: RecordedCall = { method, params, at: this.flood.now(), outcome: 'pending' };
    this.calls.push(call);
    const record = (outcome: RecordedCall['outcome']) => {
      call.outcome = outcome;
    };
    if (token !== this.token) {
      record(401);
      return reply(res, { ok: false, failure: failures.unauthorized() });
    }
    const injected = this.takeInjection(method, params);
    if (injected === 'network') {
      record('network');
      req.socket.destroy();
      return;
    }
    const answer = injected ? ({ ok: false, failure: injected } as const) : await this.call(method, params, res);
    record(answer.ok ? 'ok' : answer.failure.error_code);
    if (!res.destroyed) reply(res, answer);
  }

  private rememberAllowed(params: Params): void {
    const list = params.allowed_updates;
    if (Array.isArray(list) && list.length > 0) this.allowedUpdates = new Set(list.filter((t): t is string => typeof t === 'string'));
  }

  /** Forgets the injected failures not used yet. */
  clearFailures(): void {
    this.injections.length = 0;
  }

  private takeInjection(method: string, params: Params): Injected | undefined {
    const found = this.injections.find((i) => i.method === method && i.remaining > 0 && (!i.when || i.when(params)));
    if (!found) return undefined;
    found.remaining -= 1;
    return found.failure;
  }

  private call(method: string, params: Params, res: ServerResponse): Answer | Promise<Answer> {
    const model = this.model;
    switch (method) {
      case 'getMe':
        return model.getMe();
      case 'getUpdates':
        return this.getUpdates(params, res);
      case 'setWebhook':
        this.rememberAllowed(params);
        return model.setWebhook(params);
      case 'deleteWebhook':
        if (params.drop_pending_updates === true) this.queue = [];
        return model.deleteWebhook(params);
      case 'getWebhookInfo':
        return { ok: true, result: { url: model.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: this.queue.length } };
      case 'sendMessage':
        return this.limited(params, () => model.sendMessage(params));
      case 'editMessageText':
        return this.limited(params, () => model.editMessageText(params));
      case 'answerCallbackQuery':
        return model.answerCallbackQuery(params);
      case 'setMyCommands':
        return model.setMyCommands(params);
      case 'getChatAdministrators':
        return model.getChatAdministrators(params);
      case 'getMyCommands':
        return model.getMyCommands(params);
      default:
        return { ok: false, failure: failures.notFound() };
    }
  }

  /** A message counts against the chat's flood limits (flood-limits.ts) only once accepted. */
  private limited(params: Params, send: () => Answer): Answer {
    const chatId = Number(params.chat_id);
    const wait = Number.isSafeInteger(chatId) ? this.flood.retryAfter(chatId) : 0;
    if (wait > 0) return { ok: false, failure: failures.tooManyRequests(wait) };
    const answer = send();
    if (answer.ok && Number.isSafeInteger(chatId)) this.flood.accepted(chatId);
    return answer;
  }

  /**
   * Drops updates below `offset` (confirmed), then answers at once or holds until one arrives.
   * Follows telegram-bot-api/Client.cpp: process_get_updates_query (the same offset asked again
   * within 0.5 s gets at most one update, a timeout under 3 s becomes 3 s) and do_get_updates
   * (an offset the queue cannot serve, here one beyond its tail, is answered from the head of
   * the queue without confirming anything: TQueue::get refuses a from_id "in the future").
   */
  private getUpdates(params: Params, res: ServerResponse): Answer | Promise<Answer> {
    if (this.model.webhook) return { ok: false, failure: failures.webhookActive() };
    const offset = typeof params.offset === 'number' ? params.offset : 0;
    const inFuture = offset > this.nextUpdateId;
    if (offset > 0 && !inFuture) this.queue = this.queue.filter((u) => u.update_id >= offset);
    this.rememberAllowed(params);
    let limit = typeof params.limit === 'number' ? Math.min(Math.max(params.limit, 1), 100) : 100;
    let timeout = typeof params.timeout === 'number' ? params.timeout : 0;
    const now = Date.now();
    if (offset === this.previousPoll.offset && timeout < 3 && now < this.previousPoll.at + 3_000) timeout = 3;
    if (offset === this.previousPoll.offset && now < this.previousPoll.at + 500) limit = 1;
    this.previousPoll = { offset, at: now };
    // Like Telegram, a newer poll ends an older one still waiting.
    for (const waiter of this.waiters) waiter.answer({ ok: false, failure: failures.otherPoller() });
    this.waiters.clear();
    if (this.queue.length > 0 || timeout <= 0) return { ok: true, result: this.queue.slice(0, limit) };
    return new Promise<Answer>((resolve) => {
      const waiter: Waiter = {
        limit,
        answer: (answer) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(answer);
        },
      };
      const timer = setTimeout(() => waiter.answer({ ok: true, result: [] }), timeout * 1000);
      this.waiters.add(waiter);
      // The client gave up (aborted): forget the waiter so a new update is not answered to nobody.
      res.once('close', () => {
        if (!res.writableFinished) waiter.answer({ ok: true, result: [] });
      });
    });
  }
}

function reply(res: ServerResponse, answer: Answer): void {
  const body: { ok: boolean; result?: unknown } & Partial<ApiFailure> = answer.ok
    ? { ok: true, result: answer.result }
    : { ok: false, ...answer.failure };
  const status = answer.ok ? 200 : answer.failure.error_code;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
