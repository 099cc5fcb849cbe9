// Need-to-know details: given in a direct chat, sealed under the case's key, revealed only to
// the claimer of the case's lawyer request (once per request) and to a coordinator who asks.

import { afterEach, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../src/engine/housekeeping.js';
import { contains, rawBytes } from '../support/raw-scan.js';
import { type Harness, startHarness } from '../support/harness.js';

const groupBot = (h: Harness) => h.local.messages.filter((m) => m.from === 'bot' && m.to === h.local.chat).map((m) => m.text);
const dms = (h: Harness, member: string) => h.local.messages.filter((m) => m.from === 'bot' && m.to === `local:${member}`).map((m) => m.text);

async function say(h: Harness, member: string, text: string, direct = false): Promise<string> {
  await h.local.say(member, text, { direct });
  await h.settle();
  return (direct ? dms(h, member) : groupBot(h)).at(-1) ?? '';
}

// Invented values, distinctive enough to be found by a raw scan if they leaked.
const ANSWERS = ['Zorbanek Ilyas', 'Ruritanienne', '03/04/1991', 'XK-448812', 'ourdou', '12/11/2026 gare Quillimarville', 'passeport Ruritanie', 'Quillimar'];

describe('/details', () => {
  let h: Harness;
  afterEach(async () => h.close());

  async function caseWithDetails(): Promise<void> {
    await h.link('sam'); // sam is the coordinator
    await say(h, 'sam', '/dossier R-12 placé 22/11 9h30');
    await say(h, 'alex', '/details R-12'); // alex is known in the group
    expect(await say(h, 'noor', '/details R-12')).toContain('en message privé');
    const first = await say(h, 'noor', '/details R-12', true);
    expect(first).toContain('(1/8) Nom exactement comme le centre l’a enregistré');
    for (const [i, value] of ANSWERS.entries()) {
      const reply = await say(h, 'noor', i === 4 ? '-' : value, true);
      if (i < ANSWERS.length - 1) expect(reply).toMatch(new RegExp(`^\\(${i + 2}/8\\)`));
      else expect(reply).toMatch(/^✅ 7 élément\(s\) pour R-12 enregistré\(s\) et scellé\(s\)/);
    }
  }

  it('reveals to the claimer of the case\'s lawyer request only, once per request, and to a coordinator who asks', async () => {
    h = await startHarness();
    await caseWithDetails();
    expect(await say(h, 'alex', '/details R-12 voir', true)).toContain('Seule la personne qui a pris la demande d’avocat·e');
    await say(h, 'sam', '/avocat R-12');
    await say(h, 'alex', '/prendre 1');

    const revealed = await say(h, 'alex', '/details R-12 voir', true);
    expect(revealed.split('\n')).toEqual([
      '🔒 Éléments du dossier R-12 (ne pas transférer ; cette lecture est enregistrée) :',
      'Nom enregistré : Zorbanek Ilyas',
      'Nationalité (enregistrée) : Ruritanienne',
      'Date de naissance : 03/04/1991',
      'Numéro de dossier / badge : XK-448812',
      'Interpellation (date, lieu) : 12/11/2026 gare Quillimarville',
      'Documents détenus : passeport Ruritanie',
      'Nom utilisé par les proches : Quillimar',
      'ℹ Parloir n’est pas un conseil juridique : la parole de l’avocat·e ou de l’association prime.',
    ]);
    expect(await say(h, 'alex', '/details R-12 voir', true)).toBe('Les éléments de R-12 t’ont déjà été envoyés pour la demande #1 ; ils ne sont envoyés qu’une fois par demande.');
    expect(await say(h, 'noor', '/details R-12 show', true)).toContain('Seule la personne qui a pris');
    expect(await say(h, 'sam', '/details R-12 show', true)).toContain('Nom enregistré : Zorbanek Ilyas');

    // the claim released: the right goes with it
    await say(h, 'alex', '/lacher 1');
    await say(h, 'noor', '/prendre 1');
    expect(await say(h, 'alex', '/details R-12 voir', true)).toContain('Seule la personne qui a pris');
    // a new claimer of the same request does not get a second reveal of that request
    expect(await say(h, 'noor', '/details R-12 voir', true)).toContain('déjà été envoyés pour la demande #1');

    // every reveal is recorded (who, when), never its content
    const group = h.store.groups.findByChat(h.local.chat)!;
    const record = h.store.cases.findOpen(group.id, 'R-12')!;
    const reveals = h.store.cases.reveals(group.id, record.id);
    expect(reveals.map((r) => [r.member === h.store.members.keyOf(group.id, 'local:alex' as never) ? 'alex' : 'sam', r.requestNumber])).toEqual([
      ['alex', 1],
      ['sam', undefined],
    ]);
    const columns = h.store.db.prepare('SELECT * FROM case_reveals').all() as Record<string, unknown>[];
    expect(Object.keys(columns[0]!).sort()).toEqual(['case_id', 'group_id', 'id', 'member_bidx', 'request_number', 'revealed_at']);

    // nothing of it ever reached the group
    for (const value of ANSWERS) expect(groupBot(h).some((t) => t.includes(value))).toBe(false);
  });

  it('a raw scan of the database files finds none of the details in clear', async () => {
    h = await startHarness();
    await caseWithDetails();
    // and a dialogue in progress keeps its partial answers sealed too
    await say(h, 'alex', '/details R-12', true);
    await say(h, 'alex', 'Vladimorsk Partiel', true);
    const bytes = rawBytes(h.dbPath);
    for (const value of [...ANSWERS.filter((v) => v !== '-'), 'Vladimorsk Partiel', 'R-12']) {
      expect(contains(bytes, Buffer.from(value, 'utf8')), value).toBe(false);
    }
    expect(await say(h, 'alex', 'stop', true)).toBe('Arrêté : rien n’a été enregistré.');
    const group = h.store.groups.findByChat(h.local.chat)!;
    expect(h.store.cases.details(group.id, h.store.cases.findOpen(group.id, 'R-12')!.id)?.registeredName).toBe('Zorbanek Ilyas');
  });

  it('a closed case is deleted with its key after the retention period', async () => {
    h = await startHarness();
    await caseWithDetails();
    const group = h.store.groups.findByChat(h.local.chat)!;
    const id = h.store.cases.findOpen(group.id, 'R-12')!.id;
    await say(h, 'sam', '/dossier R-12 clore libéré');
    h.clock.advance(29 * 86_400_000);
    purgeExpired(h.store, h.clock.now(), 30);
    expect(h.store.cases.get(group.id, id)?.state).toBe('closed');
    h.clock.advance(2 * 86_400_000);
    expect(purgeExpired(h.store, h.clock.now(), 30).cases).toBe(1);
    expect(h.store.cases.get(group.id, id)).toBeUndefined();
    expect(h.store.db.prepare('SELECT COUNT(*) FROM case_hearings').pluck().get()).toBe(0);
  });

  it('a member outside the case\'s group cannot start a dialogue or see anything', async () => {
    h = await startHarness();
    await caseWithDetails();
    expect(await say(h, 'stranger', '/details R-12 voir', true)).toContain('Aucun de tes groupes n’a de dossier ouvert R-12');
    expect(await say(h, 'stranger', '/details R-12', true)).toContain('Aucun de tes groupes n’a de dossier ouvert R-12');
  });
});
