// Retention of unlinked groups: a group the bot was removed from (paused) and not added back to
// within PARLOIR_GROUP_RETENTION_DAYS is shredded like `npx parloir shred --group` (its key
// destroyed first, then its rows), so a collective's data does not outlive its group. Its
// coordinators are told by direct message a few days before, and once it is done.

import type { CentreDirectory } from '../core/centres.js';
import { t } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';

const DAY = 86_400_000;
export const DEFAULT_GROUP_RETENTION_DAYS = 30;
/** Coordinators are warned this many days before the deletion (half the period when it is short). */
const WARN_DAYS = 7;

export const warnDaysBefore = (retentionDays: number): number => Math.min(WARN_DAYS, Math.floor(retentionDays / 2));

export interface Retired {
  readonly warned: number;
  readonly shredded: number;
}

export function retireUnlinkedGroups(store: Store, centres: CentreDirectory, now: number, retentionDays: number, logger: Logger): Retired {
  const warnAfterMs = (retentionDays - warnDaysBefore(retentionDays)) * DAY;
  let warned = 0;
  let shredded = 0;
  for (const pause of store.pauses.pausedBefore(now - warnAfterMs)) {
    // One transaction per group: the key is destroyed and the rows deleted together (store.write
    // then checkpoints the WAL, so the destroyed key leaves the disk's live files).
    store.write(() => {
      const group = store.groups.get(pause.group);
      if (!group) return;
      const centre = centres.get(group.centreId);
      const centreName = centre?.name ?? group.centreId;
      const coordinators = store.members.coordinators(group.id).map((c) => c.address);
      const deleteAt = pause.pausedAt + retentionDays * DAY;
      if (now >= deleteAt) {
        store.groups.shred(group.id);
        // Sealed under the system key (no group): the group's own key no longer exists.
        const text = t(group.lang, 'groupRetentionShredded', { centre: centreName });
        for (const to of coordinators) store.outbox.enqueue({ to, text }, now);
        logger.warn('GROUP_RETENTION_SHREDDED', { group: group.id });
        shredded += 1;
      } else if (store.pauses.markWarned(group.id, now)) {
        const days = Math.floor((now - pause.pausedAt) / DAY);
        const until = { at: deleteAt, zone: centre?.timezone ?? 'Europe/Paris' };
        const text = t(group.lang, 'groupRetentionWarning', { centre: centreName, until, days });
        for (const to of coordinators) store.outbox.enqueue({ group: group.id, to, text }, now);
        logger.info('GROUP_RETENTION_WARNED', { group: group.id, coordinators: coordinators.length });
        warned += 1;
      }
    });
  }
  return { warned, shredded };
}
