// A busy group for the long-text tests: many open and taken requests, written straight into the
// real store (as the engine would), taken by a member whose name has accents, so a /list or a
// digest is far longer than one message on any transport.

import type { Store } from '../../src/store/store.js';

const DAY = 86_400_000;

/** Adds `count` packages to the store's only group, every other one taken; returns the group's transport. */
export function fillBusyGroup(store: Store, now: number, count: number): void {
  const [group] = store.groups.list();
  if (!group) throw new Error('link the group first');
  const [coordinator] = store.members.coordinators(group.id);
  if (!coordinator) throw new Error('the group has no coordinator');
  store.write(() => {
    // The coordinator's display name as the posts show it: long, with accents (2 UTF-8 bytes each).
    store.members.touch(group.id, coordinator.address, 'Zoé-Éléonore Ünal Mérièt', now);
    for (let i = 0; i < count; i += 1) {
      const number = store.groups.takeRequestNumber(group.id);
      store.requests.create(group.id, number, { kind: 'package', dueAt: now + (1 + (i % 3)) * DAY, seats: 0, items: 'pull' }, coordinator.key, now);
      if (i % 2 === 1) store.requests.claim(group.id, number, coordinator.key, now);
    }
  });
}

/** The entry lines (#N …) of some texts, in order. */
export const entryLines = (texts: readonly string[]): string[] => texts.flatMap((t) => t.split('\n')).filter((l) => /^#\d+ /.test(l));
