// Live checks of the Telegram Bot API for `doctor` and the start-up: the token is accepted
// (getMe) and the webhook is in the state the settings expect (getWebhookInfo). Read-only: it
// never sets or deletes a webhook and never takes updates.

import { Api, GrammyError } from 'grammy';
import type { TelegramSettings } from '../../src/config.js';
import { errorCode } from '../../src/core/error-code.js';
import type { ProbeFinding } from '../../src/core/probe.js';

export interface TelegramProbeOptions {
  /** Keep retrying an unreachable API this long; 0: one try. */
  readonly patienceMs?: number;
  readonly timeoutSeconds?: number;
}

export async function probeTelegram(settings: TelegramSettings, options: TelegramProbeOptions = {}): Promise<ProbeFinding[]> {
  const api = new Api(settings.token, {
    ...(settings.apiRoot ? { apiRoot: settings.apiRoot } : {}),
    timeoutSeconds: options.timeoutSeconds ?? 10,
  });
  const me = await getMe(api, options.patienceMs ?? 0);
  if ('finding' in me) return [me.finding];
  return [{ status: 'ok', code: 'telegram-token', detail: `@${me.username}` }, await webhookState(api, settings)];
}

/** 401 "Unauthorized" is Telegram's answer to a revoked or mistyped token. */
async function getMe(api: Api, patienceMs: number): Promise<{ username: string } | { finding: ProbeFinding }> {
  const deadline = Date.now() + patienceMs;
  for (;;) {
    try {
      const me = await api.getMe();
      return { username: me.username };
    } catch (error) {
      if (error instanceof GrammyError) {
        const code = error.error_code === 401 || error.error_code === 404 ? 'telegram-token-rejected' : 'telegram-unreachable';
        return { finding: { status: 'fail', code, detail: `${error.error_code}` } };
      }
      if (Date.now() >= deadline) return { finding: { status: 'fail', code: 'telegram-unreachable', detail: errorCode(error) } };
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

/**
 * Long polling: a webhook left set is deleted at start (getUpdates fails while one is set).
 * Webhook mode: the URL Telegram holds should be ours; its last delivery error is shown as is.
 */
async function webhookState(api: Api, settings: TelegramSettings): Promise<ProbeFinding> {
  try {
    const info = await api.getWebhookInfo();
    if (!settings.webhook) {
      return info.url ? { status: 'warn', code: 'telegram-webhook-will-be-removed', detail: info.url } : { status: 'ok', code: 'telegram-polling' };
    }
    if (!info.url) return { status: 'ok', code: 'telegram-webhook-not-set', detail: settings.webhook.url };
    if (info.url !== settings.webhook.url) return { status: 'warn', code: 'telegram-webhook-other-url', detail: info.url };
    if (info.last_error_message) return { status: 'warn', code: 'telegram-webhook-error', detail: info.last_error_message };
    return { status: 'ok', code: 'telegram-webhook-set', detail: info.url };
  } catch (error) {
    return { status: 'fail', code: 'telegram-unreachable', detail: errorCode(error) };
  }
}
