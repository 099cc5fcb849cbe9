// English texts for deportation-flight alerts and the network opt-in (#16), merged into en.ts.
// This object defines the FlightMessages type: flights-fr.ts must provide every key with the same
// parameters. The facts' figures and sources are data (config/flight-alert.yaml).

import type { WhenError } from '../commands/when.js';
import { formatTime, formatWhen, type When } from './format.js';
import type { FlightChangeView, FlightView } from './views.js';

const EXAMPLE = '/flight R-12 2026-12-03 07:15 CDG AF1234';

/** "Thu 3 Dec, 07:15 from CDG, flight AF1234" */
export function flightText(f: FlightView): string {
  return `${formatWhen('en', f.departs)} from ${f.airport}${f.number ? `, flight ${f.number}` : ''}`;
}

function changeText(c: FlightChangeView): string {
  const parts = [
    ...(c.departs ? [`departure was ${formatWhen('en', c.departs)}`] : []),
    ...(c.airport ? [`airport was ${c.airport}`] : []),
    ...(c.number ? [`flight was ${c.number}`] : []),
  ];
  return `Changed: ${parts.join(', ')}.`;
}

/** What every alert carries after the flight: passengers, the risk they take, where it comes from. */
function facts(p: { fineEur: number; checked: string }): string[] {
  return [
    'What passengers can do: ask the crew to have the captain disembark the person. Speak to the crew, not to the escorting police.',
    `⚠ Risk for passengers: people who did this have been taken off the plane, held for hours, prosecuted, fined (€${String(p.fineEur).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}) and banned by the airline. Each passenger decides for themselves.`,
    `(From collectives' guides and the press, checked ${p.checked}: information, not legal advice.)`,
  ];
}

export const flightsEn = {
  flightUsage: () => `Send ${EXAMPLE} (case reference, departure date and time, airport code, flight number if known). Never a name.`,
  flightWhen: (p: { error: WhenError }): string =>
    p.error === 'when-past'
      ? `That departure time has already passed. e.g. ${EXAMPLE}`
      : p.error === 'when-too-far'
        ? 'That departure is more than a year away: check the date.'
        : p.error === 'when-missing' || p.error === 'time-missing'
          ? `When does it leave (date and time)? e.g. ${EXAMPLE}`
          : `I can't read that date (or it does not exist). e.g. ${EXAMPLE}`,
  flightAirportMissing: () => `From which airport? Give its 3-letter code (CDG, ORY, LYS, BRU…), e.g. ${EXAMPLE}`,
  flightAirportInvalid: (p: { word: string }) => `"${p.word}" is not an airport code: give its 3 letters (CDG, ORY, LYS, BRU…).`,
  flightNumberInvalid: (p: { word: string }) => `"${p.word}" is not a flight number (e.g. AF1234). Leave it out if you don't know it.`,
  flightUnknownWord: (p: { word: string }) => `I don't understand "${p.word}" here. e.g. ${EXAMPLE}`,

  flightAlert: (p: {
    ref: string;
    flight: FlightView;
    change?: FlightChangeView;
    lawyer?: number;
    airport?: number;
    meet: When;
    network: { coordinators: number; groups: number };
    fineEur: number;
    checked: string;
  }) =>
    [
      `✈ URGENT — deportation flight for ${p.ref}: ${flightText(p.flight)}.`,
      ...(p.change ? [changeText(p.change)] : []),
      ...(p.lawyer !== undefined ? [`1. Tell the lawyer now: #${p.lawyer} — reply "I'll take it".`] : []),
      ...(p.airport !== undefined
        ? [`2. Go to the airport: #${p.airport}, at the check-in from ${formatTime('en', p.meet)}. Anyone can come: reply "join". Two or three people talking calmly to passengers are enough.`]
        : []),
      ...facts(p),
      p.network.coordinators > 0
        ? `Also sent to ${p.network.coordinators} coordinator${p.network.coordinators === 1 ? '' : 's'} of ${p.network.groups} other group${p.network.groups === 1 ? '' : 's'} (reference, airport, time and flight: never a name).`
        : 'No other group receives flight alerts yet (a coordinator there turns it on with /network on).',
    ].join('\n'),
  flightRepeat: (p: { ref: string; flight: FlightView; alerted: When }) =>
    `This flight of ${p.ref} (${flightText(p.flight)}) was already alerted on ${formatWhen('en', p.alerted)}: nothing sent again. If it changes, send /flight ${p.ref} with the new date, time or airport.`,
  flightNetwork: (p: { ref: string; from: string; flight: FlightView; change?: FlightChangeView; fineEur: number; checked: string }) =>
    [
      `✈ Network alert — a deportation flight, from the group following ${p.from}: case ${p.ref}, ${flightText(p.flight)}.`,
      ...(p.change ? [changeText(p.change)] : []),
      'If people of your collective can go to the airport, pass it on: two or three people at the check-in talking calmly to passengers are enough.',
      ...facts(p),
      'You get this because your group turned on /network (/network off stops it).',
    ].join('\n'),
  flightLawyerNote: () => 'deportation flight booked (the deadline is its departure): tell the lawyer now',

  networkOn: () =>
    'This group\'s coordinators now receive, by direct message, the deportation-flight alerts of the other groups of this Parloir (reference, airport, time and flight: never a name). /network off stops it.',
  networkOff: () => 'This group\'s coordinators no longer receive the other groups\' flight alerts. /network on turns them back on.',
  networkStatus: (p: { on: boolean }): string =>
    p.on
      ? 'This group receives the other groups\' flight alerts (coordinators, by direct message). /network off stops it.'
      : 'This group does not receive the other groups\' flight alerts. /network on: its coordinators get them by direct message.',
} as const;

export type FlightMessages = { readonly [K in keyof typeof flightsEn]: (typeof flightsEn)[K] };
