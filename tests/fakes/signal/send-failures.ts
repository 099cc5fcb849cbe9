// Failures a test can inject into POST /v2/send, each answered the way the real wrapper does in
// the fake's current mode (NOTES §1.3, §5.3–5.4). Values in the texts are invented.

import { randomUUID } from 'node:crypto';

export type SendFailure =
  /** The TCP connection is destroyed mid-request (ECONNRESET / socket hang up). */
  | { readonly kind: 'reset' }
  /** The answer is held this long, then handled normally (client timeouts). */
  | { readonly kind: 'slow'; readonly ms: number }
  | { readonly kind: 'server-error' }
  /** Proof required: 429 + challenge token in json-rpc modes, 400 + signal-cli text in normal modes. */
  | { readonly kind: 'captcha'; readonly retryAfterSeconds?: number }
  /** A plain rate limit without a challenge (429 with no token in json-rpc, 400 text in normal). */
  | { readonly kind: 'rate-limit' }
  /** signal-cli < 0.14.6: 429 with `challenge_tokens: [""]` although the message went out. */
  | { readonly kind: 'rate-limit-but-delivered' }
  /** The only recipient's safety number changed; `head` uses the unreleased json-rpc wording. */
  | { readonly kind: 'untrusted'; readonly head?: boolean }
  | { readonly kind: 'unregistered' }
  /** One group member failed, the others got the message. */
  | { readonly kind: 'partial'; readonly uuid: string; readonly reason: 'IDENTITY_FAILURE' | 'UNREGISTERED_FAILURE' }
  | { readonly kind: 'raw-400'; readonly text: string };

export interface FailureAnswer {
  readonly status: number;
  readonly body: unknown;
  /** The message reached (some) recipients despite the status. */
  readonly delivered: boolean;
}

export function captchaLine(recipient: string, token: string, retryAfterSeconds: number): string {
  return `CAPTCHA proof required for sending to "${recipient}", available options "RECAPTCHA, PUSH_CHALLENGE" with challenge token "${token}", or wait "${retryAfterSeconds}" seconds.`;
}

/** The answer for a failure that is decided after validation (not reset/slow/server-error). */
export function failureAnswer(
  failure: Exclude<SendFailure, { kind: 'reset' | 'slow' | 'server-error' }>,
  context: { readonly jsonRpc: boolean; readonly account: string; readonly recipient: string; readonly timestamp: string; readonly arrayShape: boolean },
): FailureAnswer {
  const rateLimitText =
    "Failed to send message due to rate limiting. Use the attached challenge tokens to lift the rate limit restrictions via the '/v1/accounts/{number}/rate-limit-challenge' endpoint.";
  switch (failure.kind) {
    case 'captcha': {
      const token = randomUUID();
      if (context.jsonRpc) return { status: 429, body: { error: rateLimitText, challenge_tokens: [token], account: context.account }, delivered: false };
      const text = `Failed to send (some) messages:\n${captchaLine(context.recipient, token, failure.retryAfterSeconds ?? 86_400)}\n`;
      return { status: 400, body: { error: text }, delivered: false };
    }
    case 'rate-limit':
      if (context.jsonRpc) return { status: 429, body: { error: rateLimitText, challenge_tokens: [], account: context.account }, delivered: false };
      return { status: 400, body: { error: `Failed to send (some) messages:\nRate limit exceeded for "${context.recipient}"\n` }, delivered: false };
    case 'rate-limit-but-delivered':
      return { status: 429, body: { error: rateLimitText, challenge_tokens: [''], account: context.account }, delivered: true };
    case 'untrusted':
      return {
        status: 400,
        body: { error: failure.head ? 'Unable to complete request due to untrusted recipient keys' : 'Failed to send message due to untrusted identities' },
        delivered: false,
      };
    case 'unregistered':
      return { status: 400, body: { error: `Failed to send (some) messages:\nUnregistered user "${context.recipient}"\n` }, delivered: false };
    case 'partial': {
      if (!context.jsonRpc) {
        // Normal mode 0.100: errors printed with the timestamp, so the wrapper answers 400.
        const line = failure.reason === 'IDENTITY_FAILURE' ? `Untrusted Identity for "${failure.uuid}"` : `Unregistered user "${failure.uuid}"`;
        return { status: 400, body: { error: `${context.timestamp}\nFailed to send (some) messages:\n${line}\n` }, delivered: true };
      }
      // json-rpc 0.100 says nothing (201, object); HEAD lists the failures in the array shape.
      const errors = { recipients: [{ number: null, uuid: failure.uuid, reason: failure.reason }] };
      return { status: 201, body: context.arrayShape ? [{ timestamp: context.timestamp, errors }] : { timestamp: context.timestamp }, delivered: true };
    }
    case 'raw-400':
      return { status: 400, body: { error: failure.text }, delivered: false };
  }
}
