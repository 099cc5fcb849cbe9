// Cases, their hearings, attached requests, detail reveals and /details dialogues. Every
// statement is scoped by group. References are sealed (a group has few cases, so a lookup opens
// them rather than keeping a second index); details are sealed under the case's own key.

import type { CaseChanges, CaseDetails, CaseOutcome, CaseRecord, CaseTaskRole, Hearing } from '../cases/case.js';
import type { CaseEvent } from '../cases/rules.js';
import type { MemberKey } from '../core/domain.js';
import { type GroupId, groupId } from '../core/ids.js';
import type { Lang } from '../i18n/lang.js';
import { fromMemberKey, toMemberKey } from './codec.js';
import type { Db } from './database.js';
import { type Keyring, subKeyAd } from './keyring.js';
import type { SealingKey, Vault } from './vault.js';

interface CaseRow {
  group_id: number;
  id: number;
  ref_enc: Uint8Array;
  centre_id: string;
  state: 'open' | 'closed';
  placed_at: number;
  oqtf_at: number | null;
  asylum_rights_at: number | null;
  order_at: number | null;
  measure_at: number | null;
  second_measure: number;
  opener_bidx: Uint8Array;
  has_details: number;
  outcome: CaseOutcome | null;
  outcome_enc: Uint8Array | null;
  created_at: number;
  closed_at: number | null;
}

const EVENT_COLUMNS: Record<CaseEvent, string> = {
  placement: 'placed_at',
  oqtf: 'oqtf_at',
  'asylum-rights': 'asylum_rights_at',
  order: 'order_at',
  measure: 'measure_at',
};
const COLUMNS = `group_id, id, ref_enc, centre_id, state, placed_at, oqtf_at, asylum_rights_at, order_at, measure_at,
  second_measure, opener_bidx, details_enc IS NOT NULL AS has_details, outcome, outcome_enc, created_at, closed_at`;
const ad = (column: string, group: GroupId, id: number) => `cases.${column}:${group}:${id}`;

export interface CaseDraft {
  readonly ref: string;
  readonly centreId: string;
  readonly events: CaseRecord['events'];
  readonly secondMeasure: boolean;
  readonly opener: MemberKey;
}

export interface Dialogue {
  readonly group: GroupId;
  readonly caseId: number;
  readonly step: number;
  readonly lang: Lang;
  readonly answers: CaseDetails;
}

export class CaseRepository {
  private readonly db: Db;
  private readonly nextId;
  private readonly insert;
  private readonly byId;
  private readonly ofGroup;
  private readonly keyOf;
  private readonly closeStmt;
  private readonly detailsOf;
  private readonly setDetailsStmt;
  private readonly purge;
  private readonly destroyKeys;
  private readonly shredDetails;

  constructor(
    db: Db,
    private readonly vault: Vault,
    private readonly keys: Keyring,
  ) {
    this.db = db;
    this.nextId = db.prepare('SELECT COALESCE(MAX(id), 0) + 1 FROM cases WHERE group_id = ?').pluck();
    this.insert = db.prepare(`INSERT INTO cases (group_id, id, ref_enc, centre_id, state, placed_at, oqtf_at, asylum_rights_at, order_at,
      measure_at, second_measure, opener_bidx, key_wrapped, created_at, updated_at) VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM cases WHERE group_id = ? AND id = ?`);
    this.ofGroup = db.prepare(`SELECT ${COLUMNS} FROM cases WHERE group_id = ? ORDER BY state = 'open' DESC, id DESC`);
    this.keyOf = db.prepare('SELECT key_wrapped FROM cases WHERE group_id = ? AND id = ?').pluck();
    this.closeStmt = db.prepare(
      "UPDATE cases SET state = 'closed', outcome = ?, outcome_enc = ?, closed_at = ?, updated_at = ? WHERE group_id = ? AND id = ? AND state = 'open'",
    );
    this.detailsOf = db.prepare('SELECT details_enc FROM cases WHERE group_id = ? AND id = ?').pluck();
    this.setDetailsStmt = db.prepare('UPDATE cases SET details_enc = ?, updated_at = ? WHERE group_id = ? AND id = ?');
    this.destroyKeys = db.prepare("UPDATE cases SET key_wrapped = NULL, details_enc = NULL WHERE state = 'closed' AND closed_at < ?");
    this.purge = db.prepare("DELETE FROM cases WHERE state = 'closed' AND closed_at < ?");
    this.shredDetails = db.prepare(
      "UPDATE cases SET key_wrapped = NULL, details_enc = NULL WHERE state = 'closed' AND closed_at < ? AND key_wrapped IS NOT NULL",
    );
  }

