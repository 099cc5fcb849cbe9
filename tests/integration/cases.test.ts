// Cases and the legal clock through the real engine: real SQLite file, real libsodium, the
// local transport, the shipped rule files and a manual clock (nothing sleeps).

import { afterEach, describe, expect, it } from 'vitest';
import { moveCase } from '../../src/cases/lifecycle.js';
import { replanCase } from '../../src/cases/plan.js';
import { centres, type Harness, parisTime, startHarness, TEST_CENTRE, tempDir } from '../support/harness.js';


const groupBot = (h: Harness) => h.local.messages.filter((m) => m.from === 'bot' && m.to === h.local.chat).map((m) => m.text);
const dms = (h: Harness, member: string) => h.local.messages.filter((m) => m.from === 'bot' && m.to === `local:${member}`).map((m) => m.text);
const groupOf = (h: Harness) => h.store.groups.findByChat(h.local.chat)!;

async function at(h: Harness, when: number): Promise<void> {
  h.clock.set(when);
  h.service.scheduler.tick();
  await h.settle();
}

async function say(h: Harness, member: string, text: string, options: { direct?: boolean; replyTo?: number } = {}): Promise<string> {
  await h.local.say(member, text, options);
  await h.settle();
  return (options.direct ? dms(h, member) : groupBot(h)).at(-1) ?? '';
}

