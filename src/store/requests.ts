// Requests and their passengers. Every statement is scoped by group; state changes are single
// conditional UPDATEs, so two claims racing on two connections cannot both win.

import type { MemberKey, Request, RequestDetails, RequestDraft, RequestKind, RequestState } from '../core/domain.js';
import { type GroupId, groupId } from '../core/ids.js';
import { fromMemberKey, toMemberKey } from './codec.js';
import type { Db } from './database.js';
import { type Keyring, subKeyAd } from './keyring.js';
import type { SealingKey, Vault } from './vault.js';

interface RequestRow {
  group_id: number;
  number: number;
  kind: RequestKind;
  state: RequestState;
  due_at: number;
  seats: number;
  requester_bidx: Uint8Array;
  claimer_bidx: Uint8Array | null;
  place_enc: Uint8Array | null;
  items_enc: Uint8Array | null;
  detainee_enc: Uint8Array | null;
  note_enc: Uint8Array | null;
  created_at: number;
  confirmed_at: number | null;
  outcome: 'done' | 'refused' | null;
  outcome_enc: Uint8Array | null;
  handover_enc: Uint8Array | null;
  receipt: 'yes' | 'no' | null;
  key_wrapped: Uint8Array | null;
  passengers: string | null;
}

const SEALED = ['place', 'items', 'detainee', 'note'] as const satisfies readonly (keyof RequestDetails)[];
const ad = (column: string, group: GroupId, number: number) => `requests.${column}_enc:${group}:${number}`;
const keyAd = (group: GroupId, number: number) => subKeyAd('requests', group, number);

const COLUMNS = `r.group_id, r.number, r.kind, r.state, r.due_at, r.seats, r.requester_bidx, r.claimer_bidx,
  r.place_enc, r.items_enc, r.detainee_enc, r.note_enc, r.created_at, r.confirmed_at, r.outcome, r.outcome_enc, r.handover_enc, r.receipt, r.key_wrapped,
  (SELECT json_group_array(hex(p.member_bidx)) FROM passengers p WHERE p.group_id = r.group_id AND p.number = r.number) AS passengers`;

export class RequestRepository {
  private readonly insert;
  private readonly select;
  private readonly selectActive;
  private readonly selectActiveSummary;
  private readonly claimStmt;
  private readonly releaseStmt;
  private readonly closeStmt;
  private readonly addPassenger;
  private readonly removePassenger;
  private readonly passengerCount;
  private readonly involving;
  private readonly askedSince;
  private readonly dueBefore;
  private readonly purgeClosed;
  private readonly destroyClosedKeys;
  private readonly selectKey;
  private readonly confirmStmt;
  private readonly outcomeStmt;
  private readonly handoverStmt;
  private readonly moveStmt;
  private readonly placeStmt;

