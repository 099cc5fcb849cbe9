// Limits against floods (PARLOIR_LIMITS, defaults in src/core/limits.ts): at most 10 new
// requests per member and group an hour, then one short answer, no post, and silence for the
// rest of the hour; a chat outside any linked group is answered once a day.

import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/core/limits.js';
import { purgeExpired } from '../../src/engine/housekeeping.js';
import { fr } from '../../src/i18n/fr.js';
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
    // The mark "Mallory was told" is forgotten once no window can reach it (7 days).
    h.clock.advance(7 * 24 * 3_600_000);
    expect(purgeExpired(h.store, h.clock.now(), 30).limitMarks).toBe(1);
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
    // /aide spent the daily answer; the mistyped code is still told (its own allowance).
    expect(answersIn('local:elsewhere')).toHaveLength(2);
    expect(answersIn('local:elsewhere').at(-1)).toBe(fr.linkUnknown());
    expect(answersIn('local:sue')).toHaveLength(1);
    // Sam belongs to a group: his direct chat is no stranger's.
    for (const text of ['/aide', '/visite demain 14h']) await h.local.say('sam', text, { direct: true });
    await h.settle();
    expect(answersIn('local:sam')).toHaveLength(2);
    // At most once a minute, though; a minute later the next typo is told, /aide still not.
    await h.local.say('una', '/lier AUTRE-FAUX', { group: 'elsewhere' });
    await h.local.say('una', '/lier ENCORE-FAUX', { group: 'elsewhere' });
    await h.settle();
    expect(answersIn('local:elsewhere')).toHaveLength(2);
    h.clock.advance(60_000);
    await h.local.say('una', '/lier TOUJOURS-FAUX', { group: 'elsewhere' });
    await h.local.say('una', '/aide', { group: 'elsewhere' });
    await h.settle();
    expect(answersIn('local:elsewhere')).toHaveLength(3);
    expect(answersIn('local:elsewhere').at(-1)).toBe(fr.linkUnknown());
    // A real code links the unlinked group, and says so, whatever the limit.
    const { code } = h.store.write(() => h.store.invites.create('test-centre', h.clock.now()));
    await h.local.say('una', `/lier ${code}`, { group: 'elsewhere' });
    await h.settle();
    expect(answersIn('local:elsewhere')).toHaveLength(4);
    expect(answersIn('local:elsewhere').at(-1)).toMatch(/CRA de Test/);
    // A day later the stranger is answered once again, then not.
    h.clock.advance(24 * 3_600_000);
    await h.local.say('sue', '/aide', { direct: true });
    await h.local.say('sue', '/aide', { direct: true });
    await h.settle();
    expect(answersIn('local:sue')).toHaveLength(2);
    // Housekeeping forgets the chats answered more than a day ago (a blind index and a time).
    h.clock.advance(24 * 3_600_000 + 1);
    expect(h.store.db.prepare('SELECT COUNT(*) FROM quiet_chats').pluck().get()).toBe(3);
    purgeExpired(h.store, h.clock.now(), 30);
    expect(h.store.db.prepare('SELECT COUNT(*) FROM quiet_chats').pluck().get()).toBe(0);
  });

  it('claim / release ping-pong re-posts the card once per 10 minutes; every command is answered; the latest state follows once', async () => {
    h = await startHarness();
    await h.link('sam');
    await h.local.say('sam', '/colis 05/12 pull');
    await h.settle();
    const cards = () => h.botTexts().filter((t) => /^#1 Colis/.test(t));
    const claimed = () => h.botTexts().filter((t) => t.startsWith('✅ #1 : Carl s’en charge.'));
    const released = () => h.botTexts().filter((t) => t.startsWith('↩ #1 '));
    await h.local.say('carl', '/prendre 1');
    await h.settle();
    expect(cards()).toHaveLength(2); // the post, then the card re-posted as taken
    const cardAt = h.clock.now();
    for (let i = 0; i < 3; i += 1) {
      h.clock.advance(60_000);
      await h.local.say('carl', '/lacher 1');
      h.clock.advance(60_000);
      await h.local.say('carl', '/prendre 1');
    }
    h.clock.advance(60_000);
    await h.local.say('carl', '/lacher 1');
    await h.settle();
    // Carl got an answer to each command; the group got the first "released" and no card since.
    expect(claimed()).toHaveLength(4);
    expect(released()).toHaveLength(4);
    expect(cards()).toHaveLength(2);
    // Ten minutes after the card: the latest state (open again), once.
    h.clock.set(cardAt + 10 * 60_000 - 1);
    h.service.scheduler.tick();
    await h.settle();
    expect(cards()).toHaveLength(2);
    h.clock.set(cardAt + 10 * 60_000);
    h.service.scheduler.tick();
    await h.settle();
    expect(cards()).toHaveLength(3);
    expect(cards().at(-1)).toContain('Porteur·euse : personne pour l’instant');
    h.clock.advance(60 * 60_000);
    h.service.scheduler.tick();
    await h.settle();
    expect(cards()).toHaveLength(3);
    // After a quiet window the next change reaches the group at once.
    const groupReleased = () => h.local.messages.filter((m) => m.from === 'bot' && m.to === h.local.chat && m.text.startsWith('↩ #1 ') && m.replyTo === undefined);
    expect(groupReleased()).toHaveLength(1);
    await h.local.say('carl', '/prendre 1');
    await h.local.say('carl', '/lacher 1');
    await h.settle();
    expect(groupReleased()).toHaveLength(2);
  });

  it('ping-pong that ends on the card the group last saw posts nothing more; someone else taking over is shown at once', async () => {
    h = await startHarness({ limits: { ...DEFAULT_LIMITS, repostMs: 5 * 60_000 } });
    await h.link('sam');
    await h.local.say('sam', '/colis 05/12 pull');
    for (const text of ['/prendre 1', '/lacher 1', '/prendre 1', '/lacher 1', '/prendre 1']) await h.local.say('carl', text);
    await h.settle();
    const cards = () => h.botTexts().filter((t) => /^#1 Colis/.test(t));
    expect(cards()).toHaveLength(2);
    // "released" once to the group, the second only as Carl's answer
    expect(h.local.messages.filter((m) => m.from === 'bot' && m.text.startsWith('↩ #1 ')).map((m) => m.replyTo !== undefined)).toEqual([false, true]);
    h.clock.advance(5 * 60_000);
    h.service.scheduler.tick();
    await h.settle();
    expect(cards()).toHaveLength(2);
    // A hand-over is news: Mia's card goes out at once, even inside a window.
    await h.local.say('carl', '/lacher 1');
    await h.local.say('mia', '/prendre 1');
    await h.settle();
    expect(cards()).toHaveLength(3);
    expect(cards().at(-1)).toContain('Porteur·euse : Mia');
  });
});
