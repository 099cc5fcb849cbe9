// Shared helpers for the Telegram tests: a recording EventHandler, a transport wired to the
// fake with short delays, and a condition poller (no sleep-based assertions).

import type { PacePolicy } from '../../bots/telegram/pacing.js';
import { createTelegramTransport, type TelegramDeps, type TelegramTransport } from '../../bots/telegram/telegram-transport.js';
import type { TelegramSettings } from '../../src/config.js';
import type { Clock } from '../../src/core/clock.js';
import type { EventHandler, EventOutcome, InboundEvent } from '../../src/core/transport.js';
import { memoryLogger } from '../../src/logger.js';
import type { FakeTelegram } from '../fakes/telegram/fake-telegram.js';

export { waitFor } from '../support/wait.js';

export interface Recorder {
  readonly handler: EventHandler;
  /** Every event handed over, including redeliveries and the ones that threw. */
  readonly attempts: InboundEvent[];
  /** Events taken (handler resolved), deduplicated by dedupeKey like the core's inbox. */
  readonly taken: InboundEvent[];
  /** The next `n` calls throw, as if the store were unavailable. */
  failNext(n: number): void;
  /** The notice returned for button events. */
  notice: string | undefined;
}

export function recorder(): Recorder {
  const seen = new Set<string>();
  let failures = 0;
  const self: Recorder = {
    attempts: [],
    taken: [],
    notice: undefined,
    failNext(n) {
      failures = n;
    },
    handler: async (event): Promise<EventOutcome> => {
      self.attempts.push(event);
      if (failures > 0) {
        failures -= 1;
        throw Object.assign(new Error('store unavailable'), { code: 'STORE_UNAVAILABLE' });
      }
      if (seen.has(event.dedupeKey)) return { status: 'duplicate' };
      seen.add(event.dedupeKey);
      self.taken.push(event);
      return event.kind === 'button' && self.notice !== undefined ? { status: 'handled', notice: self.notice } : { status: 'handled' };
    },
  };
  return self;
}

export const testMenu: TelegramDeps['commandMenu'] = (lang) =>
  lang === 'fr'
    ? [
        { command: 'essai', description: 'Une commande inventée' },
        { command: 'autre', description: 'Une autre commande inventée' },
      ]
    : [
        { command: 'trial', description: 'An invented command' },
        { command: 'other', description: 'Another invented command' },
      ];

export function makeTransport(
  fake: FakeTelegram,
  options: { webhook?: TelegramSettings['webhook']; logger?: ReturnType<typeof memoryLogger>; clock?: Clock; pace?: PacePolicy } = {},
): { transport: TelegramTransport; logger: ReturnType<typeof memoryLogger> } {
  const logger = options.logger ?? memoryLogger();
  const transport = createTelegramTransport(
    { token: fake.token, apiRoot: fake.apiRoot, ...(options.webhook ? { webhook: options.webhook } : {}) },
    {
      logger,
      commandMenu: testMenu,
      webhookHost: '127.0.0.1',
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.pace ? { pace: options.pace } : {}),
      timing: { pollTimeoutSeconds: 5, eventRetryBaseMs: 20, eventRetryMaxMs: 200, pollRetryBaseMs: 20, pollRetryMaxMs: 200, stopConfirmMs: 200 },
    },
  );
  return { transport, logger };
}

import { eventually } from '../support/wait.js';

export { eventually };
