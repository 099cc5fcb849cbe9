// The Signal adapter: signal-cli-rest-api over HTTP (axios) and, in json-rpc modes, a
// websocket (ws). Inbound envelopes are handed to the core one at a time; sends never retry
// (the outbox does) and turn every failure into a DeliveryError.

import type { SignalReceiveMode, SignalSettings } from '../../src/config.js';
import { DeliveryError } from '../../src/core/delivery-error.js';
import { errorCode } from '../../src/core/error-code.js';
import { messageRef } from '../../src/core/ids.js';
import type { EventHandler, OutboundMessage, SendReceipt, Transport } from '../../src/core/transport.js';
import type { Logger } from '../../src/logger.js';
import { classifySendFailure, receiptFromSuccess } from './delivery-errors.js';
import { EventPump } from './event-pump.js';
import { createIdentityMonitor, type IdentityMonitor } from './identity-monitor.js';
import { buildSendBody } from './outbound.js';
import { runPollReceiver } from './poll-receiver.js';
import { createRestClient, type SignalRestClient } from './rest-client.js';
import { runSocketReceiver } from './socket-receiver.js';
import { backoffMs, DEFAULT_SIGNAL_TIMING, pause, type SignalTiming } from './timing.js';

export interface SignalDeps {
  readonly logger: Logger;
  /** Shorter delays for tests. */
  readonly timing?: Partial<SignalTiming>;
  /** The bot's own ACI, if known, so its own messages are never taken as commands. */
  readonly ownUuid?: string;
}

export interface SignalTransport extends Transport {
  readonly name: 'signal';
  /** The receive mode in use once started (from settings or GET /v1/about). */
  receiveMode(): SignalReceiveMode | undefined;
  /** Safety-number monitoring, for the core to wire (see docs/signal.md). */
  readonly identities: IdentityMonitor;
}

const MODES: readonly SignalReceiveMode[] = ['normal', 'native', 'json-rpc', 'json-rpc-native'];

export function createSignalTransport(settings: SignalSettings, deps: SignalDeps): SignalTransport {
  const { logger } = deps;
  const timing: SignalTiming = { ...DEFAULT_SIGNAL_TIMING, ...deps.timing };
  const client: SignalRestClient = createRestClient({
    apiUrl: settings.apiUrl,
    number: settings.number,
    requestTimeoutMs: timing.requestTimeoutMs,
    pollGraceMs: timing.pollGraceMs,
  });
  const own = { number: settings.number, ...(deps.ownUuid ? { uuid: deps.ownUuid } : {}) };
  let mode: SignalReceiveMode | undefined = settings.receiveMode;
  /** `stopping`: take no new work; `hard`: cut what runs (after stopGraceMs). */
  let stopper: { stopping: AbortController; hard: AbortController } | undefined;
  let loop: Promise<void> | undefined;

  /** Asks the server which mode it runs, retrying while it starts up (containers start together). */
  async function discoverMode(signal: AbortSignal): Promise<SignalReceiveMode | undefined> {
    for (let attempt = 0; !signal.aborted; attempt += 1) {
      if (!(await pause(backoffMs(attempt, timing.reconnectBaseMs, timing.reconnectMaxMs), signal))) break;
      try {
        const about = await client.about();
        const found = MODES.find((m) => m === about.mode);
        if (found) return found;
        logger.error('SIGNAL_UNKNOWN_MODE');
      } catch (error) {
        logger.warn('SIGNAL_ABOUT_FAILED', { attempt: attempt + 1, error: errorCode(error) });
      }
    }
    return undefined;
  }

  async function receive(pump: EventPump, stopping: AbortSignal, hard: AbortSignal): Promise<void> {
    mode ??= await discoverMode(stopping);
    if (!mode || stopping.aborted) return;
    logger.info('SIGNAL_RECEIVING', { mode });
    if (mode === 'json-rpc' || mode === 'json-rpc-native') {
      // Frames still queued when the socket closes are handed over before stop() returns.
      await runSocketReceiver({ url: client.receiveSocketUrl, logger, timing, signal: stopping, onFrame: (item) => pump.enqueue(item) });
      await pump.idle();
    } else {
      await runPollReceiver({ client, pump, logger, timing, signal: hard, stopping });
    }
  }

  return {
    name: 'signal',
    identities: createIdentityMonitor(client, logger),
    receiveMode: () => mode,

    async start(onEvent: EventHandler): Promise<void> {
      if (stopper) throw new Error('Signal transport already started (code SIGNAL_ALREADY_STARTED)');
      stopper = { stopping: new AbortController(), hard: new AbortController() };
      const { stopping, hard } = stopper;
      const pump = new EventPump(onEvent, { logger, timing, signal: hard.signal, own, client });
      // Receiving runs in the background; its loops log and retry, they never reject.
      loop = receive(pump, stopping.signal, hard.signal).catch((error: unknown) => logger.error('SIGNAL_RECEIVE_CRASHED', { error: errorCode(error) }));
    },

    async send(message: OutboundMessage): Promise<SendReceipt> {
      const addressed = buildSendBody(message, settings.number);
      let receipt: SendReceipt;
      try {
        receipt = receiptFromSuccess((await client.send(addressed.body)).data);
      } catch (error) {
        const outcome = classifySendFailure(error, addressed);
        if (outcome instanceof DeliveryError) {
          logger.warn('SIGNAL_SEND_FAILED', { outbox: message.id, code: outcome.code, retry: outcome.retry });
          throw outcome;
        }
        receipt = outcome;
      }
      if (!receipt.messageRef) logger.warn('SIGNAL_SEND_NO_TIMESTAMP', { outbox: message.id });
      if (receipt.problems?.length) logger.warn('SIGNAL_SEND_PARTIAL', { outbox: message.id, problems: receipt.problems.length });
      // An edit keeps the original post's id: replies and reactions still point at it.
      return message.edit ? { ...receipt, messageRef: messageRef(message.edit) } : receipt;
    },

    async stop(): Promise<void> {
      if (!stopper) return;
      const { stopping, hard } = stopper;
      stopping.abort();
      const cut = setTimeout(() => {
        logger.warn('SIGNAL_STOP_GRACE_EXPIRED');
        hard.abort();
      }, timing.stopGraceMs);
      await loop;
      clearTimeout(cut);
      hard.abort();
      loop = undefined;
      stopper = undefined;
    },
  };
}
