// Core messages → Bot API calls, and every Bot API failure → the right DeliveryError.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TelegramTransport } from '../../bots/telegram/telegram-transport.js';
import { DeliveryError } from '../../src/core/delivery-error.js';
import type { ChatAddress, MemberAddress, MessageRef } from '../../src/core/ids.js';
import type { OutboundMessage } from '../../src/core/transport.js';
import { failures } from '../fakes/telegram/api-failures.js';
import { FakeTelegram } from '../fakes/telegram/fake-telegram.js';
import { chats, people } from '../fakes/telegram/objects.js';
import { makeTransport, type Recorder, recorder, testMenu, waitFor } from './support.js';

const group = chats.collective;
const groupAddress = `telegram:${group.id}` as ChatAddress;
const member = (id: number) => `telegram:${id}` as MemberAddress;

async function failureOf(promise: Promise<unknown>): Promise<DeliveryError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DeliveryError) return error;
    throw error;
  }
  throw new Error('expected the send to fail');
}

describe('telegram outbound', () => {
  let fake: FakeTelegram;
  let rec: Recorder;
  let transport: TelegramTransport;
  let nextId = 1;
  const message = (fields: Partial<OutboundMessage> = {}): OutboundMessage => ({ id: nextId++, to: groupAddress, text: 'Invented text', ...fields });

  beforeEach(async () => {
    fake = await FakeTelegram.start();
    rec = recorder();
    ({ transport } = makeTransport(fake));
    await transport.start(rec.handler);
    // The bot is in the group and has seen Alex there; Sam started the bot privately.
    fake.groupMessage('/help', { from: people.alex });
    fake.privateStart(people.sam);
    await waitFor(() => rec.taken.length === 2, 'setup events');
  });

  afterEach(async () => {
    await transport.stop();
    await fake.close();
  });

  it('sends plain text once and returns the message_id', async () => {
    const receipt = await transport.send(message({ text: '*not bold* <b>' }));
    expect(fake.sent('sendMessage')).toEqual([{ chat_id: group.id, text: '*not bold* <b>', link_preview_options: { is_disabled: true } }]);
    expect(receipt.messageRef).toBe(String(fake.model.find(group.id, Number(receipt.messageRef))?.message.message_id));
  });

  it('sends a reply with buttons', async () => {
    const quoted = fake.groupMessage('/visit 2026-12-01 14:00').message;
    await transport.send(
      message({
        replyTo: { ref: String(quoted.message_id) as MessageRef },
        buttons: [
          { action: 'join', label: 'Join' },
          { action: 'release', label: 'Give back' },
        ],
      }),
    );
    expect(fake.sent('sendMessage')).toEqual([
      {
        chat_id: group.id,
        text: 'Invented text',
        link_preview_options: { is_disabled: true },
        reply_parameters: { message_id: quoted.message_id, allow_sending_without_reply: true },
        reply_markup: {
          inline_keyboard: [
            [
              { text: 'Join', callback_data: 'join' },
              { text: 'Give back', callback_data: 'release' },
            ],
          ],
        },
      },
    ]);
  });

  it('sends a direct message to a member through their user id', async () => {
    await transport.send(message({ to: member(people.sam.id), text: 'Invented reminder' }));
    expect(fake.sent('sendMessage')).toEqual([{ chat_id: people.sam.id, text: 'Invented reminder', link_preview_options: { is_disabled: true } }]);
  });

  it('edits a post in place, and treats "message is not modified" as done', async () => {
    const receipt = await transport.send(message({ text: 'Open', buttons: [{ action: 'claim', label: 'Take' }] }));
    const ref = receipt.messageRef as MessageRef;
    const edited = await transport.send(message({ edit: ref, text: 'Taken', buttons: [{ action: 'release', label: 'Give back' }] }));
    expect(edited).toEqual({ messageRef: ref });
    expect(fake.sent('editMessageText')).toEqual([
      {
        chat_id: group.id,
        message_id: Number(ref),
        text: 'Taken',
        link_preview_options: { is_disabled: true },
        reply_markup: { inline_keyboard: [[{ text: 'Give back', callback_data: 'release' }]] },
      },
    ]);
    expect(fake.model.find(group.id, Number(ref))?.message.text).toBe('Taken');
    const again = await transport.send(message({ edit: ref, text: 'Taken', buttons: [{ action: 'release', label: 'Give back' }] }));
    expect(again).toEqual({ messageRef: ref });
    expect(fake.callsTo('editMessageText').map((c) => c.outcome)).toEqual(['ok', 400]);
  });

  it('429 → retry later after retry_after, no retry inside send; an alert only for a long wait or repeated 429s', async () => {
    fake.failNext('sendMessage', failures.tooManyRequests(7));
    const error = await failureOf(transport.send(message()));
    expect(error).toMatchObject({ code: 'TELEGRAM_RATE_LIMITED', retry: 'later', retryAfterMs: 7000 });
    expect((error as { alert?: string }).alert).toBeUndefined();
    expect(fake.callsTo('sendMessage')).toHaveLength(1);
    fake.failNext('sendMessage', failures.tooManyRequests(45));
    expect(await failureOf(transport.send(message()))).toMatchObject({ retryAfterMs: 45_000, alert: 'rate-limited' });
    fake.failNext('sendMessage', failures.tooManyRequests(2));
    expect(await failureOf(transport.send(message()))).toMatchObject({ retryAfterMs: 2000, alert: 'rate-limited' });
  });

  it('network failure and 5xx → retry later', async () => {
    fake.failNext('sendMessage', failures.network);
    expect(await failureOf(transport.send(message()))).toMatchObject({ code: 'TELEGRAM_NETWORK', retry: 'later' });
    fake.failNext('sendMessage', failures.serverError());
    expect(await failureOf(transport.send(message()))).toMatchObject({ code: 'TELEGRAM_SERVER_ERROR', retry: 'later' });
    expect(fake.callsTo('sendMessage').map((c) => c.outcome)).toEqual(['network', 500]);
    // The next send goes through: one failure does not break the client.
    await transport.send(message());
    expect(fake.sent('sendMessage')).toHaveLength(1);
  });

  it("403 can't initiate conversation → never, direct-not-started with the deep link", async () => {
    // Alex wrote in the group but never pressed Start in a private chat.
    const error = await failureOf(transport.send(message({ to: member(people.alex.id) })));
    expect(fake.callsTo('sendMessage').at(-1)?.outcome).toBe(403);
    expect(error).toMatchObject({
      code: 'TELEGRAM_DIRECT_NOT_STARTED',
      retry: 'never',
      alert: 'direct-not-started',
      member: member(people.alex.id),
      hint: 'https://t.me/ParloirBot?start=hello',
    });
  });

  it('403 blocked by the user → never, recipient-unreachable (blocked on purpose: not named in the group)', async () => {
    fake.model.blocked.add(people.sam.id);
    const error = await failureOf(transport.send(message({ to: member(people.sam.id) })));
    expect(error).toMatchObject({ code: 'TELEGRAM_BOT_BLOCKED', retry: 'never', alert: 'recipient-unreachable', member: member(people.sam.id) });
    expect((error as { hint?: string }).hint).toBeUndefined();
  });

  it('a user the bot never met ("chat not found" for a private chat) → direct-not-started too', async () => {
    const error = await failureOf(transport.send(message({ to: member(people.noor.id) })));
    expect(error).toMatchObject({ code: 'TELEGRAM_DIRECT_NOT_STARTED', alert: 'direct-not-started', retry: 'never' });
  });

  it('403 kicked from the group and 400 chat not found → later (held while the group is paused), removed-from-chat', async () => {
    fake.model.kicked.add(group.id);
    expect(await failureOf(transport.send(message()))).toMatchObject({ code: 'TELEGRAM_FORBIDDEN', retry: 'later', alert: 'removed-from-chat' });
    const unknown = `telegram:${-1_009_000_000_999}` as ChatAddress;
    expect(await failureOf(transport.send(message({ to: unknown })))).toMatchObject({
      code: 'TELEGRAM_CHAT_NOT_FOUND',
      retry: 'later',
      alert: 'removed-from-chat',
    });
  });

  it('400 group migrated → TELEGRAM_CHAT_MIGRATED with the new address, and a ChatMigratedEvent so the link follows', async () => {
    const newId = -1_009_000_000_555;
    fake.failNext('sendMessage', failures.migrated(newId));
    const error = await failureOf(transport.send(message()));
    expect(error).toMatchObject({ code: 'TELEGRAM_CHAT_MIGRATED', retry: 'later', movedTo: `telegram:${newId}` });
    expect(rec.taken.at(-1)).toEqual({
      kind: 'chat-migrated',
      dedupeKey: `telegram:migrated:${group.id}:${newId}`,
      transport: 'telegram',
      from: groupAddress,
      to: `telegram:${newId}`,
    });
  });

  it('other 400 → never; 401 → later (fix the token, keep the messages)', async () => {
    fake.failNext('sendMessage', failures.badRequest('entities too long'));
    expect(await failureOf(transport.send(message()))).toMatchObject({ code: 'TELEGRAM_BAD_REQUEST', retry: 'never' });
    fake.failNext('sendMessage', failures.unauthorized());
    expect(await failureOf(transport.send(message()))).toMatchObject({ code: 'TELEGRAM_UNAUTHORIZED', retry: 'later' });
    expect(await failureOf(transport.send(message({ to: 'signal:group.abc' as ChatAddress })))).toMatchObject({
      code: 'TELEGRAM_BAD_ADDRESS',
      retry: 'never',
    });
  });

  it('registers the command menu in English (default and en) and French', async () => {
    expect(fake.model.commands.get('default|')).toEqual(testMenu?.('en'));
    expect(fake.model.commands.get('default|en')).toEqual(testMenu?.('en'));
    expect(fake.model.commands.get('default|fr')).toEqual(testMenu?.('fr'));
    expect(fake.callsTo('setMyCommands').map((c) => c.params.language_code)).toEqual([undefined, 'en', 'fr']);
  });
});

describe('telegram outbound before start', () => {
  it('still gives the deep link (asks getMe once)', async () => {
    const fake = await FakeTelegram.start({ username: 'InventedParloirBot' });
    const { transport } = makeTransport(fake);
    try {
      const error = await failureOf(transport.send({ id: 1, to: member(people.noor.id), text: 'Invented' }));
      expect(error).toMatchObject({ alert: 'direct-not-started', hint: 'https://t.me/InventedParloirBot?start=hello' });
      await failureOf(transport.send({ id: 2, to: member(people.noor.id), text: 'Invented' }));
      expect(fake.callsTo('getMe')).toHaveLength(1);
    } finally {
      await transport.stop();
      await fake.close();
    }
  });
});
