// Shared helpers for the Signal tests: a recording EventHandler (the core boundary), a transport
// wired to the fake with short delays, a condition poller (no sleep-based assertions), and a
// check that logs carry nothing personal.

import { expect } from 'vitest';
import { createSignalTransport, type SignalTransport } from '../../bots/signal/signal-transport.js';
import { DEFAULT_SIGNAL_TIMING, type SignalTiming } from '../../bots/signal/timing.js';
import type { SignalReceiveMode } from '../../src/config.js';
import type { EventHandler, EventOutcome, InboundEvent } from '../../src/core/transport.js';
import { memoryLogger } from '../../src/logger.js';
import { ALICE, BERTHE, BOT, CHARLES, GROUP } from '../fakes/signal/envelopes.js';
import type { FakeSignal } from '../fakes/signal/fake-signal.js';

export { waitFor } from '../support/wait.js';

export interface Recorder {
  readonly handler: EventHandler;
  /** Every hand-over, including the ones that threw. */
  readonly attempts: InboundEvent[];
  /** Events the "core" took, in order (deduplicated like the core's inbox). */
  readonly taken: InboundEvent[];
  /** How many events the core took after being handed a duplicate. */
  duplicates: number;
  /** The next `n` hand-overs throw, as if the store were unavailable. */
  failNext(n: number): void;
  /** Hold each hand-over until released (to prove the adapter awaits the handler). */
  gate: Promise<void> | undefined;
}

export function recorder(): Recorder {
  const seen = new Set<string>();
  let failures = 0;
  const self: Recorder = {
    attempts: [],
    taken: [],
    duplicates: 0,
    gate: undefined,
    failNext(n) {
      failures = n;
    },
    handler: async (event): Promise<EventOutcome> => {
      self.attempts.push(event);
      if (self.gate) await self.gate;
      if (failures > 0) {
        failures -= 1;
        throw Object.assign(new Error('store unavailable'), { code: 'STORE_UNAVAILABLE' });
      }
      if (seen.has(event.dedupeKey)) {
        self.duplicates += 1;
        return { status: 'duplicate' };
      }
      seen.add(event.dedupeKey);
      self.taken.push(event);
      return { status: 'handled' };
    },
  };
  return self;
}

export const FAST: Partial<SignalTiming> = {
  pollTimeoutSeconds: 1,
  pollIdleTimeoutSeconds: 1,
  pollGraceMs: 10_000,
  requestTimeoutMs: 10_000,
  reconnectBaseMs: 20,
  reconnectMaxMs: 200,
  pingIntervalMs: 100,
  idleTimeoutMs: 1_500,
  eventRetryBaseMs: 10,
  eventRetryMaxMs: 50,
  eventMaxAttempts: 5,
};

/**
 * The adapter's own timing (DEFAULT_SIGNAL_TIMING) scaled like a fake started with `timeScale`,
 * so waits keep their proportions to upstream's (process starts, the 120 s kill).
 */
export function upstreamTiming(scale: number): Partial<SignalTiming> {
  const d = DEFAULT_SIGNAL_TIMING;
  return {
    ...FAST,
    pollTimeoutSeconds: d.pollTimeoutSeconds,
    pollMaxMessages: d.pollMaxMessages,
    pollIdleTimeoutSeconds: d.pollIdleTimeoutSeconds,
    pollGraceMs: d.pollGraceMs * scale,
    requestTimeoutMs: d.requestTimeoutMs * scale,
    replyGraceMs: d.replyGraceMs * scale,
  };
}

export function makeTransport(
  fake: FakeSignal,
  options: { receiveMode?: SignalReceiveMode | 'ask'; timing?: Partial<SignalTiming> } = {},
): { transport: SignalTransport; logger: ReturnType<typeof memoryLogger> } {
  const logger = memoryLogger();
  const mode = options.receiveMode === 'ask' ? undefined : (options.receiveMode ?? fake.mode);
  const transport = createSignalTransport(
    { apiUrl: fake.url, number: BOT.number, ...(mode ? { receiveMode: mode } : {}) },
    { logger, timing: { ...FAST, ...options.timing } },
  );
  return { transport, logger };
}

/** Nothing personal in the logs: no numbers, UUIDs, names, group ids or message text. */
export function expectPrivateLogs(lines: readonly string[], texts: readonly string[] = []): void {
  const forbidden = [
    BOT.number,
    BOT.uuid,
    GROUP.internalId,
    GROUP.restId,
    GROUP.name,
    ...[ALICE, BERTHE, CHARLES].flatMap((p) => [p.uuid, p.number ?? '', p.name ?? '']),
    ...texts,
  ].filter((s) => s !== '');
  const joined = lines.join('\n');
  for (const secret of forbidden) expect(joined).not.toContain(secret);
  expect(joined).not.toMatch(/\+\d{6,}/);
  expect(joined).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/i);
}
