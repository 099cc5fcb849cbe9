// The Telegram adapter wired to the real core (tests/support/harness.ts) against the fake Bot
// API: start/stop in one place, updates in, and what went out over sendMessage/editMessageText
// read back from the fake's record. Conditions are polled, never slept on.

import type { Chat, Message, User } from 'grammy/types';
import { expect } from 'vitest';
import { updateDedupeKey } from '../../bots/telegram/map-update.js';
import { DEFAULT_PACE, type PacePolicy } from '../../bots/telegram/pacing.js';
import type { TelegramTransport } from '../../bots/telegram/telegram-transport.js';
import type { Params } from '../fakes/telegram/bot-api-model.js';
import { FakeTelegram } from '../fakes/telegram/fake-telegram.js';
import { people } from '../fakes/telegram/objects.js';
import { ManualClock } from '../../src/core/clock.js';
import { dueLanes as dueLanesOf, type Harness, parisTime, startHarness } from '../support/harness.js';
import { eventually, makeTransport, waitFor } from './support.js';

/** One successful sendMessage or editMessageText, flattened, in the order the fake took them. */
export interface Out {
  readonly method: 'sendMessage' | 'editMessageText';
  readonly chatId: number;
  readonly text: string;
  readonly params: Params;
}

export function outputs(fake: FakeTelegram): Out[] {
  return fake.calls
    .filter((c) => (c.method === 'sendMessage' || c.method === 'editMessageText') && c.outcome === 'ok')
    .map((c) => ({
      method: c.method as Out['method'],
      chatId: typeof c.params.chat_id === 'number' ? c.params.chat_id : Number.NaN,
      text: typeof c.params.text === 'string' ? c.params.text : '',
      params: c.params,
    }));
}

/** Delivered sendMessage texts to one chat (a group id, or a user id for a private chat), in order. */
export function textsTo(fake: FakeTelegram, chatId: number): string[] {
  return outputs(fake)
    .filter((o) => o.method === 'sendMessage' && o.chatId === chatId)
    .map((o) => o.text);
}

/** Everything that reached one chat, sends and edits, as "send: first line" / "edit <id>: first line". */
export function chatLog(fake: FakeTelegram, chatId: number): string[] {
  return outputs(fake)
    .filter((o) => o.chatId === chatId)
    .map((o) => (o.method === 'sendMessage' ? `send: ${firstLine(o.text)}` : `edit ${String(o.params.message_id)}: ${firstLine(o.text)}`));
}

export const firstLine = (text: string): string => text.split('\n')[0] ?? '';

/**
 * No (chat, text) pair was sent twice, and no (chat, message, text) edit was made twice.
 * `legitRepeats`: texts the bot rightly sends more than once (counted by the caller).
 */
