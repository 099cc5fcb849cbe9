// The daily digest's case part: today's and tomorrow's hearings and case deadlines.

import type { ViewContext } from '../commands/context.js';
import { t } from '../i18n/index.js';
import type { Planning } from '../scheduler/replan.js';
import { deadlineView, timelineOf } from './view.js';

/** The text to add to the digest, or undefined when no open case has anything in [from, to). */
export function caseDigest(ctx: ViewContext, planning: Planning, now: number, from: number, to: number): string | undefined {
  const { store, group } = ctx;
  const hearings: { ref: string; hearing: { at: { at: number; zone: string }; place?: string; requestNumber?: number } }[] = [];
  const deadlines: { ref: string; deadline: ReturnType<typeof deadlineView> }[] = [];
  for (const record of store.cases.openCases(group.id)) {
    const centre = planning.centres.get(record.centreId) ?? ctx.centre;
    const zone = centre.timezone;
    for (const h of store.cases.hearings(group.id, record.id)) {
      if (h.at < from || h.at >= to) continue;
      hearings.push({ ref: record.ref, hearing: { at: { at: h.at, zone }, ...(h.place ? { place: h.place } : {}), ...(h.requestNumber !== undefined ? { requestNumber: h.requestNumber } : {}) } });
    }
    for (const d of timelineOf(planning.rules, centre, record, now).deadlines) {
      if (d.at >= now && d.at >= from && d.at < to) deadlines.push({ ref: record.ref, deadline: deadlineView(d, zone, now) });
    }
  }
  if (hearings.length + deadlines.length === 0) return undefined;
  hearings.sort((a, b) => a.hearing.at.at - b.hearing.at.at);
  deadlines.sort((a, b) => a.deadline.at.at - b.deadline.at.at);
  return t(group.lang, 'digestCases', { hearings, deadlines });
}
