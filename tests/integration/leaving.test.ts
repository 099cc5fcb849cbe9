// A member leaves or is removed: claims released (the group told, as for /release), seats freed,
// reminders stopped, nothing more about the group by direct message, their member row deleted.

import { afterEach, describe, expect, it } from 'vitest';
import type { MemberAddress } from '../../src/core/ids.js';
import { type Harness, lastBot, parisTime, startHarness } from '../support/harness.js';

describe('members leaving', () => {
  let h: Harness;
  afterEach(async () => h.close());

  const toMember = (name: string) => h.local.messages.filter((m) => m.from === 'bot' && m.to === `local:${name}`).map((m) => m.text);
  const groupId = () => h.store.groups.list()[0]!.id;
  const key = (name: string) => h.store.members.keyOf(groupId(), `local:${name}` as MemberAddress);

  it('releases their claim and seat, stops their reminders and direct messages, deletes their row', async () => {
    h = await startHarness({ now: parisTime('2026-11-23T10:00') });
    await h.link('sam');
    await h.local.say('sam', '/visite 24/11 16h places 2 depuis gare de Calais');
    await h.local.say('alex', '/prendre 1');
    await h.settle();
    expect(toMember('alex')).toHaveLength(1); // the first-claim greeting
    await h.local.say('noor', '/rejoindre 1');
    await h.local.say('alex', '/visite 26/11 10h');
    await h.local.say('noor', '/prendre 2');
    // Noor's greeting is still waiting in the outbox when she leaves: it must never go out.

    expect((await h.local.leave('alex', 'noor')).status).toBe('handled');
    await h.settle();
    expect(h.botTexts().slice(-3)).toEqual([
      expect.stringMatching(/^↩ #1 .*est de nouveau ouverte : Alex ne peut plus/),
      '↩ #1 : Noor libère sa place (2 places libres).',
      expect.stringMatching(/^↩ #2 .*est de nouveau ouverte : Noor ne peut plus/),
    ]);
    expect(h.store.members.get(groupId(), key('alex'))).toBeUndefined();
    expect(h.store.members.get(groupId(), key('noor'))).toBeUndefined();
    expect(toMember('noor')).toEqual([]);
    const request = h.store.requests.get(groupId(), 1)!;
    expect(request.claimer).toBeUndefined();
    expect(request.passengers).toEqual([]);

    // The 24 h reminder time comes: nobody is reminded; the re-announcement goes to the group.
    h.clock.set(parisTime('2026-11-23T16:05'));
    h.service.scheduler.tick();
    await h.settle();
    expect(toMember('alex')).toHaveLength(1);
    await h.local.say('alex', '/mes', { direct: true });
    await h.local.say('alex', 'OK', { direct: true });
    await h.settle();
    // In no group any more: a stranger, answered once a day (#13 limits).
    expect(toMember('alex').slice(-2)).toEqual([expect.stringMatching(/^Bonjour ! Tu t’es engagé·e sur #1/), 'Tu n’as aucune demande en cours.']);
    // Their own request stays for the group; it is still there to take.
    expect(h.store.requests.get(groupId(), 2)?.state).toBe('open');
  });

  it('a Signal-style update names who remains; the last coordinator leaving is told to the group', async () => {
    h = await startHarness();
    await h.link('sam');
    await h.local.say('alex', '/visite 05/12 14h');
    await h.settle();
    const outcome = await h.service.parloir.handle({
      kind: 'member-left',
      dedupeKey: 'test:remaining',
      transport: 'local',
      chat: h.local.chat,
      remaining: ['local:alex' as MemberAddress, 'local:zoe' as MemberAddress],
    });
    expect(outcome.status).toBe('handled');
    await h.settle();
    expect(lastBot(h)).toContain('Le groupe n’a plus de coordinateur·ice');
    expect(h.store.members.all(groupId()).map((m) => m.name)).toEqual(['Alex']);
    // Nobody known left: nothing to do, nothing remembered.
    expect((await h.local.leave('zoe')).status).toBe('ignored');
  });
});
