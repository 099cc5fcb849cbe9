// What posts and reminders say, in both languages: the meeting time apart from the visit time,
// the centre's address and the ID to have on you, a warning outside visiting hours, the centre's
// rules on items under one label, roles and companions in reminders, seats read unambiguously.

import { afterEach, describe, expect, it } from 'vitest';
import { COMMAND_NAMES, COMMAND_WORDS } from '../../src/i18n/words.js';
import { en } from '../../src/i18n/en.js';
import { fr } from '../../src/i18n/fr.js';
import { REPLY_WORDS } from '../../src/i18n/words.js';
import { CARD_CENTRE, type Harness, lastBot, parisTime, startHarness } from '../support/harness.js';

const dms = (h: Harness, member: string) => h.local.messages.filter((m) => m.from === 'bot' && m.to === `local:${member}` && !m.text.startsWith('Bonjour !')).map((m) => m.text);

describe('posts and reminders say everything a visitor needs', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('a visit post in French: meeting apart from the visit, address, ID, seats', async () => {
    h = await startHarness();
    await h.link('sam', CARD_CENTRE.id);
    await h.local.say('sam', '/visite 25/11 14h places 3 rdv 12h30 gare de Calais');
    await h.settle();
    expect(lastBot(h)).toBe(
      [
        '#1 Visite — mer. 25 nov. à 14h00 — CRA de la Fiche',
        'RDV 12h30 gare de Calais → visite 14h00',
        'Places : 3 places libres sur 3',
        'Adresse : 1, rue de l’Essai, 00000 Testville',
        'À avoir sur soi : Pièce d’identité ou passeport',
        'Conducteur·ice : personne pour l’instant',
        'Réponds « je prends » pour conduire, ou « je viens » pour une place.',
      ].join('\n'),
    );
    await h.local.say('noor', '/rejoindre 1');
    await h.local.say('alex', '/rejoindre 1');
    await h.settle();
    expect(h.botTexts().at(-2)).toBe('✅ #1 : Alex prend une place (1 place libre).');
    await h.local.say('sam', '/liste');
    await h.settle();
    expect(lastBot(h)).toBe('Demandes ouvertes et prises :\n#1 Visite mer. 25 nov. à 14h00 — OUVERTE, 1 place libre sur 3');
  });

  it('a visit outside visiting hours is accepted with a warning naming the hours (English, meeting time after the place)', async () => {
    h = await startHarness();
    await h.link('sam', CARD_CENTRE.id);
    await h.local.say('sam', '/visit 2026-11-25 12:00 seats 1 from Calais station at 11:00');
    await h.settle();
    expect(lastBot(h)).toBe(
      [
        '#1 Visit — Wed 25 Nov, 12:00 — CRA de la Fiche',
        'Meet 11:00 Calais station → visit 12:00',
        'Seats: 1 of 1 seat free',
        'Address: 1, rue de l’Essai, 00000 Testville',
        '⚠ 12:00 is outside the visiting hours: Tous les jours 9h–11h30 et 13h30–18h',
        'Have on you: Pièce d’identité ou passeport',
        'Driver: nobody yet',
        'Reply "I\'ll take it" to drive, or "join" for a seat.',
      ].join('\n'),
    );
    await h.local.say('noor', '/join 1');
    await h.settle();
    expect(h.botTexts().at(-2)).toBe('✅ #1: Noor takes a seat (full).');
    expect(lastBot(h)).toContain('\nSeats: full (1 seat taken)\n');
  });

  it('a package post gives the centre’s rules on items under one label, as /info does', async () => {
    h = await startHarness();
    await h.link('sam', CARD_CENTRE.id);
    await h.local.say('sam', '/colis 27/11 pull, tabac');
    await h.settle();
    expect(lastBot(h)).toBe(
      [
        '#1 Colis — avant ven. 27 nov. à 18h00 — CRA de la Fiche',
        'À apporter : pull, tabac',
        'Adresse : 1, rue de l’Essai, 00000 Testville',
        'Règles du centre pour les objets : Vêtements, tabac fermé',
        'Porteur·euse : personne pour l’instant',
        'Réponds « je prends » pour t’en charger.',
      ].join('\n'),
    );
    await h.local.say('sam', '/info');
    await h.settle();
    expect(lastBot(h)).toContain('Règles du centre pour les objets : Vêtements, tabac fermé');
  });

  it('reminders say your role, who else is on it and what to have on you, without claim words', async () => {
    h = await startHarness();
    await h.link('sam', CARD_CENTRE.id);
    await h.local.say('sam', '/visite 25/11 14h places 2 rdv 12h30 gare de Calais');
    await h.local.say('alex', '/prendre 1');
    await h.local.say('noor', '/rejoindre 1');
    await h.settle();
    h.clock.set(parisTime('2026-11-24T14:00'));
    h.service.scheduler.tick();
    await h.settle();
    const practical = [
      'RDV 12h30 gare de Calais → visite 14h00',
      'Adresse : 1, rue de l’Essai, 00000 Testville',
      'À avoir sur soi : Pièce d’identité ou passeport',
      'Heures de visite : Tous les jours 9h–11h30 et 13h30–18h',
      'Toujours bon ? Réponds OK, ou LÂCHER si tu ne peux plus.',
    ];
    expect(dms(h, 'alex')).toEqual([
      [
        '⏰ Rappel — #1 Visite — mer. 25 nov. à 14h00 — CRA de la Fiche',
        'Tu y vas comme conducteur·ice. Avec toi : Noor (passager·e). Demandé par Sam.',
        ...practical,
      ].join('\n'),
    ]);
    expect(dms(h, 'noor')).toEqual([
      [
        '⏰ Rappel — #1 Visite — mer. 25 nov. à 14h00 — CRA de la Fiche',
        'Tu y vas comme passager·e. Avec toi : Alex (conducteur·ice). Demandé par Sam.',
        ...practical,
      ].join('\n'),
    ]);
    // No word of the reminder reads as "take it" ("À prendre : …" did).
    const claimWords = [...REPLY_WORDS.fr.claim, ...COMMAND_WORDS.fr.claim].filter((w) => w.length > 2);
    for (const word of claimWords) expect(dms(h, 'alex')[0]!.toLowerCase()).not.toMatch(new RegExp(`\\b${word}\\b`));
  });
});

