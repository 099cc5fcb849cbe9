// /missing (FR /disparu, #16) through the real engine with the real config/centres.yaml: the
// centres to call come nearest first from the group's centre, in the command's language, in a
// group and in a direct chat; nothing about the person is kept.

import { afterEach, describe, expect, it } from 'vitest';
import { loadCentres } from '../../src/core/centres.js';
import { rawBytes } from '../support/raw-scan.js';
import { type Harness, startHarness } from '../support/harness.js';

const real = loadCentres(new URL('../../config/centres.yaml', import.meta.url).pathname);
const GROUP = 'test-group';
const texts = (h: Harness, to: string) => h.local.messages.filter((m) => m.from === 'bot' && m.to === to).map((m) => m.text);
/** The "• centre" lines of an answer, in order. */
const bullets = (text: string) => text.split('\n').filter((l) => l.startsWith('• '));

async function coquellesGroup(): Promise<Harness> {
  const h = await startHarness({ centres: real });
  await h.link('sam', 'coquelles');
  return h;
}

async function ask(h: Harness, member: string, text: string, options: { direct?: boolean; group?: string } = {}): Promise<string> {
  await h.local.say(member, text, options);
  await h.settle();
  const to = options.direct ? `local:${member}` : `local:${options.group ?? GROUP}`;
  return texts(h, to).at(-1) ?? '';
}

const FROM_COQUELLES_FR = [
  '• CRA de Coquelles',
  '• CRA de Lille-Lesquin (~100 km)',
  '• CRA de Rouen-Oissel (~180 km)',
  '• CRA 2 du Mesnil-Amelot (~220 km)',
  '• CRA 3 du Mesnil-Amelot (~220 km)',
  '• CRA de Paris-Vincennes (~230 km)',
  '• Centre fermé de Bruges (~100 km, autre pays) — ☎ +32 2 488 74 40',
];

