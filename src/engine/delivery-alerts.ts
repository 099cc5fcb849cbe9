// Turns delivery failures into words for the people who can act: coordinators hear once per
// episode about rate limits, captchas, changed safety numbers and unreachable members; a
// member the bot cannot write to directly is mentioned in the group with how to fix it.

import type { Clock } from '../core/clock.js';
import type { DeliveryError } from '../core/delivery-error.js';
import type { Group } from '../core/domain.js';
import type { GroupId, MemberAddress } from '../core/ids.js';
import type { DeliveryAlert, DeliveryProblem } from '../core/transport.js';
import { type Msg, msg, render, t } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import type { DeliveryObserver } from '../outbox/drainer.js';
import type { OutboxItem } from '../store/outbox.js';
import type { Store } from '../store/store.js';
import type { Planning } from '../scheduler/replan.js';
import { pauseGroup } from './membership.js';

/** Alerts about the bot's whole account (told once per group), not about one member. */
const ACCOUNT_WIDE: ReadonlySet<DeliveryAlert> = new Set(['rate-limited', 'captcha-required']);

const QUIET_MS: Record<DeliveryAlert, number> = {
  'rate-limited': 6 * 3_600_000,
  'captcha-required': 6 * 3_600_000,
  'identity-changed': 24 * 3_600_000,
  'recipient-unreachable': 24 * 3_600_000,
  'direct-not-started': 24 * 3_600_000,
  // Told once per removal (pauseGroup), not on a timer.
  'removed-from-chat': 0,
};

export function deliveryAlerts(store: Store, clock: Clock, logger: Logger, planning: Planning): DeliveryObserver {
  const raise = (groupId: GroupId, alert: DeliveryAlert, member: MemberAddress | undefined, hint: string | undefined, about?: number) => {
    const group = store.groups.get(groupId);
    if (!group) return;
    const now = clock.now();
    // The group's own chat refuses the bot: the same pause as when Telegram says it was removed.
    if (alert === 'removed-from-chat') {
      store.write(() => pauseGroup(store, planning, group, now, logger));
      return;
    }
    const memberKey = member && !ACCOUNT_WIDE.has(alert) ? store.members.keyOf(group.id, member) : undefined;
    store.write(() => {
      if (!store.alerts.raise(group.id, memberKey ? `${alert}:${memberKey}` : alert, now, QUIET_MS[alert])) return;
      logger.warn('DELIVERY_ALERT', { group: group.id, alert });
      const who = memberKey ? (store.members.get(group.id, memberKey)?.name ?? t(group.lang, 'someone', { tag: memberKey.slice(0, 4) })) : '';
      switch (alert) {
        case 'direct-not-started':
          if (hint) {
            // In the topic of the request the member took, where they will look.
            const topic = store.topics.for(group.id, about);
            const text = t(group.lang, 'directNotStarted', { who, link: hint });
            // Named so that the platform notifies them: they are the one who must act.
            const notifies = member && who !== '' ? { notifies: { member, name: who } } : {};
            store.outbox.enqueue({ group: group.id, to: group.chat, ...(topic !== undefined ? { topic } : {}), text, ...notifies }, now);
          }
          return;
        case 'rate-limited':
          return tellCoordinators(store, group, msg('alertRateLimited'), now, member);
        case 'captcha-required':
          return tellCoordinators(store, group, msg('alertCaptcha'), now, member);
        case 'identity-changed':
          return tellCoordinators(store, group, msg('alertIdentity', { who }), now, member);
        case 'recipient-unreachable':
          if (member) tellCoordinators(store, group, msg('alertUnreachable', { who }), now, member);
          return;
      }
    });
  };

  const memberOf = (item: OutboxItem, explicit?: MemberAddress): MemberAddress | undefined =>
    explicit ?? (item.group !== undefined && store.groups.get(item.group)?.chat === item.to ? undefined : (item.to as MemberAddress));

  return {
    onFailure(item: OutboxItem, error: DeliveryError) {
      if (item.group === undefined || !error.alert) return;
      raise(item.group, error.alert, memberOf(item, error.member), error.hint, item.about ?? item.postNumber);
    },
    onProblems(item: OutboxItem, problems: readonly DeliveryProblem[]) {
      if (item.group === undefined) return;
      for (const problem of problems) if (problem.alert) raise(item.group, problem.alert, problem.member, undefined);
    },
  };
}

/** A direct message to every coordinator of the group, except the member concerned. */
function tellCoordinators(store: Store, group: Group, message: Msg, now: number, except?: MemberAddress): void {
  for (const coordinator of store.members.coordinators(group.id)) {
    if (coordinator.address === except) continue;
    store.outbox.enqueue({ group: group.id, to: coordinator.address, text: render(group.lang, message) }, now);
  }
}
