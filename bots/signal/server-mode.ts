// Which receive mode the server really runs, read from GET /v1/about at every start. A bot
// polling a json-rpc server receives nothing, and a websocket opened against a normal-mode
// server runs a real `receive` whose envelopes are thrown away (api.go `Receive` ignores the
// upgrade there): so a mismatch between families stops the start, naming both modes.
// `probeSignalApi` is also what `parloir doctor` calls to check the server and the account.

import type { SignalReceiveMode } from '../../src/config.js';
import { createRestClient } from './rest-client.js';

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

export interface SignalProbe {
  /** The server's receive mode, if /v1/about named a known one. */
  readonly mode?: SignalReceiveMode;
  /** The wrapper's build version ("0.100", or "unset"). */
  readonly version?: string;
  /** SIGNAL_NUMBER is among the accounts signal-cli has registered or linked. */
  readonly accountKnown: boolean;
}

/** Reads /v1/about and /v1/accounts once. Rejects (axios error) when the API does not answer. */
export async function probeSignalApi(settings: { readonly apiUrl: string; readonly number: string }, timeoutMs = 10_000): Promise<SignalProbe> {
  const client = createRestClient({ apiUrl: settings.apiUrl, number: settings.number, requestTimeoutMs: timeoutMs, pollGraceMs: 0 });
  const about = await client.about();
  const accounts = await client.accounts();
  const mode = modeFromAbout(about.mode);
  return {
    ...(mode ? { mode } : {}),
    ...(typeof about.version === 'string' ? { version: about.version } : {}),
    accountKnown: accounts.includes(settings.number),
  };
}
