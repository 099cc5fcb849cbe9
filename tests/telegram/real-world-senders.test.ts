// Issue 12, points 3 and 6 — who is speaking, and to whom. An admin who "remains anonymous"
// gets a short answer saying to write as themselves, never silence; another bot's bare command
// gets no "unknown command" answer once other bots are known in the group. Real core and
// grammY over the fake Bot API.

import { afterEach, describe, expect, it } from 'vitest';
import type { ChatAddress } from '../../src/core/ids.js';
import { fr } from '../../src/i18n/fr.js';
import { chats, people } from '../fakes/telegram/objects.js';
import { botMessage, startWorld, textsTo, type World } from './core-support.js';

const group = chats.collective;
const { alex, noor, sam } = people;
const ANONYMOUS = fr.anonymousSender();

describe('telegram in the real world: senders', () => {
  let w: World | undefined;

  afterEach(async () => {
    await w?.close();
    await w?.fake.close();
    w = undefined;
  });

  /** Sends nothing more to `chatId` once the update is taken and the outbox drained. */
  async function expectSilence(world: World, chatId: number, updateId: number): Promise<void> {
    const before = textsTo(world.fake, chatId).length;
    await world.taken(updateId);
    await world.drainAll();
    expect(textsTo(world.fake, chatId).slice(before)).toEqual([]);
  }

  it('an anonymous admin is told to write as themselves for /link, a claim by reply or by command; reading still works', async () => {
    w = await startWorld();
    const { fake, h } = w;
    const { code } = h.store.write(() => h.store.invites.create('test-centre', h.clock.now()));
    const anonymousLink = fake.anonymousMessage(`/lier ${code}`, { chat: group });
    const refusal = await w.botSaid(group.id, /anonyme/);
    expect(refusal.text).toBe(ANONYMOUS);
    expect(refusal.params).toMatchObject({ reply_parameters: { message_id: anonymousLink.message.message_id } });
    expect(h.store.groups.findByChat(`telegram:${group.id}` as ChatAddress)).toBeUndefined();

    // The code was not used up: a person can link with it.
    fake.groupMessage(`/lier ${code}`, { chat: group, from: sam });
    await w.botSaid(group.id, /^Ce groupe est maintenant lié/);
    fake.groupMessage('/visite 01/12 14h30 places 1', { chat: group, from: sam });
    await w.botSaid(group.id, /^#1 Visite/);
    const post = botMessage(fake, group.id, /^#1 Visite/);

    fake.anonymousMessage('je prends', { chat: group, replyTo: post });
    fake.anonymousMessage('/prendre 1', { chat: group });
    const list = fake.anonymousMessage('/liste', { chat: group });
    await w.handled(list.updateId);
    await w.drainAll();
    const texts = textsTo(fake, group.id);
    expect(texts.filter((t) => t === ANONYMOUS)).toHaveLength(3);
    expect(texts.at(-1)).toMatch(new RegExp(`^${fr.list({ requests: [] })}`));
    expect(h.store.requests.get(h.store.groups.findByChat(`telegram:${group.id}` as ChatAddress)!.id, 1)?.state).toBe('open');
  });

  it("another bot's bare command gets no answer once other bots are known; Parloir's own and addressed ones still do", async () => {
    w = await startWorld();
    const { fake } = w;
    await w.link(group, sam);
    const unknown = fr.unknownCommand({ word: 'meteo' });

    // Parloir alone: an unknown word gets the usual short answer.
    fake.groupMessage('/meteo', { chat: group, from: alex });
    expect((await w.botSaid(group.id, /^Commande inconnue/)).text).toBe(unknown);

    // Another bot joins: its commands are left to it.
    fake.botJoins(group, people.otherBot);
    await expectSilence(w, group.id, fake.groupMessage('/meteo', { chat: group, from: alex }).updateId);
    fake.groupMessage('/meteo@ParloirBot', { chat: group, from: alex });
    fake.groupMessage('/liste', { chat: group, from: alex });
    await w.botSaid(group.id, new RegExp(`^${fr.listEmpty()}`));
    expect(textsTo(fake, group.id).filter((t) => t === unknown)).toHaveLength(2);

    // A group where another bot is an administrator, seen through getChatAdministrators.
    const other = chats.basicGroup;
    fake.model.admins.set(other.id, [alex, people.otherBot]);
    await w.link(other, sam);
    await expectSilence(w, other.id, fake.groupMessage('/meteo', { chat: other, from: alex }).updateId);
    expect(fake.sent('getChatAdministrators').filter((p) => p.chat_id === other.id)).toHaveLength(1);

    // In a member's private chat there is nobody else to answer: a short answer, never silence.
    fake.groupMessage('/colis 05/12 pull', { chat: group, from: alex });
    await w.botSaid(group.id, /^#\d+ Colis/);
    fake.privateStart(alex);
    const direct = fake.message({ text: '/meteo', from: alex, chat: { id: alex.id, type: 'private', first_name: alex.first_name } });
    await w.taken(direct.updateId);
    await w.drainAll();
    expect(textsTo(fake, alex.id).at(-1)).toBe(fr.groupOnly());

    // A stranger's private chat (Noor belongs to no group) is answered once a day (#13 limits).
    await w.taken(fake.privateStart(noor).updateId);
    await w.drainAll();
    expect(textsTo(fake, noor.id)).toHaveLength(1);
    await expectSilence(w, noor.id, fake.message({ text: '/meteo', from: noor, chat: { id: noor.id, type: 'private', first_name: noor.first_name } }).updateId);
  });
});
