// Builds what the locale files need to describe requests and centres.

import type { Centre } from '../core/centres.js';
import type { MemberKey, Request } from '../core/domain.js';
import type { CentreCardView, RequestView } from '../i18n/views.js';
import type { ViewContext } from './context.js';
import { memberName } from './names.js';

export function requestView(ctx: ViewContext, request: Request, centre: Centre = ctx.centre): RequestView {
  const name = (key: MemberKey) => memberName(ctx, key);
  const allowed = request.kind === 'package' ? centre.card.allowed_items?.value : undefined;
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
    ...(request.items ? { items: request.items } : {}),
    ...(request.detainee ? { detainee: request.detainee } : {}),
    ...(request.note ? { note: request.note } : {}),
    centre: centre.name,
    ...(allowed ? { allowed } : {}),
  };
}

export function centreCard(centre: Centre): CentreCardView {
  const card = centre.card;
  const facts = Object.values(card);
  const sources = [...new Set(facts.map((f) => f.source))];
  const lastChecked = facts.map((f) => f.lastChecked).sort().at(-1);
  return {
    name: centre.name,
    ...(card.address ? { address: card.address.value } : {}),
    ...(card.visiting_hours ? { visiting: card.visiting_hours.value } : {}),
    ...(card.visitor_id ? { visitorId: card.visitor_id.value } : {}),
    ...(card.allowed_items ? { allowed: card.allowed_items.value } : {}),
    ...(card.phone ? { phone: card.phone.value } : {}),
    ...(lastChecked ? { lastChecked } : {}),
    sources,
  };
}
