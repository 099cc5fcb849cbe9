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
    expect(lastBot(h)).toBe('✅ #1 : Alex prend une place (1 place libre).');
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
    expect(lastBot(h)).toBe('✅ #1: Noor takes a seat (full).');
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
