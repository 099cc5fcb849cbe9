// Pure planning of a case's group reminders: for each deadline still ahead, at the fractions of
// its window and the lead times of its jurisdiction (default: half time, 12 h and 2 h before).
// Planned again from the case's current events after every change, so a changed event moves
// its reminders and a closed case has none.

import type { Centre } from '../core/centres.js';
import type { Planning } from '../scheduler/replan.js';
import type { JobDraft } from '../store/schedule.js';
import type { Store } from '../store/store.js';
import type { GroupId } from '../core/ids.js';
import type { CaseRecord } from './case.js';
import type { Timeline } from './deadlines.js';
import { defaultRuleBook, type ReminderPlan } from './rules.js';
import { timelineOf } from './view.js';

/** Two reminders of one deadline closer than this are one reminder. */
const MERGE_MS = 30 * 60_000;

export function planCase(record: CaseRecord, timeline: Timeline, reminders: ReminderPlan, now: number): JobDraft[] {
  if (record.state !== 'open') return [];
  const jobs: JobDraft[] = [];
  for (const deadline of timeline.deadlines) {
    if (deadline.at <= now) continue;
    const window = deadline.at - deadline.start;
    const times = [
      ...reminders.fractions.map((f) => Math.round(deadline.start + window * f)),
      ...reminders.leads.map((lead) => deadline.at - lead),
    ]
      .filter((at) => at > now && at < deadline.at)
      .sort((a, b) => a - b);
    const kept: number[] = [];
    for (const at of times) if (kept.every((k) => Math.abs(k - at) >= MERGE_MS)) kept.push(at);
    for (const at of kept) jobs.push({ kind: 'case', dueAt: at, usefulUntil: deadline.at, leadMs: deadline.at - at, ruleId: deadline.rule.id });
  }
  return jobs.sort((a, b) => a.dueAt - b.dueAt);
}

export function replanCase(store: Store, planning: Planning, group: GroupId, caseId: number, now: number): void {
  const record = store.cases.get(group, caseId);
  const centre: Centre | undefined = record ? planning.centres.get(record.centreId) : undefined;
  if (!record || !centre) {
    store.schedule.replaceForCase(group, caseId, []);
    return;
  }
  const rules = (planning.rules ?? defaultRuleBook()).get(centre.jurisdiction);
  const jobs = rules ? planCase(record, timelineOf(planning.rules, centre, record, now), rules.reminders, now) : [];
  store.schedule.replaceForCase(group, caseId, jobs);
}
