// Which requests of a group are the airport task of a case's flight (a 'visit' attached to a case
// as 'airport'), and that flight: they are shown at the airport, with the flight, without the
// centre's visiting rules. The flight is read when shown, so a changed flight is never stale.

import type { ViewContext } from '../commands/context.js';
import type { FlightView } from '../i18n/views.js';

/** One query per group per view context: a /list describes many requests at once. */
const seen = new WeakMap<ViewContext, ReadonlySet<number>>();

export function airportFlight(ctx: ViewContext, number: number): FlightView | undefined {
  let numbers = seen.get(ctx);
  if (!numbers) seen.set(ctx, (numbers = new Set(ctx.store.cases.requestNumbers(ctx.group.id, 'airport'))));
  if (!numbers.has(number)) return undefined;
  const attached = ctx.store.cases.caseOfRequest(ctx.group.id, number);
  const flight = attached ? ctx.store.flights.get(ctx.group.id, attached.caseId) : undefined;
  if (!flight) return undefined;
  return { departs: { at: flight.departsAt, zone: ctx.centre.timezone }, airport: flight.airport, ...(flight.number ? { number: flight.number } : {}) };
}
