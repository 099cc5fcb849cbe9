// Delays for the polling loop and event retries. Tests shorten them through options;
// waiting is always abortable so stop() never hangs on a backoff.

export interface TelegramTiming {
  /** getUpdates long-poll timeout (seconds). */
  readonly pollTimeoutSeconds: number;
  /** First and longest wait before handing a failed update to the core again. */
  readonly eventRetryBaseMs: number;
  readonly eventRetryMaxMs: number;
  /** First and longest wait after getUpdates itself failed. */
  readonly pollRetryBaseMs: number;
  readonly pollRetryMaxMs: number;
  /** HTTP timeout for every other Bot API call (seconds). */
  readonly requestTimeoutSeconds: number;
  /** Webhook mode: answer 500 (Telegram redelivers) when the core takes longer than this. */
  readonly webhookHandlerTimeoutMs: number;
  /**
   * Longest wait for the confirming getUpdates on stop. The Bot API holds a repeated offset for
   * 3 s (telegram-bot-api/Client.cpp, process_get_updates_query) but confirms on receipt.
   */
  readonly stopConfirmMs: number;
}

export const DEFAULT_TIMING: TelegramTiming = {
  pollTimeoutSeconds: 30,
  eventRetryBaseMs: 1_000,
  eventRetryMaxMs: 60_000,
  pollRetryBaseMs: 1_000,
  pollRetryMaxMs: 60_000,
  requestTimeoutSeconds: 60,
  webhookHandlerTimeoutMs: 25_000,
  stopConfirmMs: 1_000,
};

/** base, 2×base, 4×base … capped at max. */
export function backoff(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
}

/** Resolves true after `ms`, or false as soon as the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (completed: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(completed);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
