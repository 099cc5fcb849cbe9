import type { ChatAddress, MemberAddress } from './ids.js';
import type { DeliveryAlert } from './transport.js';

export type RetryPolicy = 'later' | 'never';

/**
 * Thrown by Transport.send. `retry: 'later'` keeps the outbox row and tries again after a
 * backoff (or `retryAfterMs` when the platform says how long); `'never'` marks it failed.
 * Any other thrown error counts as a network failure and is retried.
 */
export class DeliveryError extends Error {
  readonly code: string;
  readonly retry: RetryPolicy;
  readonly retryAfterMs?: number;
  readonly alert?: DeliveryAlert;
  readonly member?: MemberAddress;
  /** Non-personal help for coordinators, e.g. the bot's t.me deep link. */
  readonly hint?: string;
  /**
   * The chat now lives at this address (Telegram group upgraded to a supergroup): the outbox
   * sends this message, and every other one waiting for the old address, there instead.
   */
  readonly movedTo?: ChatAddress;
  /**
   * Not tried: the transport held it back to stay within the platform's pace (Telegram's
   * messages per chat). The outbox waits `retryAfterMs` without counting an attempt.
   */
  readonly paced?: boolean;

  constructor(options: {
    code: string;
    retry: RetryPolicy;
    retryAfterMs?: number;
    alert?: DeliveryAlert;
    member?: MemberAddress;
    hint?: string;
    movedTo?: ChatAddress;
    paced?: boolean;
    message?: string;
  }) {
    super(options.message ?? options.code);
    this.name = 'DeliveryError';
    this.code = options.code;
    this.retry = options.retry;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    if (options.alert !== undefined) this.alert = options.alert;
    if (options.member !== undefined) this.member = options.member;
    if (options.hint !== undefined) this.hint = options.hint;
    if (options.movedTo !== undefined) this.movedTo = options.movedTo;
    if (options.paced) this.paced = true;
  }
}
