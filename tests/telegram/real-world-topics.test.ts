// Issue 12, point 2 — forum topics. A command in a topic is answered there, and everything the
// bot posts later about that request (claims, re-announcements, urgent reposts, the digest, the
// "press Start" notice) goes to the topic it came from. A quote that Telegram refuses across
// topics, or a deleted topic, never loses a post. Real core and grammY over the fake Bot API.

import { afterEach, describe, expect, it } from 'vitest';
import type { ChatAddress } from '../../src/core/ids.js';
import { fr } from '../../src/i18n/fr.js';
import { topicOf } from '../fakes/telegram/bot-api-model.js';
import { chats, people } from '../fakes/telegram/objects.js';
import { parisTime } from '../support/harness.js';
import { botMessage, outputs, startWorld, type World } from './core-support.js';

const forum = chats.forum;
const { alex, noor, sam } = people;

/** The topic each bot message matching `pattern` landed in (undefined: General). */
function topicsOf(w: World, pattern: RegExp): Array<number | undefined> {
  return [...w.fake.model.messages.values()]
    .map((m) => m.message)
    .filter((m) => m.chat.id === forum.id && m.from?.id === w.fake.me.id && typeof m.text === 'string' && pattern.test(m.text))
    .map((m) => topicOf(m));
}

describe('telegram in the real world: forum topics', () => {
  let w: World | undefined;

  afterEach(async () => {
    await w?.close();
    await w?.fake.close();
    w = undefined;
  });

  it('answers in the topic, and posts everything later about a request in the topic it came from', async () => {
    w = await startWorld({ now: parisTime('2026-11-29T10:00') });
    const { fake, h } = w;
    const visits = fake.createTopic(forum, 'CRA de Test');
    const chatter = fake.createTopic(forum, 'Logistique');
    fake.privateStart(alex);
    await w.botSaid(alex.id, /^Parloir /);
    await w.link(forum, sam); // in General
    expect(topicsOf(w, /lié à CRA de Test/)).toEqual([undefined]);

    // The request is made in the visits topic: its post goes there, quoting the command.
    const command = fake.groupMessage('/visite 30/11 14h30 places 1 depuis gare de Calais', { chat: forum, from: sam, topic: visits }).message;
    const post = await w.botSaid(forum.id, /^#1 Visite/);
    expect(post.params).toMatchObject({ message_thread_id: visits, reply_parameters: { message_id: command.message_id } });

    // /liste in the other topic is answered there.
    fake.groupMessage('/liste', { chat: forum, from: noor, topic: chatter });
    const list = await w.botSaid(forum.id, new RegExp(`^${fr.list({ requests: [] })}`));
    expect(list.params).toMatchObject({ message_thread_id: chatter });

    // Alex takes it by replying to the post: the answer is in the visits topic.
    const postMessage = botMessage(fake, forum.id, /^#1 Visite/);
    fake.replyToBot(forum.id, postMessage.message_id, 'je prends', alex);
    const claimed = await w.botSaid(forum.id, /^✅ #1 : Alex/);
    expect(claimed.params).toMatchObject({ message_thread_id: visits });

    // Noor (who never pressed Start) takes the seat with the button: the "press Start"
    // notice goes to the visits topic, where Noor is looking.
    fake.pressButton(forum.id, postMessage.message_id, 'join', noor);
    const notice = await w.botSaid(forum.id, /je ne peux pas encore t’écrire en privé/);
    expect(notice.params).toMatchObject({ message_thread_id: visits });

    // Alex lets it go from the chatter topic, close to the time: the release and the urgent
    // repost go to the visits topic, unquoted (Telegram refuses a reply across topics).
    h.clock.set(parisTime('2026-11-30T12:00'));
    const sentBefore = outputs(fake).length;
    const release = fake.groupMessage('/lacher 1', { chat: forum, from: alex, topic: chatter });
    await w.handled(release.updateId);
    await w.drainAll();
    const after = outputs(fake)
      .slice(sentBefore)
      .filter((o) => o.method === 'sendMessage' && o.chatId === forum.id)
      .map((o) => ({ text: o.text, topic: o.params.message_thread_id, quotes: o.params.reply_parameters !== undefined }));
    expect(after).toEqual([
      { text: fr.released({ r: { n: 1, kind: 'visit', when: { at: parisTime('2026-11-30T14:30'), zone: 'Europe/Paris' } }, by: 'Alex Testperson' }), topic: visits, quotes: false },
      { text: expect.stringContaining('#1 Visite'), topic: visits, quotes: false },
      // Sam, who asked for it, never pressed Start: told where the request lives.
      { text: expect.stringMatching(/^Sam, je ne peux pas encore t’écrire en privé/), topic: visits, quotes: false },
    ]);
    // Nothing about the request ever reached General, and Telegram refused nothing.
    expect(topicsOf(w, /#1/u).filter((t) => t === undefined)).toEqual([]);
    const sendsToForum = fake.callsTo('sendMessage').filter((c) => c.params.chat_id === forum.id);
    expect(sendsToForum.filter((c) => c.outcome !== 'ok')).toEqual([]);

    // The digest goes to the topic it was set in.
    fake.groupMessage('/resume 08:00', { chat: forum, from: sam, topic: chatter });
    await w.botSaid(forum.id, /08:00/);
    const before = outputs(fake).length;
    h.clock.set(parisTime('2026-12-01T08:00'));
    h.service.scheduler.tick();
    await w.drainAll();
    const digest = outputs(fake).slice(before).find((o) => o.method === 'sendMessage' && o.chatId === forum.id);
    if (!digest) throw new Error('no digest');
    expect(digest.params).toMatchObject({ message_thread_id: chatter });
  });

  it('never loses a post: a refused cross-topic quote is dropped, a deleted topic falls back to General', async () => {
    w = await startWorld();
    const { fake, h } = w;
    const visits = fake.createTopic(forum, 'CRA de Test');
    const chatter = fake.createTopic(forum, 'Logistique');
    await w.link(forum, sam);
    const group = h.store.groups.findByChat(`telegram:${forum.id}` as ChatAddress);
    if (!group) throw new Error('not linked');
    const elsewhere = fake.groupMessage('bonjour', { chat: forum, from: sam, topic: chatter }).message;

    h.store.write(() =>
      h.store.outbox.enqueue(
        { group: group.id, to: group.chat, topic: String(visits), text: 'Invented post, quoting another topic', replyTo: { ref: String(elsewhere.message_id) as never } },
        h.clock.now(),
      ),
    );
    const unquoted = await w.botSaid(forum.id, /^Invented post, quoting another topic$/);
    expect(unquoted.params).toMatchObject({ message_thread_id: visits });
    expect(unquoted.params).not.toHaveProperty('reply_parameters');

    fake.deleteTopic(forum, visits);
    h.store.write(() => h.store.outbox.enqueue({ group: group.id, to: group.chat, topic: String(visits), text: 'Invented post to a gone topic' }, h.clock.now()));
    const general = await w.botSaid(forum.id, /^Invented post to a gone topic$/);
    expect(general.params).not.toHaveProperty('message_thread_id');
    // Refused twice (once per case), each followed by a delivered fallback.
    expect(fake.callsTo('sendMessage').filter((c) => c.outcome === 400)).toHaveLength(2);
  });
});