export function expectEachDeliveredOnce(fake: FakeTelegram, legitRepeats: readonly string[] = []): void {
  const counts = new Map<string, number>();
  for (const o of outputs(fake)) {
    if (legitRepeats.includes(o.text)) continue;
    const key = o.method === 'sendMessage' ? `send ${o.chatId}\n${o.text}` : `edit ${o.chatId}:${String(o.params.message_id)}\n${o.text}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  expect([...counts].filter(([, n]) => n > 1).map(([k]) => k)).toEqual([]);
}

/** The message the bot sent (as the fake stored it, with its message_id), found by chat and text. */
export function botMessage(fake: FakeTelegram, chatId: number, pattern: RegExp): Message {
  const found = [...fake.model.messages.values()]
    .map((m) => m.message)
    .filter((m) => m.chat.id === chatId && m.from?.id === fake.me.id && typeof m.text === 'string' && pattern.test(m.text));
  if (found.length !== 1) throw new Error(`expected one bot message matching ${pattern}, found ${found.length}`);
  return found[0]!;
}

/** The inline keyboard of an edit or send, as [text, callback_data] pairs (undefined: none). */
export function keyboard(params: Params): Array<[string, string]> | undefined {
  const markup = params.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> } | undefined;
  return markup?.inline_keyboard?.flat().map((b) => [b.text, b.callback_data ?? '']);
}

/** Nothing personal in log lines: no names, user or chat ids, token, or the given texts. */
export function expectPrivateLogs(lines: readonly string[], fake: FakeTelegram, extra: readonly number[] = [], texts: readonly string[] = []): void {
  const joined = lines.join('\n');
  const forbidden = [
    fake.token,
    ...Object.values(people).flatMap((p) => [String(p.id), p.first_name, 'last_name' in p ? p.last_name : '']),
    ...extra.map((id) => String(Math.abs(id))),
    ...texts,
  ].filter((s) => s !== '');
  for (const secret of forbidden) expect(joined).not.toContain(secret);
}

export interface World {
  readonly fake: FakeTelegram;
  readonly transport: TelegramTransport;
  readonly h: Harness;
  readonly transportLogs: string[];
  /** Drains the outbox until a delivered sendMessage to `chatId` whose text matches appears. */
  botSaid(chatId: number, pattern: RegExp): Promise<Out>;
  /** Waits until the poller confirmed the update (the core took it, whatever it made of it). */
  taken(updateId: number): Promise<void>;
  /** Waits until the core committed the update (its dedupe key is in the inbox). */
  handled(updateId: number): Promise<void>;
  /** Links `chat` as `by` with a fresh invite code; returns the bot's answer. */
  link(chat: Chat, by: User): Promise<Out>;
  /** Moves the clock on until a Telegram row is due and drains, until the outbox is empty. */
  drainAll(maxSteps?: number): Promise<void>;
  close(): Promise<void>;
}

/** The longest wait pacing puts between two direct messages to one member (bots/telegram/pacing.ts). */
const PACED_DIRECT_MS = DEFAULT_PACE.direct.windowMs;

/** Outbox lanes of this transport whose head is due now. */
export const dueLanes = (h: Harness): number => dueLanesOf(h, 'telegram');

export async function startWorld(
  options: { fake?: FakeTelegram; dir?: string; key?: Uint8Array; now?: number; reminders?: number[]; pace?: PacePolicy } = {},
): Promise<World> {
  const fake = options.fake ?? (await FakeTelegram.start());
  // One manual clock for the core, the transport's pacing and the fake's flood limits.
  const clock = new ManualClock(options.now ?? parisTime('2026-11-23T10:00'));
  fake.flood.now = () => clock.now();
  const { transport, logger } = makeTransport(fake, { clock, ...(options.pace ? { pace: options.pace } : {}) });
  const h = await startHarness({
    clock,
    transports: [transport],
    ...(options.dir !== undefined ? { dir: options.dir } : {}),
    ...(options.key !== undefined ? { key: options.key } : {}),
    ...(options.reminders !== undefined ? { reminders: options.reminders } : {}),
  });
  const botSaid = (chatId: number, pattern: RegExp): Promise<Out> => {
    let waited = 0;
    return eventually(async () => {
      await h.settle();
      const found = outputs(fake).find((o) => o.method === 'sendMessage' && o.chatId === chatId && pattern.test(o.text));
      // A second direct message to one member waits a second (pacing): let a few such seconds pass.
      if (!found && waited < 5 && dueLanes(h) === 0 && h.store.outbox.pendingCount() > 0) {
        waited += 1;
        h.clock.advance(PACED_DIRECT_MS);
      }
      return found;
    }, `a sendMessage to ${chatId < 0 ? 'the group' : 'a member'} matching ${pattern}`, 20_000);
  };
  const world: World = {
    fake,
    transport,
    h,
    transportLogs: logger.lines,
    botSaid,
    async taken(updateId) {
      await waitFor(() => !fake.pendingUpdateIds().includes(updateId), `update ${updateId} confirmed`, 20_000);
    },
    async handled(updateId) {
      await waitFor(() => h.store.inbox.seen(updateDedupeKey(updateId)), `the core to commit update ${updateId}`, 20_000);
    },
    async link(chat, by) {
      const { code } = h.store.write(() => h.store.invites.create('test-centre', h.clock.now()));
      fake.groupMessage(`/lier ${code}`, { chat, from: by });
      return botSaid(chat.id, /^Ce groupe est maintenant lié à CRA de Test\./);
    },
    async drainAll(maxSteps = 200) {
      for (let step = 0; step < maxSteps; step += 1) {
        await h.settle();
        if (h.store.outbox.pendingCount() === 0) return;
        const limit = h.clock.now() + 6 * 3_600_000;
        while (dueLanes(h) === 0) {
          if (h.clock.now() >= limit) throw new Error('no outbox row became due');
          h.clock.advance(1_000);
        }
      }
      throw new Error('outbox not empty after drainAll');
    },
    async close() {
      await h.close();
    },
  };
  return world;
}
