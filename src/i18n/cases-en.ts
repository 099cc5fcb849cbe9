// English texts for cases and the legal clock (merged into en.ts). This object defines the
// CaseMessages type: cases-fr.ts must provide every key with the same parameters.

import type { CaseOutcome, DetailField } from '../cases/case.js';
import type { Actor, CaseEvent, RuleTopic } from '../cases/rules.js';
import type { CaseLineView, CaseView, DeadlineView, HearingView } from './case-views.js';
import { flightText } from './flights-en.js';
import { formatWhen, joinList, type When } from './format.js';

const TOPIC: Record<RuleTopic, (d: DeadlineView) => string> = {
  'placement-contest': () => 'Contest the placement decision before the judge',
  'judge-seized': () => 'The préfet must have asked the judge to extend; if not, the person must be released (tell the lawyer)',
  'first-hearing': () => 'Latest first hearing before the judge (public: go if you can)',
  'period-end': (d) => `End of the retention period (day ${d.day}): a further extension needs a judge's order before`,
  'retention-max': (d) => `Maximum retention (day ${d.day}): release`,
  'oqtf-contest': () => 'Contest the OQTF at the tribunal administratif (hour by hour, weekends included; it can be handed to the CRA office)',
  'asylum-request': () => 'Ask for asylum (OFPRA form in French, in a sealed envelope, with the association)',
  'order-appeal': () => 'Appeal the judge\'s order to the cour d\'appel, with reasons',
  'cce-urgent': () => 'Extreme-urgency suspension request to the CCE',
  'order-appeal-be': () => 'Appeal to the chambre des mises en accusation',
  'detention-period-be': () => 'End of the first 2-month detention period (renewable)',
};
const WHO: Record<Actor, string> = {
  association: 'the legal-aid association in the centre',
  lawyer: 'the lawyer',
  group: 'the group',
};
const EVENT: Record<CaseEvent, string> = {
  placement: 'Placed',
  oqtf: 'OQTF notified',
  'asylum-rights': 'Told of the right to ask asylum',
  order: 'Judge\'s order',
  measure: 'Removal measure notified',
};
const OUTCOME: Record<CaseOutcome, string> = {
  released: 'released',
  deported: 'deported',
  transferred: 'transferred',
  other: 'closed',
};
const FIELD: Record<DetailField, { label: string; ask: string }> = {
  registeredName: { label: 'Registered name', ask: 'Name exactly as the centre recorded it (it may differ from the one you use)?' },
  nationality: { label: 'Nationality (as recorded)', ask: 'Nationality as recorded?' },
  birthDate: { label: 'Date of birth', ask: 'Date of birth (as recorded)?' },
  fileNumber: { label: 'File / badge number', ask: 'File or badge number?' },
  language: { label: 'Language', ask: 'Language(s) spoken (for an interpreter)?' },
  arrest: { label: 'Arrest (date, place)', ask: 'Date and place of arrest?' },
  documents: { label: 'Documents held', ask: 'Documents they hold (passport, OQTF, placement decision…)?' },
  knownAs: { label: 'Name friends use', ask: 'The name friends use (kept apart from the registered name)?' },
};

export const NOT_LEGAL_ADVICE_EN = 'ℹ Parloir is not legal advice: the lawyer\'s or the association\'s word prevails.';
const CHECK = 'check with the lawyer or the association';

function when(w: When): string {
  return formatWhen('en', w);
}

