// A busy group's /liste and digest over the fake Bot API: cut into messages of at most 4096
// characters (the fake refuses longer ones as Telegram does: tests/fakes/telegram/bot-api-model.ts),
// between entries, each entry whole and once (#13).

import { afterEach, describe, expect, it } from 'vitest';
import { chats, people } from '../fakes/telegram/objects.js';
import { entryLines, fillBusyGroup } from '../support/busy-group.js';
import { parisTime } from '../support/harness.js';
import { outputs, startWorld, type World } from './core-support.js';

const group = chats.collective;

describe('telegram: long texts', () => {
  let w: World | undefined;
  afterEach(async () => {
    await w?.close();
    await w?.fake.close();
    w = undefined;
  });

  it('/liste and the digest of 150 requests: parts of at most 4096 characters, every entry whole and once', async () => {
    w = await startWorld();
    await w.link(group, people.sam);
    fillBusyGroup(w.h.store, w.h.clock.now(), 150);
    const before = outputs(w.fake).length;
    w.fake.groupMessage('/liste', { chat: group, from: people.sam });
    await w.botSaid(group.id, /^#150 /m);
    await w.drainAll();
    const sent = () => outputs(w!.fake).slice(before).filter((o) => o.method === 'sendMessage' && o.chatId === group.id);
    const list = sent();
    expect(list.length).toBeGreaterThan(1);
    expect(list.every((o) => o.text.length <= 4096)).toBe(true);
    // No refused send ("message is too long") on the way.
    expect(w.fake.callsTo('sendMessage').filter((c) => c.outcome !== 'ok')).toEqual([]);
    const listed = entryLines(list.map((o) => o.text)).map((l) => Number(/^#(\d+)/.exec(l)?.[1]));
    expect([...listed].sort((a, b) => a - b)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));

    w.h.service.scheduler.ensureDigests();
    w.h.clock.set(parisTime('2026-11-24T09:00'));
    const digestFrom = sent().length;
    w.h.service.scheduler.tick();
    await w.drainAll();
    const digest = sent().slice(digestFrom);
    expect(digest.length).toBeGreaterThan(1);
    expect(digest[0]?.text.startsWith('☀ ')).toBe(true);
    expect(digest.every((o) => o.text.length <= 4096 && !o.text.endsWith(':'))).toBe(true);
    const numbers = entryLines(digest.map((o) => o.text)).map((l) => Number(/^#(\d+)/.exec(l)?.[1]));
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});