describe('cases', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('opening a French case posts every deadline with local time, who can act, and the not-legal-advice line', async () => {
    h = await startHarness();
    await h.link('sam');
    const post = await say(h, 'sam', '/dossier R-12 placé 22/11 9h30');
    expect(post.split('\n')[0]).toBe('📁 Dossier R-12 ouvert — CRA de Test');
    expect(post).toContain('Placement : dim. 22 nov. à 09h30');
    expect(post).toContain('⏳ jeu. 26 nov. à 09h30 — Contester la décision de placement devant le juge');
    expect(post).toContain('   Peut agir : l’association d’aide juridique du centre et l’avocat·e · CESEDA L741-10 (rédaction de la loi 2025-796)');
    expect(post).toContain('• jeu. 26 nov. à 09h30 — Le préfet doit avoir saisi le juge');
    expect(post).toContain('• sam. 28 nov. à 09h30 — Première audience au plus tard');
    expect(post).toContain('• mar. 22 déc. à 09h30 — Fin de la période de rétention (jour 30)');
    expect(post).toContain('• jeu. 21 janv. à 09h30 — Fin de la période de rétention (jour 60)');
    expect(post).toContain('• sam. 20 févr. à 09h30 — Durée maximale de rétention (jour 90)');
    expect(post).toContain('⚠ à vérifier auprès de l’avocat·e ou de l’association'); // 96 h contest: medium-high
    expect(post).not.toContain('75');
    expect(post.split('\n').at(-1)).toBe('ℹ Parloir n’est pas un conseil juridique : la parole de l’avocat·e ou de l’association prime.');
    // the group sees the reference only
    expect(post).toContain('Trouver un·e avocat·e : /avocat R-12');

    expect(await say(h, 'noor', '/dossiers')).toMatch(/^Dossiers ouverts :\nR-12 — placé dim\. 22 nov\. à 09h30 — prochaine : jeu\. 26 nov\. à 09h30/);
    expect(await say(h, 'noor', '/dossier R-12')).toMatch(/^📁 Dossier R-12 — CRA de Test\n/);
    expect(await say(h, 'noor', '/case R-12')).toContain('Deadlines:');
  });

  it('answers bad input briefly in the command\'s language and creates nothing', async () => {
    h = await startHarness();
    await h.link('sam');
    expect(await say(h, 'sam', '/dossier Mohamed placé hier 9h')).toContain('Quel dossier ?');
    expect(await say(h, 'sam', '/case R-1 placed tomorrow 09:00')).toBe('The time after "placed" is in the future: give when it happened.');
    expect(await say(h, 'sam', '/dossier R-1 placé 31/02 9h')).toContain('Je ne lis pas la date et l’heure après « placé »');
    expect(await say(h, 'sam', '/dossier R-1 placé 22/11')).toContain('Je ne lis pas la date et l’heure');
    expect(await say(h, 'sam', '/dossier R-1 oqtf 22/11 10h')).toContain('Il n’y a pas de dossier ouvert R-1');
    expect(await say(h, 'sam', '/dossier R-1 placé 22/11 9h banane')).toContain('Je ne comprends pas « banane »');
    expect(await say(h, 'sam', '/dossier')).toContain('/dossier R-12 placé 28/11 9h30');
    expect(h.store.cases.all(groupOf(h).id)).toEqual([]);
  });

  it('flags rules last checked more than six months ago', async () => {
    h = await startHarness({ now: parisTime('2027-06-02T10:00') });
    await h.link('sam');
    const post = await say(h, 'sam', '/dossier R-5 placé 01/06 9h');
    expect(post).toContain('⏳ sam. 5 juin à 09h00 — Contester la décision de placement devant le juge');
    expect(post).toContain('règle vérifiée le 2026-11-23 : peut-être dépassée');
  });

  it('an English case placed on a weekday given by name uses the latest such day', async () => {
    h = await startHarness(); // Monday 23 Nov 2026, 10:00
    await h.link('sam');
    const post = await say(h, 'sam', '/case R-7 placed saturday 22:15 oqtf saturday 23:00');
    expect(post).toContain('Placed: Sat 21 Nov, 22:15');
    expect(post).toContain('⏳ Mon 23 Nov, 23:00 — Contest the OQTF at the tribunal administratif');
    expect(post).toContain('Who can act: the legal-aid association in the centre and the lawyer · CESEDA L921-2');
    expect(post.split('\n').at(-1)).toBe('ℹ Parloir is not legal advice: the lawyer\'s or the association\'s word prevails.');
  });

  it('plans reminders at half time, 12 h and 2 h before; a new event re-plans; closing stops them', async () => {
    h = await startHarness();
    await h.link('sam');
    await say(h, 'sam', '/dossier R-12 placé 22/11 9h30');
    const group = groupOf(h);
    const record = h.store.cases.findOpen(group.id, 'R-12')!;
    const contest = h.store.schedule.pendingForCase(group.id, record.id).filter((j) => j.ruleId === 'fr-placement-contest-96h');
    expect(contest.map((j) => j.dueAt)).toEqual([parisTime('2026-11-24T09:30'), parisTime('2026-11-25T21:30'), parisTime('2026-11-26T07:30')]);

    const updated = await say(h, 'sam', '/dossier R-12 oqtf 23/11 8h ordonnance 23/11 9h');
    expect(updated).toContain('📁 Dossier R-12 mis à jour');
    expect(updated).toContain('⏳ mer. 25 nov. à 08h00 — Contester l’OQTF');
    expect(updated).toContain('⏳ mar. 24 nov. à 09h00 — Faire appel de l’ordonnance du juge');
    const jobs = h.store.schedule.pendingForCase(group.id, record.id);
    expect(jobs.filter((j) => j.ruleId === 'fr-oqtf-contest-48h').map((j) => j.dueAt)).toEqual([
      parisTime('2026-11-24T08:00'),
      parisTime('2026-11-24T20:00'),
      parisTime('2026-11-25T06:00'),
    ]);
    // 24 h window from 09:00: half time falls at 12 h before, so one reminder there
    expect(jobs.filter((j) => j.ruleId === 'fr-order-appeal-24h').map((j) => j.dueAt)).toEqual([parisTime('2026-11-23T21:00'), parisTime('2026-11-24T07:00')]);

    expect(await say(h, 'alex', '/dossier R-12 clore libéré')).toBe('Seule la personne qui a ouvert le dossier R-12 ou un·e coordinateur·ice peut le clore.');
    expect(await say(h, 'sam', '/dossier R-12 clore')).toContain('Comment ça s’est terminé ?');
    expect(await say(h, 'sam', '/dossier R-12 clore transféré vers Lesquin')).toBe('📁 Dossier R-12 clos : transfert (vers Lesquin). Ses rappels sont arrêtés.'.replace('(vers Lesquin)', '(Lesquin)'));
    expect(h.store.schedule.pendingForCase(group.id, record.id)).toEqual([]);
    expect(await say(h, 'sam', '/dossier R-12 clore libéré')).toBe('Le dossier R-12 est déjà clos.');
    expect(await say(h, 'sam', '/dossiers')).toContain('Aucun dossier ouvert');
  });

  it('reminders fire in order across a restart, each once, and say who can act when nobody has taken the lawyer request', async () => {
    const temp = tempDir();
    h = await startHarness({ dir: temp.dir });
    await h.link('sam');
    await say(h, 'sam', '/dossier R-12 placé 22/11 9h30 oqtf 23/11 8h');
    await at(h, parisTime('2026-11-24T08:00')); // OQTF half time
    const first = groupBot(h).filter((t) => t.startsWith('⏰'));
    expect(first).toHaveLength(1);
    expect(first[0]).toMatch(/^⏰ Dossier R-12 : Contester l’OQTF .* — mer\. 25 nov\. à 08h00/);
    expect(first[0]).toContain('⚠ Personne n’a pris la demande d’avocat·e pour R-12 : /avocat R-12');
    expect(first[0]!.split('\n').at(-1)).toContain('Parloir n’est pas un conseil juridique');

    // restart: a new service on the same database and key
    const key = h.key;
    await h.close();
    h = await startHarness({ dir: temp.dir, key, now: parisTime('2026-11-24T08:05') });
    // the lawyer request is taken before the next reminders: no more escalation
    await say(h, 'sam', '/avocat R-12');
    expect(groupBot(h).at(-1)).toContain('Échéance prise du dossier R-12 : Contester l’OQTF');
    await say(h, 'alex', '/prendre 1');
    await at(h, parisTime('2026-11-24T09:30')); // placement contest half time (two rules at 96 h)
    await at(h, parisTime('2026-11-24T20:00')); // OQTF 12 h before
    await at(h, parisTime('2026-11-25T06:00')); // OQTF 2 h before
    await at(h, parisTime('2026-11-25T09:30')); // first hearing half time
    const reminders = groupBot(h).filter((t) => t.startsWith('⏰'));
    expect(reminders.map((t) => t.split('\n')[0]!.replace(/^⏰ Dossier R-12 : /, '').replace(/ — [^—]*$/, ''))).toEqual([
      'Le préfet doit avoir saisi le juge pour prolonger ; sinon la personne doit être libérée (prévenir l’avocat·e)',
      'Contester la décision de placement devant le juge',
      'Contester l’OQTF au tribunal administratif (heure par heure, week-ends compris ; le recours peut être remis au greffe du CRA)',
      'Contester l’OQTF au tribunal administratif (heure par heure, week-ends compris ; le recours peut être remis au greffe du CRA)',
      'Première audience au plus tard devant le juge (publique : y aller si possible)',
    ]);
    expect(reminders.every((t) => !t.includes('Personne n’a pris'))).toBe(true);
    await at(h, parisTime('2026-11-25T09:31'));
    expect(groupBot(h).filter((t) => t.startsWith('⏰'))).toHaveLength(5);
    // down from before 12 h until after 2 h before the 96 h deadlines: one late reminder each, not two
    await at(h, parisTime('2026-11-26T08:00'));
    const late = groupBot(h).filter((t) => t.startsWith('(en retard) ⏰'));
    expect(late.map((t) => t.split(' — ')[0])).toEqual([
      '(en retard) ⏰ Dossier R-12 : Le préfet doit avoir saisi le juge pour prolonger ; sinon la personne doit être libérée (prévenir l’avocat·e)',
      '(en retard) ⏰ Dossier R-12 : Contester la décision de placement devant le juge',
    ]);
    expect(h.logs.filter((l) => l.includes('SCHEDULE_CASE_SUPERSEDED'))).toHaveLength(2);
    await h.close();
    h = await startHarness(); // afterEach closes this one
    temp.cleanup();
  });

  it('records a hearing with a task anyone can join, shown in the case and in the digest', async () => {
    h = await startHarness();
    await h.link('sam');
    await say(h, 'sam', '/dossier R-12 placé 22/11 9h30');
    await h.local.say('sam', '/audience R-12 26/11 14h TJ Meaux');
    await h.settle();
    const texts = groupBot(h);
    expect(texts.at(-2)!.split('\n')[0]).toBe('#1 Audience — jeu. 26 nov. à 14h00 — TJ Meaux');
    expect(texts.at(-2)).not.toContain('Adresse'); // the centre's card is not the court's
    expect(texts.at(-2)).toContain('Audience publique : pièce d’identité, fouille à l’entrée');
    expect(texts.at(-1)).toBe(
      '⚖ Audience de R-12 enregistrée : jeu. 26 nov. à 14h00 — TJ Meaux. Les audiences sont publiques : venez si vous pouvez (pièce d’identité, fouille à l’entrée). La demande #1 sert à s’organiser : réponds « je viens » pour venir.',
    );
    await say(h, 'noor', '/prendre 1');
    await say(h, 'alex', '/rejoindre 1');
    expect(groupBot(h).some((t) => t.includes('Alex prend une place'))).toBe(true);
    expect(await say(h, 'alex', '/dossier R-12')).toContain('⚖ Audience jeu. 26 nov. à 14h00 — TJ Meaux (#1 pour y aller)');

    h.service.scheduler.ensureDigests();
    await at(h, parisTime('2026-11-24T09:00'));
    expect(groupBot(h).filter((t) => t.startsWith('☀'))).toEqual([]); // 26 Nov is beyond tomorrow: nothing to say
    await at(h, parisTime('2026-11-25T09:00'));
    const digest = groupBot(h).filter((t) => t.startsWith('☀')).at(-1)!;
    expect(digest).toContain('Audiences aujourd’hui et demain :\nR-12 ⚖ Audience jeu. 26 nov. à 14h00 — TJ Meaux (#1 pour y aller)');
    expect(digest).toContain('Échéances des dossiers aujourd’hui et demain :\nR-12 : jeu. 26 nov. à 09h30 — Le préfet doit avoir saisi le juge');
    expect(digest).not.toContain('sam. 28 nov.'); // beyond tomorrow
    expect(digest.split('\n').at(-1)).toContain('Parloir n’est pas un conseil juridique');
  });

  it('a dated /lawyer request naming an open case is attached to it', async () => {
    h = await startHarness();
    await h.link('sam');
    await say(h, 'sam', '/dossier R-12 placé 22/11 9h30');
    await say(h, 'sam', '/avocat 24/11 18h R-12 OQTF');
    expect(await say(h, 'sam', '/dossier R-12')).toContain('Demande d’avocat·e #1 : personne pour l’instant');
    expect(await say(h, 'sam', '/avocat R-99')).toContain('Il n’y a pas de dossier ouvert R-99');
  });
});

