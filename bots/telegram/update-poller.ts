// Long polling that loses nothing. grammY's own loop confirms an update (advances the offset)
// even when its handler failed; here the offset moves past an update only once the core has
// taken it, and a failing update is retried with backoff, holding back the ones after it so
// the order of events is kept. Telegram confirms everything below the offset we send next.
// The offset always follows the last update taken, even when its id is lower than the one
// before: Telegram restarts update ids at a random value after a week without updates, and an
// offset above its queue is answered from the head without confirming anything. Skipping the
// "old" ids would leave the bot deaf and spinning (go-telegram-bot-api#156); grammY also
// confirms the last update it tried. Repeats are harmless: the core dedupes on update_id.

import { GrammyError } from 'grammy';
import type { Api } from 'grammy';
import type { Update } from 'grammy/types';
import { errorCode } from '../../src/core/error-code.js';
import type { Logger } from '../../src/logger.js';
import { backoff, sleep, type TelegramTiming } from './timing.js';

/** The update kinds Parloir reads; Telegram stops sending the others. */
// chat_member and message_reaction reach only bots that are administrators; left_chat_member
// messages reach all. Where the bot is an admin, a 👍 on a post claims it, as on Signal.
export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member', 'chat_member', 'message_reaction'] as const;

export interface UpdatePollerOptions {
  readonly api: Api;
  /** Resolves once the core has recorded the update; throws to have it retried. */
  readonly handle: (update: Update) => Promise<void>;
  readonly logger: Logger;
  readonly timing: TelegramTiming;
}

export class UpdatePoller {
  private readonly abort = new AbortController();
  private loop: Promise<void> | undefined;
  /** One past the last update taken (0 before the first): the offset we send next. */
  private offset = 0;
  /** The offset Telegram last heard from us: everything it covers is confirmed. */
  private confirmed = 0;

  constructor(private readonly options: UpdatePollerOptions) {}

  start(): void {
    this.loop ??= this.run().catch((error: unknown) => {
      // Not expected: every failure inside is caught. Logged so the cause is never silent.
      this.options.logger.error('TELEGRAM_POLLING_CRASHED', { error: errorCode(error) });
    });
  }

  /** Stops polling, lets the update in hand finish, then confirms what was handled. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
    if (this.offset !== this.confirmed) {
      // The server confirms on receipt, then holds a call that repeats the offset of the long
      // poll just aborted for 3 s: waiting for that answer would only slow the stop down.
      const held = new AbortController();
      const timer = setTimeout(() => held.abort(), this.options.timing.stopConfirmMs);
      try {
        // The update it may return stays unconfirmed for next time.
        await this.options.api.getUpdates(
          { offset: this.offset, limit: 1, timeout: 0 },
          held.signal as unknown as Parameters<Api['getUpdates']>[1],
        );
        this.confirmed = this.offset;
      } catch (error) {
        // Harmless either way: handled updates that come again next start are deduped by the core.
        if (!held.signal.aborted) this.options.logger.warn('TELEGRAM_CONFIRM_FAILED', { error: errorCode(error) });
      } finally {
        clearTimeout(timer);
      }
    }
  }

  private async run(): Promise<void> {
    const { api, logger, timing } = this.options;
    const signal = this.abort.signal;
    let failures = 0;
    while (!signal.aborted) {
      let updates: Update[];
      try {
        updates = await api.getUpdates(
          {
            ...(this.offset > 0 ? { offset: this.offset } : {}),
            timeout: timing.pollTimeoutSeconds,
            allowed_updates: [...ALLOWED_UPDATES],
          },
          // grammY types its signal with the abort-controller polyfill; Node's is compatible.
          signal as unknown as Parameters<Api['getUpdates']>[1],
        );
        this.confirmed = this.offset;
        failures = 0;
      } catch (error) {
        if (signal.aborted) break;
        failures += 1;
        const delay = this.pollDelay(error, failures);
        const level = error instanceof GrammyError && (error.error_code === 401 || error.error_code === 409) ? 'error' : 'warn';
        logger[level]('TELEGRAM_POLL_FAILED', { error: pollErrorCode(error), attempt: failures, delayMs: delay });
        await sleep(delay, signal);
        continue;
      }
      for (const update of updates) {
        // Stopping: the rest of the batch stays unconfirmed and comes again next start.
        if (signal.aborted) return;
        if (!(await this.handleUntilTaken(update))) return;
        this.offset = update.update_id + 1;
      }
    }
  }

  /** True once handled; false if stopped first (the update then stays unconfirmed). */
  private async handleUntilTaken(update: Update): Promise<boolean> {
    const { handle, logger, timing } = this.options;
    const signal = this.abort.signal;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await handle(update);
        if (attempt > 1) logger.info('TELEGRAM_UPDATE_TAKEN', { attempts: attempt });
        return true;
      } catch (error) {
        const delay = backoff(attempt, timing.eventRetryBaseMs, timing.eventRetryMaxMs);
        logger.warn('TELEGRAM_UPDATE_RETRY', { error: errorCode(error), attempt, delayMs: delay });
        if (!(await sleep(delay, signal))) return false;
      }
    }
  }

  private pollDelay(error: unknown, failures: number): number {
    const { timing } = this.options;
    if (error instanceof GrammyError && error.error_code === 429 && typeof error.parameters.retry_after === 'number') {
      return error.parameters.retry_after * 1000;
    }
    return backoff(failures, timing.pollRetryBaseMs, timing.pollRetryMaxMs);
  }
}

function pollErrorCode(error: unknown): string {
  if (error instanceof GrammyError) {
    if (error.error_code === 401 || error.error_code === 404) return 'TELEGRAM_UNAUTHORIZED';
    // Another instance polls with the same token, or a webhook is still set.
    if (error.error_code === 409) return 'TELEGRAM_CONFLICT';
    return `TELEGRAM_HTTP_${error.error_code}`;
  }
  return errorCode(error);
}
