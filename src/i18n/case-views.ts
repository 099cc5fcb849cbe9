// What the locale files are given to describe cases and their deadlines: plain values, already
// computed by the rules engine and opened. Wording is the locales' job.

import type { CaseOutcome, DetailField } from '../cases/case.js';
import type { Actor, CaseEvent, RuleTopic } from '../cases/rules.js';
import type { When } from './format.js';
import type { FlightView } from './views.js';

export interface DeadlineView {
  readonly what: RuleTopic;
  readonly at: When;
  readonly kind: 'deadline' | 'limit';
  readonly who: readonly Actor[];
  readonly article: string;
  /** Day of retention the period ends on (period ends and maxima). */
  readonly day: number;
  /** Unsettled rule, assumed start, or not high confidence: "check with the lawyer or the association". */
  readonly check: boolean;
  /** Moved to the next working day. */
  readonly shifted: boolean;
  /** Counted from the placement because the measure's own date was not given. */
  readonly assumed: boolean;
  /** The rule was last checked more than six months ago. */
  readonly stale: boolean;
  readonly lastChecked: string;
  readonly past: boolean;
}

export interface HearingView {
  readonly at: When;
  readonly place?: string;
  readonly requestNumber?: number;
}

export interface CaseView {
  readonly ref: string;
  readonly centre: string;
  readonly state: 'open' | 'closed';
  readonly events: readonly { readonly event: CaseEvent; readonly at: When }[];
  readonly secondMeasure: boolean;
  readonly deadlines: readonly DeadlineView[];
  /** Events for which no rule is known at their date. */
  readonly unknown: readonly CaseEvent[];
  readonly hearings: readonly HearingView[];
  readonly hasDetails: boolean;
  /** Attached lawyer requests: number and who took it, if anyone. */
  readonly lawyers: readonly { readonly n: number; readonly taker?: string }[];
  /** The latest known deportation flight (#16), with its airport task if still to do. */
  readonly flight?: FlightView & { readonly task?: number };
  readonly outcome?: CaseOutcome;
  readonly outcomeNote?: string;
}

export interface CaseLineView {
  readonly ref: string;
  readonly placed: When;
  readonly next?: DeadlineView;
}

export type { DetailField };
