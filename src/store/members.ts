import { cleanName } from '../core/clean-text.js';
import type { Member, MemberKey, Role } from '../core/domain.js';
import type { GroupId, MemberAddress } from '../core/ids.js';
import { fromMemberKey, toMemberKey } from './codec.js';
import type { Db } from './database.js';
import type { Keyring } from './keyring.js';
import type { Vault } from './vault.js';

interface MemberRow {
  member_bidx: Uint8Array;
  address_enc: Uint8Array;
  name_enc: Uint8Array | null;
  role: Role;
}

/** Associated data of a member's sealed fields: names the table, column, group and member key. */
export const memberAd = (column: string, group: GroupId, key: MemberKey): string => `members.${column}:${group}:${key}`;
const ad = memberAd;
/** How stale `seen_at` may get before an action refreshes it (saves a write per command). */
const SEEN_EVERY_MS = 3_600_000;
/** Longest display name kept: a profile name, not a biography. */
const MAX_NAME = 64;

export class MemberRepository {
  private readonly seenStmt;
  private readonly purgeStmt;
  private readonly select;
  private readonly selectMany;
  private readonly coordinatorsOf;
  private readonly insert;
  private readonly updateName;
  private readonly updateRole;
  private readonly groupIds;
  private readonly exists;
  private readonly greet;
  private readonly holdStmt;
  private readonly unholdStmt;
  private readonly heldStmt;
  private readonly heldInGroup;
  private readonly heldAnywhere;
  private readonly remove;
  private readonly allOf;

