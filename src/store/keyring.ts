// Group keys, unwrapped on first use and kept in memory while the process runs.

import type { GroupId } from '../core/ids.js';
import type { Db } from './database.js';
import type { SealingKey, Vault } from './vault.js';

export const groupKeyAd = (id: number): string => `groups.key_wrapped:${id}`;

export class Keyring {
  private readonly cache = new Map<number, SealingKey>();
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

  remember(group: GroupId, key: SealingKey): void {
    this.cache.set(group, key);
  }

  /** Forget a shredded group's key. */
  forget(group: GroupId): void {
    this.cache.delete(group);
  }
}
