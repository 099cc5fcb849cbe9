// Section 3: the scheduler with 100 000 pending reminders: the cost of one tick, and the time
// to fire 10 000 due reminders into the outbox.

import { ManualClock } from '../../src/core/clock.js';
import { silentLogger } from '../../src/logger.js';
import { DEFAULT_PLAN } from '../../src/scheduler/plan.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { benchCentres, benchStore, loadRequests, memberOf } from './fixtures.js';
import { fmt, type Row, summarize, timed } from './measure.js';

export async function schedulerAtScale(options: { pending: number; due: number }): Promise<Row[]> {
  const db = await benchStore();
  const { store } = db;
  const clock = new ManualClock(Date.parse('2026-11-23T09:00:00Z'));
  const now = clock.now();
  const [group] = loadRequests(store, 1, 10, now, 1);
  const member = store.members.keyOf(group!.id, memberOf(0, 1));
  const number = store.requests.active(group!.id)[0]!.number;
  store.write(() => store.requests.claim(group!.id, number, member, now));
  const far = now + 400 * 86_400_000;
  const BATCH = 10_000;
  for (let start = 0; start < options.pending; start += BATCH) {
    store.write(() => {
      for (let i = start; i < Math.min(options.pending, start + BATCH); i++) {
        // the first `due` jobs fall due in the next minute; the rest much later
        const dueAt = i < options.due ? now + 1 + (i % 60_000) : now + 86_400_000 + i * 1_000;
        store.schedule.add(group!.id, { kind: 'remind', number, member, dueAt, usefulUntil: far, leadMs: 7_200_000 });
      }
    });
  }
  const scheduler = new Scheduler({
    store,
    planning: { centres: benchCentres, settings: { ...DEFAULT_PLAN, leads: [7_200_000] } },
    clock,
    logger: silentLogger,
  });
  const idle: number[] = [];
  for (let i = 0; i < 200; i++) idle.push((await timed(() => scheduler.tick())).ms);
  clock.advance(60_001);
  const fire = await timed(() => scheduler.tick());
  const queued = store.outbox.pendingCount();
  const t = summarize(idle);
  store.close();
  db.cleanup();
  const n = options.pending.toLocaleString('en');
  const d = options.due.toLocaleString('en');
  return [
    { section: '3 Scheduler', measure: `tick with ${n} pending, none due (p50 / p99)`, value: `${fmt(t.p50, 3)} / ${fmt(t.p99, 3)} ms`, target: '≤ 5 ms', met: t.p99 <= 5 },
    {
      section: '3 Scheduler',
      measure: `fire ${d} due reminders into the outbox`,
      value: `${fmt(fire.ms)} ms`,
      note: `${fmt((fire.value.sent / fire.ms) * 1000)} reminders/s; ${queued} rows queued`,
    },
  ];
}