  constructor(
    db: Db,
    private readonly vault: Vault,
    private readonly keys: Keyring,
  ) {
    this.select = db.prepare('SELECT member_bidx, address_enc, name_enc, role FROM members WHERE group_id = ? AND member_bidx = ?');
    this.selectMany = db.prepare(
      'SELECT member_bidx, address_enc, name_enc, role FROM members WHERE group_id = ? AND member_bidx IN (SELECT unhex(value) FROM json_each(?))',
    );
    this.coordinatorsOf = db.prepare(
      "SELECT member_bidx, address_enc, name_enc, role FROM members WHERE group_id = ? AND role = 'coordinator' ORDER BY joined_at",
    );
    this.seenStmt = db.prepare('UPDATE members SET seen_at = ? WHERE group_id = ? AND member_bidx = ? AND (seen_at IS NULL OR seen_at < ?)');
    // Coordinators, held members and anyone in an active request stay: deleting them would
    // orphan the group, lift a hold, or lose who drives.
    this.purgeStmt = db.prepare(`DELETE FROM members WHERE seen_at < @before AND role = 'member' AND held_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM requests r WHERE r.group_id = members.group_id AND r.state IN ('open', 'claimed')
        AND (r.requester_bidx = members.member_bidx OR r.claimer_bidx = members.member_bidx))
      AND NOT EXISTS (SELECT 1 FROM passengers p JOIN requests r ON r.group_id = p.group_id AND r.number = p.number
        WHERE p.group_id = members.group_id AND p.member_bidx = members.member_bidx AND r.state IN ('open', 'claimed'))`);
    this.insert = db.prepare(
      'INSERT INTO members (group_id, member_bidx, address_enc, name_enc, role, joined_at, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.updateName = db.prepare('UPDATE members SET name_enc = ? WHERE group_id = ? AND member_bidx = ?');
    this.updateRole = db.prepare('UPDATE members SET role = ? WHERE group_id = ? AND member_bidx = ?');
    this.holdStmt = db.prepare('UPDATE members SET held_at = ? WHERE group_id = ? AND member_bidx = ? AND held_at IS NULL');
    this.unholdStmt = db.prepare('UPDATE members SET held_at = NULL WHERE group_id = ? AND member_bidx = ? AND held_at IS NOT NULL');
    this.heldAnywhere = db.prepare('SELECT group_id, member_bidx, held_at FROM members WHERE held_at IS NOT NULL ORDER BY group_id, held_at');
    this.heldStmt = db.prepare('SELECT 1 FROM members WHERE group_id = ? AND member_bidx = ? AND held_at IS NOT NULL').pluck();
    this.heldInGroup = db.prepare(
      'SELECT member_bidx, address_enc, name_enc, role FROM members WHERE group_id = ? AND held_at IS NOT NULL ORDER BY held_at',
    );
    this.greet = db.prepare('UPDATE members SET greeted_at = ? WHERE group_id = ? AND member_bidx = ? AND greeted_at IS NULL');
    this.remove = db.prepare('DELETE FROM members WHERE group_id = ? AND member_bidx = ?');
    this.allOf = db.prepare('SELECT member_bidx, address_enc, name_enc, role FROM members WHERE group_id = ? ORDER BY joined_at');
    this.groupIds = db.prepare("SELECT id FROM groups WHERE length(key_wrapped) > 0 ORDER BY id").pluck();
    this.exists = db.prepare('SELECT 1 FROM members WHERE group_id = ? AND member_bidx = ?').pluck();
  }

  /** The member's blind index in this group: the same address gives a different key in each group. */
  keyOf(group: GroupId, address: MemberAddress): MemberKey {
    return toMemberKey(this.vault.keyedHash(this.keys.indexKeyFor(group), `member\u0000${address}`));
  }

  /**
   * Every group this address is a member of, with its key there. Keys differ per group, so this
   * hashes the address once per group (for direct-chat commands such as /mine, and holds).
   */
  memberships(address: MemberAddress): { group: GroupId; key: MemberKey }[] {
    return (this.groupIds.all() as GroupId[]).flatMap((group) => {
      const key = this.keyOf(group, address);
      return this.exists.get(group, fromMemberKey(key)) !== undefined ? [{ group, key }] : [];
    });
  }

  get(group: GroupId, key: MemberKey): Member | undefined {
    const row = this.select.get(group, fromMemberKey(key)) as MemberRow | undefined;
    return row ? this.toMember(group, row) : undefined;
  }

  /** Members by key, in no particular order; unknown keys are skipped. */
  getMany(group: GroupId, keys: readonly MemberKey[]): Member[] {
    if (keys.length === 0) return [];
    const rows = this.selectMany.all(group, JSON.stringify(keys)) as MemberRow[];
    return rows.map((row) => this.toMember(group, row));
  }

  coordinators(group: GroupId): Member[] {
    return (this.coordinatorsOf.all(group) as MemberRow[]).map((row) => this.toMember(group, row));
  }

  /** Records a member the first time they act in the group; refreshes a changed display name. */
  touch(group: GroupId, address: MemberAddress, name: string | undefined, now: number, role: Role = 'member'): Member {
    const key = this.keyOf(group, address);
    const existing = this.get(group, key);
    const clean = cleanName(name, MAX_NAME);
    const groupKey = this.keys.keyFor(group);
    if (!existing) {
      const nameEnc = clean ? this.vault.seal(groupKey, ad('name_enc', group, key), clean) : null;
      this.insert.run(group, fromMemberKey(key), this.vault.seal(groupKey, ad('address_enc', group, key), address), nameEnc, role, now, now);
      return { key, address, role, ...(clean ? { name: clean } : {}) };
    }
    // Retention counts from the last time a member acted; written at most once an hour.
    this.seenStmt.run(now, group, fromMemberKey(key), now - SEEN_EVERY_MS);
    if (clean && clean !== existing.name) {
      this.updateName.run(this.vault.seal(groupKey, ad('name_enc', group, key), clean), group, fromMemberKey(key));
      return { ...existing, name: clean };
    }
    return existing;
  }

  /** True the first time only: the member has not had a direct message from the bot yet. */
  firstGreeting(group: GroupId, key: MemberKey, now: number): boolean {
    return this.greet.run(now, group, fromMemberKey(key)).changes === 1;
  }

  /** Holds the member in every group (their safety number changed); returns the groups newly held. */
  hold(address: MemberAddress, now: number): GroupId[] {
    return this.memberships(address)
      .filter(({ group, key }) => this.holdStmt.run(now, group, fromMemberKey(key)).changes === 1)
      .map(({ group }) => group);
  }

  /** Lifts the hold in one group (a coordinator of that group verified the new safety number). */
  unhold(group: GroupId, key: MemberKey): boolean {
    return this.unholdStmt.run(group, fromMemberKey(key)).changes === 1;
  }

  /** Every hold, for the operator (`npx parloir verify`): group, member key, since when. */
  allHeld(): { group: GroupId; key: MemberKey; heldAt: number }[] {
    return (this.heldAnywhere.all() as { group_id: number; member_bidx: Uint8Array; held_at: number }[]).map((r) => ({
      group: r.group_id as GroupId,
      key: toMemberKey(r.member_bidx),
      heldAt: r.held_at,
    }));
  }

  isHeld(group: GroupId, key: MemberKey): boolean {
    return this.heldStmt.get(group, fromMemberKey(key)) !== undefined;
  }

  held(group: GroupId): Member[] {
    return (this.heldInGroup.all(group) as MemberRow[]).map((row) => this.toMember(group, row));
  }

  /** Every member of the group (the Signal group list is checked against it). */
  all(group: GroupId): Member[] {
    return (this.allOf.all(group) as MemberRow[]).map((row) => this.toMember(group, row));
  }

  /** The member left the group: their row goes (their name and address with it). */
  delete(group: GroupId, key: MemberKey): boolean {
    return this.remove.run(group, fromMemberKey(key)).changes === 1;
  }

  setRole(group: GroupId, key: MemberKey, role: Role): void {
    this.updateRole.run(role, group, fromMemberKey(key));
  }

  /** The groups this member belongs to (for direct-message commands such as /mine). */
  groupsOfMember(address: MemberAddress): GroupId[] {
    return this.memberships(address).map(({ group }) => group);
  }

  /** Deletes members not seen in the group since `before` (see the statement for who stays). */
  purgeUnseenBefore(before: number): number {
    return this.purgeStmt.run({ before }).changes;
  }

  private toMember(group: GroupId, row: MemberRow): Member {
    const key = toMemberKey(row.member_bidx);
    const groupKey = this.keys.keyFor(group);
    const address = this.vault.open(groupKey, ad('address_enc', group, key), row.address_enc) as MemberAddress;
    const name = row.name_enc ? this.vault.open(groupKey, ad('name_enc', group, key), row.name_enc) : undefined;
    return { key, address, role: row.role, ...(name ? { name } : {}) };
  }
}
