// The receive mode Parloir uses: the server's (GET /v1/about), checked against the settings.

import { describe, expect, it } from 'vitest';
import { modeFromAbout, reconcileMode, SignalModeMismatch } from '../../bots/signal/server-mode.js';

describe('server mode', () => {
  it('follows the server within a family and refuses across families', () => {
    expect(reconcileMode(undefined, 'normal')).toEqual({ mode: 'normal', differs: false });
    expect(reconcileMode('native', 'native')).toEqual({ mode: 'native', differs: false });
    // armv7 has no signal-cli-native: the wrapper falls back to normal, and so does Parloir.
    expect(reconcileMode('native', 'normal')).toEqual({ mode: 'normal', differs: true });
    // /v1/about says "json-rpc" for json-rpc-native too.
    expect(reconcileMode('json-rpc-native', 'json-rpc')).toEqual({ mode: 'json-rpc-native', differs: false });
    expect(() => reconcileMode('normal', 'json-rpc')).toThrow(SignalModeMismatch);
    expect(() => reconcileMode('json-rpc', 'native')).toThrow(/json-rpc.*native/);
  });

  it('reads only the modes /v1/about can name', () => {
    expect(['normal', 'native', 'json-rpc', 'json-rpc-native', 'unset', 3].map(modeFromAbout)).toEqual(['normal', 'native', 'json-rpc', undefined, undefined, undefined]);
  });
});
