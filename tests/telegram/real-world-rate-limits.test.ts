// Issue 12, point 8 (first half) — rate limits. A single short per-chat 429 is normal on
// Telegram: the reply still goes out once and coordinators are not bothered. Real core and
// grammY over the fake Bot API. Pacing, which avoids most 429s: real-world-pacing.test.ts.

import { afterEach, describe, expect, it } from 'vitest';
import { fr } from '../../src/i18n/fr.js';
import { failures } from '../fakes/telegram/api-failures.js';
import { chats, people } from '../fakes/telegram/objects.js';
import { startWorld, textsTo, type World } from './core-support.js';

const group = chats.collective;
const { sam } = people;

describe('telegram in the real world: rate limits', () => {
  let w: World | undefined;

  afterEach(async () => {
    await w?.close();
    await w?.fake.close();
    w = undefined;
  });

  it('one short 429 is retried quietly: the answer goes out once, no coordinator is alerted', async () => {
    w = await startWorld();
    const { fake } = w;
    fake.privateStart(sam);
    await w.botSaid(sam.id, /^Parloir /);
    await w.link(group, sam);
    fake.failNext('sendMessage', failures.tooManyRequests(3), { times: 1, when: (p) => p.chat_id === group.id });
    const { updateId } = fake.groupMessage('/liste', { chat: group, from: sam });
    await w.handled(updateId);
    await w.drainAll();
    expect(fake.callsTo('sendMessage').filter((c) => c.params.chat_id === group.id).map((c) => c.outcome)).toContain(429);
    expect(textsTo(fake, group.id).filter((t) => t === fr.listEmpty())).toHaveLength(1);
    expect(textsTo(fake, sam.id).filter((t) => t === fr.alertRateLimited())).toEqual([]);
  });
});
