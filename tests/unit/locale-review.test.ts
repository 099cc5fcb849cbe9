// The French is reviewed as a whole: every message rendered once with sample values, checked
// for English words, the old inclusive-writing variants and singular/plural slips.

import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { fr } from '../../src/i18n/fr.js';
import type { CaseView, DeadlineView } from '../../src/i18n/case-views.js';
import type { CentreCardView, RequestView } from '../../src/i18n/views.js';

const when = { at: Date.UTC(2026, 11, 1, 13, 0), zone: 'Europe/Paris' };
const view = (seats: number, passengers: string[]): RequestView => ({
  n: 4,
  kind: 'visit',
  state: 'claimed',
  when,
  seats,
  passengers,
  requester: 'Sam',
  claimer: 'Alex',
  place: '12h30 gare de Calais',
  meeting: { place: 'gare de Calais', at: { at: when.at - 5_400_000, zone: when.zone } },
  centre: 'CRA de Test',
  address: '1, rue de l’Essai',
  visitorId: 'Passeport',
});
const deadlineSample: DeadlineView = {
  what: 'placement-contest', at: when, kind: 'deadline', who: ['association', 'lawyer'], article: 'CESEDA L741-10', day: 4,
  check: true, shifted: true, assumed: true, stale: true, lastChecked: '2026-11-23', past: false,
};
const caseSample: CaseView = {
  ref: 'R-12', centre: 'CRA de Test', state: 'open', events: [{ event: 'placement', at: when }], secondMeasure: true, deadlines: [deadlineSample],
  unknown: ['oqtf'], hearings: [{ at: when, place: 'TJ Meaux', requestNumber: 5 }], hasDetails: true, lawyers: [{ n: 6, taker: 'Alex' }, { n: 7 }],
  flight: { departs: when, airport: 'CDG', number: 'AF1234', task: 8 },
};
const card: CentreCardView = {
  name: 'CRA de Test', visiting: '9h–18h', visitorId: 'Passeport', allowed: 'Vêtements', sources: ['test'], replacement: 'CRA de Mérignac',
  sourceNames: [{ name: 'example.org', checked: '2026-11-23' }], links: [{ fact: 'visiting_hours', source: 'https://example.org/page' }],
};

/** Every message of a catalogue rendered with values that fit any of them. */
function renderAll(catalogue: Record<string, (p: never) => string>, seats: number, passengers: string[]): string[] {
  const r = { n: 4, kind: 'visit' as const, when };
  const sample = {
    n: 4, by: 'Alex', left: seats - passengers.length, kind: 'visit', state: 'claimed', request: view(seats, passengers), card, r, who: 'Alex',
    late: true, role: 'driver', others: [{ name: 'Noor', role: 'passenger' }], items: [{ request: view(seats, passengers), role: 'claimer' }],
    requests: [view(seats, passengers)], today: [view(seats, passengers)], tomorrow: [], open: [], deadlines: [], at: '08:30',
    day: when, a: { code: 'coming-weekday', at: when, alt: when },
    // cases (src/i18n/cases-*.ts)
    ref: 'R-12', option: 'placé', change: 'opened', case: caseSample, deadline: deadlineSample, escalate: true, time: when, cases: [{ ref: 'R-12', placed: when, next: deadlineSample }],
    fields: [{ field: 'registeredName', value: 'Zorbanek' }], field: 'registeredName', step: 1, total: 8, first: true, count: 7, outcome: 'transferred', note: 'Lesquin', hearings: [],
    word: 'xyz', max: 2000, names: ['Alex', 'Sam'], was: when, asks: true, command: 'prendre', centre: 'CRA de Test', link: 'https://t.me/ParloirBot?start=x', tag: 'ab12', sources: false,
    centres: ['CRA de Test', 'Centre fermé de Test'], text: 'Noté.', from: 'CRA de Coquelles', until: when, days: 23,
    // /missing (src/i18n/missing-*.ts)
    view: {
      centres: [{ name: 'CRA de Coquelles', abroad: false }, { name: 'CRA de Lille-Lesquin', km: 0, abroad: false }, { name: 'Centre fermé de Bruges', km: 100, abroad: true, phone: '+32 2 488 74 40' }],
      fr: true, be: true, association: 'Association d’Essai', unmatched: true,
    },
    example: 'coquelles',
    // the handed-over record of a package or credit
    record: { handedOver: 'pull, carte 10 €', receipt: 'yes' }, hint: true,
    // flights and the network (src/i18n/flights-*.ts)
    flight: { departs: when, airport: 'CDG', number: 'AF1234' }, meet: when, alerted: when, network: { coordinators: 2, groups: 1 }, fineEur: 1500,
    checked: '2026-11-30', error: 'when-past', on: true,
  };
  return Object.values(catalogue).map((render) => render(sample as never));
}

describe('the French, reviewed as a whole', () => {
  const texts = [...renderAll(fr, 3, ['Noor']), ...renderAll(fr, 1, []), ...renderAll(fr, 2, ['Noor', 'Lou'])];

  it('has no English words in French messages', () => {
    const english = /\b(the|and|seats?|free|request|reply|please|late|nobody|driver|taken|off|none)\b/i;
    expect(texts.filter((t) => english.test(t))).toEqual([]);
  });

  it('uses one inclusive-writing convention (a single middle dot, short suffix)', () => {
    expect(texts.filter((t) => /·se\b|·ses\b|Seul·e la|[A-Za-zé]·[a-z]+·/.test(t))).toEqual([]);
    expect(texts.filter((t) => /\be\.s\b|\(e\)|-e-s\b/.test(t))).toEqual([]);
  });

  it('agrees singular and plural for seats', () => {
    const all = texts.join('\n');
    expect(all).toContain('2 places libres sur 3');
    expect(all).toContain('1 place libre sur 1');
    expect(all).not.toMatch(/\b1 places\b|\b1 libres\b|\b[02-9] place libre\b/);
    expect(all).toContain('Passager·e : Noor');
    expect(all).toContain('Passager·es : Noor et Lou');
  });

  it('English agrees too', () => {
    const all = [...renderAll(en, 3, ['Noor']), ...renderAll(en, 1, [])].join('\n');
    expect(all).toContain('2 of 3 seats free');
    expect(all).toContain('1 of 1 seat free');
    expect(all).not.toMatch(/\b1 seats\b/);
  });
});
