// Scheduled sends. Rows carry no content: what to say is built from the request when a job
// fires, so a changed request never sends stale text.

import type { MemberKey } from '../core/domain.js';
import { type GroupId, groupId } from '../core/ids.js';
import { fromMemberKey, toMemberKey } from './codec.js';
import type { Db } from './database.js';

export const JOB_KINDS = ['remind', 'unconfirmed', 'unclaimed', 'followup', 'digest', 'case'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export interface JobDraft {
  readonly kind: JobKind;
  readonly number?: number;
  readonly member?: MemberKey;
  readonly dueAt: number;
  readonly usefulUntil: number;
  readonly leadMs?: number;
  /** A case deadline reminder: the case and the rule whose deadline it announces. */
  readonly caseId?: number;
  readonly ruleId?: string;
}

export interface Job extends JobDraft {
  readonly id: number;
  readonly group: GroupId;
}

interface Row {
  id: number;
  group_id: number;
  number: number | null;
  kind: JobKind;
  member_bidx: Uint8Array | null;
  due_at: number;
  useful_until: number;
  lead_ms: number;
  case_id: number | null;
  rule_id: string | null;
}

export class ScheduleRepository {
  private readonly insert;
  private readonly dueRows;
  private readonly clearRequest;
  private readonly clearDigest;
  private readonly finish;
  private readonly pendingFor;
  private readonly countPending;
  private readonly nextDue;
  private readonly purge;
  private readonly clearCase;
  private readonly pendingCase;

  constructor(db: Db) {
    this.insert = db.prepare(
      'INSERT INTO schedule (group_id, number, kind, member_bidx, due_at, useful_until, lead_ms, case_id, rule_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.dueRows = db.prepare(
      "SELECT id, group_id, number, kind, member_bidx, due_at, useful_until, lead_ms, case_id, rule_id FROM schedule WHERE state = 'pending' AND due_at <= ? ORDER BY due_at, id LIMIT ?",
    );
    this.clearRequest = db.prepare("DELETE FROM schedule WHERE group_id = ? AND number = ? AND state = 'pending'");
    this.clearDigest = db.prepare("DELETE FROM schedule WHERE group_id = ? AND kind = 'digest' AND state = 'pending'");
    this.finish = db.prepare("UPDATE schedule SET state = ?, fired_at = ? WHERE id = ? AND state = 'pending'");
    this.pendingFor = db.prepare(
      "SELECT id, group_id, number, kind, member_bidx, due_at, useful_until, lead_ms, case_id, rule_id FROM schedule WHERE group_id = ? AND number IS ? AND state = 'pending' ORDER BY due_at, id",
    );
    this.countPending = db.prepare("SELECT COUNT(*) FROM schedule WHERE state = 'pending'").pluck();
    this.nextDue = db.prepare("SELECT MIN(due_at) FROM schedule WHERE state = 'pending'").pluck();
    this.purge = db.prepare("DELETE FROM schedule WHERE state <> 'pending' AND fired_at < ?");
    this.clearCase = db.prepare("DELETE FROM schedule WHERE group_id = ? AND case_id = ? AND state = 'pending'");
    this.pendingCase = db.prepare(
      "SELECT id, group_id, number, kind, member_bidx, due_at, useful_until, lead_ms, case_id, rule_id FROM schedule WHERE group_id = ? AND case_id = ? AND state = 'pending' ORDER BY due_at, id",
    );
  }

  /** Replaces the pending jobs of a request with `jobs`. */
  replaceForRequest(group: GroupId, number: number, jobs: readonly JobDraft[]): void {
    this.clearRequest.run(group, number);
    for (const job of jobs) this.add(group, { ...job, number });
  }

  /** Replaces the pending deadline reminders of a case with `jobs`. */
  replaceForCase(group: GroupId, caseId: number, jobs: readonly JobDraft[]): void {
    this.clearCase.run(group, caseId);
    for (const job of jobs) this.add(group, { ...job, caseId });
  }

  pendingForCase(group: GroupId, caseId: number): Job[] {
    return (this.pendingCase.all(group, caseId) as Row[]).map(toJob);
  }

  replaceDigest(group: GroupId, job: JobDraft | undefined): void {
    this.clearDigest.run(group);
    if (job) this.add(group, job);
  }

  add(group: GroupId, job: JobDraft): void {
    this.insert.run(
      group,
      job.number ?? null,
      job.kind,
      job.member ? fromMemberKey(job.member) : null,
      job.dueAt,
      job.usefulUntil,
      job.leadMs ?? 0,
      job.caseId ?? null,
      job.ruleId ?? null,
    );
  }

  /** Due jobs, oldest first. */
  due(now: number, limit: number): Job[] {
    return (this.dueRows.all(now, limit) as Row[]).map(toJob);
  }

  pending(group: GroupId, number: number | null): Job[] {
    return (this.pendingFor.all(group, number) as Row[]).map(toJob);
  }

  /** Marks a job done; false if another scheduler already did (so nothing is sent twice). */
  markFired(id: number, state: 'sent' | 'dropped', now: number): boolean {
    return this.finish.run(state, now, id).changes === 1;
  }

  pendingCount(): number {
    return this.countPending.get() as number;
  }

  nextDueAt(): number | undefined {
    return (this.nextDue.get() as number | null) ?? undefined;
  }

  purgeFiredBefore(before: number): number {
    return this.purge.run(before).changes;
  }
}

function toJob(row: Row): Job {
  return {
    id: row.id,
    group: groupId(row.group_id),
    kind: row.kind,
    dueAt: row.due_at,
    usefulUntil: row.useful_until,
    leadMs: row.lead_ms,
    ...(row.number !== null ? { number: row.number } : {}),
    ...(row.member_bidx ? { member: toMemberKey(row.member_bidx) } : {}),
    ...(row.case_id !== null ? { caseId: row.case_id } : {}),
    ...(row.rule_id !== null ? { ruleId: row.rule_id } : {}),
  };
}
