// Deleted means unreadable: a purged request's sealed values open with no key left on disk or
// in memory, and neither the database nor its WAL keeps its wrapped key.

import { afterEach, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../src/engine/housekeeping.js';
import { subKeyAd } from '../../src/store/keyring.js';
import { DecryptionError } from '../../src/store/vault.js';
import { type Harness, startHarness } from '../support/harness.js';
import { contains, rawBytes, unwrappableKeys } from '../support/raw-scan.js';

const DAY = 86_400_000;

interface SealedRow {
  key_wrapped: Uint8Array;
  place_enc: Uint8Array;
  detainee_enc: Uint8Array;
}

describe('deleted means unreadable', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('after cancel and purge, the request key is gone from db and WAL and its values open with no remaining key', async () => {
    h = await startHarness();
    await h.link();
    await h.local.say('sam', '/visite demain 14h places 2 depuis gare de Calais-Fréthun QX-4711');
    await h.local.say('sam', '/colis vendredi pull');
    await h.settle();
    const group = h.store.groups.findByChat(h.local.chat)!;
    const row = h.store.db.prepare('SELECT key_wrapped, place_enc, detainee_enc FROM requests WHERE group_id = ? AND number = 1').get(group.id) as SealedRow;
    const groupKey = h.store.db.prepare('SELECT key_wrapped FROM groups WHERE id = ?').pluck().get(group.id) as Uint8Array;
    const inMemory = [h.store.vault.systemKey.bytes];
    const keyOfGroup = h.store.keys.keyFor(group.id).bytes;
    inMemory.push(keyOfGroup);
    const ad = subKeyAd('requests', group.id, 1);

    // The scan is able to find the key while the request lives (so its "nothing" below means something).
    expect(unwrappableKeys(rawBytes(h.dbPath), inMemory, ad).length).toBeGreaterThan(0);
    // The request's values are not sealed by the group key itself.
    expect(() => h.store.vault.open({ bytes: keyOfGroup }, `requests.place_enc:${group.id}:1`, row.place_enc)).toThrow(DecryptionError);

    await h.local.say('sam', '/annuler 1');
    await h.settle();
    h.clock.advance(31 * DAY);
    expect(purgeExpired(h.store, h.clock.now(), 30).requests).toBe(1);

    const raw = rawBytes(h.dbPath);
    expect(contains(raw, row.key_wrapped)).toBe(false);
    expect(contains(raw, row.place_enc)).toBe(false);
    expect(contains(raw, row.detainee_enc)).toBe(false);
    expect(contains(raw, groupKey)).toBe(true); // the group itself lives on
    expect(unwrappableKeys(raw, inMemory, ad)).toEqual([]);
    // The purge checkpointed and truncated the WAL.
    expect(rawBytes(`${h.dbPath}-wal`).length).toBe(0);
    // The other request is untouched.
    expect(h.store.requests.get(group.id, 2)?.items).toBe('pull');
  });
  for (const retentionDays of [30, 3]) {
    it(`a closed case's key is destroyed before its rows, and nothing of its details opens after (retention ${retentionDays} days)`, async () => {
      h = await startHarness();
      await h.link();
      await h.local.say('sam', '/dossier R-12 placé 22/11 9h30');
      await h.settle();
      const group = h.store.groups.findByChat(h.local.chat)!;
      const id = h.store.cases.findOpen(group.id, 'R-12')!.id;
      // Saved as the /details dialogue's last step does.
      h.store.write(() => h.store.cases.setDetails(group.id, id, { registeredName: 'Quillimar Zorbanek' }, h.clock.now()));
      const row = h.store.db.prepare('SELECT key_wrapped, details_enc FROM cases WHERE group_id = ? AND id = ?').get(group.id, id) as { key_wrapped: Uint8Array; details_enc: Uint8Array };
      const groupKey = h.store.keys.keyFor(group.id).bytes;
      const ad = subKeyAd('cases', group.id, id);
      const caseKey = h.store.vault.openSubKey({ bytes: groupKey }, row.key_wrapped, ad);
      h.store.checkpoint();
      expect(unwrappableKeys(rawBytes(h.dbPath), [groupKey], ad).length).toBeGreaterThan(0);

      await h.local.say('sam', '/dossier R-12 clore libéré');
      await h.settle();
      expect(h.store.cases.get(group.id, id)?.state).toBe('closed');
      h.clock.advance((Math.min(7, retentionDays) + 1) * DAY);
      const purged = purgeExpired(h.store, h.clock.now(), retentionDays);
      // With a long retention the details go after 7 days and the case stays for the counts; with a short one both go at once.
      expect(purged.cases).toBe(retentionDays <= 7 ? 1 : 0);

      const raw = rawBytes(h.dbPath);
      expect(contains(raw, row.key_wrapped)).toBe(false);
      expect(contains(raw, row.details_enc)).toBe(false);
      expect(unwrappableKeys(raw, [groupKey, h.store.vault.systemKey.bytes], ad)).toEqual([]);
      // The copy taken before (as from a backup) opens with no key left: the case key is not the group key.
      expect(() => h.store.vault.open({ bytes: groupKey }, `cases.details_enc:${group.id}:${id}`, row.details_enc)).toThrow(DecryptionError);
      expect(h.store.vault.open(caseKey, `cases.details_enc:${group.id}:${id}`, row.details_enc)).toContain('Quillimar');
      if (retentionDays > 7) {
        expect(h.store.db.prepare('SELECT key_wrapped FROM cases WHERE group_id = ? AND id = ?').pluck().get(group.id, id)).toBeNull();
        h.clock.advance(retentionDays * DAY);
        expect(purgeExpired(h.store, h.clock.now(), retentionDays).cases).toBe(1);
      }
      expect(h.store.cases.get(group.id, id)).toBeUndefined();
    });
  }
});
