// Limits against floods (PARLOIR_LIMITS, defaults in src/core/limits.ts): at most 10 new
// requests per member and group an hour, then one short answer, no post, and silence for the
// rest of the hour; a chat outside any linked group is answered once a day.

import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/core/limits.js';
import { purgeExpired } from '../../src/engine/housekeeping.js';
import { type Harness, startHarness } from '../support/harness.js';

describe('limits', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('posts 10 requests an hour for one member, answers the 11th once, and posts again after the hour', async () => {
    h = await startHarness();
    await h.link('sam');
    for (let i = 0; i < 13; i += 1) await h.local.say('mallory', `/colis 05/12 pull ${i}`);
    await h.settle();
    const texts = h.botTexts();
    expect(texts.filter((t) => /^#\d+ Colis/.test(t))).toHaveLength(10);
    expect(texts.filter((t) => t.startsWith('Tu as déjà fait 10 demandes dans l’heure'))).toHaveLength(1);
    // Another member is not held back by Mallory's flood.
    await h.local.say('sam', '/colis 05/12 pull');
    await h.settle();
    expect(h.botTexts().filter((t) => /^#\d+ Colis/.test(t))).toHaveLength(11);
    h.clock.advance(3_600_001);
    await h.local.say('mallory', '/colis 06/12 pull');
    await h.settle();
    expect(h.botTexts().filter((t) => /^#\d+ Colis/.test(t))).toHaveLength(12);
  });

  it('the request limit follows PARLOIR_LIMITS and counts from an index, not the whole group', async () => {
    h = await startHarness({ limits: { ...DEFAULT_LIMITS, requests: { max: 2, windowMs: 30 * 60_000 } } });
    await h.link('sam');
    for (let i = 0; i < 4; i += 1) await h.local.say('mallory', `/colis 05/12 pull ${i}`);
    await h.settle();
    expect(h.botTexts().filter((t) => /^#\d+ Colis/.test(t))).toHaveLength(2);
    expect(h.botTexts().filter((t) => t.startsWith('Tu as déjà fait 2 demandes en 30 min'))).toHaveLength(1);
    h.clock.advance(30 * 60_000 + 1);
    await h.local.say('mallory', '/colis 06/12 pull');
    await h.settle();
    expect(h.botTexts().filter((t) => /^#\d+ Colis/.test(t))).toHaveLength(3);
    const plan = h.store.db
      .prepare('EXPLAIN QUERY PLAN SELECT COUNT(*) FROM requests WHERE group_id = ? AND requester_bidx = ? AND created_at > ?')
      .all(1, Buffer.alloc(16), 0) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING COVERING INDEX requests_by_requester \(group_id=\? AND requester_bidx=\? AND created_at>\?\)/);
  });

  it('an unlinked group and a stranger\'s direct chat get one answer a day; a code still links, members still get answers', async () => {
    h = await startHarness();
    await h.link('sam');
    const answersIn = (chat: string) => h.local.messages.filter((m) => m.from === 'bot' && m.to === chat).map((m) => m.text);
    for (const text of ['/aide', '/visite demain 14h', '/n_importe_quoi', '/lier FAUX-CODE']) await h.local.say('una', text, { group: 'elsewhere' });
    for (const text of ['/aide', '/mes', 'ok', '/visite demain 14h']) await h.local.say('sue', text, { direct: true });
    await h.settle();
    expect(answersIn('local:elsewhere')).toHaveLength(1);
    expect(answersIn('local:sue')).toHaveLength(1);
    // Sam belongs to a group: his direct chat is no stranger's.
    for (const text of ['/aide', '/visite demain 14h']) await h.local.say('sam', text, { direct: true });
    await h.settle();
    expect(answersIn('local:sam')).toHaveLength(2);
    // A real code links the unlinked group, and says so, whatever the limit.
    const { code } = h.store.write(() => h.store.invites.create('test-centre', h.clock.now()));
    await h.local.say('una', `/lier ${code}`, { group: 'elsewhere' });
    await h.settle();
    expect(answersIn('local:elsewhere')).toHaveLength(2);
    expect(answersIn('local:elsewhere').at(-1)).toMatch(/CRA de Test/);
    // A day later the stranger is answered once again, then not.
    h.clock.advance(24 * 3_600_000);
    await h.local.say('sue', '/aide', { direct: true });
    await h.local.say('sue', '/aide', { direct: true });
    await h.settle();
    expect(answersIn('local:sue')).toHaveLength(2);
    // Housekeeping forgets the chats answered more than a day ago (a blind index and a time).
    h.clock.advance(24 * 3_600_000 + 1);
    expect(h.store.db.prepare('SELECT COUNT(*) FROM quiet_chats').pluck().get()).toBe(2);
    purgeExpired(h.store, h.clock.now(), 30);
    expect(h.store.db.prepare('SELECT COUNT(*) FROM quiet_chats').pluck().get()).toBe(0);
  });
});
