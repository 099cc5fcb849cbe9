// Telegram updates → core events, through the real grammY client against the fake Bot API.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TelegramTransport } from '../../bots/telegram/telegram-transport.js';
import type { ChatAddress, MessageRef } from '../../src/core/ids.js';
import type { memoryLogger } from '../../src/logger.js';
import { FakeTelegram } from '../fakes/telegram/fake-telegram.js';
import { chats, people } from '../fakes/telegram/objects.js';
import { makeTransport, type Recorder, recorder, waitFor } from './support.js';

const group = chats.collective;
const groupAddress = `telegram:${group.id}` as ChatAddress;

describe('telegram inbound', () => {
  let fake: FakeTelegram;
  let rec: Recorder;
  let transport: TelegramTransport;
  let logger: ReturnType<typeof memoryLogger>;

  beforeEach(async () => {
    fake = await FakeTelegram.start();
    rec = recorder();
    ({ transport, logger } = makeTransport(fake));
    await transport.start(rec.handler);
  });

  afterEach(async () => {
    await transport.stop();
    await fake.close();
  });

  it('starts with getMe, the command menus and deleteWebhook, then polls for messages, buttons and its own membership only', async () => {
    await waitFor(() => fake.callsTo('getUpdates').length > 0, 'first poll');
    const order = fake.calls.map((c) => c.method);
    expect(order.slice(0, 6)).toEqual(['getMe', 'setMyCommands', 'setMyCommands', 'setMyCommands', 'deleteWebhook', 'getUpdates']);
    expect(fake.sent('deleteWebhook')[0]).toMatchObject({ drop_pending_updates: false });
    expect(fake.callsTo('getUpdates')[0]?.params).toMatchObject({ allowed_updates: ['message', 'callback_query', 'my_chat_member', 'chat_member', 'message_reaction'], timeout: 5 });
  });

  it('maps a group message to a MessageEvent', async () => {
    const { updateId, message } = fake.groupMessage('/list', { from: people.alex });
    const event = await waitFor(() => rec.taken[0], 'event');
    expect(event).toEqual({
      kind: 'message',
      dedupeKey: `telegram:update:${updateId}`,
      transport: 'telegram',
      chat: groupAddress,
      chatKind: 'group',
      sender: `telegram:${people.alex.id}`,
      senderName: 'Alex Testperson',
      messageRef: String(message.message_id),
      text: '/list',
    });
  });

  it('maps a basic group as a group and a private chat as direct', async () => {
    fake.groupMessage('/help', { chat: chats.basicGroup, from: people.sam });
    fake.privateStart(people.noor, 'hello');
    await waitFor(() => rec.taken.length === 2 && rec.taken, 'two events');
    expect(rec.taken[0]).toMatchObject({ chatKind: 'group', chat: `telegram:${chats.basicGroup.id}`, senderName: 'Sam' });
    expect(rec.taken[1]).toMatchObject({
      kind: 'message',
      chatKind: 'direct',
      chat: `telegram:${people.noor.id}`,
      sender: `telegram:${people.noor.id}`,
      text: '/start hello',
    });
  });

  it('strips @ParloirBot from commands and ignores commands addressed to another bot', async () => {
    fake.groupMessage('/visit@ParloirBot 2026-12-01 14:00 2 seats');
    fake.groupMessage('/visit@OtherHelperBot 2026-12-01');
    fake.groupMessage('/list@parloirbot');
    fake.groupMessage('/done');
    await waitFor(() => rec.taken.length === 3 && fake.pendingUpdateIds().length === 0 && rec.taken, 'three events');
    expect(rec.taken.map((e) => (e.kind === 'message' ? e.text : e.kind))).toEqual(['/visit 2026-12-01 14:00 2 seats', '/list', '/done']);
  });

  it('maps a reply to a bot post with replyTo = the post message_id', async () => {
    fake.groupMessage('/list');
    await waitFor(() => rec.taken.length === 1, 'first event');
    const receipt = await transport.send({ id: 1, to: groupAddress, text: 'Invented request #1' });
    fake.replyToBot(group.id, Number(receipt.messageRef), 'me', people.sam);
    const event = await waitFor(() => rec.taken[1], 'reply event');
    expect(event).toMatchObject({ kind: 'message', text: 'me', replyTo: receipt.messageRef, sender: `telegram:${people.sam.id}` });
  });

  it('maps a button press to a ButtonEvent and answers the query once with the notice', async () => {
    fake.groupMessage('/list');
    await waitFor(() => rec.taken.length === 1, 'first event');
    const receipt = await transport.send({
      id: 2,
      to: groupAddress,
      text: 'Invented visit',
      buttons: [{ action: 'claim', label: 'Take it' }],
    });
    rec.notice = 'Invented notice';
    const { updateId, queryId } = fake.pressButton(group.id, Number(receipt.messageRef), 'claim', people.sam);
    const event = await waitFor(() => rec.taken[1], 'button event');
    expect(event).toEqual({
      kind: 'button',
      dedupeKey: `telegram:update:${updateId}`,
      transport: 'telegram',
      chat: groupAddress,
      chatKind: 'group',
      sender: `telegram:${people.sam.id}`,
      senderName: 'Sam',
      action: 'claim',
      target: receipt.messageRef as MessageRef,
    });
    await waitFor(() => fake.sent('answerCallbackQuery').length === 1, 'answer');
    expect(fake.sent('answerCallbackQuery')).toEqual([{ callback_query_id: queryId, text: 'Invented notice' }]);
  });

  it('answers an unknown button without an event', async () => {
    fake.groupMessage('/list');
    await waitFor(() => rec.taken.length === 1, 'first event');
    const receipt = await transport.send({ id: 3, to: groupAddress, text: 'Invented post', buttons: [{ action: 'join', label: 'Join' }] });
    const { queryId } = fake.pressButton(group.id, Number(receipt.messageRef), 'something-else');
    await waitFor(() => fake.sent('answerCallbackQuery').length === 1, 'answer');
    expect(fake.sent('answerCallbackQuery')).toEqual([{ callback_query_id: queryId }]);
    expect(rec.attempts).toHaveLength(1);
  });

  it('maps a group upgrade (migrate_to_chat_id / migrate_from_chat_id) to ChatMigratedEvents', async () => {
    const newId = -1_009_000_000_777;
    const { toUpdateId, fromUpdateId } = fake.migrate(chats.basicGroup, newId);
    await waitFor(() => rec.taken.length === 2, 'two migration events');
    const expected = { kind: 'chat-migrated', transport: 'telegram', from: `telegram:${chats.basicGroup.id}`, to: `telegram:${newId}` };
    expect(rec.taken).toEqual([
      { ...expected, dedupeKey: `telegram:update:${toUpdateId}` },
      { ...expected, dedupeKey: `telegram:update:${fromUpdateId}` },
    ]);
  });

  it('is never sent edits or channel posts; ignores automatic forwards, bots and service messages; maps an anonymous admin as anonymous', async () => {
    await waitFor(() => fake.callsTo('getUpdates').length > 0, 'first poll');
    const base = { date: 1_790_000_000, chat: group, from: people.alex };
    // Not asked for in allowed_updates: Telegram never queues them.
    expect(fake.enqueue({ edited_message: { ...base, message_id: 9001, edit_date: 1_790_000_010, text: 'edited text' } } as never)).toBe(-1);
    expect(fake.enqueue({ channel_post: { ...base, chat: chats.channel, message_id: 9002, text: 'channel text', from: undefined } } as never)).toBe(-1);
    fake.groupMessage('/list', { from: people.otherBot });
    fake.message({ text: 'channel text', extra: { sender_chat: chats.channel, is_automatic_forward: true } });
    fake.message({ extra: { new_chat_members: [people.noor] } });
    const anonymous = fake.anonymousMessage('/list', { chat: group }).updateId;
    fake.groupMessage('/mine');
    await waitFor(() => rec.taken.length === 2 && fake.pendingUpdateIds().length <= 1, 'the last message');
    expect(rec.attempts).toHaveLength(2);
    expect(rec.taken[0]).toEqual({
      kind: 'message',
      dedupeKey: `telegram:update:${anonymous}`,
      transport: 'telegram',
      chat: groupAddress,
      chatKind: 'group',
      // The group itself speaks: no person, no name.
      sender: `telegram:${group.id}`,
      anonymous: true,
      messageRef: expect.any(String),
      text: '/list',
    });
    expect(rec.taken[1]).toMatchObject({ text: '/mine' });
    const reasons = logger.lines.map((l) => JSON.parse(l) as { code: string; reason?: string }).filter((l) => l.code === 'TELEGRAM_UPDATE_IGNORED');
    expect(reasons.map((l) => l.reason)).toEqual(['from-bot', 'channel', 'no-text']);
  });

  it('logs no text, names, ids or token', async () => {
    fake.groupMessage('/visit@ParloirBot secret meeting place', { from: people.alex });
    fake.privateStart(people.noor);
    await waitFor(() => rec.taken.length === 2, 'events');
    await transport.send({ id: 4, to: `telegram:${people.sam.id}` as ChatAddress, text: 'private text' }).catch(() => undefined);
    const all = logger.lines.join('\n');
    for (const secret of ['secret meeting', 'private text', 'Alex', 'Testperson', 'Noor', String(people.alex.id), String(people.sam.id), String(group.id).slice(1), fake.token]) {
      expect(all).not.toContain(secret);
    }
  });
});