  constructor(
    db: Db,
    private readonly vault: Vault,
    private readonly keys: Keyring,
  ) {
    this.insert = db.prepare(`INSERT INTO requests (group_id, number, kind, state, due_at, seats, requester_bidx,
      place_enc, items_enc, detainee_enc, note_enc, created_at, updated_at, key_wrapped) VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.select = db.prepare(`SELECT ${COLUMNS} FROM requests r WHERE r.group_id = ? AND r.number = ?`);
    this.selectActive = db.prepare(
      `SELECT ${COLUMNS} FROM requests r WHERE r.group_id = ? AND r.state IN ('open', 'claimed') ORDER BY r.due_at, r.number`,
    );
    // Same rows without the sealed blobs, for one-line listings that never open them.
    this.selectActiveSummary = db.prepare(
      `SELECT ${COLUMNS.replace(/r\.(place|items|detainee|note|outcome|handover)_enc/g, 'NULL AS $1_enc').replace('r.key_wrapped', 'NULL AS key_wrapped')} FROM requests r WHERE r.group_id = ? AND r.state IN ('open', 'claimed') ORDER BY r.due_at, r.number`,
    );
    this.claimStmt = db.prepare(
      "UPDATE requests SET state = 'claimed', claimer_bidx = ?, confirmed_at = NULL, updated_at = ? WHERE group_id = ? AND number = ? AND state = 'open'",
    );
    this.releaseStmt = db.prepare(
      "UPDATE requests SET state = 'open', claimer_bidx = NULL, confirmed_at = NULL, updated_at = ? WHERE group_id = ? AND number = ? AND state = 'claimed' AND claimer_bidx = ?",
    );
    this.closeStmt = db.prepare(
      "UPDATE requests SET state = ?, updated_at = ?, closed_at = ? WHERE group_id = ? AND number = ? AND state IN ('open', 'claimed')",
    );
    this.addPassenger = db.prepare('INSERT OR IGNORE INTO passengers (group_id, number, member_bidx, joined_at) VALUES (?, ?, ?, ?)');
    this.removePassenger = db.prepare('DELETE FROM passengers WHERE group_id = ? AND number = ? AND member_bidx = ?');
    this.passengerCount = db.prepare('SELECT COUNT(*) FROM passengers WHERE group_id = ? AND number = ?').pluck();
    this.askedSince = db.prepare('SELECT COUNT(*) FROM requests WHERE group_id = ? AND requester_bidx = ? AND created_at > ?').pluck();
    this.involving = db.prepare(`SELECT ${COLUMNS} FROM requests r WHERE r.group_id = @group AND r.state IN ('open', 'claimed')
      AND (r.claimer_bidx = @member OR r.requester_bidx = @member OR EXISTS (SELECT 1 FROM passengers p
        WHERE p.group_id = r.group_id AND p.number = r.number AND p.member_bidx = @member)) ORDER BY r.due_at`);
    this.dueBefore = db.prepare(
      "SELECT group_id, number FROM requests WHERE state IN ('open', 'claimed') AND due_at < ? ORDER BY due_at LIMIT ?",
    );
    // The key goes first: even if a copy of a row outlives the DELETE, its values no longer open.
    this.destroyClosedKeys = db.prepare(`UPDATE requests SET key_wrapped = NULL, place_enc = NULL, items_enc = NULL,
      detainee_enc = NULL, note_enc = NULL, outcome_enc = NULL, handover_enc = NULL WHERE closed_at IS NOT NULL AND closed_at < ?`);
    this.purgeClosed = db.prepare('DELETE FROM requests WHERE closed_at IS NOT NULL AND closed_at < ?');
    this.selectKey = db.prepare('SELECT key_wrapped FROM requests WHERE group_id = ? AND number = ?').pluck();
    this.confirmStmt = db.prepare(
      "UPDATE requests SET confirmed_at = ? WHERE group_id = ? AND number = ? AND state = 'claimed' AND claimer_bidx = ?",
    );
    this.outcomeStmt = db.prepare('UPDATE requests SET outcome = ?, outcome_enc = ? WHERE group_id = ? AND number = ?');
    this.placeStmt = db.prepare(
      "UPDATE requests SET place_enc = ?, updated_at = ? WHERE group_id = ? AND number = ? AND state IN ('open', 'claimed')",
    );
    // only what is given replaces what was noted before
    this.handoverStmt = db.prepare(
      'UPDATE requests SET handover_enc = coalesce(?, handover_enc), receipt = coalesce(?, receipt) WHERE group_id = ? AND number = ?',
    );
    this.moveStmt = db.prepare(
      "UPDATE requests SET due_at = ?, confirmed_at = NULL, updated_at = ? WHERE group_id = ? AND number = ? AND state IN ('open', 'claimed')",
    );
  }

  create(group: GroupId, number: number, draft: RequestDraft, requester: MemberKey, now: number): Request {
    const { key, wrapped } = this.keys.newSubKey(group, keyAd(group, number));
    const sealed = SEALED.map((field) => {
      const value = draft[field];
      return value === undefined || value === '' ? null : this.vault.seal(key, ad(field, group, number), value);
    });
    this.insert.run(group, number, draft.kind, draft.dueAt, draft.seats, fromMemberKey(requester), ...sealed, now, now, wrapped);
    return { ...draft, groupId: group, number, state: 'open', requester, passengers: [], createdAt: now };
  }

  get(group: GroupId, number: number): Request | undefined {
    const row = this.select.get(group, number) as RequestRow | undefined;
    return row ? this.toRequest(row) : undefined;
  }

  /**
   * Open and claimed requests, soonest first. `details: false` leaves the sealed free-text
   * fields closed, for one-line listings that never show them.
   */
  active(group: GroupId, options: { details?: boolean } = {}): Request[] {
    const details = options.details !== false;
    return ((details ? this.selectActive : this.selectActiveSummary).all(group) as RequestRow[]).map((row) => this.toRequest(row, details));
  }

  /** Active requests this member asked for, claimed, or rides in. */
  /** How many requests this member asked for in the group since `since` (for the flood limit). */
  countAskedSince(group: GroupId, member: MemberKey, since: number): number {
    return this.askedSince.get(group, fromMemberKey(member), since) as number;
  }

  involvingMember(group: GroupId, member: MemberKey): Request[] {
    return (this.involving.all({ group, member: fromMemberKey(member) }) as RequestRow[]).map((row) => this.toRequest(row));
  }

  /** True if this call won the claim; false if the request was not open any more. */
  claim(group: GroupId, number: number, member: MemberKey, now: number): boolean {
    return this.claimStmt.run(fromMemberKey(member), now, group, number).changes === 1;
  }

  /** True if the claimer's claim was released (the request is open again). */
  release(group: GroupId, number: number, claimer: MemberKey, now: number): boolean {
    return this.releaseStmt.run(now, group, number, fromMemberKey(claimer)).changes === 1;
  }

  close(group: GroupId, number: number, state: 'done' | 'cancelled' | 'expired', now: number): boolean {
    return this.closeStmt.run(state, now, now, group, number).changes === 1;
  }

  /** The claimer answered OK to a reminder. */
  confirm(group: GroupId, number: number, claimer: MemberKey, now: number): boolean {
    return this.confirmStmt.run(now, group, number, fromMemberKey(claimer)).changes === 1;
  }

  /** Records how a visit went (with an optional reason, sealed). */
  setOutcome(group: GroupId, number: number, outcome: 'done' | 'refused', note: string | undefined): void {
    const sealed = note ? this.sealField(group, number, 'outcome', note) : null;
    this.outcomeStmt.run(outcome, sealed, group, number);
  }

  /** One field written after creation, sealed under the request's own key like the others. */
  private sealField(group: GroupId, number: number, field: string, value: string): Uint8Array {
    return this.vault.seal(this.keyOf(group, number, this.selectKey.get(group, number) as Uint8Array | null), ad(field, group, number), value);
  }

  /** A new meeting point for an active request, sealed like the first one (under its own key). */
  setPlace(group: GroupId, number: number, place: string, now: number): boolean {
    return this.placeStmt.run(this.sealField(group, number, 'place', place), now, group, number).changes === 1;
  }

  /** What was handed over for a package or credit (sealed under the request's key) and the receipt. */
  setHandover(group: GroupId, number: number, items: string | undefined, receipt: 'yes' | 'no' | undefined): void {
    const sealed = items ? this.sealField(group, number, 'handover', items) : null;
    this.handoverStmt.run(sealed, receipt ?? null, group, number);
  }

  /** A new time for an active request; any confirmation must be given again. */
  move(group: GroupId, number: number, dueAt: number, now: number): boolean {
    return this.moveStmt.run(dueAt, now, group, number).changes === 1;
  }

  /** Adds a passenger if a seat is free; the caller holds the write transaction. */
  join(group: GroupId, number: number, member: MemberKey, seats: number, now: number): 'joined' | 'full' | 'already' {
    if ((this.passengerCount.get(group, number) as number) >= seats) return 'full';
    return this.addPassenger.run(group, number, fromMemberKey(member), now).changes === 1 ? 'joined' : 'already';
  }

  leave(group: GroupId, number: number, member: MemberKey): boolean {
    return this.removePassenger.run(group, number, fromMemberKey(member)).changes === 1;
  }

  /** Active requests whose time is before `before`, across groups (for expiry). */
  activeDueBefore(before: number, limit: number): { group: GroupId; number: number }[] {
    return (this.dueBefore.all(before, limit) as { group_id: number; number: number }[]).map((r) => ({
      group: groupId(r.group_id),
      number: r.number,
    }));
  }

  /** Deletes requests closed before `before` (their posts and passengers cascade). */
  purgeClosedBefore(before: number): number {
    this.destroyClosedKeys.run(before);
    return this.purgeClosed.run(before).changes;
  }

  /** The request's own key; the group key for requests sealed before per-request keys. */
  private keyOf(group: GroupId, number: number, wrapped: Uint8Array | null | undefined): SealingKey {
    return wrapped ? this.keys.openSubKey(group, wrapped, keyAd(group, number)) : this.keys.keyFor(group);
  }

  private toRequest(row: RequestRow, withDetails = true): Request {
    const group = groupId(row.group_id);
    const sealedAny = withDetails && (row.place_enc || row.items_enc || row.detainee_enc || row.note_enc || row.outcome_enc || row.handover_enc);
    const key = sealedAny ? this.keyOf(group, row.number, row.key_wrapped) : undefined;
    const details: { -readonly [K in keyof RequestDetails]: string } = {};
    for (const field of withDetails ? SEALED : []) {
      const sealed = row[`${field}_enc`];
      if (sealed && key) details[field] = this.vault.open(key, ad(field, group, row.number), sealed);
    }
    const passengers = row.passengers ? (JSON.parse(row.passengers) as string[]).map((h) => h.toLowerCase() as MemberKey) : [];
    return {
      ...details,
      groupId: group,
      number: row.number,
      kind: row.kind,
      state: row.state,
      dueAt: row.due_at,
      seats: row.seats,
      requester: toMemberKey(row.requester_bidx),
      ...(row.claimer_bidx ? { claimer: toMemberKey(row.claimer_bidx) } : {}),
      passengers,
      createdAt: row.created_at,
      ...(row.confirmed_at !== null ? { confirmedAt: row.confirmed_at } : {}),
      ...(row.outcome !== null ? { outcome: row.outcome } : {}),
      ...(row.outcome_enc && key ? { outcomeNote: this.vault.open(key, ad('outcome', group, row.number), row.outcome_enc) } : {}),
      ...(row.handover_enc && key ? { handedOver: this.vault.open(key, ad('handover', group, row.number), row.handover_enc) } : {}),
      ...(row.receipt !== null ? { receipt: row.receipt } : {}),
    };
  }
}
