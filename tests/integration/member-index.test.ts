// One blind-index key per group: the same person hashes differently in each group, so the
// database alone does not link them across groups; a direct chat still finds all their groups.
// A store written with the instance-wide hash of earlier versions is re-keyed once when opened.

import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { GroupId, MemberAddress } from '../../src/core/ids.js';
import { MEMBER_HASH_COLUMNS } from '../../src/store/member-rekey.js';
import { openStore, type Store } from '../../src/store/store.js';
import { contains, rawBytes } from '../support/raw-scan.js';
import { type Harness, parisTime, startHarness, tempDir } from '../support/harness.js';

const HOUR = 3_600_000;
const SECOND = 'second-group';
const ALEX = 'local:alex' as MemberAddress;

/** Every column of the schema that holds a member's hash, listed here independently of the code. */
const MEMBER_COLUMNS = [
  ['members', 'member_bidx'],
  ['requests', 'requester_bidx'],
  ['requests', 'claimer_bidx'],
  ['passengers', 'member_bidx'],
  ['schedule', 'member_bidx'],
  ['prompts', 'member_bidx'],
  ['cases', 'opener_bidx'],
  ['case_reveals', 'member_bidx'],
  ['case_dialogues', 'member_bidx'],
] as const;
/** Blind indexes that are not about a member (chats, messages, codes, dedupe keys, wipe words). */
// quiet_chats: chats outside every group (an unlinked group, a stranger's direct chat), kept a day (#13 limits).
const NOT_MEMBER_COLUMNS = ['groups.chat_bidx', 'groups.wipe_bidx', 'invites.code_bidx', 'posts.message_bidx', 'posts.chat_bidx', 'inbox.key_bidx', 'outbox.to_bidx', 'prompts.message_bidx', 'quiet_chats.chat_bidx'];

const dms = (h: Harness, member: string) => h.local.messages.filter((m) => m.from === 'bot' && m.to === `local:${member}`).map((m) => m.text);
const inSecond = (h: Harness) => h.local.messages.filter((m) => m.from === 'bot' && m.to === `local:${SECOND}`).map((m) => m.text);

async function say(h: Harness, member: string, text: string, where: { direct?: boolean; group?: string } = {}): Promise<void> {
  await h.local.say(member, text, where);
  await h.settle();
}

/** Hashes of members per group, from every member column. */
function hashesByGroup(store: Store): Map<number, Set<string>> {
  const byGroup = new Map<number, Set<string>>();
  for (const [table, column] of MEMBER_COLUMNS) {
    const rows = store.db.prepare(`SELECT group_id, hex(${column}) AS h FROM ${table} WHERE ${column} IS NOT NULL`).all() as { group_id: number; h: string }[];
    for (const row of rows) {
      const set = byGroup.get(row.group_id) ?? new Set<string>();
      set.add(row.h.toLowerCase());
      byGroup.set(row.group_id, set);
    }
  }
  return byGroup;
}

/**
 * Rewrites the store as versions before per-group keys wrote it: every member hash is the
 * instance-wide blind index of the address, and the sealed fields name that hash.
 */
function toInstanceWideScheme(store: Store): void {
  const { db, vault, keys } = store;
  store.write(() => {
    for (const group of store.groups.list()) {
      const groupKey = keys.keyFor(group.id);
      const rows = db.prepare('SELECT member_bidx, address_enc, name_enc FROM members WHERE group_id = ?').all(group.id) as {
        member_bidx: Buffer;
        address_enc: Uint8Array;
        name_enc: Uint8Array | null;
      }[];
      for (const row of rows) {
        const current = row.member_bidx.toString('hex');
        const address = vault.open(groupKey, `members.address_enc:${group.id}:${current}`, row.address_enc);
        const name = row.name_enc ? vault.open(groupKey, `members.name_enc:${group.id}:${current}`, row.name_enc) : undefined;
        const old = Buffer.from(vault.blindIndex('member', address));
        const oldHex = old.toString('hex');
        for (const [table, column] of MEMBER_COLUMNS) {
          if (table === 'members' || table === 'case_dialogues') continue;
          db.prepare(`UPDATE ${table} SET ${column} = ? WHERE group_id = ? AND ${column} = ?`).run(old, group.id, row.member_bidx);
        }
        const dialogue = store.cases.dialogue(current as never, 0);
        if (dialogue) {
          const expires = db.prepare('SELECT expires_at FROM case_dialogues WHERE member_bidx = ?').pluck().get(row.member_bidx) as number;
          store.cases.endDialogue(current as never);
          store.cases.startDialogue(oldHex as never, dialogue.group, dialogue.caseId, dialogue.lang, expires);
          store.cases.saveDialogue(oldHex as never, dialogue, expires);
        }
        db.prepare('UPDATE members SET member_bidx = ?, address_enc = ?, name_enc = ? WHERE group_id = ? AND member_bidx = ?').run(
          old,
          vault.seal(groupKey, `members.address_enc:${group.id}:${oldHex}`, address),
          name === undefined ? null : vault.seal(groupKey, `members.name_enc:${group.id}:${oldHex}`, name),
          group.id,
          row.member_bidx,
        );
      }
    }
    db.prepare("DELETE FROM meta WHERE key = 'member_index'").run();
  });
}

