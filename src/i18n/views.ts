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
  /** Visits: the meeting point, with its own time when the place text gave one. */
  readonly meeting?: { readonly place: string; readonly at?: When };
  readonly items?: string;
  readonly detainee?: string;
  readonly note?: string;
  readonly centre: string;
  /** What the centre's card says may be brought (packages). */
  readonly allowed?: string;
  /** The centre's address (visits and packages), from its card. */
  readonly address?: string;
  /** What a visitor must have on them to get in (visits), from the card. */
  readonly visitorId?: string;
  /** Set (to the card's visiting hours) when a visit's time falls outside them. */
  readonly outsideHours?: string;
  /** A hearing's attendance task (a visit attached to a case): shown as a hearing at `place`. */
  readonly hearing?: boolean;
  /** The airport task of a deportation flight (a visit attached to a case): shown with its flight. */
  readonly airport?: FlightView;
  /** Lawyer requests still to meet: whole hours left before the deadline (0: under an hour). */
  readonly hoursLeft?: number;
  /** Packages and credit, once done: what was handed over, and whether an itemised receipt was given. */
  readonly handedOver?: string;
  readonly receipt?: 'yes' | 'no';
}

/** A request named in one line: number, kind and time. */
export interface RequestLabel {
  readonly n: number;
  readonly kind: RequestKind;
  readonly when: When;
}

/** What a reminder tells its reader they are on the request as. */
export type ReminderRole = 'driver' | 'passenger' | 'courier' | 'contact';

/** Which fact of a card a source backs. */
export type CardFactName = 'address' | 'visiting_hours' | 'visitor_id' | 'allowed_items' | 'phone' | 'association' | 'replacement';

export interface CentreCardView {
  /** Set when the centre is due to close or be replaced, with what is known. */
  readonly replacement?: string;
  /** Each source by a short name (the site) and the date it was checked. */
  readonly sourceNames: readonly { readonly name: string; readonly checked: string }[];
  /** The full source (link and note) behind each fact, for "/info sources". */
  readonly links: readonly { readonly fact: CardFactName; readonly source: string }[];
  readonly name: string;
  readonly address?: string;
  readonly visiting?: string;
  readonly visitorId?: string;
  readonly allowed?: string;
  readonly phone?: string;
  /** The legal-aid association working in the centre. */
  readonly association?: string;
  readonly lastChecked?: string;
  readonly sources: readonly string[];
}

export type MyRole = 'requester' | 'claimer' | 'passenger';

/** How an ambiguous date was read (#9): stated in the answer, with the other reading. */
export type AssumptionView =
  | { readonly code: 'coming-weekday' | 'day-month'; readonly at: When; readonly alt: When }
  | { readonly code: 'next-week' | 'next-month' | 'afternoon'; readonly at: When }
  | { readonly code: 'notified-from'; readonly at: When; readonly from: When };

/** A deportation flight (#16): departure in the centre's zone, IATA airport code, flight number. */
export interface FlightView {
  readonly departs: When;
  readonly airport: string;
  readonly number?: string;
}

/** What a changed flight was before (only the parts that changed). */
export interface FlightChangeView {
  readonly departs?: When;
  readonly airport?: string;
  readonly number?: string;
}
