// The one sender. Reads due outbox rows in order, sends each through its transport, and
// commits the result: delivered rows are deleted (and bot posts recorded), failures are
// retried with backoff or, when the platform says never, marked failed. Messages to one
// recipient stay in order: a row waiting for a retry holds back later rows to the same chat.

import type { Clock } from '../core/clock.js';
import { DeliveryError } from '../core/delivery-error.js';
import { errorCode } from '../core/error-code.js';
import type { ChatAddress, MemberAddress, TransportName } from '../core/ids.js';
import type { DeliveryProblem, OutboundMessage, SendReceipt, Transport } from '../core/transport.js';
import type { Logger } from '../logger.js';
import type { OutboxItem } from '../store/outbox.js';
import type { Store } from '../store/store.js';
import { backoffMs } from './backoff.js';
import { t } from '../i18n/index.js';

export interface DeliveryObserver {
  /** A send failed for good, or with an alert coordinators should hear about. */
  onFailure(item: OutboxItem, error: DeliveryError): void;
  /** Delivered, but the platform reported recipients it could not reach. */
  onProblems(item: OutboxItem, problems: readonly DeliveryProblem[]): void;
}

export interface DrainerOptions {
  readonly store: Store;
  readonly transports: ReadonlyMap<TransportName, Transport>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly observer?: DeliveryObserver;
  /** Sends in flight at once, each to a different recipient. */
  readonly concurrency?: number;
  /** Longest wait between two looks at the outbox when idle (rows written by other processes). */
  readonly pollMs?: number;
  readonly backoff?: (attempts: number) => number;
}

/** How often a message held for a paused group is looked at again (resuming wakes it at once). */
const PAUSED_RECHECK_MS = 3_600_000;

export class OutboxDrainer {
  private timer: NodeJS.Timeout | undefined;
  private soon: NodeJS.Immediate | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  /** When the first lane head that was not due becomes due (seen by the last pass). */
  private nextHeadAt: number | undefined;

  constructor(private readonly options: DrainerOptions) {}