describe('/aide and /help', () => {
  it('list every command, in both languages', () => {
    for (const [lang, text] of [
      ['fr', fr.help()],
      ['en', en.help()],
    ] as const) {
      for (const name of COMMAND_NAMES.filter((n) => n !== 'help')) expect(text, `${lang} ${name}`).toContain(`/${COMMAND_WORDS[lang][name][0]} `);
    }
  });
});

describe('posts stay current where the platform cannot edit them', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('a moved request: the card once more, quoting the previous one; everyone on it told in private; OK confirms again', async () => {
    h = await startHarness();
    await h.link('sam', CARD_CENTRE.id); // Sam coordinates
    await h.local.say('noor', '/visite 25/11 14h places 2 rdv 12h gare de Calais');
    await h.settle();
    const original = h.local.messages.at(-1)!;
    await h.local.say('alex', 'je prends', { replyTo: original.number });
    await h.local.say('lou', '/rejoindre 1');
    await h.settle();
    const before = h.local.messages.length;

    await h.local.say('sam', '/decaler 1 26/11 15h');
    await h.settle();
    const after = h.local.messages.slice(before + 1).filter((m) => m.from === 'bot');
    const inGroup = after.filter((m) => m.to === h.local.chat);
    expect(inGroup.map((m) => m.text.split('\n')[0])).toEqual([
      '#1 a maintenant lieu jeu. 26 nov. à 15h00. Les rappels suivent la nouvelle heure.',
      '#1 Visite — jeu. 26 nov. à 15h00 — CRA de la Fiche',
    ]);
    const card = inGroup[1]!;
    expect(card.text).toContain('\nRDV 12h00 gare de Calais → visite 15h00\n');
    // It quotes the latest card (the one after Lou's seat), which quoted the one before.
    const previous = h.local.byNumber(card.replyTo!)!;
    expect(previous.text).toMatch(/^#1 Visite — mer\. 25 nov\. à 14h00/);
    expect(previous.text).toContain('\nPassager·e : Lou');

    const direct = (member: string) => after.filter((m) => m.to === `local:${member}`).map((m) => m.text);
    const news = '🕑 Nouvelle heure pour #1 (visite jeu. 26 nov. à 15h00) : c’était mer. 25 nov. à 14h00.\nRDV 12h00 gare de Calais → visite 15h00';
    const ask = 'Toujours bon ? Réponds OK, ou LÂCHER si tu ne peux plus.';
    expect(direct('alex')).toEqual([`${news}\n${ask}`]);
    expect(direct('lou')).toEqual([`${news}\n${ask}`]);
    expect(direct('noor')).toEqual([news]); // asked for it: told, not asked
    expect(direct('sam')).toEqual([]); // moved it

    await h.local.say('alex', 'OK', { direct: true });
    await h.settle();
    expect(h.local.messages.at(-1)!.text).toBe('👍 Merci, #1 (visite jeu. 26 nov. à 15h00) est confirmée.');
    expect(h.store.requests.get(h.store.groups.findByChat(h.local.chat)!.id, 1)?.confirmedAt).toBeDefined();
  });

  it('in English, the moved card and the direct message read in the group’s words', async () => {
    h = await startHarness();
    await h.link('sam', CARD_CENTRE.id);
    await h.local.say('sam', '/lang en');
    await h.local.say('noor', '/package 2026-11-27 jumper');
    await h.local.say('alex', '/claim 1');
    await h.local.say('sam', '/move 1 2026-11-28 12:00');
    await h.settle();
    expect(h.local.messages.filter((m) => m.to === 'local:alex').at(-1)!.text).toBe(
      '🕑 New time for #1 (package by Sat 28 Nov, 12:00): it was Fri 27 Nov, 18:00.\nStill on? Reply OK, or RELEASE if you can no longer do it.',
    );
    expect(lastBot(h)).toMatch(/^#1 Package — by Sat 28 Nov, 12:00 — CRA de la Fiche\n/);
  });
  it('a new meeting point: card re-posted once, everyone on it told privately, a confirmation stands (FR)', async () => {
    h = await startHarness();
    await h.link('sam', CARD_CENTRE.id);
    await h.local.say('noor', '/visite 25/11 14h places 2 rdv 12h gare de Calais');
    await h.local.say('alex', '/prendre 1');
    await h.local.say('lou', '/rejoindre 1');
    await h.local.say('noor', '/decaler 1 25/11 14h'); // asks those going to confirm…
    await h.settle();
    await h.local.say('alex', 'OK', { direct: true }); // …and Alex does
    await h.settle();
    const group = h.store.groups.findByChat(h.local.chat)!.id;
    expect(h.store.requests.get(group, 1)?.confirmedAt).toBeDefined();
    const before = h.local.messages.length;

    await h.local.say('noor', '/decaler 1 rdv 12h30 parking Auchan Coquelles');
    await h.settle();
    const after = h.local.messages.slice(before + 1).filter((m) => m.from === 'bot');
    const inGroup = after.filter((m) => m.to === h.local.chat).map((m) => m.text);
    expect(inGroup.map((t) => t.split('\n')[0])).toEqual([
      '#1 : nouveau lieu de rendez-vous « 12h30 parking Auchan Coquelles ». Toutes les personnes inscrites sont prévenues.',
      '#1 Visite — mer. 25 nov. à 14h00 — CRA de la Fiche',
    ]);
    expect(inGroup[1]).toContain('\nRDV 12h30 parking Auchan Coquelles → visite 14h00\n');
    const direct = (member: string) => after.filter((m) => m.to === `local:${member}`).map((m) => m.text);
    const news =
      '📍 Nouveau lieu de rendez-vous pour #1 (visite mer. 25 nov. à 14h00) (c’était « 12h gare de Calais »).\nRDV 12h30 parking Auchan Coquelles → visite 14h00';
    // The time did not move: nobody is asked to confirm again, and the confirmation stands.
    expect(direct('alex')).toEqual([news]);
    expect(direct('lou')).toEqual([news]);
    expect(direct('noor')).toEqual([]); // changed it
    expect(h.store.requests.get(group, 1)?.confirmedAt).toBeDefined();
    expect(h.store.requests.get(group, 1)?.place).toBe('12h30 parking Auchan Coquelles');

    // Time and place at once: one answer each, one card, one direct message naming both.
    await h.local.say('noor', '/decaler 1 26/11 15h rdv 13h gare de Calais');
    await h.settle();
    expect(direct('alex').length).toBe(1);
    const both = dms(h, 'alex').at(-1)!;
    expect(both.split('\n').slice(0, 3)).toEqual([
      '🕑 Nouvelle heure pour #1 (visite jeu. 26 nov. à 15h00) : c’était mer. 25 nov. à 14h00.',
      '📍 Nouveau lieu de rendez-vous pour #1 (visite jeu. 26 nov. à 15h00) (c’était « 12h30 parking Auchan Coquelles »).',
      'RDV 13h00 gare de Calais → visite 15h00',
    ]);
    expect(both).toContain('Toujours bon ?');

    // Bad input: a package has no meeting point; someone else may not move it.
    await h.local.say('noor', '/colis 27/11 pull');
    await h.local.say('noor', '/decaler 2 rdv gare');
    await h.settle();
    expect(lastBot(h)).toBe('#2 n’est pas une visite : elle n’a pas de lieu de rendez-vous.');
    await h.local.say('alex', '/decaler 1 rdv ailleurs');
    await h.settle();
    expect(h.store.requests.get(group, 1)?.place).toBe('13h gare de Calais');
  });

  it('in English: /move N meet <place>', async () => {
    h = await startHarness();
    await h.link('sam', CARD_CENTRE.id);
    await h.local.say('sam', '/lang en');
    await h.local.say('noor', '/visit 2026-11-27 14:00 seats 1 meet 12:00 Calais station');
    await h.local.say('alex', '/join 1');
    await h.local.say('sam', '/move 1 meet 12:15 Auchan car park');
    await h.settle();
    expect(h.botTexts().at(-2)).toBe('#1: new meeting point “12:15 Auchan car park”. Everyone on it is told.');
    expect(dms(h, 'alex').at(-1)).toBe(
      '📍 New meeting point for #1 (visit Fri 27 Nov, 14:00) (it was “12:00 Calais station”).\nMeet 12:15 Auchan car park → visit 14:00',
    );
    expect(dms(h, 'noor').at(-1)).toMatch(/^📍 New meeting point for #1/);
  });
});
