// Wires the core around a set of transports: the event handler, the outbox drainer with its
// alerts, and housekeeping. main.ts, the tests and the benchmark all start Parloir this way.

import type { CentreDirectory } from './core/centres.js';
import type { Clock } from './core/clock.js';
import { DEFAULT_LIMITS, type Limits } from './core/limits.js';
import type { TransportName } from './core/ids.js';
import type { Transport } from './core/transport.js';
import { deliveryAlerts } from './engine/delivery-alerts.js';
import { DEFAULT_GROUP_RETENTION_DAYS, retireUnlinkedGroups } from './engine/group-retention.js';
import { purgeExpired } from './engine/housekeeping.js';
import { Parloir } from './engine/parloir.js';
import type { IdentityVerifier } from './engine/identity.js';
import type { Lang } from './i18n/lang.js';
import type { Logger } from './logger.js';
import { OutboxDrainer } from './outbox/drainer.js';
import { defaultFlightFacts } from './cases/flight-facts.js';
import { defaultRuleBook, type RuleBook } from './cases/rules.js';
import type { Store } from './store/store.js';
import { DEFAULT_PLAN, type PlanSettings } from './scheduler/plan.js';
import { Scheduler } from './scheduler/scheduler.js';

export interface ServiceOptions {
  readonly store: Store;
  readonly centres: CentreDirectory;
  readonly transports: readonly Transport[];
  readonly clock: Clock;
  readonly logger: Logger;
  readonly lang: Lang;
  readonly retentionDays: number;
  /** Members not seen for this many days are forgotten (default 90). */
  readonly memberRetentionDays?: number;
  /** Groups the bot was removed from are shredded after this many days away (default 30). */
  readonly groupRetentionDays?: number;
  /** Reminder lead times (ms), largest first; centres may override them. */
  readonly reminders: readonly number[];
  /** Limits against floods (PARLOIR_LIMITS); the defaults when absent. */
  readonly limits?: Limits;
  /** Alert and follow-up timings; defaults suit real use, tests shorten them. */
  readonly plan?: Partial<Omit<PlanSettings, 'leads'>>;
  /** Checks a safety number with the platform (Signal). */
  readonly verifyIdentity?: IdentityVerifier;
  /** The legal clock's rules; the shipped config/jurisdictions files when absent. */
  readonly rules?: RuleBook;
  readonly outboxPollMs?: number;
  readonly backoff?: (attempts: number) => number;
}

export interface Service {
  readonly parloir: Parloir;
  readonly drainer: OutboxDrainer;
  readonly scheduler: Scheduler;
  stop(): Promise<void>;
}

const HOUSEKEEPING_MS = 3_600_000;

export async function startService(options: ServiceOptions): Promise<Service> {
  const { store, clock, logger } = options;
  const transports = new Map<TransportName, Transport>(options.transports.map((t) => [t.name, t]));
  const plan: PlanSettings = { ...DEFAULT_PLAN, ...options.plan, leads: options.reminders };
  // Read (and checked) before anything starts: a broken rule file stops the start.
  const rules = options.rules ?? defaultRuleBook();
  // So is the flight alert's facts file (config/flight-alert.yaml).
  defaultFlightFacts();
  const drainer = new OutboxDrainer({
    store,
    transports,
    clock,
    logger,
    observer: deliveryAlerts(store, clock, logger, { centres: options.centres, settings: plan, rules }),
    ...(options.outboxPollMs !== undefined ? { pollMs: options.outboxPollMs } : {}),
    ...(options.backoff ? { backoff: options.backoff } : {}),
  });
  const parloir = new Parloir({
    store,
    centres: options.centres,
    clock,
    logger,
    defaultLang: options.lang,
    limits: options.limits ?? DEFAULT_LIMITS,
    plan,
    rules,
    onEnqueued: () => drainer.kick(),
    ...(options.verifyIdentity ? { verifyIdentity: options.verifyIdentity } : {}),
  });
  const scheduler = new Scheduler({
    store,
    planning: { centres: options.centres, settings: plan, rules },
    clock,
    logger,
    onEnqueued: () => drainer.kick(),
  });

  const housekeep = () => {
    const zoneOf = (centreId: string) => options.centres.get(centreId)?.timezone;
    const purged = purgeExpired(store, clock.now(), options.retentionDays, options.memberRetentionDays, options.limits?.strangerMs, zoneOf);
    const groups = retireUnlinkedGroups(store, options.centres, clock.now(), options.groupRetentionDays ?? DEFAULT_GROUP_RETENTION_DAYS, logger);
    logger.info('HOUSEKEEPING', { ...purged, groupsWarned: groups.warned, groupsShredded: groups.shredded });
  };
  housekeep();
  const housekeeping = setInterval(housekeep, HOUSEKEEPING_MS);
  housekeeping.unref();

  drainer.start();
  // Catch up on what fell due while the service was down before taking new events.
  scheduler.start();
  const started: Transport[] = [];
  try {
    for (const transport of options.transports) {
      await transport.start(parloir.handle);
      started.push(transport);
      logger.info('TRANSPORT_STARTED', { transport: transport.name });
    }
  } catch (error) {
    clearInterval(housekeeping);
    scheduler.stop();
    await Promise.allSettled(started.map((t) => t.stop()));
    await drainer.stop();
    throw error;
  }

  return {
    parloir,
    drainer,
    scheduler,
    async stop() {
      clearInterval(housekeeping);
      scheduler.stop();
      // Stop taking events first, then let in-flight sends finish; pending rows stay for next start.
      await Promise.allSettled(options.transports.map((t) => t.stop()));
      await drainer.stop();
    },
  };
}
