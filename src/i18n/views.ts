// What the locale files are given to describe requests: plain values, already decrypted and
// with names resolved. Building these is the executors' job; wording is the locales'.

import type { RequestKind, RequestState } from '../core/domain.js';
import type { When } from './format.js';

export interface RequestView {
  readonly n: number;
  readonly kind: RequestKind;
  readonly state: RequestState;
  readonly when: When;
  readonly seats: number;
  readonly passengers: readonly string[];
  readonly requester: string;
  readonly claimer?: string;
  readonly place?: string;
  readonly items?: string;
  readonly detainee?: string;
  readonly note?: string;
  readonly centre: string;
  /** What the centre's card says may be brought (packages). */
  readonly allowed?: string;
}

export interface CentreCardView {
  readonly name: string;
  readonly address?: string;
  readonly visiting?: string;
  readonly visitorId?: string;
  readonly allowed?: string;
  readonly phone?: string;
  readonly lastChecked?: string;
  readonly sources: readonly string[];
}

export type MyRole = 'requester' | 'claimer' | 'passenger';

/** How an ambiguous date was read (#9): stated in the answer, with the other reading. */
export type AssumptionView =
  | { readonly code: 'coming-weekday' | 'day-month'; readonly at: When; readonly alt: When }
  | { readonly code: 'next-week' | 'next-month' | 'afternoon'; readonly at: When }
  | { readonly code: 'notified-from'; readonly at: When; readonly from: When };
