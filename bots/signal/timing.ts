// Every delay of the Signal adapter in one place, so tests pass short ones. Waits are
// abortable so stop() never hangs on a backoff.

export interface SignalTiming {
  /**
   * Normal mode: `timeout` of GET /v1/receive (whole seconds). signal-cli returns only after
   * this long with no envelope at all, and every envelope (receipts, typing) restarts it.
   */
  readonly pollTimeoutSeconds: number;
  /** Normal mode: `max_messages`, so a chatty group cannot keep one poll (and every reply) waiting. */
  readonly pollMaxMessages: number;
  /**
   * Normal mode, after a poll that brought nothing: a longer `timeout` with `max_messages=1`, so
   * the next poll ends the moment something arrives and an idle bot starts signal-cli (a JVM in
   * normal mode) every few seconds instead of every second.
   */
  readonly pollIdleTimeoutSeconds: number;
  /**
   * Extra HTTP time for a poll beyond its timeout. Past the wrapper's own kill (120 s): a poll
   * the client gave up on still acknowledges envelopes on Signal's server, and they are lost.
   */
  readonly pollGraceMs: number;
  /**
   * HTTP timeout for sends and other calls. Longer than the wrapper's kill of signal-cli (120 s),
   * so the wrapper always answers first: a send abandoned by the client may still go out.
   */
  readonly requestTimeoutMs: number;
  /**
   * Normal mode: after a batch reached the core, wait this long for its replies to queue before
   * the next poll, so they go out before signal-cli is busy receiving again.
   */
  readonly replyGraceMs: number;
  /** How long start() waits for GET /v1/about to answer (the containers start together). */
  readonly aboutWaitMs: number;
  /** First and longest wait before reconnecting / re-polling after a failure. */
  readonly reconnectBaseMs: number;
  readonly reconnectMaxMs: number;
  /** Client pings on the websocket this often. */
  readonly pingIntervalMs: number;
  /** Nothing heard (frame, ping, pong) for this long: the connection is half-open, drop it. */
  readonly idleTimeoutMs: number;
  /** First and longest wait before handing an event the core failed to take to it again. */
  readonly eventRetryBaseMs: number;
  readonly eventRetryMaxMs: number;
  /** After this many failed hand-overs the event is logged as lost and the loop moves on. */
  readonly eventMaxAttempts: number;
  /**
   * stop() lets a running poll finish and its batch reach the core for up to this long: the
   * batch is already acked on Signal's server, so cutting the request would lose it.
   */
  readonly stopGraceMs: number;
}

export const DEFAULT_SIGNAL_TIMING: SignalTiming = {
  // Measured in docs/signal.md: short polls capped in messages keep replies within seconds.
  pollTimeoutSeconds: 1,
  pollMaxMessages: 2,
  pollIdleTimeoutSeconds: 5,
  pollGraceMs: 130_000,
  requestTimeoutMs: 150_000,
  replyGraceMs: 50,
  aboutWaitMs: 120_000,
  reconnectBaseMs: 500,
  reconnectMaxMs: 60_000,
  // The server pings every 54 s; our own pings every 30 s make a dead link visible within ~90 s.
  pingIntervalMs: 30_000,
  idleTimeoutMs: 90_000,
  eventRetryBaseMs: 1_000,
  eventRetryMaxMs: 60_000,
  eventMaxAttempts: 30,
  stopGraceMs: 30_000,
};

/** 0 for the first attempt (reconnect at once), then base, 2×base, 4×base … capped at max. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number): number {
  if (attempt <= 0) return 0;
  return Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 30));
}

/** Resolves true after `ms`, or false as soon as the signal aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const finish = (completed: boolean): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(completed);
    };
    const onAbort = (): void => finish(false);
    const timer = setTimeout(() => finish(true), ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