  open(group: GroupId, draft: CaseDraft, now: number): CaseRecord {
    const id = this.nextId.get(group) as number;
    const groupKey = this.keys.keyFor(group);
    const { wrapped } = this.keys.newSubKey(group, subKeyAd('cases', group, id));
    const e = draft.events;
    this.insert.run(
      group,
      id,
      this.vault.seal(groupKey, ad('ref_enc', group, id), draft.ref),
      draft.centreId,
      e.placement,
      e.oqtf ?? null,
      e['asylum-rights'] ?? null,
      e.order ?? null,
      e.measure ?? null,
      draft.secondMeasure ? 1 : 0,
      fromMemberKey(draft.opener),
      wrapped,
      now,
      now,
    );
    return this.get(group, id)!;
  }

  get(group: GroupId, id: number): CaseRecord | undefined {
    const row = this.byId.get(group, id) as CaseRow | undefined;
    return row ? this.toCase(row) : undefined;
  }

  /** The open case with this reference, else the latest closed one. */
  find(group: GroupId, ref: string): CaseRecord | undefined {
    return this.all(group).find((c) => c.ref === ref);
  }

  findOpen(group: GroupId, ref: string): CaseRecord | undefined {
    return this.openCases(group).find((c) => c.ref === ref);
  }

  openCases(group: GroupId): CaseRecord[] {
    return this.all(group).filter((c) => c.state === 'open');
  }

  /** Open cases first, newest first. */
  all(group: GroupId): CaseRecord[] {
    return (this.ofGroup.all(group) as CaseRow[]).map((row) => this.toCase(row));
  }

  /** Sets the given events (and the second-measure flag) of an open case. */
  update(group: GroupId, id: number, changes: CaseChanges, now: number): void {
    const sets: string[] = [];
    const values: (number | null)[] = [];
    for (const [event, at] of Object.entries(changes.events) as [CaseEvent, number][]) {
      sets.push(`${EVENT_COLUMNS[event]} = ?`);
      values.push(at);
    }
    if (changes.secondMeasure !== undefined) {
      sets.push('second_measure = ?');
      values.push(changes.secondMeasure ? 1 : 0);
    }
    if (sets.length === 0) return;
    this.db
      .prepare(`UPDATE cases SET ${sets.join(', ')}, updated_at = ? WHERE group_id = ? AND id = ? AND state = 'open'`)
      .run(...values, now, group, id);
  }

  /** The case is now at another centre (a transfer): its zone and jurisdiction follow. */
  setCentre(group: GroupId, id: number, centreId: string, now: number): boolean {
    return this.db.prepare("UPDATE cases SET centre_id = ?, updated_at = ? WHERE group_id = ? AND id = ? AND state = 'open'").run(centreId, now, group, id).changes === 1;
  }

  close(group: GroupId, id: number, outcome: CaseOutcome, note: string | undefined, now: number): boolean {
    const sealed = note ? this.vault.seal(this.keys.keyFor(group), ad('outcome_enc', group, id), note) : null;
    return this.closeStmt.run(outcome, sealed, now, now, group, id).changes === 1;
  }

  details(group: GroupId, id: number): CaseDetails | undefined {
    const sealed = this.detailsOf.get(group, id) as Uint8Array | null | undefined;
    if (!sealed) return undefined;
    return JSON.parse(this.vault.open(this.caseKey(group, id), ad('details_enc', group, id), sealed)) as CaseDetails;
  }

  setDetails(group: GroupId, id: number, details: CaseDetails, now: number): void {
    const sealed = this.vault.seal(this.caseKey(group, id), ad('details_enc', group, id), JSON.stringify(details));
    this.setDetailsStmt.run(sealed, now, group, id);
  }

  // ---- hearings --------------------------------------------------------------------------

