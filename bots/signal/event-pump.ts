// Hands received items to the core strictly one at a time, in arrival order, awaiting each.
// signal-cli has already acked them on Signal's server, so an item the core cannot take
// (store unavailable) is retried with backoff instead of dropped; only after many attempts is
// it given up, loudly, so one poisoned event cannot stall the bot forever.

import { errorCode } from '../../src/core/error-code.js';
import type { ChatAddress } from '../../src/core/ids.js';
import type { EventHandler, InboundEvent } from '../../src/core/transport.js';
import { groupUpdateEvent } from './group-update.js';
import type { SignalRestClient } from './rest-client.js';
import type { Logger } from '../../src/logger.js';
import { mapReceived } from './map-envelope.js';
import { backoffMs, pause, type SignalTiming } from './timing.js';
import type { WireReceived } from './wire-types.js';

/** Keys handed over recently; the core dedupes durably, this only spares it obvious repeats. */
const RECENT_LIMIT = 2_000;
/** Websocket frames waiting behind a slow core; beyond this memory is at risk. */
const QUEUE_LIMIT = 10_000;

export class EventPump {
  private chain: Promise<void> = Promise.resolve();
  private queued = 0;
  private readonly recent = new Set<string>();

  constructor(
    private readonly handler: EventHandler,
    private readonly options: {
      readonly logger: Logger;
      readonly timing: SignalTiming;
      readonly signal: AbortSignal;
      readonly own: { readonly number: string; readonly uuid?: string };
      /** Reads a group's members after a group update (absent: updates are ignored). */
      readonly client?: Pick<SignalRestClient, 'groupMembers'>;
    },
  ) {}

  /** Websocket frames: queued behind the ones before. */
  enqueue(item: WireReceived): void {
    if (this.queued >= QUEUE_LIMIT) {
      this.options.logger.error('SIGNAL_EVENT_QUEUE_FULL', { queued: this.queued });
      return;
    }
    this.queued += 1;
    this.chain = this.chain.then(() => this.handle(item)).finally(() => {
      this.queued -= 1;
    });
  }

  private async groupUpdate(update: { chat: ChatAddress; dedupeKey: string }): Promise<readonly InboundEvent[]> {
    const client = this.options.client;
    if (!client) {
      this.options.logger.debug('SIGNAL_ENVELOPE_IGNORED', { reason: 'group-update' });
      return [];
    }
    return (await groupUpdateEvent(client, update, this.options.own, this.options.logger)) ?? [];
  }

  /** Resolves when every queued item has been handled. */
  idle(): Promise<void> {
    return this.chain;
  }

  /** One item, start to finish; never throws. */
  async handle(item: WireReceived): Promise<void> {
    const mapped = mapReceived(item, this.options.own);
    if (mapped.kind === 'ignored') {
      this.options.logger.debug('SIGNAL_ENVELOPE_IGNORED', { reason: mapped.reason });
      return;
    }
    const events = mapped.kind === 'event' ? [mapped.event] : await this.groupUpdate(mapped);
    for (const event of events) await this.handleEvent(event);
  }

  /** An event the adapter made itself (a member's identity found untrusted on send); never throws. */
  async handleEvent(event: InboundEvent): Promise<void> {
    const { logger, timing, signal } = this.options;
    if (this.recent.has(event.dedupeKey)) {
      logger.debug('SIGNAL_DUPLICATE_SKIPPED', { kind: event.kind });
      return;
    }
    // At least one try even while stopping: the item is already acked on Signal's server.
    for (let attempt = 1; ; attempt += 1) {
      try {
        const outcome = await this.handler(event);
        this.remember(event.dedupeKey);
        logger.debug('SIGNAL_EVENT_HANDLED', { kind: event.kind, status: outcome.status });
        return;
      } catch (error) {
        if (attempt >= timing.eventMaxAttempts) {
          logger.error('SIGNAL_EVENT_LOST', { kind: event.kind, attempts: attempt, error: errorCode(error) });
          return;
        }
        logger.warn('SIGNAL_EVENT_RETRY', { kind: event.kind, attempt, error: errorCode(error) });
        if (!(await pause(backoffMs(attempt, timing.eventRetryBaseMs, timing.eventRetryMaxMs), signal))) {
          logger.error('SIGNAL_EVENT_LOST', { kind: event.kind, attempts: attempt, reason: 'stopping' });
          return;
        }
      }
    }
  }

  private remember(key: string): void {
    this.recent.add(key);
    if (this.recent.size > RECENT_LIMIT) {
      const oldest = this.recent.values().next();
      if (!oldest.done) this.recent.delete(oldest.value);
    }
  }
}
