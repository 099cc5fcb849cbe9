// Retention of unlinked groups: a group the bot was removed from and not added back to within
// PARLOIR_GROUP_RETENTION_DAYS is shredded (key first, then rows); its coordinators are warned a
// week before and told when it is done. Driven by the manual clock.

import { afterEach, describe, expect, it } from 'vitest';
import type { ChatAddress } from '../../src/core/ids.js';
import { retireUnlinkedGroups, warnDaysBefore } from '../../src/engine/group-retention.js';
import { silentLogger } from '../../src/logger.js';
import { centres, type Harness, startHarness, tempDir } from '../support/harness.js';
import { contains, rawBytes } from '../support/raw-scan.js';

const DAY = 86_400_000;
const MIN = 60_000;

const dms = (h: Harness, member: string) => h.local.messages.filter((m) => m.from === 'bot' && m.to === `local:${member}`).map((m) => m.text);

async function membership(h: Harness, present: boolean, key: string): Promise<void> {
  await h.service.parloir.handle({ kind: 'bot-membership', dedupeKey: key, transport: 'local', chat: h.local.chat as ChatAddress, chatKind: 'group', present });
  await h.settle();
}

describe('retention of unlinked groups', () => {
  let h: Harness | undefined;
  let cleanup: (() => void) | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
    cleanup?.();
  });

  const retire = (harness: Harness, days = 30) => retireUnlinkedGroups(harness.store, centres, harness.clock.now(), days, silentLogger);

  it('warns the coordinators a week before, once, then shreds the group at the deadline and says so', async () => {
    h = await startHarness();
    await h.link('sam');
    await h.local.say('sam', '/visite 25/11 14h depuis gare de Calais QX-4711');
    await h.settle();
    const group = h.store.groups.findByChat(h.local.chat)!;
    const wrapped = h.store.db.prepare('SELECT key_wrapped FROM groups WHERE id = ?').pluck().get(group.id) as Uint8Array;
    const place = h.store.db.prepare('SELECT place_enc FROM requests WHERE group_id = ?').pluck().get(group.id) as Uint8Array;
    const groupKey = h.store.keys.keyFor(group.id).bytes;
    const start = h.clock.now();
    await membership(h, false, 'removed-1');
    expect(dms(h, 'sam').at(-1)).toContain('Je ne suis plus dans le groupe lié à CRA de Test');

    h.clock.set(start + 23 * DAY - MIN);
    expect(retire(h)).toEqual({ warned: 0, shredded: 0 });
    h.clock.set(start + 23 * DAY);
    expect(retire(h)).toEqual({ warned: 1, shredded: 0 });
    await h.settle();
    expect(dms(h, 'sam').at(-1)).toBe(
      'Je ne suis plus dans le groupe lié à CRA de Test depuis 23 jours. Si je n’y suis pas ajouté·e de nouveau d’ici le mer. 23 déc. à 10h00, les données du groupe (demandes, membres, dossiers) seront effacées définitivement, pour ne pas survivre au groupe. Ajoute-moi de nouveau pour les garder.',
    );
    h.clock.set(start + 29 * DAY);
    expect(retire(h)).toEqual({ warned: 0, shredded: 0 });

    // The scan finds the wrapped group key while the group lives (so its "nothing" below means something).
    expect(contains(rawBytes(h.dbPath), wrapped)).toBe(true);

    h.clock.set(start + 30 * DAY - MIN);
    expect(retire(h).shredded).toBe(0);
    h.clock.set(start + 30 * DAY);
    expect(retire(h)).toEqual({ warned: 0, shredded: 1 });
    expect(h.store.groups.list()).toEqual([]);
    expect(h.store.db.prepare('SELECT COUNT(*) FROM requests').pluck().get()).toBe(0);
    expect(h.store.db.prepare('SELECT COUNT(*) FROM members').pluck().get()).toBe(0);
    // The key went first and left the files; its copy in memory is zeroed.
    const raw = rawBytes(h.dbPath);
    expect(contains(raw, wrapped)).toBe(false);
    expect(contains(raw, place)).toBe(false);
    expect(groupKey.every((b) => b === 0)).toBe(true);
    // The coordinator hears it is done (a message sealed outside the group, whose key is gone).
    await h.settle();
    expect(dms(h, 'sam').at(-1)).toBe(
      'Je n’ai pas été ajouté·e de nouveau au groupe lié à CRA de Test : comme annoncé, ses données sont maintenant effacées définitivement. Pour y utiliser Parloir de nouveau, demande un nouveau code de liaison à l’admin.',
    );
    expect(retire(h)).toEqual({ warned: 0, shredded: 0 });
  });

  it('a group added back in time is kept, and a later removal starts the count again', async () => {
    h = await startHarness();
    await h.link('sam');
    const start = h.clock.now();
    await membership(h, false, 'removed-1');
    h.clock.set(start + 23 * DAY);
    expect(retire(h).warned).toBe(1);
    h.clock.set(start + 25 * DAY);
    await membership(h, true, 'back-1');
    expect(dms(h, 'sam').at(-1)).toContain('Je suis de retour dans le groupe');
    h.clock.set(start + 60 * DAY);
    expect(retire(h)).toEqual({ warned: 0, shredded: 0 });
    await membership(h, false, 'removed-2');
    h.clock.set(start + 60 * DAY + 23 * DAY);
    expect(retire(h)).toEqual({ warned: 1, shredded: 0 });
    h.clock.set(start + 60 * DAY + 30 * DAY);
    expect(retire(h)).toEqual({ warned: 0, shredded: 1 });
  });

  it('a short retention warns halfway through it', () => {
    expect(warnDaysBefore(30)).toBe(7);
    expect(warnDaysBefore(6)).toBe(3);
    expect(warnDaysBefore(2)).toBe(1);
  });

  it('the service retires groups at start (housekeeping): a restart after the deadline finds the group gone', async () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const key = new Uint8Array(32).fill(5);
    h = await startHarness({ dir: temp.dir, key });
    await h.link('sam');
    const { store, clock } = h;
    await h.local.say('noor', `/lier ${store.write(() => store.invites.create('test-centre', clock.now())).code}`, { group: 'kept-group' });
    await h.settle();
    const start = h.clock.now();
    await membership(h, false, 'removed-1');
    await h.close();
    h = await startHarness({ dir: temp.dir, key, now: start + 31 * DAY });
    // The other group, never removed, stays.
    expect(h.store.groups.list().map((g) => g.chat)).toEqual(['local:kept-group']);
    expect(h.logs.some((l) => l.includes('GROUP_RETENTION_SHREDDED'))).toBe(true);
  });
});
