// #12: on Telegram a 👍 claims a request's post where the bot is an admin of the group (only then
// does Telegram send message_reaction updates, and only when asked for in allowed_updates), like
// a 👍 on Signal. The Telegram adapter and grammY with the real core (real SQLite, real
// libsodium) against the fake Bot API.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TelegramTransport } from '../../bots/telegram/telegram-transport.js';
import { chatAddress, memberAddress } from '../../src/core/ids.js';
import { FakeTelegram } from '../fakes/telegram/fake-telegram.js';
import { chats, people } from '../fakes/telegram/objects.js';
import { type Harness, startHarness } from '../support/harness.js';
import { eventually, makeTransport, waitFor } from './support.js';

const chat = chats.basicGroup;

describe('a 👍 on a request post on Telegram', () => {
  let fake: FakeTelegram;
  let transport: TelegramTransport;
  let h: Harness;

  const botSaid = (pattern: RegExp) =>
    eventually(async () => {
      await h.settle();
      return fake.sent('sendMessage').find((p) => typeof p.text === 'string' && pattern.test(p.text));
    }, `sendMessage ${pattern}`);

  /** The update was taken and confirmed (the next poll's offset is past it), and its effects are in. */
  const taken = async (updateId: number) => {
    await waitFor(() => fake.callsTo('getUpdates').some((c) => typeof c.params.offset === 'number' && c.params.offset > updateId), `update ${updateId} confirmed`);
    await h.settle();
  };

  beforeEach(async () => {
    fake = await FakeTelegram.start();
    ({ transport } = makeTransport(fake));
    h = await startHarness({ transports: [transport] });
    const { code } = h.store.write(() => h.store.invites.create('test-centre', h.clock.now()));
    fake.groupMessage(`/link ${code}`, { chat, from: people.sam });
    await botSaid(/linked to CRA de Test/);
  });

  afterEach(async () => {
    await h.close();
    await fake.close();
  });

  async function visitPost(): Promise<number> {
    fake.groupMessage('/visit 2026-12-01 14:30 seats 2 from Calais station', { chat, from: people.sam });
    await botSaid(/^#1 Visit/);
    const post = [...fake.model.messages.values()].find((m) => m.message.text?.startsWith('#1 Visit'));
    if (!post) throw new Error('post not stored');
    return post.message.message_id;
  }

  const group = () => h.store.groups.findByChat(chatAddress('telegram', String(chat.id)))!;
  const keyOf = (user: { id: number }) => h.store.members.keyOf(group().id, memberAddress('telegram', String(user.id)));

  it('asks Telegram for reactions', async () => {
    expect(fake.callsTo('getUpdates')[0]?.params.allowed_updates).toContain('message_reaction');
  });

  it('claims where the bot is an admin; another emoji, an anonymous admin or someone else\'s removal change nothing', async () => {
    fake.model.admins.set(chat.id, [fake.me, people.sam]);
    const post = await visitPost();

    // An anonymous admin reacts as the group: nobody to give it to.
    await taken(fake.react(chat.id, post, { anonymous: true, now: ['👍'] }));
    // Another emoji is not a claim.
    await taken(fake.react(chat.id, post, { from: people.noor, now: ['❤'] }));
    expect(h.store.requests.get(group().id, 1)?.state).toBe('open');

    await taken(fake.react(chat.id, post, { from: people.alex, now: ['👍'] }));
    await eventually(async () => {
      await h.settle();
      return fake.model.find(chat.id, post)?.edits === 1;
    }, 'the post edited');
    const claimed = h.store.requests.get(group().id, 1)!;
    expect([claimed.state, claimed.claimer]).toEqual(['claimed', keyOf(people.alex)]);
    expect(fake.sent('editMessageText')[0]?.text).toContain('Alex');

    // Noor takes back a 👍 that was never a claim; Alex swaps the 👍 for a ❤ (a new emoji is what
    // the update says): the claim stays.
    await taken(fake.react(chat.id, post, { from: people.noor, old: ['👍'], now: [] }));
    await taken(fake.react(chat.id, post, { from: people.alex, old: ['👍'], now: ['❤'] }));
    expect(h.store.requests.get(group().id, 1)).toMatchObject({ state: 'claimed', claimer: keyOf(people.alex) });

    // Alex adds the 👍 again next to the ❤ (still Alex's), then takes it back: released, as on Signal.
    await taken(fake.react(chat.id, post, { from: people.alex, old: ['❤'], now: ['❤', '👍'] }));
    expect(h.store.requests.get(group().id, 1)).toMatchObject({ state: 'claimed', claimer: keyOf(people.alex) });
    await taken(fake.react(chat.id, post, { from: people.alex, old: ['❤', '👍'], now: ['❤'] }));
    expect(h.store.requests.get(group().id, 1)?.state).toBe('open');
  });

  it('gets no reaction where the bot is not an admin: the post stays open', async () => {
    const post = await visitPost();
    expect(fake.react(chat.id, post, { from: people.alex, now: ['👍'] })).toBe(-1);
    expect(fake.pendingUpdateIds()).toEqual([]);
    expect(h.store.requests.get(group().id, 1)?.state).toBe('open');
  });
});
