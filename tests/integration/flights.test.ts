// Deportation-flight alerts and the network opt-in (#16) through the real engine: three groups
// of one instance (real SQLite file, real libsodium, the local transport, a manual clock).
// A follows the test centre in French and has the case; B follows "CRA de la Fiche" in English
// and opts in; C follows a Belgian centre in French and opts in only later.

import { afterEach, describe, expect, it } from 'vitest';
import { chatAddress } from '../../src/core/ids.js';
import { type Harness, parisTime, startHarness } from '../support/harness.js';

const B = chatAddress('local', 'fiche-group');
const C = chatAddress('local', 'bxl-group');
const bot = (h: Harness) => h.local.messages.filter((m) => m.from === 'bot');
const textsTo = (h: Harness, to: string) => bot(h).filter((m) => m.to === to).map((m) => m.text);
const dm = (member: string) => `local:${member}`;

async function say(h: Harness, member: string, text: string, options: { group?: string; replyTo?: number } = {}): Promise<string> {
  await h.local.say(member, text, options);
  await h.settle();
  const chat = options.group ? chatAddress('local', options.group) : h.local.chat;
  return textsTo(h, chat).at(-1) ?? '';
}

async function threeGroups(): Promise<Harness> {
  const h = await startHarness({ now: parisTime('2026-11-23T10:00') });
  await h.link('sam');
  for (const [member, centre, group, word] of [
    ['lou', 'card-centre', 'fiche-group', '/link'],
    ['una', 'other-centre', 'bxl-group', '/lier'],
  ] as const) {
    const { code } = h.store.write(() => h.store.invites.create(centre, h.clock.now()));
    await h.local.say(member, `${word} ${code}`, { group });
  }
  await h.settle();
  // Case R-12 in A, with details that must never leave A.
  await say(h, 'sam', '/dossier R-12 placé 22/11 9h30');
  await h.local.say('sam', '/details R-12', { direct: true });
  await h.local.say('sam', 'Zorbanek Ilyas', { direct: true });
  await h.local.say('sam', 'stop', { direct: true });
  await h.settle();
  return h;
}

const groupOf = (h: Harness, chat = h.local.chat) => h.store.groups.findByChat(chat)!;

/** A fresh code for the same centre makes the sender a coordinator of that group too. */
async function relink(h: Harness, member: string, centre: string, group: string): Promise<void> {
  const { code } = h.store.write(() => h.store.invites.create(centre, h.clock.now()));
  await say(h, member, `/link ${code}`, { group });
  expect(h.store.members.coordinators(groupOf(h, chatAddress('local', group)).id).map((m) => m.address)).toContain(`local:${member}`);
}

describe('/network', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('is a coordinator\'s group setting, answered in the command\'s language', async () => {
    h = await threeGroups();
    const b = groupOf(h, B);
    expect(await say(h, 'lou', '/network', { group: 'fiche-group' })).toContain('does not receive the other groups\' flight alerts');
    await h.local.say('kim', 'hello', { group: 'fiche-group' });
    expect(await say(h, 'kim', '/network on', { group: 'fiche-group' })).toBe('Only a coordinator can do that. /coord lists them.');
    expect(h.store.groups.inNetwork(b.id)).toBe(false);
    expect(await say(h, 'lou', '/network on', { group: 'fiche-group' })).toMatch(/^This group's coordinators now receive, by direct message/);
    expect(h.store.groups.inNetwork(b.id)).toBe(true);
    expect(await say(h, 'lou', '/reseau non', { group: 'fiche-group' })).toMatch(/^Les référent·es de ce groupe ne reçoivent plus/);
    expect(h.store.groups.inNetwork(b.id)).toBe(false);
  });
});

