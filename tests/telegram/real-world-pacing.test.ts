// Issue 12, point 8 (second half) — pacing. Sends are paced per chat (about 20 a minute to one
// group, one a second to one private chat) so the bot rarely meets a 429: the transport says
// "not yet" and the outbox waits, in order, without holding other chats up and without
// alerting anyone. The fake Bot API enforces the same limits (tests/fakes/telegram/flood-limits.ts),
// so a bot that did not pace would meet 429s here: the last test shows it does. Real core,
// real grammY, one manual clock for the core, the transport and the fake.

import { afterEach, describe, expect, it } from 'vitest';
import type { Chat } from 'grammy/types';
import type { ChatAddress, MemberAddress } from '../../src/core/ids.js';
import { fr } from '../../src/i18n/fr.js';
import { chats, people } from '../fakes/telegram/objects.js';
import { startWorld, textsTo, type World } from './core-support.js';

const group = chats.collective;
const other = chats.basicGroup;
const { sam } = people;
const MINUTE = 60_000;

/** Links `chat` and returns its group id and address. */
async function linked(w: World, chat: Chat) {
  await w.link(chat, sam);
  const found = w.h.store.groups.findByChat(`telegram:${chat.id}` as ChatAddress);
  if (!found) throw new Error('group not linked');
  return found;
}

/** Times (by the shared clock) of the sendMessage calls to `chatId` with `outcome`. */
function sendTimes(w: World, chatId: number, outcome: number | 'ok' = 'ok'): number[] {
  return w.fake
    .callsTo('sendMessage')
    .filter((c) => c.params.chat_id === chatId && c.outcome === outcome)
    .map((c) => c.at);
}

/** The largest number of those times inside any window of `windowMs`. */
function busiestWindow(times: readonly number[], windowMs: number): number {
  let most = 0;
  for (let i = 0; i < times.length; i += 1) {
    const inside = times.filter((at) => at >= times[i]! && at < times[i]! + windowMs).length;
    most = Math.max(most, inside);
  }
  return most;
}

describe('telegram in the real world: sends paced per chat', () => {
  let w: World | undefined;

  afterEach(async () => {
    await w?.close();
    await w?.fake.close();
    w = undefined;
  });

  it('40 posts to one group go out at most 20 a minute, all of them, in order; another group is not held up; no 429, no alert', async () => {
    w = await startWorld();
    const { fake, h } = w;
    fake.privateStart(sam);
    await w.botSaid(sam.id, /^Parloir /);
    const busy = await linked(w, group);
    const quiet = await linked(w, other);
    await w.drainAll();
    // The links' answers leave the group's minute.
    h.clock.advance(MINUTE);
    const start = h.clock.now();
    const before = fake.callsTo('sendMessage').filter((c) => c.params.chat_id === group.id).length;
    const posts = Array.from({ length: 40 }, (_, i) => `Invented post ${i + 1}`);
    h.store.write(() => {
      for (const text of posts) h.store.outbox.enqueue({ group: busy.id, to: busy.chat, text }, h.clock.now());
      h.store.outbox.enqueue({ group: quiet.id, to: quiet.chat, text: 'Invented post for the quiet group' }, h.clock.now());
    });
    await w.drainAll();

    // All 40, once each and in order.
    expect(textsTo(fake, group.id).filter((t) => t.startsWith('Invented post '))).toEqual(posts);
    const times = sendTimes(w, group.id).slice(before);
    expect(times).toHaveLength(40);
    expect(busiestWindow(times, MINUTE)).toBeLessThanOrEqual(20);
    // Paced, not throttled: Telegram (the fake, with the same limits) never had to say 429 …
    expect(fake.calls.filter((c) => c.outcome === 429)).toEqual([]);
    // … and the wait was the pace, not more: the last post left about a minute after the first.
    expect(times.at(-1)! - start).toBeLessThanOrEqual(MINUTE + 1_000);
    // The other group's post went out at once, before the busy group's 21st.
    const [quietAt] = sendTimes(w, other.id).slice(-1);
    expect(textsTo(fake, other.id).at(-1)).toBe('Invented post for the quiet group');
    expect(quietAt).toBe(start);
    expect(quietAt).toBeLessThan(times[20]!);
    // A normal wait: nobody is told, and it is not counted as a failed attempt.
    expect(textsTo(fake, sam.id).filter((t) => t === fr.alertRateLimited())).toEqual([]);
    expect(w.transportLogs.filter((l) => l.includes('TELEGRAM_SEND_FAILED'))).toEqual([]);
    expect(h.logs.filter((l) => l.includes('OUTBOX_PACED')).length).toBeGreaterThan(0);
    expect(h.logs.filter((l) => l.includes('OUTBOX_RETRY'))).toEqual([]);
  });

  it('direct messages to one member go out one a second, in order, while another member gets theirs at once', async () => {
    w = await startWorld();
    const { fake, h } = w;
    fake.privateStart(sam);
    fake.privateStart(people.noor);
    await w.botSaid(sam.id, /^Parloir /);
    await w.botSaid(people.noor.id, /^Parloir /);
    const g = await linked(w, group);
    await w.drainAll();
    h.clock.advance(5_000);
    const start = h.clock.now();
    const texts = Array.from({ length: 5 }, (_, i) => `Invented reminder ${i + 1}`);
    h.store.write(() => {
      for (const text of texts) h.store.outbox.enqueue({ group: g.id, to: `telegram:${sam.id}` as MemberAddress, text }, h.clock.now());
      h.store.outbox.enqueue({ group: g.id, to: `telegram:${people.noor.id}` as MemberAddress, text: 'Invented note for Noor' }, h.clock.now());
    });
    await w.drainAll();

    expect(textsTo(fake, sam.id).filter((t) => t.startsWith('Invented reminder'))).toEqual(texts);
    const times = sendTimes(w, sam.id).slice(-5);
    expect(times.map((at) => at - start)).toEqual([0, 1_000, 2_000, 3_000, 4_000]);
    expect(sendTimes(w, people.noor.id).at(-1)).toBe(start);
    expect(fake.calls.filter((c) => c.outcome === 429)).toEqual([]);
  });

  it('without pacing the same 40 posts meet Telegram’s 429s (the fake enforces the limits), and coordinators are alerted', async () => {
    const unpaced = { count: 1_000, windowMs: 1 };
    w = await startWorld({ pace: { group: unpaced, direct: unpaced, overall: unpaced } });
    const { fake, h } = w;
    fake.privateStart(sam);
    await w.botSaid(sam.id, /^Parloir /);
    const busy = await linked(w, group);
    await w.drainAll();
    h.clock.advance(MINUTE);
    const posts = Array.from({ length: 40 }, (_, i) => `Invented post ${i + 1}`);
    h.store.write(() => {
      for (const text of posts) h.store.outbox.enqueue({ group: busy.id, to: busy.chat, text }, h.clock.now());
    });
    await w.drainAll(400);

    // Still nothing lost and in order (the outbox honours retry_after) …
    expect(textsTo(fake, group.id).filter((t) => t.startsWith('Invented post '))).toEqual(posts);
    // … but Telegram refused the 21st at once with retry_after, and kept refusing.
    const refused = fake.callsTo('sendMessage').filter((c) => c.params.chat_id === group.id && c.outcome === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(busiestWindow(sendTimes(w, group.id), MINUTE)).toBeLessThanOrEqual(20);
    expect(textsTo(fake, sam.id).filter((t) => t === fr.alertRateLimited())).toHaveLength(1);
  });
});
