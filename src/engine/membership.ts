// The bot's own place in a group's chat. Removed (or the chat gone): the group is paused —
// nothing is posted there, its reminders and digest stop, and its coordinators hear it by
// direct message. Back in the chat: posts waiting for it go out, and reminders are planned again.

import type { Group } from '../core/domain.js';
import { type Msg, msg, render } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { replanCase } from '../cases/plan.js';
import { type Planning, replanDigest, replanRequest } from '../scheduler/replan.js';

/** Pauses the group; true if it was running. Runs inside the caller's transaction. */
export function pauseGroup(store: Store, planning: Planning, group: Group, now: number, logger: Logger): boolean {
  if (!store.pauses.pause(group.id, now)) return false;
  for (const request of store.requests.active(group.id)) store.schedule.replaceForRequest(group.id, request.number, []);
  store.schedule.replaceDigest(group.id, undefined);
  for (const record of store.cases.openCases(group.id)) store.schedule.replaceForCase(group.id, record.id, []);
  tellCoordinators(store, group, msg('alertRemoved', { centre: centreName(planning, group) }), now);
  logger.warn('GROUP_PAUSED', { group: group.id });
  return true;
}

/** Resumes the group; true if it was paused. Runs inside the caller's transaction. */
export function resumeGroup(store: Store, planning: Planning, group: Group, now: number, logger: Logger): boolean {
  if (!store.pauses.resume(group.id)) return false;
  for (const request of store.requests.active(group.id)) replanRequest(store, planning, group.id, request.number, now);
  replanDigest(store, planning, group.id, now);
  for (const record of store.cases.openCases(group.id)) replanCase(store, planning, group.id, record.id, now);
  const waiting = store.outbox.wake(group.id, group.chat, now);
  tellCoordinators(store, group, msg('alertBack', { centre: centreName(planning, group) }), now);
  logger.info('GROUP_RESUMED', { group: group.id, waiting });
  return true;
}

function centreName(planning: Planning, group: Group): string {
  return planning.centres.get(group.centreId)?.name ?? group.centreId;
}

function tellCoordinators(store: Store, group: Group, message: Msg, now: number): void {
  for (const coordinator of store.members.coordinators(group.id)) {
    store.outbox.enqueue({ group: group.id, to: coordinator.address, text: render(group.lang, message) }, now);
  }
}
