// Issue 12, point 1 — never go deaf. Telegram restarts update ids at a random value after a
// week without updates; the Bot API server then answers an offset above its queue from the
// head (telegram-bot-api/Client.cpp, do_get_updates). The poller must take the lower ids and
// confirm them, with the real core and grammY against the fake Bot API.

import { afterEach, describe, expect, it } from 'vitest';
import { fr } from '../../src/i18n/fr.js';
import { chats, people } from '../fakes/telegram/objects.js';
import { startWorld, textsTo, type World } from './core-support.js';

const group = chats.collective;

describe('telegram in the real world: update ids', () => {
  let w: World | undefined;

  afterEach(async () => {
    await w?.close();
    await w?.fake.close();
    w = undefined;
  });

  it('update ids drop mid-run: every later command is answered, confirmed, and getUpdates does not spin', async () => {
    w = await startWorld();
    const { fake } = w;
    await w.link(group, people.sam);
    const before = fake.groupMessage('/liste', { chat: group, from: people.sam }).updateId;
    await w.taken(before);

    // A week later Telegram starts again from a much lower id.
    fake.resetUpdateIds(1_000);
    const polls = fake.callsTo('getUpdates').length;
    const ids = ['/aide', '/liste', '/aide'].map((text) => fake.groupMessage(text, { chat: group, from: people.alex }).updateId);
    expect(ids[0]).toBeLessThan(before);
    for (const id of ids) await w.handled(id);
    await w.taken(ids[2]!);
    expect(fake.pendingUpdateIds()).toEqual([]);
    // A handful of polls, not a hot loop over the head of the queue.
    expect(fake.callsTo('getUpdates').length - polls).toBeLessThan(10);

    await w.botSaid(group.id, /Aucune demande ouverte/);
    const texts = textsTo(fake, group.id);
    expect(texts.filter((t) => t === fr.help()).length).toBe(2);
    // And the ids after the reset go on being confirmed normally.
    const next = fake.groupMessage('/liste', { chat: group, from: people.alex }).updateId;
    expect(next).toBe(ids[2]! + 1);
    await w.handled(next);
    await w.taken(next);
  });
});
