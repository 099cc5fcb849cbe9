// Deletion on schedule: closed requests after the retention period, members not seen for the
// member retention period, strangers' chats once their one answer's window is over, dedupe keys (and their hash keys), expired invite codes and failed
// deliveries (delivered ones are deleted at once). What is deleted is overwritten (secure_delete), and the
// WAL is checkpointed and truncated afterwards.

import { countExpired } from '../stats/tally.js';
import { DEFAULT_LIMITS, LONGEST_LIMIT_WINDOW_MS } from '../core/limits.js';
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
  readonly members: number;
  readonly quietChats: number;
  readonly limitMarks: number;
}

/** Members not seen in a group for this many days are forgotten (PARLOIR_MEMBER_RETENTION_DAYS). */
export const DEFAULT_MEMBER_RETENTION_DAYS = 90;

/** A centre's time zone, for the month an expiry is counted in (UTC when unknown). */
export type ZoneOf = (centreId: string) => string | undefined;

export function purgeExpired(
  store: Store,
  now: number,
  retentionDays: number,
  memberRetentionDays = DEFAULT_MEMBER_RETENTION_DAYS,
  /** A stranger's chat is remembered only for the window of its one answer (PARLOIR_LIMITS stranger=). */
  quietMs = DEFAULT_LIMITS.strangerMs,
  /** A centre's time zone, for the month an expired lawyer request is counted in (#16). */
  zoneOf: ZoneOf = () => undefined,
): Purged {
  const purged = store.write(() => ({
    expired: expireStale(store, now, zoneOf),
    jobs: store.schedule.purgeFiredBefore(now - FIRED_JOB_DAYS * DAY),
    prompts: store.prompts.purgeBefore(now - PROMPT_DAYS * DAY),
    requests: store.requests.purgeClosedBefore(now - retentionDays * DAY),
    cases: store.cases.purgeClosedBefore(now - retentionDays * DAY),
    caseDetails: store.cases.shredDetailsClosedBefore(now - Math.min(CASE_DETAILS_DAYS, retentionDays) * DAY),
    inbox: store.inbox.purgeBefore(now - INBOX_DAYS * DAY),
    invites: store.invites.purgeExpired(now - DAY),
    outbox: store.outbox.purgeFailedBefore(now - FAILED_OUTBOX_DAYS * DAY),
    // after requests: a member is kept while a request they are part of is kept
    members: store.members.purgeUnseenBefore(now - memberRetentionDays * DAY),
    quietChats: store.limits.purgeQuietBefore(now - quietMs),
    // Past the longest window PARLOIR_LIMITS accepts: a mark that old limits nothing any more.
    limitMarks: store.alerts.purgeLimitsBefore(now - LONGEST_LIMIT_WINDOW_MS),
  }));
  // What was deleted must also leave the WAL.
  if (Object.values(purged).some((n) => n > 0)) store.checkpoint();
  return purged;
}

function expireStale(store: Store, now: number, zoneOf: ZoneOf): number {
  let expired = 0;
  for (const { group, number } of store.requests.activeDueBefore(now - EXPIRE_AFTER_MS, EXPIRE_BATCH)) {
    if (!store.requests.close(group, number, 'expired', now)) continue;
    expired += 1;
    // A lawyer request nobody marked done: counted as a deadline missed (#16).
    countExpired(store, group, number, zoneOf, now);
  }
  return expired;
}
