// Telegram with the core: coordinators added by replying to a member's message.

import { afterEach, describe, expect, it } from 'vitest';
import { chats, people } from '../fakes/telegram/objects.js';
import { startWorld, type World } from './core-support.js';

const chat = chats.collective;

describe('telegram with the core: members and roles', () => {
  let w: World | undefined;
  afterEach(async () => {
    await w?.close();
    await w?.fake.close();
    w = undefined;
  });

  it('a coordinator adds another by replying /coord add to their message; the group is told', async () => {
    w = await startWorld();
    await w.link(chat, people.sam);
    const noorSaid = w.fake.message({ text: 'je peux conduire samedi', from: people.noor, chat }).message;
    w.fake.message({ text: '/coord@ParloirBot ajouter', from: people.sam, chat, replyTo: noorSaid });
    await w.botSaid(chat.id, /^Noor Example est maintenant coordinateur·ice \(ajouté·e par Sam\)\.$/);
    w.fake.groupMessage('/resume 08:30', { chat, from: people.noor });
    const set = await w.botSaid(chat.id, /08:30/);
    expect(set.text).not.toContain('Seul·e');
  });
});
