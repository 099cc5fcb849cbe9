// config/centres.yaml as shipped: every centre the domain notes list (the missing ones added),
// sourced facts only, replacements marked; /info shows facts first and short sources, the links
// on request.

import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CentresError, loadCentres } from '../../src/core/centres.js';
import { parseDurationList } from '../../src/core/duration.js';
import { centreCard } from '../../src/commands/views.js';
import { parseCommand } from '../../src/commands/parse.js';
import { en } from '../../src/i18n/en.js';
import { fr } from '../../src/i18n/fr.js';
import { tempDir } from '../support/harness.js';

const centres = loadCentres(join(import.meta.dirname, '..', '..', 'config', 'centres.yaml'), parseDurationList);

describe('config/centres.yaml', () => {
  it('holds the centres that were missing, each in its own time zone', () => {
    const zones = Object.fromEntries(centres.list().map((c) => [c.id, c.timezone]));
    expect(zones).toMatchObject({
      olivet: 'Europe/Paris',
      'lyon-2': 'Europe/Paris',
      'mesnil-amelot-2': 'Europe/Paris',
      'mesnil-amelot-3': 'Europe/Paris',
      'les-abymes': 'America/Guadeloupe',
      matoury: 'America/Cayenne',
      'saint-denis-reunion': 'Indian/Reunion',
      pamandzi: 'Indian/Mayotte',
      coquelles: 'Europe/Paris',
    });
    // Ids already used by groups stay.
    for (const id of ['mesnil-amelot', 'lyon', 'bordeaux', 'oissel', 'caricole', 'bruges']) expect(centres.get(id)).toBeDefined();
  });

  it('marks Bordeaux and Oissel as due to be replaced, with a source', () => {
    expect(centres.get('bordeaux')?.replacement?.value).toContain('Mérignac');
    expect(centres.get('oissel')?.replacement?.source).toMatch(/^https:\/\//);
    expect(centres.list().filter((c) => c.replacement).map((c) => c.id).sort()).toEqual(['bordeaux', 'oissel']);
  });

  it('gives Coquelles the ID a visitor needs, and Caricole and Bruges their visit routes', () => {
    expect(centres.get('coquelles')?.card.visitor_id?.value).toMatch(/^Carte d'identité ou passeport/);
    expect(centres.get('caricole')?.card.visiting_hours?.value).toContain('caricole.visite@ibz.fgov.be');
    expect(centres.get('bruges')?.card.allowed_items?.value).toContain('téléphone sans appareil photo');
  });

  it('refuses visiting windows it cannot read', () => {
    const temp = tempDir();
    try {
      const path = join(temp.dir, 'c.yaml');
      writeFileSync(
        path,
        'centres:\n  - id: x\n    name: X\n    timezone: Europe/Paris\n    jurisdiction: fr\n    card:\n      visiting_hours:\n        value: "9h-18h"\n        windows: "9h-18h"\n        source: s\n        last_checked: 2026-11-30\n',
      );
      expect(() => loadCentres(path)).toThrow(CentresError);
    } finally {
      temp.cleanup();
    }
  });
});

describe('/info', () => {
  it('shows the facts first, then the sources by short name and date; /info sources gives the links', () => {
    const card = centreCard(centres.get('bordeaux')!);
    expect(fr.info({ card, sources: false })).toBe(
      [
        'CRA de Bordeaux',
        "⚠ Doit être remplacé : par le CRA de Mérignac (140 places), ouverture annoncée au premier semestre 2026 : vérifier lequel est ouvert avant d'y aller",
        'Adresse : Commissariat central, 23, rue François-de-Sourdis, 33000 Bordeaux',
        'Sources : lexbase.fr (vérifié le 2026-11-23) · attaque.noblogs.org (vérifié le 2026-11-30) — liens : /info sources',
      ].join('\n'),
    );
    expect(en.info({ card, sources: true })).toBe(
      [
        'CRA de Bordeaux — sources',
        'Address: https://lexbase.fr/texte-de-loi/102241133-autre-version (arrêté du 30 mars 2011, art. 1, version 2018-03-09 → 2021-09-23)',
        'Replacement: https://attaque.noblogs.org/post/2026/01/20/merignac-gironde-vandalisme-sur-le-chantier-du-futur-cra/ (reprend France 3, page de 2026-01-20)',
      ].join('\n'),
    );
    expect(fr.info({ card: centreCard(centres.get('mesnil-amelot-3')!), sources: false })).toBe('CRA 3 du Mesnil-Amelot\nPas encore d’information vérifiée pour ce centre.');
  });

  it('"/info sources" and "/info liens" ask for the links; "/info" alone does not', () => {
    const ctx = { now: Date.UTC(2026, 10, 30), zone: 'Europe/Paris' };
    expect(parseCommand('/info sources', ctx)).toMatchObject({ ok: true, command: { name: 'info', sources: true } });
    expect(parseCommand('/fiche liens', ctx)).toMatchObject({ ok: true, command: { name: 'info', sources: true } });
    expect(parseCommand('/info', ctx)).toMatchObject({ ok: true, command: { name: 'info', sources: false } });
  });
});
