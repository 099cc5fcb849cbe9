// Which receive mode the server really runs, read from GET /v1/about at every start. A bot
// polling a json-rpc server receives nothing, and a websocket opened against a normal-mode
// server runs a real `receive` whose envelopes are thrown away (api.go `Receive` ignores the
// upgrade there): so a mismatch between families stops the start, naming both modes.
// (`parloir doctor` reads the same /v1/about through probe.ts.)

import type { SignalReceiveMode } from '../../src/config.js';

export type ModeFamily = 'poll' | 'socket';

export function familyOf(mode: SignalReceiveMode): ModeFamily {
  return mode === 'json-rpc' || mode === 'json-rpc-native' ? 'socket' : 'poll';
}

/** `mode` of /v1/about: "normal", "native", or "json-rpc" for both json-rpc modes. */
export function modeFromAbout(value: unknown): SignalReceiveMode | undefined {
  return value === 'normal' || value === 'native' || value === 'json-rpc' ? value : undefined;
}

/** The configured receive mode and the server's are of different families: messages would be lost. */
export class SignalModeMismatch extends Error {
  readonly code = 'SIGNAL_MODE_MISMATCH';
  constructor(
    readonly configured: SignalReceiveMode,
    readonly server: SignalReceiveMode,
  ) {
    super(`SIGNAL_RECEIVE_MODE is ${configured} but signal-cli-rest-api runs in ${server} mode (GET /v1/about); set one to match the other`);
    this.name = 'SignalModeMismatch';
  }
}

/**
 * The mode to use: the server's. Throws SignalModeMismatch when the configured one is of the
 * other family; `differs` when it is of the same family but not the same (native fell back to
 * normal on a CPU signal-cli-native does not support).
 */
export function reconcileMode(configured: SignalReceiveMode | undefined, server: SignalReceiveMode): { mode: SignalReceiveMode; differs: boolean } {
  if (!configured) return { mode: server, differs: false };
  if (familyOf(configured) !== familyOf(server)) throw new SignalModeMismatch(configured, server);
  // /v1/about says "json-rpc" for json-rpc-native too: keep the configured name then.
  const mode = familyOf(server) === 'socket' ? configured : server;
  return { mode, differs: mode !== configured };
}
