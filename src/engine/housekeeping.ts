// Deletion on schedule: closed requests after the retention period, dedupe keys, expired
// invite codes and failed deliveries. What is deleted is overwritten (secure_delete).

import type { Store } from '../store/store.js';

const DAY = 86_400_000;
const INBOX_DAYS = 14;
const FAILED_OUTBOX_DAYS = 7;

export interface Purged {
  readonly requests: number;
  readonly inbox: number;
  readonly invites: number;
  readonly outbox: number;
}

export function purgeExpired(store: Store, now: number, retentionDays: number): Purged {
  return store.write(() => ({
    requests: store.requests.purgeClosedBefore(now - retentionDays * DAY),
    inbox: store.inbox.purgeBefore(now - INBOX_DAYS * DAY),
    invites: store.invites.purgeExpired(now - DAY),
    outbox: store.outbox.purgeFailedBefore(now - FAILED_OUTBOX_DAYS * DAY),
  }));
}
