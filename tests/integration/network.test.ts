// The network in emergencies (#16) through the real engine: two groups of one instance linked
// to two centres, real SQLite file, real libsodium, the local transport and a manual clock.

import { afterEach, describe, expect, it } from 'vitest';
import { chatAddress } from '../../src/core/ids.js';
import { purgeExpired } from '../../src/engine/housekeeping.js';
import { type Harness, startHarness } from '../support/harness.js';

const OTHER = chatAddress('local', 'fiche-group');
const textsTo = (h: Harness, chat: string) => h.local.messages.filter((m) => m.from === 'bot' && m.to === chat).map((m) => m.text);
const groupOf = (h: Harness, chat = h.local.chat) => h.store.groups.findByChat(chat)!;

async function say(h: Harness, member: string, text: string): Promise<string> {
  await h.local.say(member, text);
  await h.settle();
  return textsTo(h, h.local.chat).at(-1) ?? '';
}

/** Group A follows the test centre (French); group B, linked in English, follows "CRA de la Fiche". */
async function twoGroups(): Promise<Harness> {
  const h = await startHarness();
  await h.link('sam');
  const { code } = h.store.write(() => h.store.invites.create('card-centre', h.clock.now()));
  await h.local.say('lou', `/link ${code}`, { group: 'fiche-group' });
  await h.settle();
  return h;
}

