// A detention case as the core sees it: a pseudonymous reference, the events that start the
// legal clock, and how it ended. Personal values appear here in clear; the store seals them.

import type { MemberKey } from '../core/domain.js';
import type { GroupId } from '../core/ids.js';
import type { CaseEvent } from './rules.js';

export const CASE_OUTCOMES = ['released', 'deported', 'transferred', 'other'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/** What the lawyer needs, given in a direct chat; never shown in the group. */
export const DETAIL_FIELDS = [
  'registeredName',
  'nationality',
  'birthDate',
  'fileNumber',
  'language',
  'arrest',
  'documents',
  'knownAs',
] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];
export type CaseDetails = Partial<Record<DetailField, string>>;

/** What a task attached to a case is for: the lawyer, a hearing, the airport before a flight. */
export type CaseTaskRole = 'lawyer' | 'hearing' | 'airport' | 'pickup';

export interface CaseRecord {
  readonly groupId: GroupId;
  readonly id: number;
  /** The pseudonymous reference the group uses. */
  readonly ref: string;
  readonly centreId: string;
  readonly state: 'open' | 'closed';
  readonly events: Partial<Record<CaseEvent, number>> & { readonly placement: number };
  readonly secondMeasure: boolean;
  readonly opener: MemberKey;
  readonly hasDetails: boolean;
  readonly outcome?: CaseOutcome;
  /** The centre a transfer went to. */
  readonly outcomeNote?: string;
  readonly createdAt: number;
  readonly closedAt?: number;
}

export interface Hearing {
  readonly id: number;
  readonly at: number;
  readonly place?: string;
  readonly requestNumber?: number;
}

/** Changes to a case's events (an option given again replaces the earlier time). */
export interface CaseChanges {
  readonly events: Partial<Record<CaseEvent, number>>;
  readonly secondMeasure?: boolean;
}
