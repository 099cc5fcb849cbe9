#!/usr/bin/env node
// The one composition root: settings → store → transports → service. With no transport
// settings (and no key) it runs the local terminal demo; otherwise the configured transports,
// without stdin. It also hands the transports' live checks to the CLI's `doctor`. A
// passphrase-sealed key file (and no PARLOIR_PASSPHRASE_FILE) starts sealed: nothing connects
// until `parloir unlock` gives the passphrase over the control socket.

import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LocalTransport } from '../bots/local/local-transport.js';
import { DEMO_CENTRE, runDemo } from '../bots/local/demo.js';
import { probeSignal } from '../bots/signal/probe.js';
import { SignalModeMismatch } from '../bots/signal/server-mode.js';
import { createSignalTransport } from '../bots/signal/signal-transport.js';
import { probeTelegram } from '../bots/telegram/probe.js';
import { createTelegramTransport } from '../bots/telegram/telegram-transport.js';
import {
  openAll,
  openFailure,
  operatorLang,
  passphraseFor,
  preflight,
  type ProbeTransports,
  readCentres,
  readKey,
  readSettings,
  StartupError,
  unsealKey,
} from './bootstrap.js';
import type { CentreDirectory } from './core/centres.js';
import { controlRunning, type Running, startSealed } from './sealed-start.js';
import { openStore, type Store } from './store/store.js';
import { type EnvFileResult, loadDotEnv } from './env-file.js';
import { errorCode } from './core/error-code.js';
import { OffsetClock, systemClock } from './core/clock.js';
import type { Transport } from './core/transport.js';
import { cliText } from './i18n/index.js';
import type { CliMessages } from './i18n/cli-en.js';
import { jsonLogger, type Logger } from './logger.js';
import { startService } from './service.js';
import type { Settings } from './config.js';

/** The live checks of every configured transport, for the start-up and `doctor`. */
export const probeTransports: ProbeTransports = async (settings, options) => [
  ...(settings.signal ? await probeSignal(settings.signal, options) : []),
  ...(settings.telegram ? await probeTelegram(settings.telegram, options) : []),
];

/** How long the start waits for a service that does not answer yet (containers start together). */
const START_PATIENCE_MS = 30_000;

