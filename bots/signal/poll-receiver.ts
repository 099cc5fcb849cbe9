// normal/native modes: long polling. Messages wait on Signal's server until signal-cli pulls
// them, so a down bot loses nothing; each batch is handed over in full before the next poll.

import { isAxiosError } from 'axios';
import { errorCode } from '../../src/core/error-code.js';
import type { Logger } from '../../src/logger.js';
import type { EventPump } from './event-pump.js';
import { parseReceiveBody } from './receive-body.js';
import type { SignalRestClient } from './rest-client.js';
import { backoffMs, pause, type SignalTiming } from './timing.js';

export interface PollReceiverOptions {
  readonly client: SignalRestClient;
  readonly pump: EventPump;
  readonly logger: Logger;
  readonly timing: SignalTiming;
  /** Hard stop: cuts the running poll. */
  readonly signal: AbortSignal;
  /** Graceful stop: no new poll, but the running one and its batch complete. */
  readonly stopping: AbortSignal;
}

/** Runs until the signal aborts. Never throws. */
export async function runPollReceiver(options: PollReceiverOptions): Promise<void> {
  const { client, pump, logger, timing, signal, stopping } = options;
  let failures = 0;
  while (!stopping.aborted && !signal.aborted) {
    let body: string;
    try {
      body = await client.receive(timing.pollTimeoutSeconds, signal);
    } catch (error) {
      if (signal.aborted || stopping.aborted) break;
      failures += 1;
      const status = isAxiosError(error) ? error.response?.status : undefined;
      // 400 here usually means the server runs json-rpc: the path only upgrades to a websocket.
      logger.warn(status === 400 ? 'SIGNAL_POLL_REJECTED' : 'SIGNAL_POLL_FAILED', { failures, error: errorCode(error), ...(status ? { status } : {}) });
      await pause(backoffMs(failures, timing.reconnectBaseMs, timing.reconnectMaxMs), stopping);
      continue;
    }
    if (failures > 0) logger.info('SIGNAL_POLL_RECOVERED', { failures });
    failures = 0;
    const { items, junk } = parseReceiveBody(body);
    if (junk > 0) logger.warn('SIGNAL_RECEIVE_JUNK', { junk, kept: items.length });
    for (const item of items) await pump.handle(item);
  }
}
