// normal/native modes: polling. Messages wait on Signal's server until signal-cli pulls them,
// so a down bot loses nothing; each batch is handed over in full before the next poll. Polls
// are short (`timeout` 1 s, restarted by every envelope) and capped (`max_messages`), so in a
// chatty group a command waits seconds, not the length of the chatter, and the replies it
// causes go out (through the lane, ahead of the next poll) before signal-cli receives again.

import { isAxiosError } from 'axios';
import { errorCode } from '../../src/core/error-code.js';
import type { Logger } from '../../src/logger.js';
import type { EventPump } from './event-pump.js';
import { parseReceiveBody } from './receive-body.js';
import type { SignalRestClient } from './rest-client.js';
import { backoffMs, pause, type SignalTiming } from './timing.js';
import { isRecord } from './wire-types.js';

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
  let idle = false;
  while (!stopping.aborted && !signal.aborted) {
    let body: string;
    const query = idle ? { timeoutSeconds: timing.pollIdleTimeoutSeconds, maxMessages: 1 } : { timeoutSeconds: timing.pollTimeoutSeconds, maxMessages: timing.pollMaxMessages };
    try {
      body = await client.receive(query, signal);
    } catch (error) {
      const status = isAxiosError(error) ? error.response?.status : undefined;
      // signal-cli failed after printing envelopes it had already acknowledged: the wrapper
      // answers 400 with stdout (the envelopes) + stderr (src/client/cli.go). Keep them.
      const printed = status === 400 ? errorText(isAxiosError(error) ? error.response?.data : undefined) : '';
      const salvaged = printed.includes('"envelope"') ? parseReceiveBody(printed).items : [];
      if (salvaged.length > 0) {
        logger.warn('SIGNAL_RECEIVE_FAILED_WITH_ENVELOPES', { kept: salvaged.length });
        for (const item of salvaged) await pump.handle(item);
      }
      if (signal.aborted || stopping.aborted) break;
      failures += 1;
      // 400 here usually means the server runs json-rpc: the path only upgrades to a websocket.
      logger.warn(status === 400 ? 'SIGNAL_POLL_REJECTED' : 'SIGNAL_POLL_FAILED', { failures, error: errorCode(error), ...(status ? { status } : {}) });
      await pause(backoffMs(failures, timing.reconnectBaseMs, timing.reconnectMaxMs), stopping);
      continue;
    }
    if (failures > 0) logger.info('SIGNAL_POLL_RECOVERED', { failures });
    failures = 0;
    const { items, junk } = parseReceiveBody(body);
    idle = items.length === 0 && junk === 0;
    if (junk > 0) logger.warn('SIGNAL_RECEIVE_JUNK', { junk, kept: items.length });
    for (const item of items) await pump.handle(item);
    // Let the replies these caused reach the lane before the next poll takes it.
    if (items.length > 0) await pause(timing.replyGraceMs, stopping);
  }
}

/** The text of a 400 body: `{"error":"…"}`, or the raw text. */
function errorText(data: unknown): string {
  if (typeof data === 'string') {
    try {
      return errorText(JSON.parse(data));
    } catch {
      return data;
    }
  }
  return isRecord(data) && typeof data.error === 'string' ? data.error : '';
}
