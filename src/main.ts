#!/usr/bin/env node
// The one composition root: settings → store → transports → service. With no transport
// settings it runs the local terminal demo; otherwise the configured transports, without stdin.

import { LocalTransport } from '../bots/local/local-transport.js';
import { DEMO_CENTRE, runDemo } from '../bots/local/demo.js';
import { SignalModeMismatch } from '../bots/signal/server-mode.js';
import { createSignalTransport } from '../bots/signal/signal-transport.js';
import { createTelegramTransport } from '../bots/telegram/telegram-transport.js';
import { openAll, operatorLang, readSettings, StartupError } from './bootstrap.js';
import { errorCode } from './core/error-code.js';
import { systemClock } from './core/clock.js';
import type { Transport } from './core/transport.js';
import { cliText } from './i18n/index.js';
import { jsonLogger, type Logger } from './logger.js';
import { startService } from './service.js';
import type { Settings } from './config.js';

async function main(): Promise<number> {
  const settings = readSettings(process.env);
  const text = cliText(settings.lang);
  const opened = await openAll(settings);
  for (const warning of opened.warnings) process.stderr.write(`${warning}\n`);
  const logger = jsonLogger(settings.demo ? 'warn' : settings.logLevel);

  const local = settings.demo ? new LocalTransport() : undefined;
  const signal = settings.signal ? createSignalTransport(settings.signal, { logger }) : undefined;
  const transports: Transport[] = local ? [local] : [...(signal ? [signal] : []), ...telegramTransports(settings, logger)];
  const service = await startService({
    store: opened.store,
    centres: opened.centres,
    transports,
    clock: systemClock,
    logger,
    lang: settings.lang,
    retentionDays: settings.retentionDays,
    reminders: settings.reminders,
    ...(signal ? { verifyIdentity: async (member, safetyNumber) => (await signal.identities.verify(member, safetyNumber)).ok } : {}),
  });
  // Safety numbers: a changed key holds the member until a coordinator verifies it.
  const stopWatching = signal?.identities.watch(async (changes) => {
    for (const change of changes) {
      await service.parloir.handle({
        kind: 'identity-changed',
        dedupeKey: `signal:identity:${change.member}:${change.safetyNumber}`,
        transport: 'signal',
        member: change.member,
      });
    }
  }, IDENTITY_CHECK_MS);

  const shutdown = async () => {
    process.stderr.write(`${text.stopping()}\n`);
    stopWatching?.();
    await service.stop();
    opened.store.close();
  };

  if (local) {
    await runDemo({
      transport: local,
      store: opened.store,
      lang: settings.lang,
      centreName: opened.centres.get(DEMO_CENTRE)?.name ?? DEMO_CENTRE,
      input: process.stdin,
      output: process.stdout,
      now: () => systemClock.now(),
      settle: () => service.drainer.drainDue(),
    });
    await shutdown();
    return 0;
  }

  process.stderr.write(`${text.started({ transports: transports.map((t) => t.name).join(', ') })}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await shutdown();
  return 0;
}

/** How often Signal's identity store is checked for changed safety numbers. */
const IDENTITY_CHECK_MS = 15 * 60_000;

function telegramTransports(settings: Settings, logger: Logger): Transport[] {
  return settings.telegram ? [createTelegramTransport(settings.telegram, { logger })] : [];
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof StartupError) {
      process.stderr.write(`${error.text}\n`);
      process.exit(2);
    }
    if (error instanceof SignalModeMismatch) {
      process.stderr.write(`${cliText(operatorLang(process.env)).signalModeMismatch({ configured: error.configured, server: error.server })}\n`);
      process.exit(2);
    }
    process.stderr.write(`${cliText(operatorLang(process.env)).unexpected({ code: errorCode(error) })}\n`);
    process.exit(1);
  },
);
