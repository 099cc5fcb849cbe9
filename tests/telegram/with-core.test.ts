// The Telegram adapter with the real core (real SQLite, real libsodium) against the fake Bot
// API: link, request post with buttons, a button press that edits the post, a group upgrade
// the link follows, and a member who never pressed Start.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TelegramTransport } from '../../bots/telegram/telegram-transport.js';
import type { ChatAddress, MemberAddress } from '../../src/core/ids.js';
import { FakeTelegram } from '../fakes/telegram/fake-telegram.js';
import { chats, people } from '../fakes/telegram/objects.js';
import { type Harness, startHarness } from '../support/harness.js';
import { eventually, makeTransport, waitFor } from './support.js';

const chat = chats.basicGroup;

describe('telegram with the core', () => {
  let fake: FakeTelegram;
  let transport: TelegramTransport;
  let h: Harness;

  /** Drains the outbox until a sendMessage/editMessageText whose text matches appears. */
  const botSaid = (method: string, pattern: RegExp) =>
    eventually(async () => {
      await h.settle();
      return fake.sent(method).find((p) => typeof p.text === 'string' && pattern.test(p.text));
    }, `${method} ${pattern}`);

  beforeEach(async () => {
    fake = await FakeTelegram.start();
    ({ transport } = makeTransport(fake));
    h = await startHarness({ transports: [transport] });
  });

  afterEach(async () => {
    await h.close();
    await fake.close();
  });

  it('link → visit post with buttons → button press edits the post and answers with a notice', async () => {
    const { code } = h.store.write(() => h.store.invites.create('test-centre', h.clock.now()));
    fake.groupMessage(`/lier@ParloirBot ${code}`, { chat, from: people.sam });
    await botSaid('sendMessage', /lié à CRA de Test/);

    const command = fake.groupMessage('/visite@ParloirBot 01/12 14h30 places 2 depuis gare de Calais', { chat, from: people.sam }).message;
    const post = await botSaid('sendMessage', /^#1 Visite/);
    expect(post).toMatchObject({
      chat_id: chat.id,
      reply_parameters: { message_id: command.message_id, allow_sending_without_reply: true },
      reply_markup: {
        inline_keyboard: [
          [
            { text: 'Je conduis', callback_data: 'claim' },
            { text: 'Je viens', callback_data: 'join' },
          ],
        ],
      },
    });
    expect(post).not.toHaveProperty('parse_mode');
    const sentPost = [...fake.model.messages.values()].find((m) => m.message.text?.startsWith('#1 Visite'));
    if (!sentPost) throw new Error('post not stored');

    const { queryId } = fake.pressButton(chat.id, sentPost.message.message_id, 'claim', people.alex);
    await waitFor(() => fake.sent('answerCallbackQuery').length === 1, 'button answered');
    const answer = fake.sent('answerCallbackQuery')[0];
    expect(answer?.callback_query_id).toBe(queryId);
    expect(answer?.text).toEqual(expect.any(String));
    await eventually(async () => {
      await h.settle();
      return fake.model.find(chat.id, sentPost.message.message_id)?.edits === 1;
    }, 'the post edited');
    expect(fake.sent('editMessageText')[0]).toMatchObject({ chat_id: chat.id, message_id: sentPost.message.message_id });
    // Alex never pressed Start: the bot's first direct message fails at once, at claim time, and
    // the group hears how to fix it before any reminder is due.
    const hint = await botSaid('sendMessage', /Alex Testperson, je ne peux pas encore t’écrire en privé : ouvre https:\/\/t\.me\/ParloirBot\?start=hello/);
    expect(hint.chat_id).toBe(chat.id);
  });

  it('follows a group upgrade to a supergroup, and tells the group when a member never pressed Start', async () => {
    const { code } = h.store.write(() => h.store.invites.create('test-centre', h.clock.now()));
    fake.groupMessage(`/lier ${code}`, { chat, from: people.sam });
    await botSaid('sendMessage', /lié à CRA de Test/);

    const newId = -1_009_000_000_888;
    // A message queued for the old chat before the upgrade is noticed still reaches the group.
    const old = h.store.groups.findByChat(`telegram:${chat.id}` as ChatAddress);
    if (!old) throw new Error('group not linked');
    fake.migrate(chat, newId);
    h.store.write(() => h.store.outbox.enqueue({ group: old.id, to: old.chat, text: 'Queued before the upgrade' }, h.clock.now()));
    const queued = await botSaid('sendMessage', /^Queued before the upgrade$/);
    expect(queued.chat_id).toBe(newId);
    await eventually(async () => h.store.groups.findByChat(`telegram:${newId}` as ChatAddress) !== undefined, 'link moved');
    fake.groupMessage('/liste', { chat: { id: newId, type: 'supergroup', title: 'Upgraded' }, from: people.sam });
    const list = await botSaid('sendMessage', /Aucune demande ouverte/);
    expect(list.chat_id).toBe(newId);

    // Alex writes in the group but never opened the private chat: a direct message fails and
    // the group hears how to fix it, with the bot's deep link.
    const before = fake.sent('sendMessage').length;
    fake.groupMessage('/mes', { chat: { id: newId, type: 'supergroup', title: 'Upgraded' }, from: people.alex });
    await eventually(async () => {
      await h.settle();
      return fake.sent('sendMessage').length > before;
    }, 'answer to /mes');
    const group = h.store.groups.findByChat(`telegram:${newId}` as ChatAddress);
    if (!group) throw new Error('group not linked');
    h.store.write(() => h.store.outbox.enqueue({ group: group.id, to: `telegram:${people.alex.id}` as MemberAddress, text: 'Invented reminder' }, h.clock.now()));
    const notice = await botSaid('sendMessage', /t\.me\/ParloirBot\?start=hello/);
    expect(notice.chat_id).toBe(newId);
  });
});
