// Builds what the locale files need to describe requests and centres.

import { DateTime } from 'luxon';
import { type Centre, type SourcedFact, withinWindows } from '../core/centres.js';
import type { MemberKey, Request } from '../core/domain.js';
import type { CardFactName, CentreCardView, RequestLabel, RequestView, ReminderRole } from '../i18n/views.js';
import type { ViewContext } from './context.js';
import { airportFlight } from '../cases/flight-tasks.js';
import { isHearingTask } from '../cases/hearing-tasks.js';
import { splitMeeting } from './meeting.js';
import { memberName } from './names.js';

/** With `now` in the context, a lawyer request also shows its hours left. */
export function requestView(ctx: ViewContext & { readonly now?: number }, request: Request, centre: Centre = ctx.centre): RequestView {
  const name = (key: MemberKey) => memberName(ctx, key);
  const card = centre.card;
  const hearing = request.kind === 'visit' && isHearingTask(ctx, request.number);
  const flight = request.kind === 'visit' && !hearing ? airportFlight(ctx, request.number) : undefined;
  // A hearing's attendance task happens at the court, a flight's at the airport: the centre's
  // visiting rules do not apply.
  const visit = request.kind === 'visit' && !hearing && !flight;
  // what may be handed in: packages and credit (a phone or a recharge card goes through the same door)
  const allowed = request.kind === 'package' || request.kind === 'credit' ? card.allowed_items?.value : undefined;
  const meeting = visit && request.place ? splitMeeting(request.place, request.dueAt, centre.timezone) : undefined;
  const hours = card.visiting_hours;
  const pending = request.kind === 'lawyer' && (request.state === 'open' || request.state === 'claimed');
  const hoursLeft = pending && ctx.now !== undefined && request.dueAt > ctx.now ? Math.floor((request.dueAt - ctx.now) / 3_600_000) : undefined;
  const outside = visit && hours?.windows ? !withinWindows(hours.windows, minuteOfDay(request.dueAt, centre.timezone)) : false;
  return {
    n: request.number,
    kind: request.kind,
    state: request.state,
    when: { at: request.dueAt, zone: centre.timezone },
    seats: request.seats,
    passengers: request.passengers.map(name),
    requester: name(request.requester),
    ...(request.claimer ? { claimer: name(request.claimer) } : {}),
    ...(request.place ? { place: request.place } : {}),
    ...(meeting ? { meeting: { place: meeting.place, ...(meeting.at !== undefined ? { at: { at: meeting.at, zone: centre.timezone } } : {}) } } : {}),
    ...(request.items ? { items: request.items } : {}),
    ...(request.detainee ? { detainee: request.detainee } : {}),
    ...(request.note ? { note: request.note } : {}),
    centre: centre.name,
    ...(allowed ? { allowed } : {}),
    ...(request.kind !== 'lawyer' && !hearing && !flight && card.address ? { address: card.address.value } : {}),
    ...(visit && card.visitor_id ? { visitorId: card.visitor_id.value } : {}),
    ...(outside && hours ? { outsideHours: hours.value } : {}),
    ...(hearing ? { hearing: true } : {}),
    ...(flight ? { airport: flight } : {}),
    ...(hoursLeft !== undefined ? { hoursLeft } : {}),
    ...(request.handedOver ? { handedOver: request.handedOver } : {}),
    ...(request.receipt ? { receipt: request.receipt } : {}),
  };
}

/** Enough to name a request in one line: its number, kind and time. */
export function requestLabel(ctx: ViewContext, request: Pick<Request, 'number' | 'kind' | 'dueAt'>): RequestLabel {
  return { n: request.number, kind: request.kind, when: { at: request.dueAt, zone: ctx.centre.timezone } };
}

/** What a member does on a request: the claimer's role follows the kind; anyone else has a seat. */
export function reminderRole(request: Request, member: MemberKey): ReminderRole {
  if (request.claimer !== member) return 'passenger';
  return request.kind === 'visit' ? 'driver' : request.kind === 'package' || request.kind === 'credit' ? 'courier' : 'contact';
}

/** The others on a request, each with their role, for a member's reminder. */
export function companions(ctx: ViewContext, request: Request, member: MemberKey): { name: string; role: ReminderRole }[] {
  const people = [...(request.claimer ? [request.claimer] : []), ...request.passengers].filter((key) => key !== member);
  return people.map((key) => ({ name: memberName(ctx, key), role: reminderRole(request, key) }));
}

export function centreCard(centre: Centre): CentreCardView {
  const card = centre.card;
  const entries = [...Object.entries(card), ...(centre.replacement ? [['replacement', centre.replacement] as const] : [])] as [CardFactName, SourcedFact][];
  const facts = entries.map(([, fact]) => fact);
  const sources = [...new Set(facts.map((f) => f.source))];
  const lastChecked = facts.map((f) => f.lastChecked).sort().at(-1);
  const names = new Map<string, string>();
  for (const fact of facts) {
    const name = shortSource(fact.source);
    const checked = names.get(name);
    if (!checked || fact.lastChecked > checked) names.set(name, fact.lastChecked);
  }
  return {
    name: centre.name,
    ...(centre.replacement ? { replacement: centre.replacement.value } : {}),
    sourceNames: [...names].map(([name, checked]) => ({ name, checked })),
    links: entries.map(([fact, f]) => ({ fact, source: f.source })),
    ...(card.address ? { address: card.address.value } : {}),
    ...(card.visiting_hours ? { visiting: card.visiting_hours.value } : {}),
    ...(card.visitor_id ? { visitorId: card.visitor_id.value } : {}),
    ...(card.allowed_items ? { allowed: card.allowed_items.value } : {}),
    ...(card.phone ? { phone: card.phone.value } : {}),
    ...(card.association ? { association: card.association.value } : {}),
    ...(lastChecked ? { lastChecked } : {}),
    sources,
  };
}

/** "https://www.cglpl.fr/2024/…" → "cglpl.fr"; a source without a link keeps its first words. */
function shortSource(source: string): string {
  const url = /https?:\/\/([^/\s)]+)/.exec(source);
  if (url) return (url[1] ?? '').replace(/^www\./, '');
  return source.split(/[(,;]/)[0]?.trim().slice(0, 40) ?? source;
}

function minuteOfDay(at: number, zone: string): number {
  const local = DateTime.fromMillis(at, { zone });
  return local.hour * 60 + local.minute;
}
