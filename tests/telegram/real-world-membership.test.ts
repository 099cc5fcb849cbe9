// Issue 12, point 4 — removal and membership. The bot asks for my_chat_member; removed from a
// group (or the group deleted), the group is paused: nothing is posted there, its reminders
// stop and its coordinators are told by direct message; added back, it resumes and what was
// held goes out. A 403 on a group send does the same instead of retrying forever. Real core
// and grammY over the fake Bot API.

import { afterEach, describe, expect, it } from 'vitest';
import type { ChatAddress } from '../../src/core/ids.js';
import { fr } from '../../src/i18n/fr.js';
import { chats, people, privateChatOf } from '../fakes/telegram/objects.js';
import { parisTime } from '../support/harness.js';
import { botMessage, startWorld, textsTo, type World } from './core-support.js';

const group = chats.collective;
const { alex, sam } = people;
const REMOVED = fr.alertRemoved({ centre: 'CRA de Test' });
const BACK = fr.alertBack({ centre: 'CRA de Test' });

describe('telegram in the real world: the bot removed and added back', () => {
  let w: World | undefined;

  afterEach(async () => {
    await w?.close();
    await w?.fake.close();
    w = undefined;
  });

  it('pauses the group when removed (no posts, no reminders, coordinators told), and resumes when added back', async () => {
    w = await startWorld({ now: parisTime('2026-11-28T10:00') });
    const { fake, h } = w;
    fake.privateStart(sam);
    fake.privateStart(alex);
    await w.botSaid(alex.id, /^Parloir /);
    await w.link(group, sam);
    expect(fake.callsTo('getUpdates')[0]?.params.allowed_updates).toContain('my_chat_member');
    fake.groupMessage('/visite 01/12 14h30 places 1', { chat: group, from: sam });
    await w.botSaid(group.id, /^#1 Visite/);
    fake.pressButton(group.id, botMessage(fake, group.id, /^#1 Visite/).message_id, 'claim', alex);
    await w.botSaid(alex.id, /^Bonjour !/);
    const linked = h.store.groups.findByChat(`telegram:${group.id}` as ChatAddress)!;
    expect(h.store.schedule.pending(linked.id, 1).length).toBeGreaterThan(0);

    // Removed from the group.
    const removal = fake.botRemoved(group, sam);
    await w.handled(removal);
    expect((await w.botSaid(sam.id, /^Je ne suis plus dans le groupe/)).text).toBe(REMOVED);
    expect(h.store.pauses.isPaused(linked.id)).toBe(true);
    expect(h.store.schedule.pending(linked.id, 1)).toEqual([]);

    // Alex lets the visit go from the private chat: the group's announcement is held.
    const groupSendsBefore = fake.callsTo('sendMessage').filter((c) => c.params.chat_id === group.id).length;
    fake.message({ text: '/lacher 1', from: alex, chat: privateChatOf(alex) });
    await w.botSaid(alex.id, /#1/u);
    // The day before, when reminders were due: nothing is sent to anyone about #1.
    h.clock.set(parisTime('2026-11-30T14:30'));
    h.service.scheduler.tick();
    await h.settle();
    expect(fake.callsTo('sendMessage').filter((c) => c.params.chat_id === group.id)).toHaveLength(groupSendsBefore);
    expect(textsTo(fake, sam.id).filter((t) => t === REMOVED)).toHaveLength(1);

    // Added back: coordinators hear it, the held announcement goes out, reminders are planned again.
    await w.handled(fake.botAdded(group, sam));
    expect((await w.botSaid(sam.id, /^Je suis de retour/)).text).toBe(BACK);
    const releasedText = fr.released({ r: { n: 1, kind: 'visit', when: { at: parisTime('2026-12-01T14:30'), zone: 'Europe/Paris' } }, by: 'Alex Testperson' });
    const released = await w.botSaid(group.id, /^↩ #1/u);
    expect(released.text).toBe(releasedText);
    expect(h.store.pauses.isPaused(linked.id)).toBe(false);
    expect(h.store.schedule.pending(linked.id, 1).length).toBeGreaterThan(0);
  });

  it('a 403 on a group send (the removal was missed) pauses the group once instead of retrying forever', async () => {
    w = await startWorld();
    const { fake, h } = w;
    fake.privateStart(sam);
    await w.link(group, sam);
    const linked = h.store.groups.findByChat(`telegram:${group.id}` as ChatAddress)!;
    // Removed while the bot was not listening: no my_chat_member ever arrives.
    fake.model.kicked.add(group.id);
    const before = fake.callsTo('sendMessage').length;
    h.store.write(() => {
      h.store.outbox.enqueue({ group: linked.id, to: linked.chat, text: 'Invented post one' }, h.clock.now());
      h.store.outbox.enqueue({ group: linked.id, to: linked.chat, text: 'Invented post two' }, h.clock.now());
    });
    await w.botSaid(sam.id, /^Je ne suis plus dans le groupe/);
    // Hours pass: the held posts are looked at rarely, and the bot never writes to the group.
    for (let hour = 0; hour < 6; hour += 1) {
      h.clock.advance(3_600_000);
      await h.settle();
    }
    const attempts = fake.callsTo('sendMessage').slice(before).filter((c) => c.params.chat_id === group.id);
    expect(attempts.every((c) => c.outcome === 403)).toBe(true);
    expect(attempts.length).toBeLessThanOrEqual(2);
    expect(textsTo(fake, sam.id).filter((t) => t === REMOVED)).toHaveLength(1);

    // Back in the group: both posts go out, in order, once.
    await w.handled(fake.botAdded(group, sam));
    await w.botSaid(group.id, /^Invented post two$/);
    expect(textsTo(fake, group.id).slice(-2)).toEqual(['Invented post one', 'Invented post two']);
  });
});
