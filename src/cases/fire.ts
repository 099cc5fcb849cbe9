// What a due case reminder sends, decided from the case as it is when the job fires: a closed
// case or a deadline that moved drops the job (its replacement was planned with the change).

import type { Group } from '../core/domain.js';
import type { Centre } from '../core/centres.js';
import { t } from '../i18n/index.js';
import { type Firing, topicOf } from '../scheduler/fire.js';
import type { Planning } from '../scheduler/replan.js';
import type { Job } from '../store/schedule.js';
import type { Store } from '../store/store.js';
import { deadlineView, timelineOf } from './view.js';

export function fireCaseJob(store: Store, planning: Planning, job: Job, group: Group, centre: Centre, now: number, late: boolean): Firing {
  const record = job.caseId === undefined ? undefined : store.cases.get(group.id, job.caseId);
  if (!record || record.state !== 'open') return { drop: 'SCHEDULE_CASE_CLOSED' };
  // After downtime, of several overdue reminders of one deadline only the latest is sent.
  const newer = store.schedule.pendingForCase(group.id, record.id).some((j) => j.ruleId === job.ruleId && j.dueAt > job.dueAt && j.dueAt <= now);
  if (newer) return { drop: 'SCHEDULE_CASE_SUPERSEDED' };
  const caseCentre = planning.centres.get(record.centreId) ?? centre;
  const deadline = timelineOf(planning.rules, caseCentre, record, now).deadlines.find((d) => d.rule.id === job.ruleId);
  if (!deadline || deadline.at !== job.usefulUntil) return { drop: 'SCHEDULE_CASE_CHANGED' };
  const text = t(group.lang, 'caseReminder', {
    ref: record.ref,
    deadline: deadlineView(deadline, caseCentre.timezone, now),
    late,
    escalate: needsTaker(store, group, record.id) && deadline.rule.kind === 'deadline' && deadline.rule.who.some((w) => w !== 'group'),
  });
  return { send: [{ group: group.id, to: group.chat, ...topicOf(store, group.id), text }], late };
}

/** No lawyer request of the case is taken (or done): the deadline has no taker. */
export function needsTaker(store: Store, group: Group, caseId: number): boolean {
  return !store.cases.requestsOf(group.id, caseId, 'lawyer').some((n) => {
    const state = store.requests.get(group.id, n)?.state;
    return state === 'claimed' || state === 'done';
  });
}
