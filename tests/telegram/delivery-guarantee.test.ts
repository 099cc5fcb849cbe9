// Nothing lost: an update counts as confirmed to Telegram only after the core took it.
// grammY's own loop would confirm an update whose handler threw; ours retries it instead.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TelegramTransport } from '../../bots/telegram/telegram-transport.js';
import { failures } from '../fakes/telegram/api-failures.js';
import { FakeTelegram } from '../fakes/telegram/fake-telegram.js';
import { people } from '../fakes/telegram/objects.js';
import { makeTransport, recorder, waitFor } from './support.js';

const key = (updateId: number) => `telegram:update:${updateId}`;

describe('telegram delivery guarantee', () => {
  let fake: FakeTelegram;
  const running: TelegramTransport[] = [];

  const startTransport = async (rec = recorder()) => {
    const { transport, logger } = makeTransport(fake);
    running.push(transport);
    await transport.start(rec.handler);
    return { transport, rec, logger };
  };

  beforeEach(async () => {
    fake = await FakeTelegram.start();
  });

  afterEach(async () => {
    for (const transport of running.splice(0)) await transport.stop();
    await fake.close();
  });

  it('a handler that throws once gets the same update again, in order, and it is not lost', async () => {
    const { rec, logger } = await startTransport();
    rec.failNext(1);
    const first = fake.groupMessage('/list').updateId;
    const second = fake.groupMessage('/mine', { from: people.sam }).updateId;
    await waitFor(() => rec.taken.length === 2, 'both events');
    expect(rec.attempts.map((e) => e.dedupeKey)).toEqual([key(first), key(first), key(second)]);
    expect(rec.taken.map((e) => e.dedupeKey)).toEqual([key(first), key(second)]);
    await waitFor(() => fake.pendingUpdateIds().length === 0, 'confirmation');
    expect(logger.lines.some((l) => l.includes('"TELEGRAM_UPDATE_RETRY"') && l.includes('STORE_UNAVAILABLE'))).toBe(true);
  });

  it('keeps a failing update unconfirmed (and the ones behind it) while the core is down', async () => {
    const { rec } = await startTransport();
    rec.failNext(1_000);
    const first = fake.groupMessage('/list').updateId;
    const second = fake.groupMessage('/mine').updateId;
    await waitFor(() => rec.attempts.length >= 4, 'several attempts');
    expect(new Set(rec.attempts.map((e) => e.dedupeKey))).toEqual(new Set([key(first)]));
    expect(fake.pendingUpdateIds()).toEqual([first, second]);
    rec.failNext(0);
    await waitFor(() => rec.taken.length === 2, 'recovery');
    await waitFor(() => fake.pendingUpdateIds().length === 0, 'confirmation');
  });

  it('after a restart, unconfirmed updates come again and confirmed ones do not', async () => {
    const a = await startTransport();
    const handled = fake.groupMessage('/list').updateId;
    await waitFor(() => a.rec.taken.length === 1, 'first event');
    a.rec.failNext(1_000);
    const stuck = fake.groupMessage('/mine').updateId;
    await waitFor(() => a.rec.attempts.length >= 2, 'the stuck update tried');
    await a.transport.stop();
    expect(fake.pendingUpdateIds()).toEqual([stuck]);

    const b = await startTransport();
    const later = fake.groupMessage('/help').updateId;
    await waitFor(() => b.rec.taken.length === 2, 'events after restart');
    expect(b.rec.attempts.map((e) => e.dedupeKey)).toEqual([key(stuck), key(later)]);
    expect(b.rec.attempts.map((e) => e.dedupeKey)).not.toContain(key(handled));
  });

  it('confirms handled updates on stop, so a clean restart sees nothing twice', async () => {
    const a = await startTransport();
    fake.groupMessage('/list');
    fake.groupMessage('/mine');
    await waitFor(() => a.rec.taken.length === 2, 'events');
    await a.transport.stop();
    expect(fake.pendingUpdateIds()).toEqual([]);
    const b = await startTransport();
    await waitFor(() => fake.callsTo('getUpdates').filter((c) => c.outcome === 'pending').length === 1, 'second poller waiting');
    expect(b.rec.attempts).toEqual([]);
  });

  it('if the final confirmation fails, the handled update comes again and the core dedupes it', async () => {
    const shared = recorder();
    const a = await startTransport(shared);
    await waitFor(() => fake.callsTo('getUpdates').length === 1, 'first poll');
    // Every confirmation of this update is lost, as if the process died right after handling it.
    const only = fake.groupMessage('/list').updateId;
    fake.failNext('getUpdates', failures.network, { times: 1_000, when: (p) => p.offset === only + 1 });
    await waitFor(() => shared.taken.length === 1, 'event');
    await a.transport.stop();
    expect(fake.pendingUpdateIds()).toEqual([only]);
    fake.clearFailures();
    await startTransport(shared);
    await waitFor(() => shared.attempts.length === 2, 'redelivery');
    expect(shared.attempts.map((e) => e.dedupeKey)).toEqual([key(only), key(only)]);
    expect(shared.taken).toHaveLength(1);
  });

  it('keeps polling through network failures, server errors, 429 and conflicts', async () => {
    fake.failNext('getUpdates', failures.network);
    fake.failNext('getUpdates', failures.serverError());
    fake.failNext('getUpdates', failures.tooManyRequests(0));
    fake.failNext('getUpdates', failures.otherPoller());
    const { rec } = await startTransport();
    fake.groupMessage('/list');
    await waitFor(() => rec.taken.length === 1, 'event after failures');
    const outcomes = fake.callsTo('getUpdates').map((c) => c.outcome);
    expect(outcomes.slice(0, 4)).toEqual(['network', 500, 429, 409]);
  });

  it('stops promptly while an update is being retried', async () => {
    const { transport, rec } = await startTransport();
    rec.failNext(1_000_000);
    fake.groupMessage('/list');
    await waitFor(() => rec.attempts.length >= 2, 'retrying');
    await transport.stop();
    const attempts = rec.attempts.length;
    expect(fake.pendingUpdateIds()).toHaveLength(1);
    // Nothing runs after stop resolved.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(rec.attempts.length).toBe(attempts);
  });

  it('stop() ends a start that is still waiting for getMe', async () => {
    fake.failNext('getMe', failures.network, { times: 1_000_000 });
    const { transport } = makeTransport(fake);
    const started = transport.start(recorder().handler);
    await waitFor(() => fake.callsTo('getMe').length >= 2, 'getMe retried');
    await transport.stop();
    await expect(started).rejects.toThrow();
    expect(fake.callsTo('getUpdates')).toEqual([]);
  });
});
