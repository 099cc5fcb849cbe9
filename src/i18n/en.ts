// English chat texts. This object defines the Messages type: fr.ts must provide every key with
// the same parameters, or the type check fails.

import type { RequestKind, RequestState } from '../core/domain.js';
import { casesEn } from './cases-en.js';
import { missingEn } from './missing-en.js';
import { formatDate, formatInput, formatSpan, formatTime, formatWhen, joinList, type When } from './format.js';
import { flightsEn } from './flights-en.js';
import type { AssumptionView, CardFactName, CentreCardView, MyRole, ReminderRole, RequestLabel, RequestView } from './views.js';

const KIND: Record<RequestKind, string> = { visit: 'Visit', package: 'Package', lawyer: 'Lawyer', credit: 'Phone credit' };
const STATE: Record<RequestState, string> = {
  open: 'open',
  claimed: 'taken',
  done: 'done',
  cancelled: 'cancelled',
  expired: 'expired',
};
const EXAMPLE: Record<RequestKind, string> = {
  visit: '/visit tomorrow 2pm seats 2 from Calais station',
  package: '/package friday jumper size M, phone without camera',
  lawyer: '/lawyer 48h R-12 OQTF notified this morning',
  credit: '/credit friday €10 Lyca top-up R-12',
};
const FACT: Record<CardFactName, string> = {
  address: 'Address',
  visiting_hours: 'Visiting hours',
  visitor_id: 'Have on you',
  allowed_items: 'Rules on items',
  phone: 'Phone',
  association: 'Association in the centre',
  replacement: 'Replacement',
};
const ROLE: Record<MyRole, string> = { requester: 'you asked', claimer: 'you took it', passenger: 'you have a seat' };
const ON_AS: Record<ReminderRole, string> = { driver: 'driver', passenger: 'passenger', courier: 'courier', contact: 'contact person' };
/** One label for the centre's rules on items, wherever they appear. */
const ITEMS_RULES = 'Centre\'s rules on items';

/** "2 of 3 seats free", "1 of 1 seat free", "full (2 seats taken)". */
function seatsText(seats: number, taken: number): string {
  if (seats === 0) return 'no passenger seat offered';
  const free = seats - taken;
  return free <= 0 ? `full (${seats} ${seats === 1 ? 'seat' : 'seats'} taken)` : `${free} of ${seats} ${seats === 1 ? 'seat' : 'seats'} free`;
}

const freeSeats = (left: number) => (left <= 0 ? 'full' : `${left} ${left === 1 ? 'seat' : 'seats'} free`);

/** "#4 (visit Tue 1 Dec, 14:00)": a request named in one line, wherever the post is not in view. */
function label(r: RequestLabel): string {
  const when = formatWhen('en', r.when);
  return r.kind === 'visit' ? `#${r.n} (visit ${when})` : r.kind === 'package' ? `#${r.n} (package by ${when})` : r.kind === 'credit' ? `#${r.n} (phone credit by ${when})` : `#${r.n} (lawyer, deadline ${when})`;
}

function head(r: RequestView): string {
  const when = formatWhen('en', r.when);
  if (r.hearing) return `#${r.n} Hearing — ${when}${r.place ? ` — ${r.place}` : ''}`;
  if (r.airport) return `#${r.n} Airport — ${when} — ${r.airport.airport}${r.airport.number ? `, flight ${r.airport.number}` : ''}, departs ${formatWhen('en', r.airport.departs)}`;
  return r.kind === 'visit'
    ? `#${r.n} ${KIND.visit} — ${when} — ${r.centre}`
    : r.kind === 'package' || r.kind === 'credit'
      ? `#${r.n} ${KIND[r.kind]} — by ${when} — ${r.centre}`
      : `#${r.n} ${KIND.lawyer} — deadline ${when}${left(r)} — ${r.centre}`;
}

