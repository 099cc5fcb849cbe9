// One-time move from the instance-wide member blind index to one index key per group (derived
// from the group's key). Runs when a store is opened with its key (at start or at unlock) and is
// flagged in `meta`, so it runs once. Every column holding a member's hash is rewritten, and the
// values sealed with associated data that names the hash (a member's address and name, a /details
// dialogue's answers) are sealed again under the new name.
//
// A hash whose member row is gone (someone who left, but whose old request remains) cannot be
// recomputed without the address: it is replaced by a keyed hash of the old value under the
// group's index key, which stays distinct per group and matches nobody.

import type { MemberKey } from '../core/domain.js';
import { type GroupId, groupId, type MemberAddress } from '../core/ids.js';
import type { CaseRepository } from './cases.js';
import { fromMemberKey, hex, toMemberKey } from './codec.js';
import type { Db } from './database.js';
import type { Keyring } from './keyring.js';
import { memberAd } from './members.js';
import type { Vault } from './vault.js';

const FLAG = 'member_index';
const PER_GROUP = 'per-group-v1';

/** Every column that holds a member's blind index, in tables scoped by `group_id`. */
export const MEMBER_HASH_COLUMNS: readonly (readonly [table: string, column: string])[] = [
  ['requests', 'requester_bidx'],
  ['requests', 'claimer_bidx'],
  ['passengers', 'member_bidx'],
  ['schedule', 'member_bidx'],
  ['prompts', 'member_bidx'],
  ['cases', 'opener_bidx'],
  ['case_reveals', 'member_bidx'],
];

/** Alerts remembered per member end with the member's key (`identity-changed:<key>`, `limit:requests:<key>`). */
const ALERT_WITH_KEY = /^(.*:)([0-9a-f]{32})$/;

export interface RekeyDeps {
  readonly db: Db;
  readonly vault: Vault;
  readonly keys: Keyring;
  readonly cases: CaseRepository;
}

/** Re-keys the member hashes once; returns how many member rows were rewritten (0 when already done). */
export function rekeyMembersOnce(deps: RekeyDeps): number {
  const { db } = deps;
  return db.transaction(() => {
    if (isPerGroup(db)) return 0;
    const groups = db.prepare('SELECT id FROM groups WHERE length(key_wrapped) > 0 ORDER BY id').pluck().all() as number[];
    let rewritten = 0;
    for (const id of groups) rewritten += rekeyGroup(deps, groupId(id));
    db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(FLAG, Buffer.from(PER_GROUP));
    return rewritten;
  }).immediate();
}

export function isPerGroup(db: Db): boolean {
  const value = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(FLAG) as Uint8Array | undefined;
  return value !== undefined && Buffer.from(value).toString() === PER_GROUP;
}

function rekeyGroup(deps: RekeyDeps, group: GroupId): number {
  const { db, vault, keys } = deps;
  const groupKey = keys.keyFor(group);
  const indexKey = keys.indexKeyFor(group);
  const members = db.prepare('SELECT member_bidx, address_enc, name_enc FROM members WHERE group_id = ?').all(group) as {
    member_bidx: Uint8Array;
    address_enc: Uint8Array;
    name_enc: Uint8Array | null;
  }[];

  // Old hash → new hash, from each member's address (opened under the old associated data).
  const known = new Map<string, { key: MemberKey; address: string; name?: string }>();
  for (const row of members) {
    const old = toMemberKey(row.member_bidx);
    const address = vault.open(groupKey, memberAd('address_enc', group, old), row.address_enc);
    const name = row.name_enc ? vault.open(groupKey, memberAd('name_enc', group, old), row.name_enc) : undefined;
    const key = toMemberKey(vault.keyedHash(indexKey, `member\u0000${address as MemberAddress}`));
    known.set(old, { key, address, ...(name !== undefined ? { name } : {}) });
  }
  const renamed = (old: string): MemberKey => known.get(old)?.key ?? toMemberKey(vault.keyedHash(indexKey, `orphan\u0000${old}`));

  for (const [table, column] of MEMBER_HASH_COLUMNS) {
    const olds = db.prepare(`SELECT DISTINCT ${column} FROM ${table} WHERE group_id = ? AND ${column} IS NOT NULL`).pluck().all(group) as Uint8Array[];
    const update = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE group_id = ? AND ${column} = ?`);
    for (const old of olds) update.run(fromMemberKey(renamed(hex(old))), group, old);
  }
  rekeyDialogues(deps, group, renamed);
  rekeyAlerts(db, group, renamed);

  const rewrite = db.prepare('UPDATE members SET member_bidx = ?, address_enc = ?, name_enc = ? WHERE group_id = ? AND member_bidx = ?');
  for (const [old, { key, address, name }] of known) {
    const nameEnc = name !== undefined ? vault.seal(groupKey, memberAd('name_enc', group, key), name) : null;
    rewrite.run(fromMemberKey(key), vault.seal(groupKey, memberAd('address_enc', group, key), address), nameEnc, group, fromMemberKey(old as MemberKey));
  }
  return known.size;
}

/** A /details dialogue in progress: its answers' associated data names the member, so they are sealed again. */
function rekeyDialogues(deps: RekeyDeps, group: GroupId, renamed: (old: string) => MemberKey): void {
  const { db, cases } = deps;
  const rows = db.prepare('SELECT member_bidx, expires_at FROM case_dialogues WHERE group_id = ?').all(group) as { member_bidx: Uint8Array; expires_at: number }[];
  for (const row of rows) {
    const old = toMemberKey(row.member_bidx);
    const dialogue = cases.dialogue(old, Number.MIN_SAFE_INTEGER);
    cases.endDialogue(old);
    if (!dialogue) continue;
    const key = renamed(old);
    cases.startDialogue(key, dialogue.group, dialogue.caseId, dialogue.lang, row.expires_at);
    cases.saveDialogue(key, dialogue, row.expires_at);
  }
}

function rekeyAlerts(db: Db, group: GroupId, renamed: (old: string) => MemberKey): void {
  const kinds = db.prepare('SELECT kind FROM alerts WHERE group_id = ?').pluck().all(group) as string[];
  const update = db.prepare('UPDATE alerts SET kind = ? WHERE group_id = ? AND kind = ?');
  for (const kind of kinds) {
    const match = ALERT_WITH_KEY.exec(kind);
    if (match) update.run(`${match[1]}${renamed(match[2]!)}`, group, kind);
  }
}
