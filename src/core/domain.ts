// The shapes the core reasons about. Personal values appear here in clear; they are sealed
// only at the store boundary.

import type { ChatAddress, GroupId, MemberAddress, TransportName } from './ids.js';
import type { Lang } from '../i18n/lang.js';

/** 'credit': phone credit or a camera-less phone for a detainee, taken on like a package (#16). */
export const REQUEST_KINDS = ['visit', 'package', 'lawyer', 'credit'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_STATES = ['open', 'claimed', 'done', 'cancelled', 'expired'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export type Role = 'coordinator' | 'member';

/** A blind index of a member address: compares equal for the same person, reveals nothing. */
export type MemberKey = string & { readonly __memberKey: true };

export interface Group {
  readonly id: GroupId;
  readonly transport: TransportName;
  readonly chat: ChatAddress;
  readonly centreId: string;
  readonly lang: Lang;
  /** Local time ('HH:MM') of the daily digest, or undefined when it is turned off. */
  readonly digestAt?: string;
}

export interface Member {
  readonly key: MemberKey;
  readonly address: MemberAddress;
  readonly name?: string;
  readonly role: Role;
}

export interface RequestDetails {
  readonly place?: string;
  readonly items?: string;
  readonly detainee?: string;
  readonly note?: string;
}

export interface Request extends RequestDetails {
  readonly groupId: GroupId;
  readonly number: number;
  readonly kind: RequestKind;
  readonly state: RequestState;
  /** The visit's time, the package's "by when", or the lawyer deadline (Unix ms). */
  readonly dueAt: number;
  /** Passenger seats offered on a visit (0 for other kinds). */
  readonly seats: number;
  readonly requester: MemberKey;
  readonly claimer?: MemberKey;
  readonly passengers: readonly MemberKey[];
  readonly createdAt: number;
  /** When the claimer last answered OK to a reminder (cleared when the claim or time changes). */
  readonly confirmedAt?: number;
  /** How a closed visit went, as its driver said. */
  readonly outcome?: 'done' | 'refused';
  readonly outcomeNote?: string;
  /** Packages and credit: what was handed over (sealed), and whether an itemised receipt was given. */
  readonly handedOver?: string;
  readonly receipt?: 'yes' | 'no';
}

export interface RequestDraft extends RequestDetails {
  readonly kind: RequestKind;
  readonly dueAt: number;
  readonly seats: number;
}

export const isActive = (state: RequestState): boolean => state === 'open' || state === 'claimed';