/** "Meet 12:30 Calais station → visit 14:00": the meeting time never reads as the visit time. */
function meetingLine(r: RequestView): string | undefined {
  if (!r.meeting) return undefined;
  const at = r.meeting.at ? `${formatTime('en', r.meeting.at)} ` : '';
  return `Meet ${at}${r.meeting.place} → visit ${formatTime('en', r.when)}`;
}

/** What someone going there needs: address, visiting-hours warning, ID, the rules on items. */
function practical(r: RequestView): string[] {
  return [
    ...(r.address ? [`Address: ${r.address}`] : []),
    ...(r.outsideHours ? [`⚠ ${formatTime('en', r.when)} is outside the visiting hours: ${r.outsideHours}`] : []),
    ...(r.visitorId ? [`Have on you: ${r.visitorId}`] : []),
    ...(r.allowed ? [`${ITEMS_RULES}: ${r.allowed}`] : []),
  ];
}

/** What was handed over for a package or credit, and whether an itemised receipt was given. */
function handover(r: Pick<RequestView, 'handedOver' | 'receipt'>): string[] {
  return [
    ...(r.handedOver ? [`Handed over: ${r.handedOver}`] : []),
    ...(r.receipt ? [`Itemised receipt: ${r.receipt}`] : []),
  ];
}

function describe(r: RequestView): string {
  const lines = [head(r)];
  const meeting = r.hearing || r.airport ? undefined : meetingLine(r);
  if (meeting) lines.push(meeting);
  if (r.airport) lines.push('At the check-in: talk calmly to passengers; speak to the crew, not to the escort.');
  if (r.kind === 'visit') lines.push(`Seats: ${seatsText(r.seats, r.passengers.length)}`);
  if (r.items) lines.push(`To bring: ${r.items}`);
  lines.push(...practical(r));
  if (r.detainee) lines.push(`Ref: ${r.detainee}`);
  if (r.note) lines.push(`Note: ${r.note}`);
  lines.push(...handover(r));
  const who = r.hearing || r.airport ? 'Going' : r.kind === 'visit' ? 'Driver' : r.kind === 'package' || r.kind === 'credit' ? 'Courier' : 'Contact';
  lines.push(r.claimer ? `${who}: ${r.claimer}` : `${who}: nobody yet`);
  if (r.passengers.length > 0) lines.push(`Passengers: ${joinList('en', r.passengers)}`);
  if (r.state !== 'open' && r.state !== 'claimed') lines.push(`(${STATE[r.state]})`);
  return lines.join('\n');
}

function line(r: RequestView): string {
  const when = formatWhen('en', r.when);
  const who = r.claimer ? `taken by ${r.claimer}` : 'OPEN';
  const seats = r.kind === 'visit' && r.seats > 0 ? `, ${seatsText(r.seats, r.passengers.length)}` : '';
  return `#${r.n} ${r.hearing ? 'Hearing' : r.airport ? 'Airport' : KIND[r.kind]} ${when}${left(r)} — ${who}${seats}`;
}

/** " (39 h left)" after a lawyer deadline still to meet. */
function left(r: RequestView): string {
  if (r.hoursLeft === undefined) return '';
  return r.hoursLeft >= 1 ? ` (${r.hoursLeft} h left)` : ' (less than 1 h left)';
}