  start(): void {
    this.stopped = false;
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.soon) clearImmediate(this.soon);
    this.soon = undefined;
    await this.running;
  }

  /** Ask for a drain soon; calls made during a drain coalesce into one more pass. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.soon) return; // a pass is already on its way
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    // setImmediate rather than a 0 ms timer: it runs before the next timers phase (~1 ms sooner).
    this.soon = setImmediate(() => {
      this.soon = undefined;
      void this.loop();
    });
  }

  /** Sends everything due now; resolves when nothing due is left (tests and the CLI use it). */
  async drainDue(): Promise<number> {
    let sent = 0;
    for (;;) {
      const batch = await this.pass();
      sent += batch;
      if (batch === 0) return sent;
    }
  }

  private async loop(): Promise<void> {
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.drainDue();
        } catch (error) {
          this.options.logger.error('OUTBOX_DRAIN_FAILED', { error: errorCode(error) });
        }
      } while (this.again && !this.stopped);
    })();
    await this.running;
    this.running = undefined;
    if (this.stopped) return;
    // Lane heads only: a due row behind a waiting head (a paced chat) must not wake the loop.
    const next = this.nextHeadAt;
    const poll = this.options.pollMs ?? 1_000;
    const wait = next === undefined ? poll : Math.max(0, Math.min(poll, next - this.options.clock.now()));
    this.timer = setTimeout(() => void this.loop(), wait);
  }

  /** One message per ready recipient, sent concurrently; returns how many were attempted. */
  private async pass(): Promise<number> {
    const { store, transports, clock } = this.options;
    const now = clock.now();
    const blocked = new Set<string>();
    const ready: { id: number; transport: Transport }[] = [];
    let nextAt: number | undefined;
    for (const head of store.outbox.pendingHeads(now, 500)) {
      const lane = `${head.transport}:${head.recipient}`;
      if (blocked.has(lane)) continue;
      blocked.add(lane); // later rows of this lane wait for this one
      const transport = transports.get(head.transport);
      if (!transport) continue;
      if (head.due) ready.push({ id: head.id, transport });
      else nextAt = Math.min(nextAt ?? head.at, head.at);
    }
    this.nextHeadAt = nextAt;
    const limit = this.options.concurrency ?? 8;
    for (let i = 0; i < ready.length; i += limit) {
      await Promise.all(ready.slice(i, i + limit).map(({ id, transport }) => this.sendOne(id, transport)));
    }
    return ready.length;
  }

  private async sendOne(id: number, transport: Transport): Promise<void> {
    const { store, logger, clock } = this.options;
    const item = store.outbox.load(id);
    if (!item) return;
    if (this.pausedChat(item)) {
      // The bot is not in the group's chat: keep the message until it is back (outbox.wake).
      store.outbox.reschedule(item.id, clock.now() + PAUSED_RECHECK_MS, 'GROUP_PAUSED');
      logger.debug('OUTBOX_HELD_PAUSED', { id: item.id, transport: item.transport });
      return;
    }
    let receipt: SendReceipt;
    try {
      receipt = await transport.send(this.withholding(item));
    } catch (error) {
      this.failed(item, error);
      return;
    }
    store.write(() => {
      const now = clock.now();
      if (item.postNumber !== undefined && item.group !== undefined) {
        if (item.promptKind) {
          const member = item.to as MemberAddress;
          const prompt = { group: item.group, number: item.postNumber, kind: item.promptKind, createdAt: now };
          store.prompts.record(store.members.keyOf(item.group, member), member, receipt.messageRef, prompt);
        } else if (receipt.messageRef !== undefined) {
          store.posts.record(item.group, item.to as ChatAddress, receipt.messageRef, item.postNumber, now);
        }
      } else if (item.mention && item.about !== undefined && item.group !== undefined && receipt.messageRef !== undefined) {
        // A confirmation or a question about a request: a reply to it acts on that request.
        store.posts.record(item.group, item.to as ChatAddress, receipt.messageRef, item.about, now, item.mention);
      }
      store.outbox.delivered(item.id);
    });
    logger.debug('OUTBOX_SENT', { id: item.id, transport: item.transport, attempts: item.attempts + 1 });
    if (receipt.problems && receipt.problems.length > 0) {
      logger.warn('OUTBOX_PARTIAL', { id: item.id, codes: receipt.problems.map((p) => p.code).join(',') });
      this.options.observer?.onProblems(item, receipt.problems);
    }
  }

  /** A message for the chat of a group that is paused (the bot was removed from it). */
  private pausedChat(item: OutboxItem): boolean {
    const { store } = this.options;
    if (item.group === undefined || !store.pauses.isPaused(item.group)) return false;
    return store.groups.get(item.group)?.chat === item.to;
  }

  /**
   * A member whose safety number changed and is not verified yet gets a neutral notice in place
   * of the message (which may name a place, a time, a detainee reference).
   */
  private withholding(item: OutboxItem): OutboundMessage {
    const { store, logger } = this.options;
    if (item.group === undefined || !store.members.isHeld(item.group, store.members.keyOf(item.group, item.to as MemberAddress))) {
      return toOutbound(item);
    }
    logger.info('OUTBOX_WITHHELD', { id: item.id, transport: item.transport });
    const lang = store.groups.get(item.group)?.lang ?? 'fr';
    return { id: item.id, to: item.to, text: t(lang, 'heldNotice') };
  }

  private failed(item: OutboxItem, error: unknown): void {
    const { store, logger, clock } = this.options;
    const now = clock.now();
    const delivery =
      error instanceof DeliveryError ? error : new DeliveryError({ code: errorCode(error, 'SEND_ERROR'), retry: 'later' });
    if (delivery.movedTo && item.group !== undefined) {
      const moved = store.write(() => store.outbox.readdress(item.group!, item.to as ChatAddress, delivery.movedTo!, now));
      logger.info('OUTBOX_READDRESSED', { id: item.id, transport: item.transport, moved });
      return;
    }
    if (delivery.paced && delivery.retry === 'later') {
      // Held back, not tried: a normal wait, in order, without growing the backoff.
      store.outbox.defer(item.id, now + (delivery.retryAfterMs ?? 1_000), delivery.code);
      logger.debug('OUTBOX_PACED', { id: item.id, transport: item.transport, waitMs: delivery.retryAfterMs ?? 1_000 });
      return;
    }
    if (delivery.retry === 'never') {
      store.outbox.failed(item.id, delivery.code, now);
      logger.warn('OUTBOX_FAILED', { id: item.id, transport: item.transport, code: delivery.code });
    } else {
      const wait = delivery.retryAfterMs ?? (this.options.backoff ?? backoffMs)(item.attempts);
      store.outbox.reschedule(item.id, now + wait, delivery.code);
      logger.info('OUTBOX_RETRY', { id: item.id, transport: item.transport, code: delivery.code, waitMs: wait });
    }
    if (delivery.retry === 'never' || delivery.alert) this.options.observer?.onFailure(item, delivery);
  }
}

function toOutbound(item: OutboxItem): OutboundMessage {
  return {
    id: item.id,
    to: item.to,
    text: item.text,
    ...(item.topic !== undefined ? { topic: item.topic } : {}),
    ...(item.notifies ? { mention: item.notifies } : {}),
    ...(item.replyTo ? { replyTo: item.replyTo } : {}),
    ...(item.buttons ? { buttons: item.buttons } : {}),
    ...(item.edit ? { edit: item.edit } : {}),
  };
}
