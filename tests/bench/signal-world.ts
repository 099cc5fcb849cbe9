// Invented Signal groups and members for the end-to-end benchmark, and the envelopes they send,
// shaped like the fake's own builders (tests/fakes/signal/envelopes.ts) but for many groups.
// Also the messages exchanged between the benchmark and its load process.

import { createHash } from 'node:crypto';
import type { Received } from '../fakes/signal/envelopes.js';

export interface BenchMember {
  readonly uuid: string;
  readonly number: string | null;
  readonly name: string;
}

export interface BenchGroup {
  /** signal-cli's internal id: base64 of 32 bytes. */
  readonly internalId: string;
  readonly name: string;
  readonly members: readonly BenchMember[];
}

const bytes = (seed: string, n: number): Buffer => createHash('sha256').update(seed).digest().subarray(0, n);

function uuidOf(seed: string): string {
  const hex = bytes(seed, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const MEMBERS_PER_GROUP = 10;

export function benchGroups(count: number): BenchGroup[] {
  return Array.from({ length: count }, (_, g) => ({
    internalId: bytes(`parloir-bench-group-${g}`, 32).toString('base64'),
    name: `Collectif ${g}`,
    members: Array.from({ length: MEMBERS_PER_GROUP }, (_, m) => ({
      uuid: uuidOf(`parloir-bench-member-${g}-${m}`),
      // One member in three hides their number, as on Signal.
      number: m % 3 === 2 ? null : `+336${String(g * 100 + m).padStart(8, '0')}`,
      name: `Bénévole ${g}.${m}`,
    })),
  }));
}

/** A group text as signal-cli pushes it, optionally quoting a message (a reply). */
export function groupText(
  account: string,
  group: BenchGroup,
  from: BenchMember,
  body: string,
  timestamp: number,
  quote?: { readonly id: number; readonly number: string; readonly uuid: string },
): Received {
  const dataMessage: Record<string, unknown> = {
    timestamp,
    message: body,
    expiresInSeconds: 0,
    isExpirationUpdate: false,
    viewOnce: false,
    groupInfo: { groupId: group.internalId, groupName: group.name, revision: 3, type: 'DELIVER' },
    ...(quote ? { quote: { id: quote.id, author: quote.number, authorNumber: quote.number, authorUuid: quote.uuid, text: null, attachments: [] } } : {}),
  };
  return {
    account,
    envelope: {
      source: from.number ?? from.uuid,
      sourceNumber: from.number,
      sourceUuid: from.uuid,
      sourceName: from.name,
      sourceDevice: 1,
      timestamp,
      serverReceivedTimestamp: timestamp,
      serverDeliveredTimestamp: timestamp,
      dataMessage,
    },
  };
}

export type CommandKind = 'link' | 'visit' | 'package' | 'lawyer' | 'claim' | 'done' | 'list' | 'mine';
export const MIX_KINDS: readonly CommandKind[] = ['visit', 'package', 'lawyer', 'claim', 'done', 'list', 'mine'];

/** Benchmark → load process. */
export type ToLoad =
  | {
      readonly type: 'link';
      readonly codes: readonly string[];
    }
  | {
      readonly type: 'closed';
      /** Commands in flight at once. */
      readonly concurrency: number;
      readonly ms: number;
      readonly maxCommands: number;
      /** Keep latencies (false: warm-up). */
      readonly record: boolean;
    }
  | {
      readonly type: 'paced';
      readonly perSecond: number;
      readonly ms: number;
    }
  | { readonly type: 'exit' };

export interface WindowResult {
  readonly completed: number;
  readonly lost: number;
  readonly ms: number;
  /** Latencies (ms) per command kind. */
  readonly latencies: Partial<Record<CommandKind, number[]>>;
  /** Sends the fake accepted (replies, posts, greetings) in the window. */
  readonly sends: number;
}

/** Load process → benchmark. */
export type FromLoad =
  | { readonly type: 'ready'; readonly url: string }
  | { readonly type: 'linked'; readonly ms: number }
  | { readonly type: 'window'; readonly result: WindowResult }
  | { readonly type: 'failed'; readonly message: string };
