// The Telegram adapter: grammY's Bot as the API client and middleware runner, our own polling
// loop (update-poller.ts) or a webhook server, and sends that never retry (the outbox does).

import { Bot, BotError } from 'grammy';
import type { Update } from 'grammy/types';
import type { TelegramSettings } from '../../src/config.js';
import { type Clock, systemClock } from '../../src/core/clock.js';
import { errorCode } from '../../src/core/error-code.js';
import { chatAddress } from '../../src/core/ids.js';
import type { EventHandler, OutboundMessage, SendReceipt, Transport } from '../../src/core/transport.js';
import { commandMenu as coreCommandMenu } from '../../src/i18n/index.js';
import type { Logger } from '../../src/logger.js';
import { type CommandMenu, registerCommandMenu } from './command-menu.js';
import { migratedTo, toDeliveryError } from './delivery-errors.js';
import { mapUpdate } from './map-update.js';
import { OtherBots } from './other-bots.js';
import { ChatPacer, DEFAULT_PACE, type PacePolicy } from './pacing.js';
import { RateLimitWatch } from './rate-limit-watch.js';
import { DeliveryError } from '../../src/core/delivery-error.js';
import { deliver, recipientOf } from './outbound.js';
import { retryStartup } from './startup-retry.js';
import { DEFAULT_TIMING, type TelegramTiming } from './timing.js';
import { ALLOWED_UPDATES, UpdatePoller } from './update-poller.js';
import { startWebhookServer, type WebhookServer } from './webhook-server.js';

export interface TelegramDeps {
  readonly logger: Logger;
  /** The "/" menu per language; defaults to the core's locale files. */
  readonly commandMenu?: CommandMenu;
  /** Shorter delays for tests. */
  readonly timing?: Partial<TelegramTiming>;
  /** Webhook mode: interface to listen on (all interfaces by default). */
  readonly webhookHost?: string;
  /** Time for pacing sends and counting 429s; tests hand over their manual clock. */
  readonly clock?: Clock;
  /** Sends per chat and overall; defaults to Telegram's published limits. */
  readonly pace?: PacePolicy;
}

export interface TelegramTransport extends Transport {
  readonly name: 'telegram';
  /** The port the webhook server listens on once started (useful with port 0). */
  webhookPort(): number | undefined;
}