export const en = {
  help: () =>
    [
      'Parloir keeps this group\'s visits, packages and lawyer requests.',
      'Ask:',
      '/visit 2026-12-01 14:00 seats 2 meet 12:30 Calais station',
      '/package friday jumper size M, phone without camera',
      '/credit friday €10 Lyca top-up R-12 — phone credit or a camera-less phone; /done N what was handed over, receipt yes/no',
      '/lawyer 48h R-12 OQTF notified this morning',
      '/case R-12 placed 2026-11-28 09:30 — a detention case and its legal deadlines · /cases · /hearing R-12 date court · /details R-12 (direct chat)',
      'Someone has gone missing: /missing (what to do, which centres to call; nothing is stored)',
      '/flight R-12 2026-12-03 07:15 CDG AF1234 — a deportation flight: the group and the network are alerted · /network on (coordinators: other groups\' flight alerts)',
      'See: /list · /mine · /info (/info sources for the links)',
      'Request N: /claim N · /join N · /release N · /done N · /cancel N · /move N friday 10:00 (or meet <place>) · /refused N reason',
      'Group: /digest 08:30 (or /digest off) · /lang fr · /coord (coordinators) · /link CODE · /verify 60 digits (Signal) · /wipe (destroy all of the group\'s data)',
      'To take a request, reply to its post with "I\'ll take it" (or "join" for a seat on a visit). On Telegram you can also press the button under it. A 👍 on the post takes it too (on Telegram only where the bot is a group admin).',
      'Never write a detainee\'s name: use a reference such as R-12.',
    ].join('\n'),
  helpUnlinked: () =>
    'This group is not linked to a detention centre yet. A coordinator can link it with /link CODE (the code comes from `npx parloir invite <centre>`).',
  notLinked: () => 'This group is not linked to a centre yet: a coordinator must first send /link CODE.',
  unknownCommand: (p: { word: string }) => `Unknown command /${p.word}. Send /help for the list.`,
  groupOnly: () => 'Send this command in your collective\'s group, not here.',
  tooLong: (p: { max: number }) => `That message is too long (more than ${p.max} characters). Nothing was recorded.`,
  failed: () => 'Something went wrong on my side and nothing was changed. Please try again in a minute.',

  linkUsage: () => 'Send /link followed by the code, e.g. /link PRLR-ABCDE-FGHJK.',
  linkOk: (p: { centre: string }) =>
    `This group is now linked to ${p.centre}. You are its first coordinator. Send /help to see what I can do.`,
  linkUnknown: () => 'I don\'t know that code. Check it, or ask for a new one (`npx parloir invite <centre>`).',
  linkExpired: () => 'That code has expired (codes last 24 hours). Ask for a new one.',
  linkUsed: () => 'That code was already used. Ask for a new one.',
  linkAlready: (p: { centre: string }) => `This group is already linked to ${p.centre}.`,
  linkDirect: () => 'Send /link in the group you want to link, not in a direct chat.',

  post: (p: { request: RequestView }) => {
    // Only what can still be done: once someone drives, a seat; once it is full or closed, nothing.
    const r = p.request;
    const seatFree = r.kind === 'visit' && r.passengers.length < r.seats;
    const hint =
      (r.hearing || r.airport) && (r.state === 'open' || seatFree)
        ? 'Reply "join" to come (or "I\'ll take it" to organise the group).'
        : r.state === 'open'
        ? r.kind === 'visit'
          ? 'Reply "I\'ll take it" to drive, or "join" for a seat.'
          : 'Reply "I\'ll take it" to take it on.'
        : r.state === 'claimed' && seatFree
          ? 'Reply "join" for a seat.'
          : undefined;
    return hint ? `${describe(r)}\n${hint}` : describe(r);
  },
  urgentPost: (p: { request: RequestView }) => `⚠ Needs someone again:\n${describe(p.request)}\nReply "I'll take it" to take it on.`,

  /** `going`: a hearing's or a flight's airport task, where nobody drives. */
  claimed: (p: { n: number; kind: RequestKind; by: string; going?: boolean }) =>
    p.kind === 'visit' && !p.going ? `✅ #${p.n}: ${p.by} drives.` : `✅ #${p.n}: ${p.by} takes it on.`,
  claimYours: (p: { n: number }) => `#${p.n} is already yours.`,
  claimTaken: (p: { n: number; by: string }) => `Too late: ${p.by} already took #${p.n}.`,
  notActive: (p: { n: number; state: RequestState }) => `#${p.n} is ${STATE[p.state]}: nothing to do.`,
  notFound: (p: { n: number }) => `There is no request #${p.n} in this group. /list shows the open ones.`,
  numberMissing: (p: { command: string }) => `Which request? e.g. /${p.command} 3`,

  joined: (p: { n: number; by: string; left: number }) => `✅ #${p.n}: ${p.by} takes a seat (${freeSeats(p.left)}).`,
  joinFull: (p: { n: number }) => `#${p.n} has no free seat left.`,
  joinNotVisit: (p: { n: number }) => `#${p.n} is not a visit: nothing to join. Reply "I'll take it" instead.`,
  joinAlready: (p: { n: number }) => `You already have a seat on #${p.n}.`,
  joinIsDriver: (p: { n: number }) => `You are driving #${p.n}.`,

  released: (p: { r: RequestLabel; by: string }) => `↩ ${label(p.r)} is open again: ${p.by} can no longer do it. Who can?`,
  seatLeft: (p: { n: number; by: string; left: number }) => `↩ #${p.n}: ${p.by} gave up their seat (${freeSeats(p.left)}).`,
  releaseNotYours: (p: { n: number }) => `You have not taken #${p.n}, so there is nothing to release.`,
  /** `record`: what was handed over (packages, credit); `hint`: how to note it, when nothing was. */
  done: (p: { n: number; record?: { handedOver?: string; receipt?: 'yes' | 'no' }; hint?: boolean }) =>
    [
      `✔ #${p.n} is done. Thank you!`,
      ...(p.record ? handover(p.record) : []),
      ...(p.hint ? [`To note what was handed over and whether you got an itemised receipt, send e.g. /done ${p.n} jumper, €10 card receipt yes`] : []),
    ].join('\n'),
  handoverNoted: (p: { n: number; record: { handedOver?: string; receipt?: 'yes' | 'no' } }) => [`Noted for #${p.n}:`, ...handover(p.record)].join('\n'),
  doneNotAllowed: (p: { n: number }) => `Only whoever took #${p.n}, who asked for it, or a coordinator can mark it done.`,
  cancelled: (p: { n: number }) => `✖ #${p.n} is cancelled.`,
  cancelNotAllowed: (p: { n: number }) => `Only whoever asked for #${p.n} or a coordinator can cancel it.`,

  list: (p: { requests: readonly RequestView[] }) => ['Open and taken requests:', ...p.requests.map(line)].join('\n'),
  listEmpty: () => 'No open requests in this group. Start one with /visit, /package or /lawyer.',
  mine: (p: { items: readonly { request: RequestView; role: MyRole }[] }) =>
    ['Your requests:', ...p.items.map(({ request, role }) => `${line(request)} · ${request.centre} (${ROLE[role]})`)].join('\n'),
  mineEmpty: () => 'You have no open requests.',

  info: (p: { card: CentreCardView; sources: boolean }) => {
    const c = p.card;
    if (p.sources) {
      if (c.links.length === 0) return `${c.name}\nNo checked information yet for this centre.`;
      return [`${c.name} — sources`, ...c.links.map((l) => `${FACT[l.fact]}: ${l.source}`)].join('\n');
    }
    const lines = [c.name];
    if (c.replacement) lines.push(`⚠ Due to be replaced: ${c.replacement}`);
    if (c.address) lines.push(`Address: ${c.address}`);
    if (c.visiting) lines.push(`Visiting hours: ${c.visiting}`);
    if (c.visitorId) lines.push(`Have on you: ${c.visitorId}`);
    if (c.allowed) lines.push(`${ITEMS_RULES}: ${c.allowed}`);
    if (c.phone) lines.push(`Phone: ${c.phone}`);
    if (c.association) lines.push(`Association in the centre: ${c.association}`);
    if (lines.length === 1) return `${c.name}\nNo checked information yet for this centre.`;
    lines.push(`Sources: ${c.sourceNames.map((s) => `${s.name} (checked ${s.checked})`).join(' · ')} — links: /info sources`);
    return lines.join('\n');
  },
  langSet: () => 'From now on I answer this group in English (commands in French still get French answers).',
  langUsage: () => 'Send /lang en or /lang fr.',

  replyHint: (p: { n: number }) => `To take #${p.n}, reply "I'll take it"; for a seat on a visit, reply "join".`,
  anonymousSender: () =>
    'You are writing anonymously (as the group), so I cannot tell who you are. To link the group, ask for or take something, write as yourself: in the group settings, turn off "Remain anonymous".',

  whenMissing: (p: { kind: RequestKind }) => `When? e.g. ${EXAMPLE[p.kind]}`,
  whenInvalid: (p: { kind: RequestKind }) => `I can't read that date (or it does not exist). Try e.g. ${EXAMPLE[p.kind]}`,
  whenPast: (p: { kind: RequestKind }) => `That time has already passed. Try e.g. ${EXAMPLE[p.kind]}`,
  whenTooFar: () => 'That is more than a year away. Check the date.',
  timeMissing: (p: { kind: RequestKind }) => `At what time? e.g. ${EXAMPLE[p.kind]}`,
  seatsInvalid: () => 'Seats must be a number from 0 to 8, e.g. "seats 2".',
  itemsMissing: () => 'What should be brought? e.g. /package friday jumper size M, phone without camera',
  // — Reading what people write (#9): dates, assumptions, near-miss commands, reply hints —
  didYouMean: (p: { word: string; suggestion: string }) => `Unknown command /${p.word}. Did you mean /${p.suggestion}? Send /help for the list.`,
  replyHintFor: (p: { n: number; kind: RequestKind; role: 'none' | 'holder' | 'passenger'; driver: boolean; free: number }) => {
    if (p.role === 'holder') return `#${p.n} is yours. To give it back, reply "can't make it" (or send /release ${p.n}).`;
    if (p.role === 'passenger') return `You have a seat on #${p.n}. To give it up, reply "can't make it".`;
    if (p.kind !== 'visit') return `To take #${p.n} on, reply "I'll take it" (or "me").`;
    if (!p.driver) return `To drive #${p.n}, reply "I'll take it"${p.free > 0 ? '; for a seat, reply "I\'m in"' : ''}.`;
    return p.free > 0 ? `#${p.n} has its driver; for a seat, reply "I'm in" (or "me").` : `#${p.n} has its driver and no free seat left.`;
  },
  releaseAsk: (p: { n: number; seat: boolean }) => `Give ${p.seat ? 'your seat on ' : ''}#${p.n} back? Reply "yes" to this message to confirm.`,
  timeMissingOn: (p: { kind: RequestKind; day: When }) =>
    `At what time on ${formatDate('en', p.day)}? e.g. ${EXAMPLE[p.kind].replace('tomorrow', formatDate('en', p.day))}`,
  weekdayMismatch: (p: { kind: RequestKind }) => `That weekday and that date don't match. Check the date, e.g. ${EXAMPLE[p.kind]}`,
  assumed: (p: { n: number; a: AssumptionView }) => {
    const change = (w: When) => `/move ${p.n} ${formatInput('en', w)}`;
    const a = p.a;
    switch (a.code) {
      case 'coming-weekday':
        return `#${p.n}: I took the coming one, ${formatWhen('en', a.at)}. If you meant ${formatDate('en', a.alt)}, send ${change(a.alt)}`;
      case 'day-month':
        return `#${p.n}: I read the date day first: ${formatWhen('en', a.at)}. If you meant ${formatDate('en', a.alt)}, send ${change(a.alt)}`;
      case 'next-week':
        return `#${p.n}: that time has passed today, so I took next week: ${formatWhen('en', a.at)}. Wrong? Send /move ${p.n} with the date.`;
      case 'next-month':
        return `#${p.n}: that day has passed this month, so I took next month: ${formatWhen('en', a.at)}. Wrong? Send /move ${p.n} with the date.`;
      case 'afternoon':
        return `#${p.n}: I read the hour as the afternoon: ${formatWhen('en', a.at)}. Wrong? Send /move ${p.n} with the time.`;
      case 'notified-from':
        return `#${p.n}: no notification time given, so I counted from the earliest plausible one, ${formatWhen('en', a.from)}: deadline ${formatWhen('en', a.at)}. If you know the time, send /move ${p.n} with the deadline.`;
    }
  },

  someone: (p: { tag: string }) => `member ${p.tag}`,

  reminder: (p: {
    request: RequestView;
    card: CentreCardView;
    late: boolean;
    role: ReminderRole;
    others: readonly { name: string; role: ReminderRole }[];
  }) =>
    [
      `${p.late ? '(late) ' : ''}⏰ Reminder — ${head(p.request)}`,
      // At the airport (or a hearing) nobody drives: everyone simply goes.
      p.request.airport || p.request.hearing
        ? `You are going.${p.others.length > 0 ? ` With you: ${joinList('en', p.others.map((o) => o.name))}.` : ''} Asked by ${p.request.requester}.`
        : `You are the ${ON_AS[p.role]}.${p.others.length > 0 ? ` With you: ${joinList('en', p.others.map((o) => `${o.name} (${ON_AS[o.role]})`))}.` : ''} Asked by ${p.request.requester}.`,
      ...[meetingLine(p.request)].filter((x): x is string => x !== undefined),
      ...(p.request.items ? [`To bring: ${p.request.items}`] : []),
      ...practical(p.request),
      ...(p.request.kind === 'visit' && !p.request.hearing && !p.request.airport && p.card.visiting && !p.request.outsideHours ? [`Visiting hours: ${p.card.visiting}`] : []),
      'Still on? Reply OK, or RELEASE if you can no longer do it.',
    ].join('\n'),
  directHello: (p: { n: number }) =>
    `Hello! You took on #${p.n}. I will send your reminders here; answer OK to confirm or RELEASE if you can no longer do it.`,
  confirmed: (p: { r: RequestLabel }) => `👍 Thanks, ${label(p.r)} is confirmed.`,
  noPrompt: () => 'I have nothing waiting for an answer from you. /mine lists your requests.',
  unconfirmed: (p: { r: RequestLabel; who: string }) =>
    `⚠ ${label(p.r)} is not confirmed: ${p.who} has not answered the reminder. Can someone check with them?`,
  unclaimed: (p: { request: RequestView }) => `⚠ Still nobody for this:\n${describe(p.request)}\nReply "I'll take it" to take it on.`,
  unclaimedMany: (p: { requests: readonly RequestView[] }) =>
    ['⚠ Still nobody for these:', ...p.requests.map(line), 'Take one with /claim N, or reply "I\'ll take it" to its post.'].join('\n'),
  releasedToRequester: (p: { r: RequestLabel; by: string }) => `${p.by} released ${label(p.r)}, close to its time. I have posted it again as urgent.`,
  followup: (p: { r: RequestLabel; late: boolean }) =>
    `${p.late ? '(late) ' : ''}How did visit #${p.r.n} on ${formatWhen('en', p.r.when)} go? Send /done ${p.r.n}, or /refused ${p.r.n} followed by the reason if the visit was refused at the door.`,
  refused: (p: { n: number }) => `Noted: visit #${p.n} was refused at the door. Thank you for going.`,
  refusedNotVisit: (p: { n: number }) => `#${p.n} is not a visit.`,
  digest: (p: { today: readonly RequestView[]; tomorrow: readonly RequestView[]; open: readonly RequestView[]; deadlines: readonly RequestView[] }) =>
    [
      '☀ Today and tomorrow',
      ...(p.today.length > 0 ? ['Visits today:', ...p.today.map(line)] : []),
      ...(p.tomorrow.length > 0 ? ['Visits tomorrow:', ...p.tomorrow.map(line)] : []),
      ...(p.deadlines.length > 0 ? ['Deadlines within 48 h:', ...p.deadlines.map(line)] : []),
      ...(p.open.length > 0 ? ['Still open:', ...p.open.map(line)] : []),
    ].join('\n'),
  digestSet: (p: { at: string }) => `Every day at ${p.at} I will post a summary here (only when there is something to say).`,
  digestOff: () => 'Daily summary turned off. /digest 09:00 turns it back on.',
  digestUsage: () => 'Send /digest 08:30 (a local time) or /digest off.',
  moved: (p: { r: RequestLabel }) => `#${p.r.n} now takes place ${formatWhen('en', p.r.when)}. Reminders follow the new time.`,
  placeMoved: (p: { r: RequestLabel; place: string }) => `#${p.r.n}: new meeting point “${p.place}”. Everyone on it is told.`,
  placeMissing: () => 'Give the new meeting point after “meet”, e.g. /move 4 meet 12:30 Calais station',
  placeNotVisit: (p: { n: number }) => `#${p.n} is not a visit: it has no meeting point.`,
  movedDirect: (p: { request: RequestView; was?: When; placeChanged?: boolean; wasPlace?: string; asks: boolean }) =>
    [
      ...(p.was ? [`🕑 New time for ${label(p.request)}: it was ${formatWhen('en', p.was)}.`] : []),
      ...(p.placeChanged ? [`📍 New meeting point for ${label(p.request)}${p.wasPlace ? ` (it was “${p.wasPlace}”)` : ''}.`] : []),
      ...[meetingLine(p.request)].filter((x): x is string => x !== undefined),
      ...(p.asks ? ['Still on? Reply OK, or RELEASE if you can no longer do it.'] : []),
    ].join('\n'),
  moveNotAllowed: (p: { n: number }) => `Only whoever asked for #${p.n} or a coordinator can change its time.`,
  late: () => '(late)',

  buttonDrive: () => 'I\'ll drive',
  buttonSeat: () => 'Take a seat',
  buttonTake: () => 'Take it',
  buttonRelease: () => 'Release',

  alertRemoved: (p: { centre: string }) =>
    `I am no longer in the group linked to ${p.centre} (removed, or the group is gone). I post nothing there and its reminders are stopped. Add me back to the group to resume; nothing is lost (after a long absence the group's data is deleted, and I will warn you before).`,
  alertBack: (p: { centre: string }) => `I am back in the group linked to ${p.centre}: posts and reminders resume.`,
  groupRetentionWarning: (p: { centre: string; until: When; days: number }) =>
    `I have been out of the group linked to ${p.centre} for ${p.days} days. If I am not added back by ${formatWhen('en', p.until)}, the group's data (requests, members, cases) will be deleted for good, so that it does not outlive the group. Add me back to keep it.`,
  groupRetentionShredded: (p: { centre: string }) =>
    `I was not added back to the group linked to ${p.centre}: as announced, its data is now deleted for good. To use Parloir there again, ask the operator for a new link code.`,
  alertRateLimited: () =>
    'The messaging service is slowing the bot down (rate limit). Messages are kept and will go out by themselves; nothing is lost.',
  alertCaptcha: () =>
    'Signal asks the bot to prove it is not spam. An operator must solve the captcha at signalcaptchas.org/challenge/generate and post it to /v1/accounts/<number>/rate-limit-challenge (see docs/signal.md). Messages are kept until then.',
  alertIdentity: (p: { who: string }) =>
    `${p.who}'s safety number changed. I send them nothing sensitive until a coordinator checks it with them and sends /verify.`,
  heldNotice: () =>
    'I have a message for you, but your safety number changed. Ask a coordinator to compare it with you and send /verify; until then I send you nothing sensitive.',
  verified: (p: { who: string }) => `✅ ${p.who}'s new safety number is verified: they get their messages again.`,
  verifyNoMatch: () => 'That safety number matches no member waiting for verification. Read it again in the Signal app (conversation settings → View safety number).',
  verifyNothingHeld: () => 'Nobody in this group is waiting for a safety-number check.',
  verifyNotCoordinator: () => 'Only a coordinator can verify a safety number.',
  verifyUsage: () => 'Send /verify followed by the 60-digit safety number you compared with the member.',
  verifyUnsupported: () => 'Safety numbers are checked on Signal only.',
  alertUnreachable: (p: { who: string }) => `I cannot reach ${p.who} any more (blocked the bot or left). Reminders won't reach them.`,
  directNotStarted: (p: { who: string; link: string }) =>
    `${p.who}, I can't write to you directly yet: open ${p.link} and press Start, so reminders reach you.`,
  // Cases and the legal clock (src/i18n/cases-en.ts)
  ...casesEn,
  // A friend gone missing (src/i18n/missing-en.ts)
  ...missingEn,
  // Deportation flights and the network (src/i18n/flights-en.ts)
  ...flightsEn,
  coordinatorOnly: () => 'Only a coordinator can do that. /coord lists them.',
  wipeAsk: (p: { word: string; minutes: number }) =>
    `This destroys everything Parloir keeps for this group: requests, members, reminders, and the key that opens them. Nothing can bring it back, and the group is unlinked. To confirm, send within ${p.minutes} minutes: /wipe ${p.word}`,
  wipeWrongWord: (p: { word: string; minutes: number }) =>
    `That is not the word I gave: nothing was destroyed. To confirm, send within ${p.minutes} minutes: /wipe ${p.word}`,
  wipeDone: () => 'Done: this group\'s key is destroyed and its records deleted. The group is no longer linked (a coordinator can link it again with a new code).',
  heldRefused: () =>
    'Your safety number changed: until a coordinator has compared it with you (/verify), I do not act on your commands in this group.',
  coordList: (p: { names: readonly string[] }) =>
    p.names.length === 0 ? 'This group has no coordinator.' : `Coordinators: ${joinList('en', p.names)}.`,
  coordUsage: () => 'Send /coord to list the coordinators, /coord add in reply to a member\'s message, or /coord remove.',
  coordAddUsage: () => 'To add a coordinator, reply /coord add to a message of that member (on Signal you can also @-mention them).',
  coordAlready: (p: { who: string }) => `${p.who} is already a coordinator.`,
  coordAdded: (p: { who: string; by: string }) => `${p.who} is now a coordinator (added by ${p.by}).`,
  coordRemoved: (p: { who: string; by: string }) => `${p.who} is no longer a coordinator (removed by ${p.by}).`,
  coordNotOne: (p: { who: string }) => `${p.who} is not a coordinator.`,
  coordLast: () => 'You are the last coordinator: add another one first (/coord add in reply to their message).',
  heldNoCoordinator: (p: { who: string }) =>
    `${p.who}'s safety number changed and no other coordinator can check it; until then they get nothing sensitive. Either someone sends /link with a new code from the operator (and becomes coordinator), or an operator runs \`npx parloir verify\` on the server.`,
  coordNoneLeft: () =>
    'The group has no coordinator any more. Someone can become one by sending /link with a fresh code from the operator (npx parloir invite <centre>).',
  whichGroup: (p: { n: number; command: string; centres: readonly string[] }) =>
    `You have a #${p.n} in several groups (${joinList('en', p.centres)}). Send the command in that group, or add the centre's name, e.g. /${p.command} ${p.n} ${p.centres[0] ?? ''}`,
  aboutCentre: (p: { centre: string; text: string }) => `${p.centre} · ${p.text}`,
  limitRequests: (p: { max: number; windowMs: number }) =>
    `You have asked for ${p.max} requests ${p.windowMs === 3_600_000 ? 'in the last hour' : `within ${formatSpan(p.windowMs)}`}: I am not posting more for now. Try again in a while.`,
  relinked: (p: { who: string; centre: string }) => `Code accepted: ${p.who} is now a coordinator of this group (${p.centre}).`,
} as const;

export type Messages = { readonly [K in keyof typeof en]: (typeof en)[K] };