function deadlineLine(d: DeadlineView): string {
  const who = d.who.filter((w) => w !== 'group');
  const lines = [`${d.past ? '✓ ' : d.kind === 'deadline' ? '⏳ ' : '• '}${when(d.at)} — ${TOPIC[d.what](d)}`];
  if (!d.past && who.length > 0) lines.push(`   ${d.kind === 'deadline' ? 'Who can act' : 'Watch'}: ${joinList('en', who.map((w) => WHO[w]))} · ${d.article}`);
  else lines.push(`   ${d.article}`);
  const notes = [
    ...(d.shifted ? ['moved to the next working day'] : []),
    ...(d.assumed ? ['counted from the placement: give the measure\'s date'] : []),
    ...(d.check ? [CHECK] : []),
    ...(d.stale ? [`rule last checked ${d.lastChecked}: may be out of date`] : []),
  ];
  if (notes.length > 0) lines.push(`   ⚠ ${notes.join('; ')}`);
  return lines.join('\n');
}

function hearingLine(h: HearingView): string {
  return `⚖ Hearing ${when(h.at)}${h.place ? ` — ${h.place}` : ''}${h.requestNumber !== undefined ? ` (#${h.requestNumber} to attend)` : ''}`;
}

export const casesEn = {
  caseTimeline: (p: { case: CaseView; change: 'opened' | 'updated' | 'shown' }) => {
    const c = p.case;
    const head =
      p.change === 'opened'
        ? `📁 Case ${c.ref} opened — ${c.centre}`
        : p.change === 'updated'
          ? `📁 Case ${c.ref} updated — deadlines recomputed`
          : `📁 Case ${c.ref} — ${c.centre}${c.state === 'closed' ? ` (${OUTCOME[c.outcome ?? 'other']}${c.outcomeNote ? `: ${c.outcomeNote}` : ''})` : ''}`;
    const upcoming = p.change === 'shown' ? c.deadlines : c.deadlines.filter((d) => !d.past);
    return [
      head,
      ...c.events.map((e) => `${EVENT[e.event]}: ${when(e.at)}`),
      ...(c.secondMeasure ? ['Second removal measure'] : []),
      ...(upcoming.length > 0 ? ['Deadlines:', ...upcoming.map(deadlineLine)] : ['No deadline ahead.']),
      ...c.unknown.map((e) => `⚠ No rule known for "${EVENT[e]}" at that date: ${CHECK}.`),
      ...c.hearings.map(hearingLine),
      ...(c.flight ? [`✈ Deportation flight: ${flightText(c.flight)}${c.flight.task !== undefined ? ` (airport: #${c.flight.task})` : ''}`] : []),
      ...c.lawyers.map((l) => `Lawyer request #${l.n}: ${l.taker ? `taken by ${l.taker}` : 'nobody yet'}`),
      ...(c.hasDetails ? ['Details for the lawyer: recorded (sealed; /details in a direct chat)'] : []),
      ...(c.lawyers.length === 0 && c.state === 'open' ? [`Find a lawyer: /lawyer ${c.ref}`] : []),
      NOT_LEGAL_ADVICE_EN,
    ].join('\n');
  },
  caseList: (p: { cases: readonly CaseLineView[] }) =>
    [
      'Open cases:',
      ...p.cases.map((c) => `${c.ref} — placed ${when(c.placed)}${c.next ? ` — next: ${when(c.next.at)} ${TOPIC[c.next.what](c.next)}` : ''}`),
      NOT_LEGAL_ADVICE_EN,
    ].join('\n'),
  caseListEmpty: () => 'No open case. Open one with /case R-12 placed 2026-11-28 09:30.',
  caseClosed: (p: { ref: string; outcome: CaseOutcome; note?: string }) =>
    `📁 Case ${p.ref} closed: ${OUTCOME[p.outcome]}${p.note ? ` (${p.note})` : ''}. Its reminders are stopped.`,
  caseNotFound: (p: { ref: string }) => `There is no open case ${p.ref}. Open one: /case ${p.ref} placed 2026-11-28 09:30`,
  caseAlreadyClosed: (p: { ref: string }) => `Case ${p.ref} is already closed.`,
  pickUpNote: (p: { centre: string }) =>
    `pick-up at the exit of ${p.centre}: people are often released late, far from town, with nothing (no phone credit, no ticket). Bring water, a charged phone, a ticket or a car.`,
  caseTransferWhere: () => 'To which centre? e.g. /case R-12 transferred vincennes',
  caseTransferUnknownCentre: (p: { ref: string; word: string }) =>
    `I don't know the centre "${p.word}". Give its name or id, e.g. /case ${p.ref} transferred vincennes`,
  caseTransferSameCentre: (p: { ref: string; centre: string }) => `Case ${p.ref} is already at ${p.centre}.`,
  caseTransferRefTaken: (p: { ref: string; centre: string }) =>
    `The group following ${p.centre} already has an open case ${p.ref}: nothing moved. Ask them to close theirs, then say it again.`,
  caseTransferredStays: (p: { ref: string; centre: string }) =>
    `📁 Case ${p.ref} transferred to ${p.centre}. No group here follows that centre: the case stays with this group, its deadlines now counted at ${p.centre}.`,
  caseTransferredOut: (p: { ref: string; centre: string; n: number }) =>
    `📁 Case ${p.ref} transferred to ${p.centre}: the group following that centre now has it, with its deadlines${p.n > 0 ? ` and ${p.n} open task${p.n === 1 ? '' : 's'}` : ''}. Its reminders here are stopped.`,
  caseTransferTaskReleased: (p: { ref: string; n: number; centre: string }) =>
    `📁 Case ${p.ref} was transferred to ${p.centre}: task #${p.n}, which you were on, went with it to the group that follows that centre. You are released from it; thank you.`,
  caseTransferredIn: (p: { ref: string; from: string }) =>
    `📁 Case ${p.ref} arrives here by transfer from ${p.from}. Its deadlines keep running; its confidential details stayed with the old group.`,
  caseCloseNotAllowed: (p: { ref: string }) => `Only whoever opened case ${p.ref} or a coordinator can close it.`,
  caseUsage: () =>
    [
      'Cases use a reference such as R-12 — never a name.',
      '/case R-12 placed 2026-11-28 09:30 [oqtf <date time>] [asylum-rights <date time>] [order <date time>] [hearing <date time> <place>] [second-measure]',
      '/case R-12 · /cases · /case R-12 close released|deported|transferred <centre>|other',
      '/hearing R-12 2026-12-02 10:00 TJ Meaux · /details R-12 (in a direct chat)',
    ].join('\n'),
  caseRefMissing: () => 'Which case? Give its reference first, e.g. /case R-12 placed 2026-11-28 09:30 — never a name.',
  caseWhenInvalid: (p: { option: string }) => `I can't read the date and time after "${p.option}". e.g. ${p.option} 2026-11-28 09:30`,
  caseFuture: (p: { option: string }) => `The time after "${p.option}" is in the future: give when it happened.`,
  caseTooOld: (p: { option: string }) => `The date after "${p.option}" is more than 8 months ago: check it.`,
  caseUnknownWord: (p: { word: string }) => `I don't understand "${p.word}" here. /case alone shows how to write it.`,
  caseOutcomeMissing: (p: { ref: string }) => `How did it end? /case ${p.ref} close released | deported | transferred <centre> | other`,
  caseNeedsEvent: (p: { ref: string }) => `Nothing to change for ${p.ref}: give an event, e.g. /case ${p.ref} order 2026-12-02 15:00.`,
  caseReminder: (p: { ref: string; deadline: DeadlineView; late: boolean; escalate: boolean }) =>
    [
      `${p.late ? '(late) ' : ''}⏰ Case ${p.ref}: ${TOPIC[p.deadline.what](p.deadline)} — ${when(p.deadline.at)}`,
      ...deadlineLine(p.deadline).split('\n').slice(1),
      ...(p.escalate ? [`⚠ Nobody has taken the lawyer request for ${p.ref}: /lawyer ${p.ref}, or tell the association.`] : []),
      NOT_LEGAL_ADVICE_EN,
    ].join('\n'),

  hearingRecorded: (p: { ref: string; time: When; place?: string; n: number }) =>
    `⚖ Hearing for ${p.ref} recorded: ${when(p.time)}${p.place ? ` — ${p.place}` : ''}. Hearings are public: come if you can (bring ID, expect a search). Request #${p.n} is for attending: reply "join" to come.`,
  hearingNote: () => 'Public hearing: bring ID, expect a search at the entrance',
  hearingUsage: () => 'Send /hearing R-12 2026-12-02 10:00 TJ Meaux (reference, date, time, court).',

  detailsInGroup: (p: { ref: string }) =>
    `Details are given and shown only in a direct chat with me: send /details ${p.ref} there. Never write them in the group.`,
  detailsAsk: (p: { ref: string; field: DetailField; step: number; total: number; first: boolean }) =>
    [
      ...(p.first
        ? [`Details for ${p.ref}'s lawyer. They are sealed and never shown in the group. Answer each question; "-" to skip, "stop" to cancel.`]
        : []),
      `(${p.step}/${p.total}) ${FIELD[p.field].ask}`,
    ].join('\n'),
  detailsSaved: (p: { ref: string; count: number }) =>
    `✅ ${p.count} detail(s) for ${p.ref} saved and sealed. You can delete our messages here. They go only to whoever takes ${p.ref}'s lawyer request, and to coordinators who ask.`,
  detailsCancelled: () => 'Stopped: nothing was saved.',
  detailsNoCase: (p: { ref: string }) =>
    `None of your groups has an open case ${p.ref} (if you have never written in that group, send /details ${p.ref} there once).`,
  detailsAmbiguous: (p: { ref: string }) => `Several of your groups have a case ${p.ref}: send /details ${p.ref} in the group's direct chat after using a unique reference.`,
  detailsReveal: (p: { ref: string; fields: readonly { field: DetailField; value: string }[] }) =>
    [`🔒 Details for case ${p.ref} (do not forward; this reveal is recorded):`, ...p.fields.map((f) => `${FIELD[f.field].label}: ${f.value}`), NOT_LEGAL_ADVICE_EN].join('\n'),
  detailsNone: (p: { ref: string }) => `No details recorded for ${p.ref} yet. Anyone who knows them can send /details ${p.ref} to me in a direct chat.`,
  detailsNotAllowed: (p: { ref: string }) =>
    `Only the member who took ${p.ref}'s lawyer request (once, while it is open) or a coordinator can see these details.`,
  detailsAlreadyRevealed: (p: { ref: string; n: number }) => `The details of ${p.ref} were already sent to you for request #${p.n}; they are sent once per request.`,

  lawyerCaseNoDeadline: (p: { ref: string }) => `Case ${p.ref} has no deadline ahead for a lawyer. Give one: /lawyer 48h ${p.ref}`,
  lawyerCaseNote: (p: { ref: string }) => `whoever takes it: send me /details ${p.ref} show in a direct chat`,
  lawyerFromCase: (p: { ref: string; deadline: DeadlineView }) => `Deadline taken from case ${p.ref}: ${TOPIC[p.deadline.what](p.deadline)}.`,

  digestCases: (p: { hearings: readonly { ref: string; hearing: HearingView }[]; deadlines: readonly { ref: string; deadline: DeadlineView }[] }) =>
    [
      ...(p.hearings.length > 0 ? ['Hearings today and tomorrow:', ...p.hearings.map((h) => `${h.ref} ${hearingLine(h.hearing)}`)] : []),
      ...(p.deadlines.length > 0
        ? ['Case deadlines today and tomorrow:', ...p.deadlines.map((d) => `${d.ref}: ${when(d.deadline.at)} — ${TOPIC[d.deadline.what](d.deadline)}`)]
        : []),
      NOT_LEGAL_ADVICE_EN,
    ].join('\n'),
} as const;

export type CaseMessages = { readonly [K in keyof typeof casesEn]: (typeof casesEn)[K] };