describe('a paused group', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('stops case reminders while the bot is out of the group and plans them again when it is back', async () => {
    h = await startHarness();
    await h.link('sam');
    await say(h, 'sam', '/dossier R-12 placé 22/11 9h30');
    const group = groupOf(h);
    const id = h.store.cases.findOpen(group.id, 'R-12')!.id;
    const event = (present: boolean) =>
      h.service.parloir.handle({ kind: 'bot-membership', dedupeKey: `case-pause:${present}`, transport: 'local', chat: h.local.chat, chatKind: 'group', present });
    await event(false);
    expect(h.store.schedule.pendingForCase(group.id, id)).toEqual([]);
    await event(true);
    expect(h.store.schedule.pendingForCase(group.id, id).length).toBeGreaterThan(0);
  });
});

describe('moving a case', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('a case moved to a Belgian centre follows the Belgian rules, and its reminders are re-planned', async () => {
    h = await startHarness();
    await h.link('sam');
    await say(h, 'sam', '/dossier R-12 placé 22/11 9h30');
    const group = groupOf(h);
    const id = h.store.cases.findOpen(group.id, 'R-12')!.id;
    h.store.write(() => {
      expect(moveCase(h.store, group.id, id, 'other-centre', h.clock.now(), TEST_CENTRE)).toBe(true);
      replanCase(h.store, { centres, settings: { leads: [], unconfirmedAfterMs: 0, unclaimedLeadMs: 0, lawyerFractions: [], followupAfterMs: 0 } }, group.id, id, h.clock.now());
    });
    const rules = new Set(h.store.schedule.pendingForCase(group.id, id).map((j) => j.ruleId));
    expect([...rules].sort()).toEqual(['be-cce-urgent-10d', 'be-detention-2mo']);
    expect(await say(h, 'sam', '/dossier R-12')).toContain('Centre fermé de Test');
  });
});

describe('a Belgian case', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('counts the CCE 10 days from the measure and moves a Saturday to Monday', async () => {
    h = await startHarness();
    await h.link('sam', 'other-centre');
    const post = await say(h, 'sam', '/dossier R-3 placé 18/11 10h mesure 18/11 11h');
    expect(post).toContain('⏳ lun. 30 nov. à 23h59 — Demande de suspension en extrême urgence au CCE');
    expect(post).toContain('reporté au jour ouvrable suivant');
    const second = await say(h, 'sam', '/dossier R-3 seconde-mesure');
    expect(second).toContain('⏳ lun. 23 nov. à 23h59 — Demande de suspension en extrême urgence au CCE');
  });
});