describe('a transfer between two linked groups', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('moves the case with its running deadlines and its open task to the other group, and nothing else', async () => {
    h = await twoGroups();
    const a = groupOf(h);
    const b = groupOf(h, OTHER);
    expect(b.lang).toBe('en');
    await say(h, 'sam', '/dossier R-12 placé 22/11 9h30 oqtf 22/11 10h');
    await say(h, 'sam', '/avocat R-12');
    await say(h, 'noor', 'Je connais sa sœur, elle passe demain.'); // chatter that must not travel
    const before = h.store.cases.findOpen(a.id, 'R-12')!;
    const lawyer = h.store.cases.requestsOf(a.id, before.id, 'lawyer');
    expect(lawyer).toHaveLength(1);
    const jobsBefore = h.store.schedule.pendingForCase(a.id, before.id).map((j) => [j.ruleId, j.dueAt, j.usefulUntil]);
    expect(jobsBefore.length).toBeGreaterThan(0);
    const seenByB = textsTo(h, OTHER).length;

    // Not the opener nor a coordinator: refused, nothing moves.
    expect(await say(h, 'noor', '/dossier R-12 transféré fiche')).toContain('Seule la personne qui a ouvert le dossier R-12');
    expect(h.store.cases.findOpen(a.id, 'R-12')).toBeDefined();

    const told = await say(h, 'sam', '/dossier R-12 transféré fiche');
    expect(told).toBe(
      '📁 Dossier R-12 transféré au CRA de la Fiche : le groupe qui suit ce centre le reprend, avec ses délais et 1 tâche ouverte. Ses rappels ici sont arrêtés.',
    );
    // The old group: case closed as transferred, reminders gone, its open task cancelled.
    const old = h.store.cases.get(a.id, before.id)!;
    expect([old.state, old.outcome, old.outcomeNote]).toEqual(['closed', 'transferred', 'CRA de la Fiche']);
    expect(h.store.schedule.pendingForCase(a.id, before.id)).toEqual([]);
    expect(h.store.requests.get(a.id, lawyer[0]!)?.state).toBe('cancelled');

    // The new group: the same events (the clock keeps running), the same reminders, the task.
    const moved = h.store.cases.findOpen(b.id, 'R-12')!;
    expect(moved.events).toEqual(before.events);
    expect(moved.centreId).toBe('card-centre');
    expect(moved.hasDetails).toBe(false);
    expect(h.store.schedule.pendingForCase(b.id, moved.id).map((j) => [j.ruleId, j.dueAt, j.usefulUntil])).toEqual(jobsBefore);
    const tasks = h.store.cases.requestsOf(b.id, moved.id, 'lawyer');
    expect(tasks).toHaveLength(1);
    const task = h.store.requests.get(b.id, tasks[0]!)!;
    const original = h.store.requests.get(a.id, lawyer[0]!)!;
    expect([task.kind, task.state, task.dueAt, task.detainee]).toEqual(['lawyer', 'open', original.dueAt, 'R-12']);

    const inB = textsTo(h, OTHER).slice(seenByB);
    expect(inB[0]).toBe('📁 Case R-12 arrives here by transfer from CRA de Test. Its deadlines keep running; its confidential details stayed with the old group.');
    expect(inB[1]).toMatch(/^📁 Case R-12 — CRA de la Fiche\n/);
    expect(inB[1]).toContain('Contest the OQTF');
    expect(inB.join('\n')).not.toContain('sœur');
    expect(inB).toHaveLength(3); // the two lines above and the task's post
    expect(inB[2]).toContain('R-12');
  });

  it('moves an open hearing task without the people who joined it: they are told and released, the other group never sees them', async () => {
    h = await twoGroups();
    const a = groupOf(h);
    const b = groupOf(h, OTHER);
    await say(h, 'sam', '/dossier R-12 placé 22/11 9h30');
    await say(h, 'sam', '/audience R-12 26/11 14h TJ Meaux');
    await say(h, 'mia', '/rejoindre 1');
    expect(h.store.requests.get(a.id, 1)).toMatchObject({ state: 'open', passengers: [expect.any(String)] });
    const seenByB = textsTo(h, OTHER).length;

    await say(h, 'sam', '/dossier R-12 transféré fiche');
    expect(h.store.requests.get(a.id, 1)?.state).toBe('cancelled');
    expect(h.local.messages.filter((m) => m.from === 'bot' && m.to === 'local:mia').at(-1)?.text).toBe(
      '📁 Le dossier R-12 est transféré au CRA de la Fiche : la tâche #1, sur laquelle tu étais, est partie avec lui au groupe qui suit ce centre. Tu en es libéré·e ; merci.',
    );
    const moved = h.store.cases.findOpen(b.id, 'R-12')!;
    const [n] = h.store.cases.requestsOf(b.id, moved.id, 'hearing');
    expect(h.store.requests.get(b.id, n!)).toMatchObject({ kind: 'visit', state: 'open', passengers: [] });
    const inB = textsTo(h, OTHER).slice(seenByB);
    expect(inB).toHaveLength(3);
    expect(inB.join('\n')).not.toContain('Mia');
  });

  it('keeps the case in the group when no group follows the new centre, and tells it', async () => {
    h = await twoGroups();
    const a = groupOf(h);
    await say(h, 'sam', '/case R-13 placed 2026-11-22 09:30');
    const told = await say(h, 'sam', '/case R-13 transferred Centre fermé de Test');
    expect(told).toBe(
      '📁 Case R-13 transferred to Centre fermé de Test. No group here follows that centre: the case stays with this group, its deadlines now counted at Centre fermé de Test.',
    );
    const record = h.store.cases.findOpen(a.id, 'R-13')!;
    expect(record.centreId).toBe('other-centre');
    // Belgian rules now: the French deadlines are no longer reminded.
    const rules = h.store.schedule.pendingForCase(a.id, record.id).map((j) => j.ruleId);
    expect(rules.every((r) => r?.startsWith('be-'))).toBe(true);
  });

  it('answers a transfer it cannot do in the command\'s language', async () => {
    h = await twoGroups();
    await say(h, 'sam', '/dossier R-14 placé 22/11 9h30');
    expect(await say(h, 'sam', '/dossier R-14 transféré')).toBe('Vers quel centre ? ex. /dossier R-12 transféré vincennes');
    expect(await say(h, 'sam', '/case R-14 transferred atlantis')).toBe(
      'I don\'t know the centre "atlantis". Give its name or id, e.g. /case R-14 transferred vincennes',
    );
    expect(await say(h, 'sam', '/dossier R-14 transféré test-centre')).toBe('Le dossier R-14 est déjà au CRA de Test.');
  });
});

