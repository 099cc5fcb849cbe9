// Retention that is complete: members not seen for the member retention period (but not
// coordinators, held members or anyone in an active request), dedupe rows and the rotating keys
// that hashed them, and outbox ids that are never given twice.

import { afterEach, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../src/engine/housekeeping.js';
import { INBOX_KEY_PERIOD_MS } from '../../src/store/inbox.js';
import { type Harness, startHarness } from '../support/harness.js';
import { contains, rawBytes } from '../support/raw-scan.js';

const DAY = 86_400_000;

describe('complete retention', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('forgets members not seen for 90 days, keeping coordinators and anyone in an active request', async () => {
    h = await startHarness();
    await h.link('sam');
    await h.local.say('rita', '/avocat 2027-03-01 18:00 R-1'); // active until March
    // Taking and giving back makes someone a member of the group, involved in nothing.
    await h.local.say('noor', '/prendre 1');
    await h.local.say('noor', '/lacher 1');
    await h.settle();
    h.clock.advance(80 * DAY);
    await h.local.say('mia', '/prendre 1');
    await h.local.say('mia', '/lacher 1');
    await h.settle();
    const group = h.store.groups.findByChat(h.local.chat)!;
    const known = (who: string) => h.store.members.get(group.id, h.store.members.keyOf(group.id, `local:${who}` as never)) !== undefined;
    expect(['sam', 'noor', 'rita', 'mia'].map(known)).toEqual([true, true, true, true]);

    h.clock.advance(11 * DAY);
    expect(purgeExpired(h.store, h.clock.now(), 30, 90).members).toBe(1);
    expect(['sam', 'noor', 'rita', 'mia'].map(known)).toEqual([true, false, true, true]);
    // Acting again refreshes: mia, seen at day 80, stays until day 170; rita goes once her
    // request is over (it expired in March).
    h.clock.advance(78 * DAY);
    expect(purgeExpired(h.store, h.clock.now(), 30, 90).members).toBe(1);
    expect(['sam', 'noor', 'rita', 'mia'].map(known)).toEqual([true, false, false, true]);
  });

  it('rotates the dedupe hash key and destroys it once its rows are past the window', async () => {
    h = await startHarness();
    await h.link('sam');
    const keys = () => h.store.db.prepare('SELECT period, key_wrapped FROM inbox_keys ORDER BY period').all() as { period: number; key_wrapped: Uint8Array }[];
    const first = keys();
    expect(first).toHaveLength(1);
    h.store.write(() => h.store.inbox.record('signal:invented-sender:1', h.clock.now()));
    expect(h.store.inbox.seen('signal:invented-sender:1')).toBe(true);

    h.clock.advance(INBOX_KEY_PERIOD_MS);
    h.store.write(() => h.store.inbox.record('signal:invented-sender:2', h.clock.now()));
    expect(keys()).toHaveLength(2);
    // Still inside the window: both events are recognised, under their own period's key.
    expect(h.store.inbox.seen('signal:invented-sender:1')).toBe(true);
    expect(h.store.inbox.seen('signal:invented-sender:2')).toBe(true);

    h.clock.advance(14 * DAY + INBOX_KEY_PERIOD_MS);
    purgeExpired(h.store, h.clock.now(), 30);
    expect(keys().map((k) => k.period)).not.toContain(first[0]!.period);
    expect(contains(rawBytes(h.dbPath), first[0]!.key_wrapped)).toBe(false);
    expect(h.store.inbox.seen('signal:invented-sender:1')).toBe(false);
  });

  it('never gives an outbox id twice, even after the last row was delivered and deleted', async () => {
    h = await startHarness();
    const first = h.store.write(() => h.store.outbox.enqueue({ to: 'local:someone' as never, text: 'a' }, h.clock.now()));
    await h.settle();
    expect(h.store.outbox.pendingCount()).toBe(0);
    const second = h.store.write(() => h.store.outbox.enqueue({ to: 'local:someone' as never, text: 'b' }, h.clock.now()));
    expect(second).toBeGreaterThan(first);
  });
});