export function createTelegramTransport(settings: TelegramSettings, deps: TelegramDeps): TelegramTransport {
  const { logger } = deps;
  const timing: TelegramTiming = { ...DEFAULT_TIMING, ...deps.timing };
  const bot = new Bot(settings.token, {
    client: {
      ...(settings.apiRoot ? { apiRoot: settings.apiRoot } : {}),
      // One client for long polls and sends: its timeout must outlast a long poll.
      timeoutSeconds: Math.max(timing.requestTimeoutSeconds, timing.pollTimeoutSeconds + 15),
    },
  });
  let onEvent: EventHandler | undefined;
  let poller: UpdatePoller | undefined;
  let webhook: WebhookServer | undefined;
  let username: string | undefined;
  // grammY retries getMe on network errors until it succeeds; stop() must be able to end that.
  const starting = new AbortController();
  const otherBots = new OtherBots(bot.api, () => bot.botInfo.id, logger);
  const clock = deps.clock ?? systemClock;
  const now = () => clock.now();
  const rateLimits = new RateLimitWatch(undefined, now);
  const pacer = new ChatPacer(deps.pace ?? DEFAULT_PACE, now);

  // One middleware: map, hand to the core, and only then answer a button press. A throw
  // propagates (as BotError) to the poller or the webhook server, which retry.
  bot.use(async (ctx) => {
    await dispatch(ctx.update);
  });
  // Only reached if grammY's own loop ever runs; its default handler would stop the bot.
  bot.catch((error) => logger.error('TELEGRAM_HANDLER_FAILED', { error: errorCode(error.error) }));

  async function dispatch(update: Update): Promise<void> {
    const handler = onEvent;
    // Not taken: the poller retries it, the webhook answers 500 and Telegram redelivers.
    if (!handler) throw Object.assign(new Error('Telegram transport not started (code TELEGRAM_NOT_STARTED)'), { code: 'TELEGRAM_NOT_STARTED' });
    otherBots.observe(update);
    const mapped = mapUpdate(update, bot.botInfo.username);
    if (mapped.kind === 'ignored') {
      logger.debug('TELEGRAM_UPDATE_IGNORED', { reason: mapped.reason });
      if (mapped.callbackQueryId) await answerButton(mapped.callbackQueryId, undefined);
      return;
    }
    let event = mapped.event;
    // With other bots around, a bare command may be theirs: the core answers it only if it knows it.
    if (mapped.bareGroupCommand && event.kind === 'message' && (await otherBots.present(update.message?.chat.id ?? 0))) {
      event = { ...event, addressedToBot: false };
    }
    const outcome = await handler(event);
    if (mapped.callbackQueryId) await answerButton(mapped.callbackQueryId, outcome.notice);
  }

  /** Stops the button's spinner, showing the notice; the event is already recorded, so a failure here is only logged. */
  async function answerButton(id: string, notice: string | undefined): Promise<void> {
    try {
      await bot.api.answerCallbackQuery(id, notice ? { text: notice.slice(0, 200) } : {});
    } catch (error) {
      logger.warn('TELEGRAM_ANSWER_FAILED', { error: errorCode(error) });
    }
  }

  async function botUsername(): Promise<string | undefined> {
    if (username) return username;
    try {
      username = bot.isInited() ? bot.botInfo.username : (await bot.api.getMe()).username;
    } catch (error) {
      logger.warn('TELEGRAM_GETME_FAILED', { error: errorCode(error) });
    }
    return username;
  }

  /** The core moves the group's link; the failed message is not resent by the transport. */
  async function followMigration(from: number, to: number): Promise<void> {
    if (!onEvent) return;
    try {
      await onEvent({
        kind: 'chat-migrated',
        dedupeKey: `telegram:migrated:${from}:${to}`,
        transport: 'telegram',
        from: chatAddress('telegram', String(from)),
        to: chatAddress('telegram', String(to)),
      });
    } catch (error) {
      // The service message announcing the upgrade carries the same change.
      logger.warn('TELEGRAM_MIGRATION_EVENT_FAILED', { error: errorCode(error) });
    }
  }

  return {
    name: 'telegram',
    webhookPort: () => webhook?.port,

    async start(handler: EventHandler): Promise<void> {
      if (onEvent) throw new Error('Telegram transport already started (code TELEGRAM_ALREADY_STARTED)');
      await bot.init(starting.signal as unknown as Parameters<Bot['init']>[0]);
      username = bot.botInfo.username;
      if (bot.botInfo.can_read_all_group_messages) {
        // Parloir needs only commands and replies to its posts; turn privacy mode back on in BotFather.
        logger.warn('TELEGRAM_PRIVACY_MODE_OFF');
      }
      await registerCommandMenu(bot.api, deps.commandMenu ?? coreCommandMenu, logger, (call) =>
        retryStartup(call, { what: 'setMyCommands', signal: starting.signal, timing, logger, attempts: 5 }),
      );
      // stop() was called while starting: start nothing that would outlive it.
      if (starting.signal.aborted) throw new Error('Telegram transport stopped while starting (code TELEGRAM_STOPPED)');
      onEvent = handler;
      if (settings.webhook) {
        const server = await startWebhookServer({
          bot,
          secret: settings.webhook.secret,
          port: settings.webhook.port,
          ...(deps.webhookHost ? { host: deps.webhookHost } : {}),
          handlerTimeoutMs: timing.webhookHandlerTimeoutMs,
          logger,
        });
        try {
          const url = settings.webhook.url;
          const secret_token = settings.webhook.secret;
          await retryStartup(
            () => bot.api.setWebhook(url, { secret_token, allowed_updates: [...ALLOWED_UPDATES], drop_pending_updates: false }),
            { what: 'setWebhook', signal: starting.signal, timing, logger },
          );
          if (starting.signal.aborted) throw new Error('Telegram transport stopped while starting (code TELEGRAM_STOPPED)');
        } catch (error) {
          await server.close();
          onEvent = undefined;
          throw error;
        }
        webhook = server;
        logger.info('TELEGRAM_WEBHOOK_STARTED', { port: server.port });
        return;
      }
      // A webhook left from an earlier setup would make getUpdates fail; keep its pending updates.
      try {
        await retryStartup(() => bot.api.deleteWebhook({ drop_pending_updates: false }), {
          what: 'deleteWebhook',
          signal: starting.signal,
          timing,
          logger,
        });
        if (starting.signal.aborted) throw new Error('Telegram transport stopped while starting (code TELEGRAM_STOPPED)');
      } catch (error) {
        onEvent = undefined;
        throw error;
      }
      poller = new UpdatePoller({
        api: bot.api,
        logger,
        timing,
        handle: async (update) => {
          try {
            await bot.handleUpdate(update);
          } catch (error) {
            throw error instanceof BotError ? error.error : error;
          }
        },
      });
      poller.start();
      logger.info('TELEGRAM_POLLING_STARTED');
    },

    async send(message: OutboundMessage): Promise<SendReceipt> {
      const recipient = recipientOf(message);
      const wait = pacer.waitFor(recipient.chatId, recipient.direct);
      if (wait > 0) {
        // Over the pace for this chat: the outbox keeps it (in order) and asks again later.
        logger.debug('TELEGRAM_PACED', { waitMs: wait, direct: recipient.direct });
        throw new DeliveryError({ code: 'TELEGRAM_PACED', retry: 'later', retryAfterMs: wait, paced: true });
      }
      try {
        const receipt = await deliver(bot.api, recipient, message);
        // Counted from the answer, which is no earlier than Telegram counted it.
        pacer.record(recipient.chatId, now());
        return receipt;
      } catch (error) {
        const to = migratedTo(error);
        if (to !== undefined) await followMigration(recipient.chatId, to);
        const deepLink = recipient.direct ? await botUsername() : undefined;
        let failure = toDeliveryError(error, {
          direct: recipient.direct,
          ...(recipient.member ? { member: recipient.member } : {}),
          ...(deepLink ? { deepLink: `https://t.me/${deepLink}?start=hello` } : {}),
        });
        if (failure.alert === 'rate-limited' && !rateLimits.record(recipient.chatId, failure.retryAfterMs)) {
          // One short 429 is normal on Telegram: the outbox waits and retries, nobody is bothered.
          failure = new DeliveryError({ code: failure.code, retry: failure.retry, ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}) });
        }
        logger.warn('TELEGRAM_SEND_FAILED', { code: failure.code, retry: failure.retry, edit: message.edit !== undefined });
        throw failure;
      }
    },

    async stop(): Promise<void> {
      starting.abort();
      const running = poller;
      const server = webhook;
      poller = undefined;
      webhook = undefined;
      // Webhook: in-flight requests finish before close() resolves, so onEvent is kept until then.
      await running?.stop();
      await server?.close();
      onEvent = undefined;
    },
  };
}
