// json-rpc modes: the wrapper pushes each envelope as one websocket text frame and drops
// whatever arrives while nobody is connected, so reconnect at once (then back off), and
// detect half-open links ourselves: the server never times a silent client out.

import WebSocket from 'ws';
import { errorCode } from '../../src/core/error-code.js';
import type { Logger } from '../../src/logger.js';
import { backoffMs, pause, type SignalTiming } from './timing.js';
import { isRecord, type WireReceived } from './wire-types.js';

export interface SocketReceiverOptions {
  readonly url: string;
  readonly logger: Logger;
  readonly timing: SignalTiming;
  readonly signal: AbortSignal;
  readonly onFrame: (item: WireReceived) => void;
  /** Told when a connection opens (tests and health reporting). */
  readonly onOpen?: () => void;
}

/** Runs until the signal aborts. Never throws. */
export async function runSocketReceiver(options: SocketReceiverOptions): Promise<void> {
  const { logger, timing, signal } = options;
  let failures = 0;
  let downSince: number | undefined;
  while (!signal.aborted) {
    if (!(await pause(backoffMs(failures, timing.reconnectBaseMs, timing.reconnectMaxMs), signal))) break;
    const result = await connectOnce(options, () => {
      if (downSince !== undefined) {
        // Frames sent to nobody in this window are gone for good (NOTES §2.2).
        logger.warn('SIGNAL_WS_RECONNECTED', { downMs: Date.now() - downSince });
        downSince = undefined;
      }
    });
    if (signal.aborted) break;
    downSince ??= Date.now();
    // A link that proved alive is replaced at once; one that never did backs off.
    failures = result.alive ? 0 : failures + 1;
    logger.warn('SIGNAL_WS_DISCONNECTED', { alive: result.alive, failures, ...(result.status ? { status: result.status } : {}) });
  }
}

function connectOnce(options: SocketReceiverOptions, onLive: () => void): Promise<{ alive: boolean; status?: number }> {
  const { logger, timing, signal } = options;
  return new Promise((resolve) => {
    let alive = false;
    let status: number | undefined;
    let idleTimer: NodeJS.Timeout | undefined;
    let pingTimer: NodeJS.Timeout | undefined;
    const ws = new WebSocket(options.url, { handshakeTimeout: timing.requestTimeoutMs, maxPayload: 64 * 1024 * 1024 });

    /** Restarts the idle clock; anything but the open itself also proves the link alive. */
    const heard = (proof = true): void => {
      if (proof && !alive) {
        alive = true;
        onLive();
      }
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        logger.warn('SIGNAL_WS_HALF_OPEN', { idleMs: timing.idleTimeoutMs });
        ws.terminate();
      }, timing.idleTimeoutMs);
    };
    const onAbort = (): void => ws.terminate();
    signal.addEventListener('abort', onAbort, { once: true });

    ws.on('unexpected-response', (_request, response) => {
      // A plain-HTTP answer: in normal mode the path is a polling endpoint, not a websocket.
      status = response.statusCode;
      logger.error('SIGNAL_WS_REJECTED', { status: response.statusCode ?? 0 });
      response.resume();
      ws.terminate();
    });
    ws.on('open', () => {
      logger.info('SIGNAL_WS_CONNECTED');
      options.onOpen?.();
      heard(false);
      pingTimer = setInterval(() => {
        if (ws.readyState === WebSocket.OPEN) ws.ping();
      }, timing.pingIntervalMs);
      ws.ping();
    });
    ws.on('pong', () => heard());
    ws.on('ping', () => heard());
    ws.on('message', (data, isBinary) => {
      heard();
      let parsed: unknown;
      try {
        parsed = JSON.parse(isBinary ? '' : data.toString());
      } catch {
        parsed = undefined;
      }
      if (isRecord(parsed)) options.onFrame(parsed as WireReceived);
      else logger.warn('SIGNAL_WS_BAD_FRAME');
    });
    ws.on('error', (error) => logger.warn('SIGNAL_WS_ERROR', { error: errorCode(error) }));
    ws.on('close', () => {
      clearTimeout(idleTimer);
      clearInterval(pingTimer);
      signal.removeEventListener('abort', onAbort);
      resolve({ alive, ...(status ? { status } : {}) });
    });
  });
}