async function main(): Promise<number> {
  const envFile = loadDotEnv();
  const settings = readSettings(process.env);
  const text = cliText(settings.lang);
  if (envFile.kind !== 'absent') process.stderr.write(`${describeEnvFile(envFile, text)}\n`);
  const logger = jsonLogger(settings.demo ? 'warn' : settings.logLevel);
  if (settings.demo) return runLocalDemo(settings, logger);

  const { key, warnings } = readKey(settings);
  for (const warning of warnings) process.stderr.write(`${warning}\n`);
  const passphrase = key.kind === 'sealed' ? await passphraseFor(settings) : undefined;
  const sealed = key.kind === 'sealed' && passphrase === undefined;
  // The live checks talk to Signal and Telegram: a sealed service runs them only once unsealed
  // (before that, only the checks that need no connection).
  const checked = async (live: boolean) => {
    const probe: ProbeTransports = live ? probeTransports : async () => [];
    for (const warning of await preflight(settings, probe, START_PATIENCE_MS)) process.stderr.write(`${warning}\n`);
  };
  await checked(!sealed);
  const centres = readCentres(settings);
  const start = (store: Store) => startTransports(settings, store, centres, logger);

  let control: { stop(): Promise<void> };
  if (key.kind === 'sealed' && passphrase === undefined) {
    // The default for real deployments: wait, sealed, for `parloir unlock`.
    control = await startSealed({
      settings,
      sealed: key.sealed,
      logger,
      start: async (store) => {
        await checked(true);
        return start(store);
      },
    });
    process.stderr.write(`${text.sealed({ socket: settings.controlSocket })}\n`);
  } else {
    const masterKey = key.kind === 'plain' ? key.bytes : await unsealKey(settings, key.sealed, passphrase!);
    let store: Store;
    try {
      store = await openStore({ path: settings.dbPath, masterKey });
    } catch (error) {
      throw openFailure(settings, error);
    }
    const running = await start(store);
    const server = await controlRunning(settings, running);
    control = {
      async stop() {
        await server.close();
        await running.stop();
        store.close();
      },
    };
    process.stderr.write(`${text.started({ transports: transportNames(settings) })}\n`);
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  process.stderr.write(`${text.stopping()}\n`);
  await control.stop();
  return 0;
}

/** Opens Signal and/or Telegram and starts the service on an open store. */
async function startTransports(settings: Settings, store: Store, centres: CentreDirectory, logger: Logger): Promise<Running> {
  const signal = settings.signal ? createSignalTransport(settings.signal, { logger }) : undefined;
  const transports: Transport[] = [...(signal ? [signal] : []), ...telegramTransports(settings, logger)];
  const service = await startService({
    store,
    centres,
    transports,
    clock: systemClock,
    logger,
    lang: settings.lang,
    retentionDays: settings.retentionDays,
    memberRetentionDays: settings.memberRetentionDays,
    groupRetentionDays: settings.groupRetentionDays,
    reminders: settings.reminders,
    limits: settings.limits,
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
  return {
    store,
    async stop() {
      stopWatching?.();
      await service.stop();
    },
  };
}

/** The terminal demo: a throw-away key, one simulated group, stdin and stdout. */
async function runLocalDemo(settings: Settings, logger: Logger): Promise<number> {
  const opened = await openAll(settings);
  for (const warning of opened.warnings) process.stderr.write(`${warning}\n`);
  const local = new LocalTransport();
  // The demo moves time on with /clock +2h; a real deployment runs on real time.
  const demoClock = new OffsetClock();
  const service = await startService({
    store: opened.store,
    centres: opened.centres,
    transports: [local],
    clock: demoClock,
    logger,
    lang: settings.lang,
    retentionDays: settings.retentionDays,
    reminders: settings.reminders,
    limits: settings.limits,
  });
  await runDemo({
    transport: local,
    store: opened.store,
    lang: settings.lang,
    centreName: opened.centres.get(DEMO_CENTRE)?.name ?? DEMO_CENTRE,
    input: process.stdin,
    output: process.stdout,
    now: () => demoClock.now(),
    settle: () => service.drainer.drainDue(),
    advance: async (ms) => {
      // Step through what falls due in order, as if the time had passed: a reminder fires
      // while it is still useful, and the alert 30 minutes later follows it.
      const target = demoClock.now() + ms;
      for (let step = 0, next = opened.store.schedule.nextDueAt(); next !== undefined && next <= target && step < 1_000; step += 1) {
        demoClock.advance(Math.max(0, next - demoClock.now()));
        service.scheduler.tick();
        await service.drainer.drainDue();
        next = opened.store.schedule.nextDueAt();
      }
      demoClock.advance(Math.max(0, target - demoClock.now()));
      service.scheduler.tick();
    },
    leads: opened.centres.get(DEMO_CENTRE)?.reminders ?? settings.reminders,
    timezone: opened.centres.get(DEMO_CENTRE)?.timezone ?? 'Europe/Paris',
  });
  process.stderr.write(`${cliText(settings.lang).stopping()}\n`);
  await service.stop();
  opened.store.close();
  return 0;
}

const transportNames = (settings: Settings): string =>
  [settings.signal ? 'signal' : '', settings.telegram ? 'telegram' : ''].filter(Boolean).join(', ');

/** How often Signal's identity store is checked for changed safety numbers. */
const IDENTITY_CHECK_MS = 15 * 60_000;

function telegramTransports(settings: Settings, logger: Logger): Transport[] {
  return settings.telegram ? [createTelegramTransport(settings.telegram, { logger })] : [];
}

function describeEnvFile(result: Exclude<EnvFileResult, { kind: 'absent' }>, text: CliMessages): string {
  if (result.kind === 'read') return text.envFileRead(result);
  return result.kind === 'unsupported' ? text.envFileUnsupported(result) : text.envFileUnreadable(result);
}

/** True when this file is the program Node was started with (not imported by the CLI). */
function isEntryPoint(): boolean {
  const started = process.argv[1];
  if (!started) return false;
  try {
    return realpathSync(started) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
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
}