describe('/missing', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('in a group at Coquelles: the procedure in French, the centres of the config nearest first, same country first', async () => {
    h = await coquellesGroup();
    const text = await ask(h, 'noor', '/disparu');
    expect(text.split('\n')[0]).toBe('🔎 Une personne a disparu : que faire');
    expect(text).toContain('Rien sur la personne n’est enregistré ici.');
    expect(text).toContain('1. Les premières 24 heures : attendre, et se renseigner autour de soi');
    expect(text).toContain('Appeler le commissariat de la ville où la personne a été vue pour la dernière fois');
    expect(bullets(text)).toEqual(FROM_COQUELLES_FR);
    expect(text).toContain('Pas de numéro affiché : aucun n’a encore été vérifié ; demandez à l’association.');
    // what to give, for both systems in the list (Bruges is Belgian: the badge number)
    expect(text).toContain('le nom sous lequel elle est enregistrée');
    expect(text).toContain('sa nationalité et sa date de naissance ; en Belgique, son numéro de badge.');
    expect(text).toContain('4. Prévenir l’association d’aide juridique du centre (en France : La Cimade, Forum réfugiés, SOS Solidarités–Assfam ou France terre d’asile, selon le centre).');
    expect(text).toContain('En Belgique : prévenir son avocat·e et les ONG qui visitent le centre.');
    expect(text).toContain('/dossier R-12 placé');
  });

  it('answers /missing in English in the same French group, same order', async () => {
    h = await coquellesGroup();
    const text = await ask(h, 'noor', '/missing');
    expect(text.split('\n')[0]).toBe('🔎 Someone has gone missing: what to do');
    expect(bullets(text)).toEqual(FROM_COQUELLES_FR.map((l) => l.replace('autre pays', 'other country')));
    expect(text).toContain('their nationality and date of birth; in Belgium, their badge number.');
    expect(text).toContain('/case R-12 placed');
  });

  it('starts from a centre named after the command; a Belgian start lists Belgian centres and no French association', async () => {
    h = await coquellesGroup();
    const text = await ask(h, 'noor', '/disparu vottem');
    expect(bullets(text)).toEqual([
      '• Centre fermé de Vottem — ☎ +32 4 228 89 00',
      '• Centre fermé pour femmes de Holsbeek (~60 km) — ☎ +32 2 488 89 01',
      '• Centre Caricole (Steenokkerzeel) (~80 km) — ☎ +32 2 488 77 00',
      '• Centre de rapatriement 127 bis (Steenokkerzeel) (~80 km) — ☎ +32 2 755 00 00',
      '• Centre fermé de Merksplas (~90 km) — ☎ +32 14 63 91 10',
      '• Centre fermé de Bruges (~180 km) — ☎ +32 2 488 74 40',
    ]);
    expect(text).not.toContain('La Cimade');
    expect(text).not.toContain('Pas de numéro affiché'); // every Belgian centre has its switchboard
    expect(text).toContain('4. Prévenir son avocat·e et les ONG qui visitent le centre.');
  });

  it('in a direct chat: from the member\'s group\'s centre; a stranger is asked for a centre; two groups are asked which', async () => {
    h = await coquellesGroup();
    await ask(h, 'noor', 'bonjour'); // not a member until they act
    await ask(h, 'noor', '/info');
    const mine = await ask(h, 'sam', '/disparu', { direct: true });
    expect(bullets(mine)).toEqual(FROM_COQUELLES_FR);

    const stranger = await ask(h, 'sue', '/missing', { direct: true });
    expect(bullets(stranger)).toEqual([]);
    expect(stranger).toContain('send /missing with the centre closest to where they were last seen, e.g. /missing Vincennes');
    expect(stranger).toContain('in Belgium, their badge number');
    // (a stranger gets one answer per window: another stranger names a centre)
    const named = await ask(h, 'tim', '/missing hendaye', { direct: true });
    expect(bullets(named).slice(0, 3)).toEqual(['• CRA d\'Hendaye', '• CRA de Bordeaux (~190 km)', '• CRA de Toulouse-Cornebarrieu (~250 km)']);

    // Sam also coordinates a group at Vincennes: which one?
    const { code } = h.store.write(() => h.store.invites.create('vincennes', h.clock.now()));
    await ask(h, 'sam', `/lier ${code}`, { group: 'paris-group' });
    const which = await ask(h, 'sam', '/disparu', { direct: true });
    expect(which).toBe('Vous suivez plusieurs centres (CRA de Coquelles et CRA de Paris-Vincennes). Lequel est le plus proche de là où la personne a été vue ? ex. /disparu coquelles');
    const chosen = await ask(h, 'sam', '/disparu vincennes', { direct: true });
    expect(bullets(chosen)[1]).toBe('• CRA de Palaiseau (~20 km)');
  });

  it('names the association of the starting centre when its card has one (also in /info)', async () => {
    const coquelles = real.get('coquelles')!;
    const association = { value: 'Association d’Essai', source: 'test', lastChecked: '2026-11-30' };
    h = await startHarness({ centres: real.with([{ ...coquelles, id: 'essai', name: 'CRA d’Essai', card: { association } }]) });
    await h.link('sam', 'essai');
    const text = await ask(h, 'noor', '/disparu');
    expect(text).toContain('selon le centre). Au CRA d’Essai : Association d’Essai.');
    expect(bullets(text)[1]).toBe('• CRA de Coquelles (même commune)');
    expect(await ask(h, 'noor', '/info')).toContain('Association dans le centre : Association d’Essai');
  });

  it('keeps nothing of what follows the command: a name written after it is not in the database files', async () => {
    h = await coquellesGroup();
    const text = await ask(h, 'noor', '/disparu Zebulon Quartermaine vu hier à Calais');
    expect(text).toContain('(Aucun centre ne correspond aux mots après /disparu ; ils n’ont pas été gardés.)');
    expect(bullets(text)).toEqual(FROM_COQUELLES_FR); // the group's centre
    await ask(h, 'sue', '/missing Zebulon Quartermaine', { direct: true });
    h.store.checkpoint();
    const bytes = rawBytes(h.dbPath);
    expect(bytes.includes(Buffer.from('Quartermaine'))).toBe(false);
    expect(bytes.includes(Buffer.from('Zebulon'))).toBe(false);
  });
});
