// Webhook mode: Telegram POSTs each update to our HTTPS URL (a reverse proxy forwards it to
// this plain HTTP server). grammY's webhookCallback checks the secret token header and runs
// the bot; we answer 200 only once the core has taken the update, and 500 otherwise, so that
// Telegram delivers it again later. Telegram keeps undelivered updates while we are down.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BotError, webhookCallback, type Bot } from 'grammy';
import { errorCode } from '../../src/core/error-code.js';
import type { Logger } from '../../src/logger.js';

export interface WebhookServer {
  readonly port: number;
  close(): Promise<void>;
}

export async function startWebhookServer(options: {
  readonly bot: Bot;
  readonly secret: string;
  readonly port: number;
  readonly host?: string;
  readonly handlerTimeoutMs: number;
  readonly logger: Logger;
}): Promise<WebhookServer> {
  const { logger } = options;
  const callback = webhookCallback(options.bot, 'http', {
    secretToken: options.secret,
    onTimeout: 'throw',
    timeoutMilliseconds: options.handlerTimeoutMs,
  });
  const server: Server = createServer((req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    callback(req, res).then(
      () => {
        if (res.statusCode === 401) logger.warn('TELEGRAM_WEBHOOK_UNAUTHORIZED');
      },
      (error: unknown) => {
        const cause = error instanceof BotError ? error.error : error;
        logger.warn('TELEGRAM_WEBHOOK_UPDATE_FAILED', { error: errorCode(cause) });
        if (!res.headersSent) res.writeHead(500).end();
        else if (!res.writableEnded) res.end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => logger.error('TELEGRAM_WEBHOOK_SERVER_ERROR', { error: errorCode(error) }));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive connections from the proxy would hold close() open.
        server.closeIdleConnections();
      }),
  };
}
