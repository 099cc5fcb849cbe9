// How a case ends or moves, as clean functions (issue #16 builds transfers, release pick-ups
// and flights on them). The caller re-plans the case's reminders (a 'replan-case' reply, or
// replanCase) in the same transaction.

import type { GroupId } from '../core/ids.js';
import { countCase, type CountedCentre } from '../stats/tally.js';
import type { Store } from '../store/store.js';
import type { CaseOutcome } from './case.js';

/**
 * Closes an open case; false when it was not open. `note`: the centre a transfer went to;
 * `centre`: where the case was, whose counts for advocacy get the outcome (#16).
 */
export function closeCase(
  store: Store,
  group: GroupId,
  caseId: number,
  outcome: CaseOutcome,
  note: string | undefined,
  now: number,
  centre: CountedCentre,
): boolean {
  if (!store.cases.close(group, caseId, outcome, note, now)) return false;
  countCase(store, centre, outcome, now);
  return true;
}

/**
 * Moves an open case to another centre (a transfer that the same group keeps following): its
 * deadlines are then counted in that centre's zone, by that centre's jurisdiction's rules.
 */
export function moveCase(store: Store, group: GroupId, caseId: number, centreId: string, now: number, from: CountedCentre): boolean {
  if (!store.cases.setCentre(group, caseId, centreId, now)) return false;
  // Still a transfer for the counts of the centre the person left.
  countCase(store, from, 'transferred', now);
  return true;
}