describe('release and deportation', () => {
  let h: Harness;
  afterEach(async () => h.close());

  const DAY = 86_400_000;
  const keyOf = (h: Harness, group: number, id: number) =>
    (h.store.db.prepare('SELECT key_wrapped FROM cases WHERE group_id = ? AND id = ?').get(group, id) as { key_wrapped: Uint8Array | null }).key_wrapped;

  async function withDetails(h: Harness, ref: string): Promise<void> {
    await h.local.say('sam', `/details ${ref}`, { direct: true });
    await h.local.say('sam', 'Zorbanek Ilyas', { direct: true });
    for (let i = 0; i < 7; i += 1) await h.local.say('sam', '-', { direct: true });
    await h.settle();
  }

  it('close the case and its tasks, stop its reminders, offer a pick-up on release, and shred the details 7 days later', async () => {
    h = await startHarness();
    await h.link('sam');
    const a = groupOf(h);
    await say(h, 'sam', '/dossier R-12 placé 22/11 9h30');
    await say(h, 'sam', '/avocat R-12');
    await say(h, 'sam', '/dossier R-13 placé 22/11 9h30');
    await withDetails(h, 'R-12');
    await withDetails(h, 'R-13');
    const r12 = h.store.cases.findOpen(a.id, 'R-12')!;
    const r13 = h.store.cases.findOpen(a.id, 'R-13')!;
    expect([r12.hasDetails, r13.hasDetails]).toEqual([true, true]);
    const lawyer = h.store.cases.requestsOf(a.id, r12.id, 'lawyer')[0]!;
    expect(h.store.schedule.pendingForCase(a.id, r12.id).length).toBeGreaterThan(0);

    const seen = textsTo(h, h.local.chat).length;
    await h.local.say('sam', '/dossier R-12 libéré');
    await h.settle();
    const texts = textsTo(h, h.local.chat).slice(seen);
    expect(texts).toHaveLength(2); // the closing and the pick-up's post
    expect(texts[0]).toBe('📁 Dossier R-12 clos : libération. Ses rappels sont arrêtés.');
    expect(texts.join('\n')).toContain('attendre à la sortie du CRA de Test : la libération tombe souvent tard, loin de la ville, sans rien');
    expect(h.store.cases.get(a.id, r12.id)).toMatchObject({ state: 'closed', outcome: 'released' });
    expect(h.store.schedule.pendingForCase(a.id, r12.id)).toEqual([]);
    expect(h.store.requests.get(a.id, lawyer)?.state).toBe('cancelled');
    const pickUp = h.store.requests.get(a.id, lawyer + 1)!;
    expect([pickUp.kind, pickUp.state, pickUp.detainee, pickUp.dueAt]).toEqual(['visit', 'open', 'R-12', h.clock.now()]);

    expect(await say(h, 'sam', '/case R-13 deported')).toBe('📁 Case R-13 closed: deported. Its reminders are stopped.');
    expect(h.store.schedule.pendingForCase(a.id, r13.id)).toEqual([]);
    expect(h.store.requests.get(a.id, lawyer + 2)).toBeUndefined(); // no pick-up for a deportation

    h.clock.advance(6 * DAY);
    expect(purgeExpired(h.store, h.clock.now(), 30).caseDetails).toBe(0);
    expect(h.store.cases.details(a.id, r12.id)).toEqual({ registeredName: 'Zorbanek Ilyas' });
    h.clock.advance(DAY + 60_000);
    expect(purgeExpired(h.store, h.clock.now(), 30).caseDetails).toBe(2);
    for (const id of [r12.id, r13.id]) {
      expect(h.store.cases.get(a.id, id)).toMatchObject({ state: 'closed', hasDetails: false });
      expect(keyOf(h, a.id, id)).toBeNull();
    }
  });
});
