import { afterEach, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../src/engine/housekeeping.js';
import { type Harness, startHarness } from '../support/harness.js';

const DAY = 86_400_000;

describe('deletion on schedule', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('expires requests nobody closed, then deletes closed ones after the retention period', async () => {
    h = await startHarness();
    await h.link();
    await h.local.say('sam', '/visite demain 14h');
    await h.local.say('sam', '/colis vendredi pull');
    await h.local.say('alex', '/prendre 2');
    await h.local.say('alex', '/fait 2');
    await h.settle();
    const group = h.store.groups.findByChat(h.local.chat)!;

    h.clock.advance(2 * DAY); // the visit was yesterday: not yet expired
    expect(purgeExpired(h.store, h.clock.now(), 30).expired).toBe(0);
    h.clock.advance(2 * DAY);
    expect(purgeExpired(h.store, h.clock.now(), 30)).toMatchObject({ expired: 1, requests: 0 });
    expect(h.store.requests.get(group.id, 1)?.state).toBe('expired');

    h.clock.advance(31 * DAY);
    expect(purgeExpired(h.store, h.clock.now(), 30)).toMatchObject({ requests: 2 });
    expect(h.store.requests.get(group.id, 1)).toBeUndefined();
    const posts = h.store.db.prepare('SELECT COUNT(*) AS n FROM posts').get() as { n: number };
    expect(posts.n).toBe(0);
    // the dedupe keys are gone too after 14 days
    const inbox = h.store.db.prepare('SELECT COUNT(*) AS n FROM inbox').get() as { n: number };
    expect(inbox.n).toBe(0);
  });
});
