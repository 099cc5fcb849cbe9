// /wipe (FR /effacer): a coordinator, confirming with the word the bot gives, destroys the
// group's key and then its rows; the group is unlinked; nothing sealed of that group opens with
// any key left on disk or in memory. `npx parloir shred` does the same from the server.

import { afterEach, describe, expect, it } from 'vitest';
import { groupKeyAd, subKeyAd } from '../../src/store/keyring.js';
import { shredGroups } from '../../src/store/shred.js';
import { type Harness, lastBot, startHarness } from '../support/harness.js';
import { contains, rawBytes, unwrappableKeys } from '../support/raw-scan.js';

interface Captured {
  groupKey: Uint8Array;
  wrapped: Uint8Array;
  chat: Uint8Array;
  place: Uint8Array;
}

async function groupWithData(h: Harness): Promise<{ id: number; captured: Captured }> {
  await h.link('cora');
  await h.local.say('rita', '/visite demain 14h places 2 depuis gare de Calais-Fréthun QX-4711');
  await h.local.say('carl', '/prendre 1');
  await h.settle();
  const group = h.store.groups.findByChat(h.local.chat)!;
  const row = h.store.db.prepare('SELECT key_wrapped, chat_enc FROM groups WHERE id = ?').get(group.id) as { key_wrapped: Uint8Array; chat_enc: Uint8Array };
  const place = h.store.db.prepare('SELECT place_enc FROM requests WHERE group_id = ? AND number = 1').pluck().get(group.id) as Uint8Array;
  return { id: group.id, captured: { groupKey: new Uint8Array(h.store.keys.keyFor(group.id).bytes), wrapped: row.key_wrapped, chat: row.chat_enc, place } };
}

/** Nothing of the group is left in the files, and no key that remains opens what was captured. */
function expectShredded(h: Harness, id: number, c: Captured, walEmpty: boolean): void {
  const raw = rawBytes(h.dbPath);
  for (const bytes of [c.wrapped, c.chat, c.place]) expect(contains(raw, bytes)).toBe(false);
  for (const table of ['groups', 'members', 'requests', 'outbox', 'schedule', 'posts']) {
    const n = h.store.db.prepare(`SELECT COUNT(*) FROM ${table} WHERE ${table === 'groups' ? 'id' : 'group_id'} = ?`).pluck().get(id);
    expect(n, table).toBe(0);
  }
  // The keys that remain: the master-derived ones in memory. None unwraps a group or request key from the files.
  const remaining = [h.store.vault.systemKey.bytes];
  expect(unwrappableKeys(raw, remaining, groupKeyAd(id))).toEqual([]);
  expect(() => h.store.keys.keyFor(id as never)).toThrow(/GROUP_KEY_MISSING/);
  // Right after a shred the WAL is truncated (after /wipe, sending the answer writes to it again).
  if (walEmpty) expect(rawBytes(`${h.dbPath}-wal`).length).toBe(0);
}

describe('/wipe and shred', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('a coordinator wipes the group by repeating the word; others are refused; a wrong word destroys nothing', async () => {
    h = await startHarness();
    const { id, captured } = await groupWithData(h);
    // The request key is wrapped by the group key, and the scan can find it while the group lives.
    expect(unwrappableKeys(rawBytes(h.dbPath), [captured.groupKey], subKeyAd('requests', id as never, 1)).length).toBeGreaterThan(0);

    await h.local.say('rita', '/effacer');
    await h.settle();
    expect(lastBot(h)).toContain('Seul·e un·e coordinateur·ice');

    await h.local.say('cora', '/effacer');
    await h.settle();
    const word = /\/effacer ([A-Z]{6})$/.exec(lastBot(h))?.[1];
    expect(word).toBeDefined();
    await h.local.say('cora', '/effacer ZZZZZZ');
    await h.settle();
    expect(lastBot(h)).toContain('rien n’a été détruit');
    expect(h.store.groups.get(id as never)).toBeDefined();
    const second = /\/effacer ([A-Z]{6})$/.exec(lastBot(h))?.[1] ?? '';
    expect(second).not.toBe(word);

    await h.local.say('rita', `/effacer ${second}`); // the word alone is not enough: coordinators only
    await h.settle();
    expect(h.store.groups.get(id as never)).toBeDefined();

    await h.local.say('cora', `/effacer ${second.toLowerCase()}`);
    await h.settle();
    expect(lastBot(h)).toMatch(/^C’est fait : la clé de ce groupe est détruite/);
    expectShredded(h, id, captured, false);
    // The group is unlinked: the bot answers as in any unlinked group.
    await h.local.say('rita', '/liste');
    await h.settle();
    expect(lastBot(h)).toMatch(/^Ce groupe n’est pas encore lié/);
  });

  it('a late word does not wipe', async () => {
    h = await startHarness();
    const { id } = await groupWithData(h);
    await h.local.say('cora', '/wipe');
    await h.settle();
    const word = /\/wipe ([A-Z]{6})$/.exec(lastBot(h))?.[1] ?? '';
    h.clock.advance(11 * 60_000);
    await h.local.say('cora', `/wipe ${word}`);
    await h.settle();
    expect(lastBot(h)).toContain('That is not the word');
    expect(h.store.groups.get(id as never)).toBeDefined();
  });

  it('shred from the server destroys the group the same way and leaves the others', async () => {
    h = await startHarness();
    const { id, captured } = await groupWithData(h);
    await h.local.say('olga', '/lier X', { group: 'other-group' }); // an unlinked chat stays unlinked
    const other = h.store.write(() => h.store.groups.link('local:second-group' as never, 'test-centre', 'fr', h.clock.now()));
    expect(shredGroups(h.store, [id, 999])).toBe(1);
    expectShredded(h, id, captured, true);
    expect(h.store.groups.get(other.id)?.chat).toBe('local:second-group');
    expect(shredGroups(h.store, 'all')).toBe(1);
    expect(h.store.groups.summaries()).toEqual([]);
  });
});
