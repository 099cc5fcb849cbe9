// Group keys, unwrapped on first use and kept in memory while the process runs, and the
// per-record sub-keys below them.
//
// Sub-keys, for any table whose rows must be deletable one by one (requests, cases): give the
// table a `key_wrapped BLOB` column, create the row with `newSubKey(group, subKeyAd(table, group,
// id))`, seal its fields with the returned key, store `wrapped`; read with `openSubKey`. To purge,
// set `key_wrapped` to NULL before (or with) deleting the row: the sealed values then open with
// no key that remains.

import type { GroupId } from '../core/ids.js';
import type { Db } from './database.js';
import type { SealingKey, Vault } from './vault.js';

export const groupKeyAd = (id: number): string => `groups.key_wrapped:${id}`;
/** Associated data of a record's wrapped sub-key: binds it to its table, group and row. */
export const subKeyAd = (table: string, group: GroupId, id: number | string): string => `${table}.key_wrapped:${group}:${id}`;

export class Keyring {
  private readonly cache = new Map<number, SealingKey>();
  private readonly indexCache = new Map<number, SealingKey>();
  private shredded = false;
  private readonly select;

  constructor(
    db: Db,
    private readonly vault: Vault,
  ) {
    this.select = db.prepare('SELECT key_wrapped FROM groups WHERE id = ?').pluck();
  }

  keyFor(group: GroupId): SealingKey {
    const cached = this.cache.get(group);
    if (cached) return cached;
    const wrapped = this.select.get(group) as Uint8Array | undefined;
    if (!wrapped) throw new Error(`no key for group ${group} (code GROUP_KEY_MISSING)`);
    const key = this.vault.unwrapGroupKey(wrapped, groupKeyAd(group));
    this.cache.set(group, key);
    return key;
  }

  /** The group's blind-index key for member addresses (derived from its key, so shredded with it). */
  indexKeyFor(group: GroupId): SealingKey {
    const cached = this.indexCache.get(group);
    if (cached) return cached;
    const key = this.vault.groupIndexKey(this.keyFor(group));
    this.indexCache.set(group, key);
    return key;
  }

  /** A fresh key for one record of `group`, and its wrapped form to store with the record. */
  newSubKey(group: GroupId, ad: string): { key: SealingKey; wrapped: Uint8Array } {
    return this.vault.newSubKey(this.keyFor(group), ad);
  }

  openSubKey(group: GroupId, wrapped: Uint8Array, ad: string): SealingKey {
    return this.vault.openSubKey(this.keyFor(group), wrapped, ad);
  }

  remember(group: GroupId, key: SealingKey): void {
    this.cache.set(group, key);
  }

  /** Forget a shredded group's keys, zeroing its bytes in memory. */
  forget(group: GroupId): void {
    for (const cache of [this.cache, this.indexCache]) {
      cache.get(group)?.bytes.fill(0);
      cache.delete(group);
    }
    this.shredded = true;
  }

  /** True once after a group was shredded: the store then checkpoints the WAL. */
  takeShredded(): boolean {
    const was = this.shredded;
    this.shredded = false;
    return was;
  }
}
