// Crypto-shredding whole groups: the group key is destroyed first (its wrapped form overwritten
// and the copy in memory zeroed), then every row of the group is deleted, then the WAL is
// checkpointed and truncated. Sealed values of the group left anywhere open with no key that remains.

import { groupId } from '../core/ids.js';
import type { Store } from './store.js';

/** Shreds the given groups (unknown ids are skipped) or all of them; returns how many were shredded. */
export function shredGroups(store: Store, which: readonly number[] | 'all'): number {
  const ids = which === 'all' ? store.groups.summaries().map((g) => g.id) : which.map((id) => groupId(id));
  const shredded = store.write(() => ids.filter((id) => store.groups.shred(id)).length);
  store.checkpoint();
  return shredded;
}