  addHearing(group: GroupId, caseId: number, at: number, place: string | undefined, requestNumber: number | undefined, now: number): number {
    const info = this.db
      .prepare('INSERT INTO case_hearings (group_id, case_id, at, place_enc, request_number, created_at) VALUES (?, ?, ?, NULL, ?, ?)')
      .run(group, caseId, at, requestNumber ?? null, now);
    const id = Number(info.lastInsertRowid);
    if (place) {
      const sealed = this.vault.seal(this.keys.keyFor(group), `case_hearings.place_enc:${group}:${id}`, place);
      this.db.prepare('UPDATE case_hearings SET place_enc = ? WHERE id = ?').run(sealed, id);
    }
    return id;
  }

  hearings(group: GroupId, caseId: number): Hearing[] {
    const rows = this.db
      .prepare('SELECT id, at, place_enc, request_number FROM case_hearings WHERE group_id = ? AND case_id = ? ORDER BY at, id')
      .all(group, caseId) as { id: number; at: number; place_enc: Uint8Array | null; request_number: number | null }[];
    const key = this.keys.keyFor(group);
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      ...(r.place_enc ? { place: this.vault.open(key, `case_hearings.place_enc:${group}:${r.id}`, r.place_enc) } : {}),
      ...(r.request_number !== null ? { requestNumber: r.request_number } : {}),
    }));
  }

  // ---- requests attached to a case ------------------------------------------------------

  attach(group: GroupId, caseId: number, number: number, role: CaseTaskRole): void {
    this.db.prepare('INSERT OR REPLACE INTO case_requests (group_id, number, case_id, role) VALUES (?, ?, ?, ?)').run(group, number, caseId, role);
  }

  caseOfRequest(group: GroupId, number: number): { caseId: number; role: CaseTaskRole } | undefined {
    const row = this.db.prepare('SELECT case_id, role FROM case_requests WHERE group_id = ? AND number = ?').get(group, number) as
      | { case_id: number; role: CaseTaskRole }
      | undefined;
    return row ? { caseId: row.case_id, role: row.role } : undefined;
  }

  requestsOf(group: GroupId, caseId: number, role: CaseTaskRole): number[] {
    return this.db
      .prepare('SELECT number FROM case_requests WHERE group_id = ? AND case_id = ? AND role = ? ORDER BY number')
      .pluck()
      .all(group, caseId, role) as number[];
  }

  /** Numbers of the group's requests attached to cases in this role. */
  requestNumbers(group: GroupId, role: CaseTaskRole): number[] {
    return this.db.prepare('SELECT number FROM case_requests WHERE group_id = ? AND role = ?').pluck().all(group, role) as number[];
  }

  // ---- reveals: who saw the details and when, never what ---------------------------------

  /** False when the details were already revealed for this request (once per request). */
  recordReveal(group: GroupId, caseId: number, member: MemberKey, requestNumber: number | undefined, now: number): boolean {
    const info = this.db
      .prepare('INSERT OR IGNORE INTO case_reveals (group_id, case_id, member_bidx, request_number, revealed_at) VALUES (?, ?, ?, ?, ?)')
      .run(group, caseId, fromMemberKey(member), requestNumber ?? null, now);
    return info.changes === 1;
  }

  reveals(group: GroupId, caseId: number): { member: MemberKey; requestNumber?: number; at: number }[] {
    const rows = this.db
      .prepare('SELECT member_bidx, request_number, revealed_at FROM case_reveals WHERE group_id = ? AND case_id = ? ORDER BY id')
      .all(group, caseId) as { member_bidx: Uint8Array; request_number: number | null; revealed_at: number }[];
    return rows.map((r) => ({ member: toMemberKey(r.member_bidx), at: r.revealed_at, ...(r.request_number !== null ? { requestNumber: r.request_number } : {}) }));
  }

  // ---- /details dialogues ---------------------------------------------------------------

  startDialogue(member: MemberKey, group: GroupId, caseId: number, lang: Lang, expiresAt: number): void {
    this.db
      .prepare('INSERT OR REPLACE INTO case_dialogues (member_bidx, group_id, case_id, step, lang, answers_enc, expires_at) VALUES (?, ?, ?, 0, ?, NULL, ?)')
      .run(fromMemberKey(member), group, caseId, lang, expiresAt);
  }

  dialogue(member: MemberKey, now: number): Dialogue | undefined {
    const row = this.db
      .prepare('SELECT group_id, case_id, step, lang, answers_enc FROM case_dialogues WHERE member_bidx = ? AND expires_at > ?')
      .get(fromMemberKey(member), now) as { group_id: number; case_id: number; step: number; lang: Lang; answers_enc: Uint8Array | null } | undefined;
    if (!row) return undefined;
    const group = groupId(row.group_id);
    const answers = row.answers_enc
      ? (JSON.parse(this.vault.open(this.caseKey(group, row.case_id), dialogueAd(group, row.case_id, member), row.answers_enc)) as CaseDetails)
      : {};
    return { group, caseId: row.case_id, step: row.step, lang: row.lang, answers };
  }

  saveDialogue(member: MemberKey, dialogue: Dialogue, expiresAt: number): void {
    const sealed = this.vault.seal(this.caseKey(dialogue.group, dialogue.caseId), dialogueAd(dialogue.group, dialogue.caseId, member), JSON.stringify(dialogue.answers));
    this.db
      .prepare('UPDATE case_dialogues SET step = ?, answers_enc = ?, expires_at = ? WHERE member_bidx = ?')
      .run(dialogue.step, sealed, expiresAt, fromMemberKey(member));
  }

  endDialogue(member: MemberKey): void {
    this.db.prepare('DELETE FROM case_dialogues WHERE member_bidx = ?').run(fromMemberKey(member));
  }

  /**
   * Crypto-shreds the details of cases closed before `before` (#16: 7 days after a release or a
   * deportation): the case's sub-key goes, and with it anything ever sealed under it. The case
   * itself (reference, events, outcome) stays until the retention period for the counts.
   */
  shredDetailsClosedBefore(before: number): number {
    this.db.prepare('DELETE FROM case_dialogues WHERE (group_id, case_id) IN (SELECT group_id, id FROM cases WHERE state = \'closed\' AND closed_at < ?)').run(before);
    return this.shredDetails.run(before).changes;
  }

  /** Deletes cases closed before `before`, with their key: their details become unreadable. */
  purgeClosedBefore(before: number): number {
    this.db.prepare('DELETE FROM case_dialogues WHERE expires_at < ?').run(before);
    // The case key goes first: any copy of its sealed details left anywhere opens with no key.
    this.destroyKeys.run(before);
    return this.purge.run(before).changes;
  }

  private caseKey(group: GroupId, id: number): SealingKey {
    const wrapped = this.keyOf.get(group, id) as Uint8Array | null | undefined;
    if (!wrapped) throw new Error(`no key for case ${id} (code CASE_KEY_MISSING)`);
    return this.keys.openSubKey(group, wrapped, subKeyAd('cases', group, id));
  }

  private toCase(row: CaseRow): CaseRecord {
    const group = groupId(row.group_id);
    const key = this.keys.keyFor(group);
    return {
      groupId: group,
      id: row.id,
      ref: this.vault.open(key, ad('ref_enc', group, row.id), row.ref_enc),
      centreId: row.centre_id,
      state: row.state,
      events: {
        placement: row.placed_at,
        ...(row.oqtf_at !== null ? { oqtf: row.oqtf_at } : {}),
        ...(row.asylum_rights_at !== null ? { 'asylum-rights': row.asylum_rights_at } : {}),
        ...(row.order_at !== null ? { order: row.order_at } : {}),
        ...(row.measure_at !== null ? { measure: row.measure_at } : {}),
      },
      secondMeasure: row.second_measure === 1,
      opener: toMemberKey(row.opener_bidx),
      hasDetails: row.has_details === 1,
      ...(row.outcome ? { outcome: row.outcome } : {}),
      ...(row.outcome_enc ? { outcomeNote: this.vault.open(key, ad('outcome_enc', group, row.id), row.outcome_enc) } : {}),
      createdAt: row.created_at,
      ...(row.closed_at !== null ? { closedAt: row.closed_at } : {}),
    };
  }
}

const dialogueAd = (group: GroupId, caseId: number, member: MemberKey) => `case_dialogues.answers_enc:${group}:${caseId}:${member}`;
