// Keeps a request's (or a group's digest's) scheduled jobs in line with its current state.
// Called in the same transaction as every change, so jobs and state never disagree.

import type { Centre, CentreDirectory } from '../core/centres.js';
import type { GroupId } from '../core/ids.js';
import type { RuleBook } from '../cases/rules.js';
import type { Store } from '../store/store.js';
import { type PlanSettings, planDigest, planRequest } from './plan.js';

export interface Planning {
  readonly centres: CentreDirectory;
  readonly settings: PlanSettings;
  /** The legal clock's rules (config/jurisdictions); the shipped files when absent. */
  readonly rules?: RuleBook;
}

export function leadsFor(centre: Centre | undefined, settings: PlanSettings): PlanSettings {
  return centre?.reminders ? { ...settings, leads: centre.reminders } : settings;
}

export function replanRequest(store: Store, planning: Planning, group: GroupId, number: number, now: number): void {
  const request = store.requests.get(group, number);
  const found = store.groups.get(group);
  if (!request || !found) return;
  const settings = leadsFor(planning.centres.get(found.centreId), planning.settings);
  // A flight's airport task: people go on their own, so a seat is reminded without a driver.
  const remindSeats = store.cases.caseOfRequest(group, number)?.role === 'airport';
  store.schedule.replaceForRequest(group, number, planRequest(request, settings, now, { remindSeats }));
}

export function replanDigest(store: Store, planning: Planning, group: GroupId, now: number): void {
  const found = store.groups.get(group);
  const centre = found ? planning.centres.get(found.centreId) : undefined;
  if (!found || !centre) return;
  store.schedule.replaceDigest(group, planDigest(found.digestAt, centre.timezone, now));
}
