// Telegram with the core: coordinators added by replying to a member's message.

import { afterEach, describe, expect, it } from 'vitest';
import type { MemberAddress } from '../../src/core/ids.js';
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

  it('a member who leaves (service message) has their claim released and the group told; their row goes', async () => {
    w = await startWorld();
    await w.link(chat, people.sam);
    w.fake.groupMessage('/visite 05/12 14h', { chat, from: people.sam });
    await w.botSaid(chat.id, /^#1 Visite/);
    w.fake.groupMessage('/prendre 1', { chat, from: people.noor });
    await w.botSaid(chat.id, /^✅ #1 : Noor Example conduit\.$/);
    const leaving = w.fake.message({ from: people.noor, chat, extra: { left_chat_member: people.noor } });
    await w.handled(leaving.updateId);
    await w.botSaid(chat.id, /^↩ #1 .*est de nouveau ouverte : Noor Example ne peut plus/);
    const group = w.h.store.groups.list()[0]!;
    expect(w.h.store.members.get(group.id, w.h.store.members.keyOf(group.id, `telegram:${people.noor.id}` as MemberAddress))).toBeUndefined();
  });
});
