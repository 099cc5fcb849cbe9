// Fires due jobs through the outbox. Each job is fired in its own transaction together with the
// messages it queues, so a crash in the middle of a batch leaves every job either fired (its
// messages queued) or still pending: nothing is missed and nothing is sent twice. After
// downtime, a job still useful is sent once, marked late; one no longer useful is dropped.

import type { Clock } from '../core/clock.js';
import { errorCode } from '../core/error-code.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { Job } from '../store/schedule.js';
import { fireJob, fireRepost, fireUnclaimedTogether, MERGE_UNCLAIMED_FROM } from './fire.js';
import { replanDigest, type Planning } from './replan.js';

export interface SchedulerOptions {
  readonly store: Store;
  readonly planning: Planning;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Called when jobs queued messages, so the outbox sends at once. */
  readonly onEnqueued?: () => void;
  /** A job fired more than this after its time is marked late. */
  readonly lateAfterMs?: number;
  /** Longest sleep between ticks. */
  readonly maxSleepMs?: number;
  readonly batch?: number;
}

export interface TickResult {
  readonly sent: number;
  readonly dropped: number;
  readonly late: number;
}

export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;

  constructor(private readonly options: SchedulerOptions) {}

  /** Plans a digest for every group that has none pending (first start, or after an upgrade). */
  ensureDigests(): void {
    const { store, planning, clock } = this.options;
    store.write(() => {
      for (const group of store.groups.list()) {
        if (!store.schedule.pending(group.id, null).some((job) => job.kind === 'digest')) replanDigest(store, planning, group.id, clock.now());
      }
    });
  }

  start(): void {
    this.stopped = false;
    this.ensureDigests();
    this.loop();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Fires every job due now, at most `limit` of them (all by default). */
  tick(limit = Number.POSITIVE_INFINITY): TickResult {
    const { store, clock, logger } = this.options;
    const batch = this.options.batch ?? 500;
    let sent = 0;
    let dropped = 0;
    let late = 0;
    while (sent + dropped < limit) {
      const now = clock.now();
      const jobs = store.schedule.due(now, Math.min(batch, limit - sent - dropped));
      if (jobs.length === 0) break;
      const merged = this.fireTogether(jobs, now);
      sent += merged.sent;
      dropped += merged.dropped;
      late += merged.late;
      for (const job of jobs) {
        if (merged.fired.has(job.id)) continue;
        const outcome = store.write(() => {
          const firing = fireJob(store, this.options.planning, job, now, this.options.lateAfterMs ?? 5 * 60_000);
          if (!store.schedule.markFired(job.id, 'drop' in firing ? 'dropped' : 'sent', now)) return 'skipped' as const;
          if ('drop' in firing) {
            logger.info(firing.drop, { job: job.id, kind: job.kind });
            if (firing.next) store.schedule.add(job.group, firing.next);
            return 'dropped' as const;
          }
          for (const draft of firing.send) store.outbox.enqueue(draft, now);
          if (firing.next) store.schedule.add(job.group, firing.next);
          return firing.late ? ('late' as const) : ('sent' as const);
        });
        if (outcome === 'dropped') dropped += 1;
        else if (outcome !== 'skipped') {
          sent += 1;
          if (outcome === 'late') late += 1;
        }
      }
    }
    sent += this.fireReposts(clock.now(), batch);
    if (sent > 0) this.options.onEnqueued?.();
    if (sent + dropped > 0) logger.info('SCHEDULER_TICK', { sent, dropped, late });
    return { sent, dropped, late };
  }

  /**
   * Many re-announcements of one group due at once become one message (fire.ts,
   * fireUnclaimedTogether), in one transaction with their jobs marked fired.
   */
  private fireTogether(jobs: readonly Job[], now: number): { fired: Set<number>; sent: number; dropped: number; late: number } {
    const { store, logger } = this.options;
    const byGroup = new Map<number, Job[]>();
    for (const job of jobs) if (job.kind === 'unclaimed') byGroup.set(job.group, [...(byGroup.get(job.group) ?? []), job]);
    const result = { fired: new Set<number>(), sent: 0, dropped: 0, late: 0 };
    for (const grouped of byGroup.values()) {
      if (grouped.length < MERGE_UNCLAIMED_FROM) continue;
      store.write(() => {
        const { outcomes, send } = fireUnclaimedTogether(store, this.options.planning, grouped, now, this.options.lateAfterMs ?? 5 * 60_000);
        for (const job of grouped) {
          const firing = outcomes.get(job.id);
          result.fired.add(job.id);
          if (!firing || !store.schedule.markFired(job.id, 'drop' in firing ? 'dropped' : 'sent', now)) continue;
          if ('drop' in firing) {
            logger.info(firing.drop, { job: job.id, kind: job.kind });
            result.dropped += 1;
          } else {
            result.sent += 1;
            if (firing.late) result.late += 1;
          }
        }
        for (const draft of send) store.outbox.enqueue(draft, now);
      });
      logger.info('SCHEDULE_MERGED', { jobs: grouped.length });
    }
    return result;
  }

  /** Changes held back by the repost limit whose window is over: the latest state, once each. */
  private fireReposts(now: number, batch: number): number {
    const { store, planning } = this.options;
    let posted = 0;
    for (const held of store.limits.dueReposts(now, batch)) {
      const drafts = store.write(() => {
        const send = fireRepost(store, planning, held.group, held.number, now);
        for (const draft of send) store.outbox.enqueue(draft, now);
        return send;
      });
      posted += drafts.length;
    }
    return posted;
  }

  private loop(): void {
    if (this.stopped) return;
    try {
      this.tick();
    } catch (error) {
      this.options.logger.error('SCHEDULER_TICK_FAILED', { error: errorCode(error) });
    }
    const dues = [this.options.store.schedule.nextDueAt(), this.options.store.limits.nextRepostAt()].filter((d): d is number => d !== undefined);
    const next = dues.length > 0 ? Math.min(...dues) : undefined;
    const maxSleep = this.options.maxSleepMs ?? 30_000;
    const wait = next === undefined ? maxSleep : Math.max(50, Math.min(maxSleep, next - this.options.clock.now()));
    this.timer = setTimeout(() => this.loop(), wait);
  }
}
