// Posts stay current on Telegram: a moved request's post is edited in place (never posted
// again), and everyone on it hears of the new time in private, like on Signal.

import { afterEach, describe, expect, it } from 'vitest';
import { chats, people } from '../fakes/telegram/objects.js';
import { botMessage, startWorld, textsTo, type World } from './core-support.js';
import { waitFor } from './support.js';

const group = chats.basicGroup;
const { alex, noor, sam } = people;

describe('telegram: posts stay current', () => {
  let w: World | undefined;
  afterEach(async () => {
    await w?.close();
    await w?.fake.close();
    w = undefined;
  });

  it('/decaler edits the post in place and tells the driver and the passenger in private', async () => {
    w = await startWorld();
    const { fake } = w;
    fake.privateStart(alex);
    fake.privateStart(noor);
    await w.link(group, sam);
    fake.groupMessage('/visite 01/12 14h30 places 2 rdv 13h gare de Calais', { chat: group, from: sam });
    await w.botSaid(group.id, /^#1 Visite/);
    const post = botMessage(fake, group.id, /^#1 Visite/);
    fake.replyToBot(group.id, post.message_id, 'je prends', alex);
    await w.botSaid(group.id, /^✅ #1 : Alex Testperson conduit/);
    fake.groupMessage('/rejoindre 1', { chat: group, from: noor });
    await w.botSaid(group.id, /^✅ #1 : Noor Example prend une place/);
    await w.drainAll();
    const postsBefore = textsTo(fake, group.id).filter((t) => t.startsWith('#1 Visite')).length;

    fake.groupMessage('/decaler 1 02/12 15h', { chat: group, from: sam });
    await w.botSaid(group.id, /^#1 a maintenant lieu mer\. 2 déc\. à 15h00/);
    await w.drainAll();
    // Edited, not posted again.
    expect(textsTo(fake, group.id).filter((t) => t.startsWith('#1 Visite'))).toHaveLength(postsBefore);
    await waitFor(() => fake.model.find(group.id, post.message_id)?.message.text?.startsWith('#1 Visite — mer. 2 déc. à 15h00'), 'the post edited');
    expect(fake.model.find(group.id, post.message_id)?.message.text).toContain('\nRDV 13h00 gare de Calais → visite 15h00\n');
    const news = '🕑 Nouvelle heure pour #1 (visite mer. 2 déc. à 15h00) : c’était mar. 1 déc. à 14h30.\nRDV 13h00 gare de Calais → visite 15h00\nToujours bon ? Réponds OK, ou LÂCHER si tu ne peux plus.';
    expect(textsTo(fake, alex.id).at(-1)).toBe(news);
    expect(textsTo(fake, noor.id).at(-1)).toBe(news);
  });
});
