// How a case ends, as one clean function (issue #16 builds transfers, release pick-ups and
// flights on it): the case is closed with its outcome; its reminders are re-planned (to none)
// by the caller's 'replan-case' reply, in the same transaction.

import type { GroupId } from '../core/ids.js';
import type { Store } from '../store/store.js';
import type { CaseOutcome } from './case.js';

/** Closes an open case; false when it was not open. `note`: the centre a transfer went to. */
export function closeCase(store: Store, group: GroupId, caseId: number, outcome: CaseOutcome, note: string | undefined, now: number): boolean {
  return store.cases.close(group, caseId, outcome, note, now);
}
