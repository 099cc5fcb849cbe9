// The sealed start: with a passphrase-sealed key file and no passphrase given, Parloir applies
// migrations, opens no connection to Signal or Telegram (messages wait on their servers), sends
// nothing, logs SEALED, and waits on the control socket for `parloir unlock`. The master key then
// lives only in memory: a restart or a power cut seals the store again. With a k-of-n shares key
// file, each unlock adds one share (kept in memory only, forgotten after 15 minutes) until k open it.

import sodium from 'libsodium-wrappers-sumo';
import { openFailure, StartupError } from './bootstrap.js';
import type { Settings } from './config.js';
import { type ControlHandler, type ControlReply, type ControlServer, ControlSocketError, listenControl } from './control-socket.js';
import { cliText } from './i18n/index.js';
import { errorCode } from './core/error-code.js';
import type { Logger } from './logger.js';
import { openDatabase, type OpenedDatabase } from './store/database.js';
import { type SealedKey, unsealMasterKey, WrongPassphraseError } from './store/sealed-key.js';
import { ShareCollector, ShareError, type SharedKey } from './store/shared-key.js';
import { shredGroups } from './store/shred.js';
import { type Store, unsealStore } from './store/store.js';

/** A started service, as the control socket sees it. */
export interface Running {
  readonly store: Store;
  stop(): Promise<void>;
}

export interface Controlled {
  /** Resolves once the service is unsealed and its transports are receiving. */
  readonly running: Promise<Running>;
  /** Stops the service (if started) and closes the control socket and the database. */
  stop(): Promise<void>;
}

/** After a wrong passphrase, before answering: guessing costs an Argon2id hash plus this. */
export const WRONG_PASSPHRASE_PAUSE_MS = 2_000;
const defaultPause = () => new Promise<void>((resolve) => setTimeout(resolve, WRONG_PASSPHRASE_PAUSE_MS));

export interface SealedStartOptions {
  readonly settings: Settings;
  /** A passphrase-sealed key file, or (`shared`) a k-of-n shares key file: one of the two. */
  readonly sealed?: SealedKey;
  readonly shared?: SharedKey;
  /** The time now, for forgetting given shares after SHARE_WINDOW_MS; the system clock by default. */
  readonly now?: () => number;
  readonly logger: Logger;
  /** Opens the transports and starts the service on the unsealed store. */
  readonly start: (store: Store) => Promise<Running>;
  readonly pause?: () => Promise<void>;
}

export async function startSealed(options: SealedStartOptions): Promise<Controlled> {
  const { settings, logger } = options;
  let opened: OpenedDatabase;
  try {
    opened = openDatabase(settings.dbPath, undefined);
  } catch (error) {
    throw openFailure(settings, error);
  }
  let running: Running | undefined;
  let markRunning: (r: Running) => void = () => {};
  const runningPromise = new Promise<Running>((resolve) => (markRunning = resolve));

  const collector = options.shared ? new ShareCollector(options.shared, options.now ?? Date.now) : undefined;
  const sealedState = (): ControlReply =>
    collector && options.shared
      ? { ok: true, state: 'sealed', needs: 'share', given: collector.count(), needed: options.shared.threshold }
      : { ok: true, state: 'sealed', needs: 'passphrase' };

  /** The master key from a passphrase or a share, else the reply to give (refused, or more shares needed). */
  const open = async (secret: string): Promise<Uint8Array | ControlReply> => {
    try {
      if (collector) {
        const offer = await collector.offer(secret);
        if (offer.kind === 'open') return offer.master;
        logger.info('SHARE_ACCEPTED', { given: offer.given, needed: offer.needed });
        return sealedState();
      }
      if (!options.sealed) throw new Error('startSealed needs a sealed or a shared key');
      return await unsealMasterKey(options.sealed, secret);
    } catch (error) {
      if (!(error instanceof WrongPassphraseError) && !(error instanceof ShareError)) throw error;
      logger.warn('UNLOCK_REFUSED', { reason: error.code });
      await (options.pause ?? defaultPause)();
      return { ok: false, code: error.code };
    }
  };

  const unlock = async (passphrase: string): Promise<ControlReply> => {
    if (running) return { ok: true, state: 'running' };
    const given = await open(passphrase);
    if (!(given instanceof Uint8Array)) return given;
    const master = given;
    let store: Store;
    try {
      store = await unsealStore(opened.db, master, opened.applied);
    } catch (error) {
      logger.error('UNLOCK_FAILED', { error: errorCode(error) });
      return { ok: false, code: errorCode(error), detail: openFailure(settings, error).text };
    } finally {
      sodium.memzero(master); // the vault keeps only what it derived
    }
    try {
      running = await options.start(store);
    } catch (error) {
      logger.error('UNLOCK_START_FAILED', { error: errorCode(error) });
      return { ok: false, code: 'START_FAILED', detail: error instanceof StartupError ? error.text : errorCode(error) };
    }
    logger.info('UNSEALED', {});
    markRunning(running);
    return { ok: true, state: 'running' };
  };

  let server: ControlServer;
  try {
    server = await serveControl(settings, { unlock, running: () => running, sealedState });
  } catch (error) {
    opened.db.close();
    throw error;
  }
  logger.warn('SEALED', { unlock: 'npx parloir unlock' });
  return {
    running: runningPromise,
    async stop() {
      await server.close();
      if (running) {
        await running.stop();
        running.store.close();
      } else if (opened.db.open) opened.db.close();
    },
  };
}

/** The control socket of a service started with its key at hand (not sealed). */
export async function controlRunning(settings: Settings, running: Running): Promise<ControlServer> {
  return serveControl(settings, { running: () => running });
}

/** The control socket could not be opened: an operator message instead of a crash. */
async function listenOrExplain(settings: Settings, handle: ControlHandler): Promise<ControlServer> {
  try {
    return await listenControl(settings.controlSocket, handle);
  } catch (error) {
    if (error instanceof ControlSocketError) throw new StartupError(cliText(settings.lang).controlSocketFailed({ socket: settings.controlSocket, code: error.code }));
    throw error;
  }
}

function serveControl(
  settings: Settings,
  deps: { unlock?: (passphrase: string) => Promise<ControlReply>; running: () => Running | undefined; sealedState?: () => ControlReply },
): Promise<ControlServer> {
  // One request at a time: parallel guesses wait their turn, each paying the full cost.
  let queue: Promise<unknown> = Promise.resolve();
  const handle: ControlHandler = (request) => {
    const next = queue.then(async (): Promise<ControlReply> => {
      const running = deps.running();
      switch (request.op) {
        case 'status':
          if (running) return { ok: true, state: 'running' };
          return deps.sealedState?.() ?? { ok: true, state: 'sealed' };
        case 'unlock':
          return deps.unlock ? deps.unlock(request.passphrase) : { ok: true, state: 'running' };
        case 'shred':
          if (!running) return { ok: false, code: 'SEALED' };
          return { ok: true, state: 'running', shredded: shredGroups(running.store, request.groups) };
      }
    });
    queue = next.catch(() => undefined);
    return next;
  };
  return listenOrExplain(settings, handle);
}
