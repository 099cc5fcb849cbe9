// Deletion on schedule: closed requests after the retention period, dedupe keys, expired
// invite codes and failed deliveries. What is deleted is overwritten (secure_delete), and the
// WAL is checkpointed and truncated afterwards.

import type { Store } from '../store/store.js';

const DAY = 86_400_000;
const INBOX_DAYS = 14;
const FAILED_OUTBOX_DAYS = 7;
const FIRED_JOB_DAYS = 7;
const PROMPT_DAYS = 14;
/** A closed case's need-to-know details are crypto-shredded this long after it closed (#16). */
export const CASE_DETAILS_DAYS = 7;
/** A request nobody closed expires this long after its time (then follows the retention rule). */
export const EXPIRE_AFTER_MS = 2 * DAY;
const EXPIRE_BATCH = 1_000;

export interface Purged {
  readonly expired: number;
  readonly jobs: number;
  readonly prompts: number;
  readonly requests: number;
  readonly cases: number;
  readonly caseDetails: number;
  readonly inbox: number;
  readonly invites: number;
  readonly outbox: number;
}

export function purgeExpired(store: Store, now: number, retentionDays: number): Purged {
  const purged = store.write(() => ({
    expired: expireStale(store, now),
    jobs: store.schedule.purgeFiredBefore(now - FIRED_JOB_DAYS * DAY),
    prompts: store.prompts.purgeBefore(now - PROMPT_DAYS * DAY),
    requests: store.requests.purgeClosedBefore(now - retentionDays * DAY),
    cases: store.cases.purgeClosedBefore(now - retentionDays * DAY),
    caseDetails: store.cases.shredDetailsClosedBefore(now - Math.min(CASE_DETAILS_DAYS, retentionDays) * DAY),
    inbox: store.inbox.purgeBefore(now - INBOX_DAYS * DAY),
    invites: store.invites.purgeExpired(now - DAY),
    outbox: store.outbox.purgeFailedBefore(now - FAILED_OUTBOX_DAYS * DAY),
  }));
  // What was deleted must also leave the WAL.
  if (Object.values(purged).some((n) => n > 0)) store.checkpoint();
  return purged;
}

function expireStale(store: Store, now: number): number {
  let expired = 0;
  for (const { group, number } of store.requests.activeDueBefore(now - EXPIRE_AFTER_MS, EXPIRE_BATCH)) {
    if (store.requests.close(group, number, 'expired', now)) expired += 1;
  }
  return expired;
}