describe('/flight', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('alerts the case\'s group and the opted-in coordinators once, each in their language, with the legal-risk line', async () => {
    h = await threeGroups();
    await say(h, 'lou', '/network on', { group: 'fiche-group' });
    // Sam coordinates B too: already in the case's group, Sam gets no direct message.
    await relink(h, 'sam', 'card-centre', 'fiche-group');
    const seenA = textsTo(h, h.local.chat).length;
    const seen = bot(h).length;

    // A plain member learns of the flight.
    await h.local.say('noor', 'salut');
    await say(h, 'noor', '/vol R-12 25/11 7h15 CDG AF1234');
    const inA = textsTo(h, h.local.chat).slice(seenA);
    expect(inA).toHaveLength(3); // the alert and the two tasks' posts
    const alert = inA[0]!;
    expect(alert.split('\n')[0]).toBe('✈ URGENT — vol d’expulsion pour R-12 : mer. 25 nov. à 07h15 depuis CDG, vol AF1234.');
    expect(alert).toContain('1. Prévenir l’avocat·e maintenant : #1');
    expect(alert).toContain('2. Aller à l’aéroport : #2, à l’enregistrement dès 05h15.');
    expect(alert).toContain('demander à l’équipage que le commandant de bord fasse débarquer la personne. S’adresser à l’équipage, pas aux policiers d’escorte.');
    expect(alert).toContain('⚠ Risque pour les passager·es : des personnes qui l’ont fait ont été débarquées, retenues des heures, poursuivies, condamnées à une amende (1\u202f500\u00a0€) et interdites de vol par la compagnie.');
    expect(alert).toContain('pas un conseil juridique');
    expect(alert).toContain('Envoyé aussi à 1 référent·e de 1 autre groupe');
    expect(inA[1]).toMatch(/^#1 Avocat — échéance mer\. 25 nov\. à 07h15 \(reste 45 h\) — CRA de Test/);
    expect(inA[2]).toMatch(/^#2 Aéroport — mer\. 25 nov\. à 05h15 — CDG, vol AF1234, départ mer\. 25 nov\. à 07h15\n/);
    expect(inA[2]).not.toContain('Heures de visite');

    const a = groupOf(h);
    const record = h.store.cases.findOpen(a.id, 'R-12')!;
    expect(h.store.cases.requestsOf(a.id, record.id, 'lawyer')).toEqual([1]);
    expect(h.store.cases.requestsOf(a.id, record.id, 'airport')).toEqual([2]);
    expect(h.store.requests.get(a.id, 2)).toMatchObject({ kind: 'visit', seats: 8, dueAt: parisTime('2026-11-25T05:15') });

    // B's coordinator, in English; C (not opted in) and A's own members get nothing privately.
    const toLou = textsTo(h, dm('lou'));
    expect(toLou).toHaveLength(1);
    expect(toLou[0]!.split('\n')[0]).toBe(
      '✈ Network alert — a deportation flight, from the group following CRA de Test: case R-12, Wed 25 Nov, 07:15 from CDG, flight AF1234.',
    );
    expect(toLou[0]).toContain('ask the crew to have the captain disembark the person. Speak to the crew, not to the escorting police.');
    expect(toLou[0]).toContain('⚠ Risk for passengers: people who did this have been taken off the plane, held for hours, prosecuted, fined (€1,500) and banned by the airline.');
    const after = bot(h).slice(seen);
    expect(after.filter((m) => m.to === C || m.to === dm('una') || m.to === dm('sam') || m.to === dm('noor') || m.to === B)).toEqual([]);
    // Nothing of the case's details leaves anywhere; nothing but the alert reaches B's side.
    expect(after.map((m) => m.text).join('\n')).not.toContain('Zorbanek');

    // The same flight again: nobody is alerted twice, no new task.
    const total = bot(h).length;
    const repeat = await say(h, 'sam', '/flight R-12 2026-11-25 07:15 cdg af 1234');
    expect(repeat).toMatch(/^This flight of R-12 \(Wed 25 Nov, 07:15 from CDG, flight AF1234\) was already alerted on Mon 23 Nov, 10:00: nothing sent again\./);
    expect(bot(h).length).toBe(total + 1);
    expect(h.store.cases.requestsOf(a.id, record.id, 'airport')).toEqual([2]);
    // The case's view shows it.
    expect(await say(h, 'noor', '/dossier R-12')).toContain('\n✈ Vol d’expulsion : mer. 25 nov. à 07h15 depuis CDG, vol AF1234 (aéroport : #2)\n');
  });

  it('alerts again when the flight changes, saying what changed; the tasks follow and joiners are reminded before it', async () => {
    h = await threeGroups();
    await say(h, 'lou', '/network on', { group: 'fiche-group' });
    await say(h, 'sam', '/vol R-12 25/11 7h15 CDG AF1234');
    const airportPost = h.local.messages.filter((m) => m.from === 'bot' && m.text.startsWith('#2 Aéroport')).at(-1)!;
    await say(h, 'mia', 'je viens', { replyTo: airportPost.number });
    expect(textsTo(h, h.local.chat)).toContain('✅ #2 : Mia prend une place (7 places libres).');
    // C opts in now: it gets the next alert, in French.
    await say(h, 'una', '/reseau oui', { group: 'bxl-group' });
    // Lou coordinates C as well: one message for Lou, not one per group.
    await relink(h, 'lou', 'other-centre', 'bxl-group');

    const seenA = textsTo(h, h.local.chat).length;
    await say(h, 'sam', '/vol R-12 25/11 9h40 ORY AF1236');
    const alert = textsTo(h, h.local.chat)[seenA]!;
    expect(alert.split('\n').slice(0, 2)).toEqual([
      '✈ URGENT — vol d’expulsion pour R-12 : mer. 25 nov. à 09h40 depuis ORY, vol AF1236.',
      'Changement : le départ était mer. 25 nov. à 07h15, l’aéroport était CDG, le vol était AF1234.',
    ]);
    expect(alert).toContain('Envoyé aussi à 2 référent·es de 2 autres groupes');
    expect(textsTo(h, dm('lou'))).toHaveLength(2);
    expect(textsTo(h, dm('lou')).at(-1)!.split('\n')[1]).toBe('Changed: departure was Wed 25 Nov, 07:15, airport was CDG, flight was AF1234.');
    const toUna = textsTo(h, dm('una'));
    expect(toUna).toHaveLength(1);
    expect(toUna[0]).toMatch(/^✈ Alerte réseau — un vol d’expulsion, signalé par le groupe qui suit CRA de Test : dossier R-12, mer\. 25 nov\. à 09h40 depuis ORY, vol AF1236\.\nChangement : /);
    expect(toUna[0]).toContain('1\u202f500\u00a0€');

    // The same tasks, at the new times; Mia is told in private and asked to confirm.
    const a = groupOf(h);
    expect(h.store.requests.get(a.id, 1)?.dueAt).toBe(parisTime('2026-11-25T09:40'));
    expect(h.store.requests.get(a.id, 2)?.dueAt).toBe(parisTime('2026-11-25T07:40'));
    expect(textsTo(h, dm('mia')).at(-1)).toMatch(/^🕑 Nouvel horaire|^🕑/);

    // Reminders reach the joiner before the flight (24 h and 2 h before the meeting time), though nobody "drives".
    h.clock.set(parisTime('2026-11-24T07:41'));
    h.service.scheduler.tick();
    await h.settle();
    const first = textsTo(h, dm('mia')).at(-1)!;
    expect(first).toMatch(/^⏰ Rappel — #2 Aéroport — mer\. 25 nov\. à 07h40 — ORY, vol AF1236, départ mer\. 25 nov\. à 09h40/);
    expect(first).not.toContain('Heures de visite');
    expect(first.split('\n')[1]).toBe('Tu y vas. Demandé par Sam.'); // nobody "drives" to the airport
    h.clock.set(parisTime('2026-11-25T05:41'));
    h.service.scheduler.tick();
    await h.settle();
    expect(textsTo(h, dm('mia')).at(-1)).toMatch(/^⏰ Rappel — #2 Aéroport/);
    expect(textsTo(h, dm('mia')).filter((t) => t.includes('⏰'))).toHaveLength(2);
  });

  it('is closed by /case R-12 deported: the flight\'s tasks cancelled, their reminders gone', async () => {
    h = await threeGroups();
    await say(h, 'sam', '/vol R-12 25/11 7h15 CDG AF1234');
    await say(h, 'mia', '/rejoindre 2');
    await say(h, 'lea', '/prendre 1');
    // Nobody drives to the airport: taking the task is "taking it on", and its button says so.
    await say(h, 'kim', '/prendre 2');
    expect(textsTo(h, h.local.chat)).toContain('✅ #2 : Kim s’en charge.');
    const card = bot(h).filter((m) => m.text.startsWith('#2 Aéroport')).at(0)!;
    expect(card.buttons).toEqual(['Je prends', 'Je viens']);
    const a = groupOf(h);
    expect(h.store.schedule.pending(a.id, 2).filter((j) => j.kind === 'remind')).toHaveLength(4);
    // No "how did the visit go?" after the airport.
    expect(h.store.schedule.pending(a.id, 2).map((j) => j.kind)).not.toContain('followup');
    expect(h.store.schedule.pending(a.id, 1).length).toBeGreaterThan(0);

    await say(h, 'sam', '/dossier R-12 expulsé');
    for (const n of [1, 2]) {
      expect(h.store.requests.get(a.id, n)?.state).toBe('cancelled');
      expect(h.store.schedule.pending(a.id, n)).toEqual([]);
    }
    h.clock.set(parisTime('2026-11-25T06:00'));
    h.service.scheduler.tick();
    await h.settle();
    expect(textsTo(h, dm('mia')).some((t) => t.includes('⏰'))).toBe(false);
  });

  it('follows its case on a transfer: the new group gets the flight and the airport task open; who joined it in the old group is told and released', async () => {
    h = await threeGroups();
    await say(h, 'lou', '/network on', { group: 'fiche-group' });
    await say(h, 'sam', '/vol R-12 25/11 7h15 CDG AF1234');
    await say(h, 'lea', '/prendre 1'); // the lawyer task, taken: it stays with Lea
    await say(h, 'kim', '/prendre 2');
    await say(h, 'mia', '/rejoindre 2');
    const a = groupOf(h);
    const b = groupOf(h, B);
    const seenB = textsTo(h, B).length;
    const alertsToLou = textsTo(h, dm('lou')).length;

    expect(await say(h, 'sam', '/dossier R-12 transféré fiche')).toBe(
      '📁 Dossier R-12 transféré au CRA de la Fiche : le groupe qui suit ce centre le reprend, avec ses délais et 1 tâche ouverte. Ses rappels ici sont arrêtés.',
    );
    // The old group: the airport task cancelled with its reminders; Kim and Mia told in private.
    expect(h.store.requests.get(a.id, 2)?.state).toBe('cancelled');
    expect(h.store.schedule.pending(a.id, 2)).toEqual([]);
    for (const member of ['kim', 'mia']) {
      expect(textsTo(h, dm(member)).at(-1)).toBe(
        '📁 Le dossier R-12 est transféré au CRA de la Fiche : la tâche #2, sur laquelle tu étais, est partie avec lui au groupe qui suit ce centre. Tu en es libéré·e ; merci.',
      );
    }
    expect(h.store.requests.get(a.id, 1)).toMatchObject({ state: 'claimed' });

    // The new group: the flight, and the airport task open, nobody on it, at the same time.
    const moved = h.store.cases.findOpen(b.id, 'R-12')!;
    const flight = h.store.flights.get(b.id, moved.id)!;
    expect([flight.departsAt, flight.airport, flight.number, flight.tasks]).toEqual([parisTime('2026-11-25T07:15'), 'CDG', 'AF1234', { airport: 1 }]);
    expect(h.store.cases.requestsOf(b.id, moved.id, 'airport')).toEqual([1]);
    const task = h.store.requests.get(b.id, 1)!;
    expect([task.kind, task.state, task.dueAt, task.seats, task.claimer, task.passengers]).toEqual(['visit', 'open', parisTime('2026-11-25T05:15'), 8, undefined, []]);
    const inB = textsTo(h, B).slice(seenB);
    expect(inB).toHaveLength(3); // arrival, the case, the airport task's post
    expect(inB[1]).toContain('\n✈ Deportation flight: Wed 25 Nov, 07:15 from CDG, flight AF1234 (airport: #1)');
    expect(inB[2]).toMatch(/^#1 Airport — Wed 25 Nov, 05:15 — CDG, flight AF1234, departs Wed 25 Nov, 07:15\n/);
    // Nothing about the old group's people or the case's details reaches it.
    for (const word of ['Kim', 'Mia', 'Lea', 'Zorbanek']) expect(inB.join('\n')).not.toContain(word);
    expect(await say(h, 'lou', '/case R-12', { group: 'fiche-group' })).toContain('(airport: #1)');

    // Already alerted: the network is not alerted again, neither by the transfer nor by the same flight.
    expect(textsTo(h, dm('lou'))).toHaveLength(alertsToLou);
    expect(await say(h, 'lou', '/flight R-12 2026-11-25 07:15 CDG AF1234', { group: 'fiche-group' })).toMatch(/^This flight of R-12 .* was already alerted on Mon 23 Nov, 10:00/);

    // Whoever joins it in the new group is reminded; the released are not.
    await say(h, 'ana', '/join 1', { group: 'fiche-group' });
    h.clock.set(parisTime('2026-11-24T05:16'));
    h.service.scheduler.tick();
    await h.settle();
    expect(textsTo(h, dm('ana')).at(-1)).toMatch(/^⏰ Reminder — #1 Airport/);
    for (const member of ['kim', 'mia']) expect(textsTo(h, dm(member)).some((t) => t.includes('⏰'))).toBe(false);
  });

  it('refuses impossible input with a short answer in the command\'s language, and alerts nobody', async () => {
    h = await threeGroups();
    await say(h, 'lou', '/network on', { group: 'fiche-group' });
    const cases: [string, string][] = [
      ['/vol', 'Envoie /vol R-12 03/12 7h15 CDG AF1234 (référence du dossier, date et heure du départ, code de l’aéroport, numéro de vol si connu). Jamais de nom.'],
      ['/flight Jean 2026-11-25 07:15 CDG', 'Send /flight R-12 2026-12-03 07:15 CDG AF1234 (case reference, departure date and time, airport code, flight number if known). Never a name.'],
      ['/vol R-12 CDG AF1234', 'Quand part-il (date et heure) ? ex. /vol R-12 03/12 7h15 CDG AF1234'],
      ['/vol R-12 25/11 CDG', 'Quand part-il (date et heure) ? ex. /vol R-12 03/12 7h15 CDG AF1234'],
      ['/vol R-12 20/11 7h15 CDG', 'Cette heure de départ est déjà passée. ex. /vol R-12 03/12 7h15 CDG AF1234'],
      ['/vol R-12 31/11 7h15 CDG', 'Je n’arrive pas à lire cette date (ou elle n’existe pas). ex. /vol R-12 03/12 7h15 CDG AF1234'],
      ['/vol R-12 25/11 7h15', 'Depuis quel aéroport ? Donne son code à 3 lettres (CDG, ORY, LYS, BRU…), ex. /vol R-12 03/12 7h15 CDG AF1234'],
      ['/flight R-12 2026-11-25 07:15 Paris', '"Paris" is not an airport code: give its 3 letters (CDG, ORY, LYS, BRU…).'],
      ['/flight R-12 2026-11-25 07:15 CDG AFR12345', '"AFR12345" is not a flight number (e.g. AF1234). Leave it out if you don\'t know it.'],
      ['/vol R-12 25/11 7h15 CDG AF1234 escorte', 'Je ne comprends pas « escorte » ici. ex. /vol R-12 03/12 7h15 CDG AF1234'],
      ['/vol R-99 25/11 7h15 CDG', 'Il n’y a pas de dossier ouvert R-99. Pour l’ouvrir : /dossier R-99 placé 28/11 9h30'],
    ];
    for (const [text, expected] of cases) expect(await say(h, 'sam', text), text).toBe(expected);
    const a = groupOf(h);
    expect(h.store.requests.active(a.id)).toEqual([]);
    expect(textsTo(h, dm('lou'))).toEqual([]);
    // A direct chat is not the place.
    await h.local.say('sam', '/vol R-12 25/11 7h15 CDG', { direct: true });
    await h.settle();
    expect(textsTo(h, dm('sam')).at(-1)).toBe('Envoie cette commande dans le groupe de ton collectif, pas ici.');
  });
});