describe('per-group member blind index', () => {
  let h: Harness | undefined;
  let cleanup: (() => void) | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
    cleanup?.();
  });

  /** Two groups with Alex in both (a claim in the first, a request in the second), Sam in both. */
  async function twoGroups(harness: Harness): Promise<void> {
    await harness.link('sam');
    await say(harness, 'sam', '/visite 25/11 14h places 1 depuis gare de Calais');
    await say(harness, 'alex', '/prendre 1');
    await say(harness, 'noor', '/rejoindre 1');
    const { code } = harness.store.write(() => harness.store.invites.create('test-centre', harness.clock.now()));
    await say(harness, 'alex', `/lier ${code}`, { group: SECOND });
    await say(harness, 'sam', 'bonjour', { group: SECOND });
    await say(harness, 'alex', '/colis 27/11 10h linge', { group: SECOND });
    await say(harness, 'sam', '/prendre 1', { group: SECOND });
  }

  it('gives the same member a different hash in each group, and no hash is shared between groups', async () => {
    h = await startHarness();
    await twoGroups(h);
    const [first, second] = h.store.groups.list().map((g) => g.id) as [GroupId, GroupId];
    expect(h.store.members.keyOf(first, ALEX)).not.toBe(h.store.members.keyOf(second, ALEX));
    expect(h.store.members.get(first, h.store.members.keyOf(first, ALEX))?.address).toBe(ALEX);
    expect(h.store.members.get(second, h.store.members.keyOf(second, ALEX))?.address).toBe(ALEX);

    const byGroup = hashesByGroup(h.store);
    expect(byGroup.get(first)!.size).toBeGreaterThanOrEqual(3); // sam, alex, noor
    expect(byGroup.get(second)!.size).toBe(2); // alex, sam
    const shared = [...byGroup.get(first)!].filter((x) => byGroup.get(second)!.has(x));
    expect(shared).toEqual([]);

    // The raw files hold each group's hash of Alex, and never the instance-wide one.
    h.store.checkpoint();
    const raw = rawBytes(h.dbPath);
    expect(contains(raw, Buffer.from(h.store.members.keyOf(first, ALEX), 'hex'))).toBe(true);
    expect(contains(raw, Buffer.from(h.store.members.keyOf(second, ALEX), 'hex'))).toBe(true);
    expect(contains(raw, h.store.vault.blindIndex('member', ALEX))).toBe(false);

    // A direct chat still finds all of Alex's groups.
    await say(h, 'alex', '/mes', { direct: true });
    const mine = dms(h, 'alex').at(-1)!;
    expect(mine).toContain('#1 Visite');
    expect(mine).toContain('#1 Colis');
  });

  it('every member hash column of the schema is re-keyed (a new one must be added to the re-keying)', async () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const store = await openStore({ path: `${temp.dir}/p.db`, masterKey: new Uint8Array(32).fill(7) });
    const columns = (store.db.prepare("SELECT m.name AS t, p.name AS c FROM sqlite_schema m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND p.name LIKE '%\\_bidx' ESCAPE '\\'").all() as { t: string; c: string }[])
      .map((r) => `${r.t}.${r.c}`)
      .filter((c) => !NOT_MEMBER_COLUMNS.includes(c))
      .sort();
    store.close();
    expect(columns).toEqual(MEMBER_COLUMNS.map(([t, c]) => `${t}.${c}`).sort());
    const rekeyed = [...MEMBER_HASH_COLUMNS.map(([t, c]) => `${t}.${c}`), 'members.member_bidx', 'case_dialogues.member_bidx'].sort();
    expect(rekeyed).toEqual(columns);
  });

  it('re-keys a store made with the instance-wide hash once; /mine in a direct chat, claims, reminders and a /details dialogue still work', async () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const key = new Uint8Array(32).fill(11);
    h = await startHarness({ dir: temp.dir, key });
    await twoGroups(h);
    await say(h, 'sam', '/dossier R-12 placé 22/11 9h30');
    // The 24 h reminder goes out (a prompt Alex may answer with OK in the direct chat).
    const visit = parisTime('2026-11-25T14:00');
    h.clock.set(visit - 24 * HOUR);
    h.service.scheduler.tick();
    await h.settle();
    expect(dms(h, 'alex').at(-1)).toContain('⏰ Rappel');
    // Noor is half-way through a /details dialogue when the service stops.
    await say(h, 'noor', '/details R-12', { direct: true });
    await say(h, 'noor', 'Zorbanek Ilyas', { direct: true });
    expect(dms(h, 'noor').at(-1)).toMatch(/^\(2\/8\)/);
    const [first] = h.store.groups.list().map((g) => g.id) as [GroupId];
    const perGroup = h.store.members.keyOf(first, ALEX);
    const now = h.clock.now();
    const before = h.store;
    before.write(() => before.alerts.raise(first, `identity-changed:${perGroup}`, now, HOUR));
    toInstanceWideScheme(h.store);
    const oldAlex = h.store.vault.blindIndex('member', ALEX);
    h.store.db.prepare('UPDATE alerts SET kind = ? WHERE kind = ?').run(`identity-changed:${Buffer.from(oldAlex).toString('hex')}`, `identity-changed:${perGroup}`);
    await h.close();
    h = undefined;

    // The old scheme, as stored: the same hash of Alex in both groups.
    const db = new Database(`${temp.dir}/parloir.db`, { readonly: true });
    const alexRows = db.prepare('SELECT group_id FROM members WHERE member_bidx = ?').all(Buffer.from(oldAlex));
    db.close();
    expect(alexRows).toHaveLength(2);

    // Reopened: re-keyed once, at open.
    h = await startHarness({ dir: temp.dir, key, now });
    expect(h.store.rekeyed).toBe(5); // sam, alex, noor in the first group; alex, sam in the second
    const [g1, g2] = h.store.groups.list().map((g) => g.id) as [GroupId, GroupId];
    const byGroup = hashesByGroup(h.store);
    expect([...byGroup.get(g1)!].filter((x) => byGroup.get(g2)!.has(x))).toEqual([]);
    expect(h.store.requests.get(g1, 1)?.claimer).toBe(h.store.members.keyOf(g1, ALEX));
    expect(h.store.members.get(g1, h.store.members.keyOf(g1, ALEX))?.name).toBe('Alex');
    expect(h.store.db.prepare('SELECT kind FROM alerts WHERE group_id = ?').pluck().all(g1)).toContain(`identity-changed:${h.store.members.keyOf(g1, ALEX)}`);
    h.store.checkpoint();
    expect(contains(rawBytes(h.dbPath), oldAlex)).toBe(false);

    // OK in the direct chat answers the reminder; /mine finds both groups.
    await say(h, 'alex', 'OK', { direct: true });
    expect(dms(h, 'alex').at(-1)).toBe('👍 Merci, #1 (visite mer. 25 nov. à 14h00) est confirmée.');
    await say(h, 'alex', '/mes', { direct: true });
    expect(dms(h, 'alex').at(-1)).toContain('#1 Colis');
    expect(dms(h, 'alex').at(-1)).toContain('#1 Visite');
    // The dialogue goes on where it was.
    await say(h, 'noor', 'Ruritanienne', { direct: true });
    expect(dms(h, 'noor').at(-1)).toMatch(/^\(3\/8\)/);
    // The 2 h reminder reaches the driver and the passenger (their hashes in the schedule were re-keyed).
    h.clock.set(visit - 2 * HOUR);
    h.service.scheduler.tick();
    await h.settle();
    expect(dms(h, 'alex').at(-1)).toContain('⏰ Rappel');
    expect(dms(h, 'noor').at(-1)).toContain('⏰ Rappel');
    // Claims: Alex's claim in the first group is his to release; Sam's in the second is Sam's.
    await say(h, 'alex', '/lacher 1');
    expect(h.store.requests.get(g1, 1)?.claimer).toBeUndefined();
    await say(h, 'alex', '/prendre 1', { group: SECOND });
    expect(inSecond(h).at(-1)).toContain('#1');
    expect(h.store.requests.get(g2, 1)?.claimer).toBe(h.store.members.keyOf(g2, 'local:sam' as MemberAddress));
    await h.close();

    // Once only.
    h = await startHarness({ dir: temp.dir, key, now });
    expect(h.store.rekeyed).toBe(0);
  });
});
