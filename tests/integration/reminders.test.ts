// Reminders, alerts, follow-ups and digests, driven by a manual clock (nothing sleeps).

import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { DEFAULT_PLAN } from '../../src/scheduler/plan.js';
import { silentLogger } from '../../src/logger.js';
import { centres, type Harness, parisTime, startHarness, tempDir } from '../support/harness.js';

const HOUR = 3_600_000;
const MIN = 60_000;

/** Direct messages to a member, without the one-time greeting after their first claim. */
const dms = (h: Harness, member: string) =>
  h.local.messages.filter((m) => m.from === 'bot' && m.to === `local:${member}` && !m.text.startsWith('Bonjour !'));
const groupBot = (h: Harness) => h.local.messages.filter((m) => m.from === 'bot' && m.to === h.local.chat).map((m) => m.text);

/** Move the clock to `at`, fire what is due, send it. */
async function at(h: Harness, when: number): Promise<void> {
  h.clock.set(when);
  h.service.scheduler.tick();
  await h.settle();
}

describe('reminders', () => {
  let h: Harness;
  afterEach(async () => h.close());

  async function visitClaimed(): Promise<number> {
    await h.link('sam');
    await h.local.say('sam', '/visite 25/11 14h places 1 depuis gare de Calais');
    await h.local.say('alex', '/prendre 1');
    await h.local.say('noor', '/rejoindre 1');
    await h.settle();
    return parisTime('2026-11-25T14:00');
  }

  it('reminds the driver and passengers at each lead time, with the centre card; OK confirms', async () => {
    h = await startHarness();
    const visit = await visitClaimed();
    await at(h, visit - 24 * HOUR - MIN);
    expect(dms(h, 'alex')).toHaveLength(0);
    await at(h, visit - 24 * HOUR);
    expect(dms(h, 'alex')).toHaveLength(1);
    expect(dms(h, 'noor')).toHaveLength(1);
    const reminder = dms(h, 'alex')[0]!.text;
    expect(reminder).toContain('⏰ Rappel');
    expect(reminder).toContain('#1 Visite — mer. 25 nov. à 14h00 — CRA de Test');
    expect(reminder).toContain('RDV gare de Calais → visite 14h00');
    expect(reminder).toContain('Heures de visite : Tous les jours 9h–18h');
    expect(reminder).toContain('Réponds OK');

    await at(h, visit - 2 * HOUR);
    expect(dms(h, 'alex')).toHaveLength(2);
    await h.local.say('alex', 'OK', { direct: true });
    await h.settle();
    expect(dms(h, 'alex').at(-1)!.text).toBe('👍 Merci, #1 (visite mer. 25 nov. à 14h00) est confirmée.');
    await at(h, visit - HOUR);
    expect(groupBot(h).some((t) => t.includes('pas confirmée'))).toBe(false);
    // nothing is ever sent twice
    await at(h, visit - HOUR + MIN);
    expect(dms(h, 'alex')).toHaveLength(3);
  });

  it('tells the group when the last reminder goes unanswered', async () => {
    h = await startHarness();
    const visit = await visitClaimed();
    await at(h, visit - 2 * HOUR);
    await at(h, visit - 2 * HOUR + 29 * MIN);
    expect(groupBot(h).at(-1)).not.toContain('pas confirmée');
    await at(h, visit - 2 * HOUR + 30 * MIN);
    expect(groupBot(h).at(-1)).toBe('⚠ #1 (visite mer. 25 nov. à 14h00) n’est pas confirmée : Alex n’a pas répondu au rappel. Quelqu’un peut vérifier avec cette personne ?');
  });

  it('RELEASE in answer to a reminder frees the claim, reposts it as urgent and tells the requester', async () => {
    h = await startHarness();
    const visit = await visitClaimed();
    await at(h, visit - 2 * HOUR);
    const reminder = dms(h, 'alex').at(-1)!;
    await h.local.say('alex', 'je lâche', { direct: true, replyTo: reminder.number });
    await h.settle();
    const group = groupBot(h);
    expect(group).toContain('↩ #1 (visite mer. 25 nov. à 14h00) est de nouveau ouverte : Alex ne peut plus. Qui peut ?');
    expect(group.at(-1)).toMatch(/^⚠ Il faut de nouveau quelqu’un :\n#1 Visite/);
    expect(dms(h, 'sam').at(-1)!.text).toBe('Alex a lâché #1 (visite mer. 25 nov. à 14h00), peu avant l’heure. Je l’ai repostée comme urgente.');
    // the released driver gets no more reminders; the passenger still does
    await at(h, visit - HOUR);
    expect(h.store.schedule.pending(h.store.groups.findByChat(h.local.chat)!.id, 1).every((j) => j.kind !== 'remind')).toBe(true);
  });

  it('re-announces unclaimed requests: visits a day before, lawyers at 50% and 80% of the window', async () => {
    h = await startHarness();
    await h.link('sam');
    await h.local.say('sam', '/visite 25/11 14h');
    await h.local.say('sam', '/avocat 48h R-12');
    await h.settle();
    const start = h.clock.now();
    await at(h, start + 24 * HOUR);
    expect(groupBot(h).filter((t) => t.startsWith('⚠ Toujours personne'))).toHaveLength(1); // lawyer at 50%
    await at(h, parisTime('2026-11-24T14:00'));
    expect(groupBot(h).filter((t) => t.startsWith('⚠ Toujours personne'))).toHaveLength(2); // visit, a day before
    await h.local.say('alex', '/prendre 2');
    await h.settle();
    await at(h, start + 40 * HOUR);
    expect(groupBot(h).filter((t) => t.startsWith('⚠ Toujours personne'))).toHaveLength(2); // claimed: no 80% alert
    // the re-announcement quotes the original post and can itself be answered
    const alert = h.local.messages.find((m) => m.text.startsWith('⚠ Toujours personne') && m.text.includes('Visite'))!;
    expect(alert.replyTo).toBeDefined();
    await h.local.say('noor', 'je prends', { replyTo: alert.number });
    await h.settle();
    expect(groupBot(h).at(-2)).toBe('✅ #1 : Noor conduit.');
  });

  it('asks the driver how the visit went; /refused records a refusal at the door', async () => {
    h = await startHarness();
    const visit = await visitClaimed();
    await at(h, visit + 2 * HOUR);
    expect(dms(h, 'alex').at(-1)!.text).toContain('Comment s’est passée la visite #1');
    await h.local.say('alex', '/refuse 1 pas de parloir ce jour-là', { direct: true });
    await h.settle();
    expect(dms(h, 'alex').at(-1)!.text).toBe('CRA de Test · Noté : la visite #1 a été refusée à l’entrée. Merci d’y être allé·e.');
    const request = h.store.requests.get(h.store.groups.findByChat(h.local.chat)!.id, 1)!;
    expect(request).toMatchObject({ state: 'done', outcome: 'refused', outcomeNote: 'pas de parloir ce jour-là' });
  });

  it('cancelling or moving a request updates its reminders', async () => {
    h = await startHarness();
    const visit = await visitClaimed();
    await h.local.say('sam', '/decaler 1 26/11 10h');
    await h.settle();
    expect(groupBot(h).at(-2)).toBe('#1 a maintenant lieu jeu. 26 nov. à 10h00. Les rappels suivent la nouvelle heure.');
    const reminders = () => dms(h, 'alex').filter((m) => m.text.includes('⏰ Rappel'));
    await at(h, visit - 24 * HOUR);
    expect(reminders()).toHaveLength(0);
    await at(h, parisTime('2026-11-25T10:00'));
    expect(reminders()).toHaveLength(1);
    await h.local.say('sam', '/annuler 1');
    await h.settle();
    await at(h, parisTime('2026-11-26T08:00'));
    expect(reminders()).toHaveLength(1);
  });

  it('posts a daily digest at the group\'s hour, only when there is something to say', async () => {
    h = await startHarness();
    await h.link('sam');
    h.service.scheduler.ensureDigests();
    await at(h, parisTime('2026-11-24T09:00'));
    expect(groupBot(h).filter((t) => t.startsWith('☀'))).toHaveLength(0);
    await h.local.say('sam', '/visite 25/11 14h');
    await h.local.say('sam', '/avocat 26/11 12h R-3');
    await h.local.say('sam', '/digest 08:30');
    await h.settle();
    expect(groupBot(h).at(-1)).toContain('Every day at 08:30');
    await at(h, parisTime('2026-11-25T08:30'));
    const digest = groupBot(h).at(-1)!;
    expect(digest).toMatch(/^☀ Aujourd’hui et demain\nVisites aujourd’hui :\n#1 Visite/);
    expect(digest).toContain('Échéances dans les 48 h :\n#2 Avocat');
    await h.local.say('sam', '/resume off');
    await h.settle();
    await at(h, parisTime('2026-11-26T08:30'));
    expect(groupBot(h).filter((t) => t.startsWith('☀'))).toHaveLength(1);
  });

  it('a digest missed by downtime is dropped, and the next day\'s is planned all the same (#13)', async () => {
    h = await startHarness();
    await h.link('sam');
    await h.local.say('sam', '/visite 26/11 14h');
    await h.settle();
    h.service.scheduler.ensureDigests();
    // Down from before 09:00 on the 24th until 14:00 (the digest is useful for 4 h).
    await at(h, parisTime('2026-11-24T14:00'));
    expect(groupBot(h).filter((t) => t.startsWith('☀'))).toHaveLength(0);
    expect(h.logs.some((l) => l.includes('SCHEDULE_TOO_LATE'))).toBe(true);
    const group = h.store.groups.findByChat(h.local.chat)!.id;
    expect(h.store.schedule.pending(group, null).filter((j) => j.kind === 'digest').map((j) => j.dueAt)).toEqual([parisTime('2026-11-25T09:00')]);
    await at(h, parisTime('2026-11-25T09:00'));
    expect(groupBot(h).filter((t) => t.startsWith('☀'))).toEqual([expect.stringContaining('Visites demain :\n#1 Visite')]);
  });

  it('many re-announcements due at once become one message; two stay two, each quoting its post (#13)', async () => {
    h = await startHarness();
    await h.link('sam');
    for (let i = 1; i <= 4; i += 1) await h.local.say('sam', `/colis 25/11 pull ${i}`);
    await h.local.say('mia', '/colis 26/11 livres');
    await h.local.say('mia', '/colis 26/11 savon');
    await h.local.say('carl', '/prendre 2');
    await h.settle();
    const warnings = () => h.local.messages.filter((m) => m.from === 'bot' && m.to === h.local.chat && m.text.startsWith('⚠ Toujours personne'));
    // #1, #3 and #4 are still open 24 h before their time (#2 was taken): one message.
    await at(h, parisTime('2026-11-24T18:00'));
    expect(warnings().map((m) => m.text)).toEqual([
      [
        '⚠ Toujours personne pour celles-ci :',
        '#1 Colis mer. 25 nov. à 18h00 — OUVERTE',
        '#3 Colis mer. 25 nov. à 18h00 — OUVERTE',
        '#4 Colis mer. 25 nov. à 18h00 — OUVERTE',
        'Pour en prendre une : /prendre N, ou réponds « je prends » à son message.',
      ].join('\n'),
    ]);
    expect(h.logs.some((l) => l.includes('SCHEDULE_MERGED'))).toBe(true);
    // Two due at once: each its own message, quoting its post.
    await at(h, parisTime('2026-11-25T18:00'));
    const two = warnings().slice(1);
    expect(two.map((m) => m.text.split('\n')[0])).toEqual(['⚠ Toujours personne pour ceci :', '⚠ Toujours personne pour ceci :']);
    expect(two.every((m) => m.replyTo !== undefined)).toBe(true);
  });

  it('after downtime sends a still-useful reminder once, marked late, and drops a useless one', async () => {
    h = await startHarness();
    const visit = await visitClaimed();
    // down from before the 24 h reminder until 3 h before the visit
    await at(h, visit - 3 * HOUR);
    const late = dms(h, 'alex');
    expect(late).toHaveLength(1);
    expect(late[0]!.text).toMatch(/^\(en retard\) ⏰ Rappel/);
    // down through the visit: the 2 h reminder is no longer useful
    await at(h, visit + 30 * MIN);
    expect(dms(h, 'alex')).toHaveLength(1);
    expect(h.logs.some((l) => l.includes('SCHEDULE_TOO_LATE'))).toBe(true);
  });

  it('follows the DST change: "2h before" a visit the morning after the clocks go forward', async () => {
    h = await startHarness({ now: parisTime('2027-03-26T10:00') });
    await h.link('sam');
    await h.local.say('sam', '/visite dimanche 09:00');
    await h.local.say('alex', '/prendre 1');
    await h.settle();
    const visit = DateTime.fromISO('2027-03-28T09:00', { zone: 'Europe/Paris' });
    expect(visit.offset).toBe(120);
    const jobs = h.store.schedule.pending(h.store.groups.findByChat(h.local.chat)!.id, 1).filter((j) => j.kind === 'remind');
    const local = jobs.map((j) => DateTime.fromMillis(j.dueAt, { zone: 'Europe/Paris' }).toISO({ suppressMilliseconds: true }));
    // 24 real hours before is 08:00 on Saturday (winter time); 2 h before is 07:00 summer time
    expect(local).toEqual(['2027-03-27T08:00:00+01:00', '2027-03-28T07:00:00+02:00']);
    await at(h, visit.toMillis() - 2 * HOUR - 1);
    expect(dms(h, 'alex')).toHaveLength(1);
    await at(h, visit.toMillis() - 2 * HOUR);
    expect(dms(h, 'alex')).toHaveLength(2);
  });
});

describe('the scheduler at volume', () => {
  it('fires 10 000 reminders in order, none missed or doubled, across a restart mid-batch', async () => {
    const temp = tempDir();
    const h = await startHarness({ dir: temp.dir });
    await h.link('sam');
    const group = h.store.groups.findByChat(h.local.chat)!;
    const start = h.clock.now();
    const alex = h.store.members.keyOf(group.id, 'local:alex' as never);
    h.store.write(() => {
      h.store.members.touch(group.id, 'local:alex' as never, 'Alex', start);
      h.store.requests.create(group.id, 1, { kind: 'lawyer', dueAt: start + 30 * 24 * HOUR, seats: 0 }, alex, start);
      h.store.requests.claim(group.id, 1, alex, start);
      for (let i = 0; i < 10_000; i++) {
        h.store.schedule.add(group.id, { kind: 'remind', number: 1, member: alex, dueAt: start + 1 + i, usefulUntil: start + 30 * 24 * HOUR, leadMs: i });
      }
    });
    h.clock.set(start + 20_000);
    const first = h.service.scheduler.tick(3_333); // "crash" after a third of the batch
    expect(first.sent).toBe(3_333);
    // a second scheduler (as after a restart) on the same database finishes the rest
    const second = new Scheduler({ store: h.store, planning: { centres, settings: { ...DEFAULT_PLAN, leads: [] } }, clock: h.clock, logger: silentLogger });
    expect(second.tick().sent).toBe(10_000 - 3_333);
    expect(h.service.scheduler.tick().sent).toBe(0);
    const rows = h.store.db.prepare("SELECT id FROM outbox WHERE state = 'pending' ORDER BY id").all() as { id: number }[];
    expect(rows).toHaveLength(10_000);
    const fired = h.store.db.prepare("SELECT lead_ms FROM schedule WHERE kind = 'remind' ORDER BY fired_at, id").all() as { lead_ms: number }[];
    expect(fired.map((r) => r.lead_ms)).toEqual(Array.from({ length: 10_000 }, (_, i) => i));
    await h.close();
    temp.cleanup();
  });
});
