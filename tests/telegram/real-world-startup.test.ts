// Issue 12, point 9 — start-up and message ids. setWebhook, deleteWebhook and setMyCommands are
// tried again on a network failure instead of aborting the start; message id 0 (an ephemeral
// command) is never quoted; after a supergroup upgrade, waiting edits and quotes of the old
// chat are dropped, not aimed at the new chat's unrelated message ids. Real core and grammY
// over the fake Bot API.

import { afterEach, describe, expect, it } from 'vitest';
import type { ChatAddress, MessageRef } from '../../src/core/ids.js';
import { fr } from '../../src/i18n/fr.js';
import { failures } from '../fakes/telegram/api-failures.js';
import { FakeTelegram } from '../fakes/telegram/fake-telegram.js';
import { chats, people } from '../fakes/telegram/objects.js';
import { botMessage, startWorld, textsTo, type World } from './core-support.js';
import { makeTransport, recorder } from './support.js';

const { alex, sam } = people;

describe('telegram in the real world: start-up and message ids', () => {
  let w: World | undefined;
  const stops: (() => Promise<void>)[] = [];

  afterEach(async () => {
    await w?.close();
    await w?.fake.close();
    w = undefined;
    for (const stop of stops.splice(0)) await stop();
  });

  it('comes up through network failures of deleteWebhook and setMyCommands, with its menu, and answers', async () => {
    const fake = await FakeTelegram.start();
    fake.failNext('deleteWebhook', failures.network, { times: 3 });
    fake.failNext('setMyCommands', failures.network, { times: 2 });
    fake.failNext('setMyCommands', failures.serverError());
    w = await startWorld({ fake });
    expect(fake.callsTo('deleteWebhook').map((c) => c.outcome)).toEqual(['network', 'network', 'network', 'ok']);
    expect(fake.model.commands.size).toBe(3);
    await w.link(chats.collective, sam);
  });

  it('webhook mode: setWebhook is tried again after a network failure', async () => {
    const fake = await FakeTelegram.start();
    stops.push(() => fake.close());
    fake.failNext('setWebhook', failures.network, { times: 2 });
    const { transport } = makeTransport(fake, { webhook: { url: 'https://bot.example.org/telegram', secret: 'invented-secret_42', port: 0 } });
    stops.unshift(() => transport.stop());
    await transport.start(recorder().handler);
    expect(fake.callsTo('setWebhook').map((c) => c.outcome)).toEqual(['network', 'network', 'ok']);
    expect(fake.model.webhook?.url).toBe('https://bot.example.org/telegram');
  });

  it('a bad webhook setting still fails the start at once, with no retry', async () => {
    const fake = await FakeTelegram.start();
    stops.push(() => fake.close());
    const { transport } = makeTransport(fake, { webhook: { url: 'https://bot.example.org/telegram', secret: 'invented-secret_42', port: 0 } });
    fake.failNext('setWebhook', failures.badRequest('bad webhook: Failed to resolve host'));
    await expect(transport.start(recorder().handler)).rejects.toThrow();
    expect(fake.callsTo('setWebhook')).toHaveLength(1);
  });

  it('never quotes message id 0 (an ephemeral command): the answer goes out unquoted', async () => {
    w = await startWorld();
    await w.link(chats.collective, sam);
    w.fake.message({ text: '/aide', chat: chats.collective, from: alex, extra: { message_id: 0 } });
    const help = await w.botSaid(chats.collective.id, /^Parloir /);
    expect(help.text).toBe(fr.help());
    expect(help.params).not.toHaveProperty('reply_parameters');
  });

  it('after a supergroup upgrade, waiting edits of old posts are dropped and quotes of old messages removed', async () => {
    w = await startWorld();
    const { fake, h } = w;
    const basic = chats.basicGroup;
    await w.link(basic, sam);
    fake.groupMessage('/visite 01/12 14h30', { chat: basic, from: sam });
    await w.botSaid(basic.id, /^#1 Visite/);
    const post = botMessage(fake, basic.id, /^#1 Visite/);
    const group = h.store.groups.findByChat(`telegram:${basic.id}` as ChatAddress)!;

    // The group is upgraded; the new chat's own messages reuse small ids, including the post's.
    const newId = -1_009_000_000_777;
    fake.migrate(basic, newId);
    const supergroup = fake.model.chats.get(newId)!;
    while (fake.model.find(newId, post.message_id) === undefined) fake.groupMessage('bonjour', { chat: supergroup, from: alex });
    // Before the bot hears of the upgrade, an edit of the old post and a quoted answer wait.
    h.store.write(() => {
      h.store.outbox.enqueue({ group: group.id, to: group.chat, text: 'Invented edit of the old post', edit: String(post.message_id) as MessageRef }, h.clock.now());
      h.store.outbox.enqueue(
        { group: group.id, to: group.chat, text: 'Invented answer quoting an old message', replyTo: { ref: String(post.message_id) as MessageRef } },
        h.clock.now(),
      );
    });
    const answer = await w.botSaid(newId, /^Invented answer quoting an old message$/);
    expect(answer.params).not.toHaveProperty('reply_parameters');
    await w.drainAll();
    expect(fake.callsTo('editMessageText').filter((c) => c.params.chat_id === newId)).toEqual([]);
    expect(fake.model.find(newId, post.message_id)?.edits).toBe(0);
    expect(textsTo(fake, newId)).toEqual(['Invented answer quoting an old message']);
  });
});

