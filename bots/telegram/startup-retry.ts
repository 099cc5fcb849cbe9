// Start-up calls (deleteWebhook, setWebhook, setMyCommands) that meet a network failure, a
// server error or a 429 are tried again with backoff rather than aborting the start: a bot
// that boots while the network is still coming up must come up too. Other refusals (a bad
// webhook URL, a revoked token) are settings to fix and are thrown at once.

import { GrammyError, HttpError } from 'grammy';
import { errorCode } from '../../src/core/error-code.js';
import type { Logger } from '../../src/logger.js';
import { backoff, sleep, type TelegramTiming } from './timing.js';

export function isTransient(error: unknown): boolean {
  if (error instanceof HttpError) return true;
  return error instanceof GrammyError && (error.error_code >= 500 || error.error_code === 429);
}

/**
 * Runs `call` until it succeeds, fails for a reason retrying cannot fix, `attempts` are used
 * up (then the last error is thrown), or `signal` aborts (then a TELEGRAM_STOPPED error).
 */
export async function retryStartup<T>(
  call: () => Promise<T>,
  options: { readonly what: string; readonly signal: AbortSignal; readonly timing: TelegramTiming; readonly logger: Logger; readonly attempts?: number },
): Promise<T> {
  const { timing, logger, signal } = options;
  const attempts = options.attempts ?? Number.POSITIVE_INFINITY;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (signal.aborted) throw stopped();
      if (!isTransient(error) || attempt >= attempts) throw error;
      const retryAfter = error instanceof GrammyError ? error.parameters.retry_after : undefined;
      const delay = typeof retryAfter === 'number' ? retryAfter * 1000 : backoff(attempt, timing.pollRetryBaseMs, timing.pollRetryMaxMs);
      logger.warn('TELEGRAM_STARTUP_RETRY', { call: options.what, error: errorCode(error), attempt, delayMs: delay });
      if (!(await sleep(delay, signal))) throw stopped();
    }
  }
}

function stopped(): Error {
  return Object.assign(new Error('Telegram transport stopped while starting (code TELEGRAM_STOPPED)'), { code: 'TELEGRAM_STOPPED' });
}
