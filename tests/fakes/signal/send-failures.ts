// What one /v2/send answers, built from the result of each recipient the way upstream builds it.
// Identifiers in the texts are invented.
//
// normal/native (signal-cli src/…/util/SendMessageResultUtils.java `outputResult`, plain text):
//   stdout = ["Failed to send (some) messages:", "<key>: <error>"…] then the timestamp, last.
//   <key> is the group's internal id or the recipient as given; <error> names the recipient by
//   number when known, else UUID (RecipientAddress.getLegacyIdentifier). If nobody got it,
//   signal-cli also throws (exit ≠ 0) and prints on stderr "Failed to send message due to
//   untrusted identities" / "… due to rate limiting" / "Failed to send message"
//   (SendMessageResults.hasSuccess, hasOnlyUntrustedIdentity, hasOnlyRateLimitFailure; Main.java
//   handleCommandException). The wrapper (src/client/cli.go `Execute`) then answers 400 with
//   stdout + stderr, newlines kept. If someone got it, exit 0, but the timestamp no longer parses
//   (src/client/client.go `send`: ParseInt of the whole output), so the wrapper answers 400 with
//   the output and its newlines removed: the timestamp ends up glued to the last error.
// json-rpc (signal-cli SignalJsonRpcCommandHandler: the same exceptions as JSON-RPC errors -4 /
//   -5 with the results as data; wrapper src/client/jsonrpc2.go `getRaw`): someone got it → 201
//   (0.100 drops the per-recipient results); only rate limits → 429 with one challenge token per
//   recipient, "" when Signal gave none; otherwise 400 with the message.

import { randomUUID } from 'node:crypto';

/** How sending to one recipient ended (signal-cli's SendMessageResult). */
export type RecipientOutcome =
  | { readonly kind: 'success' }
  | { readonly kind: 'identity' }
  | { readonly kind: 'rate-limit'; readonly retryAfterSeconds?: number }
  | { readonly kind: 'captcha'; readonly token: string; readonly retryAfterSeconds: number }
  | { readonly kind: 'unregistered' }
  | { readonly kind: 'network' };

export interface RecipientResult {
  /** Number when signal-cli knows it, else the UUID (getLegacyIdentifier). */
  readonly identifier: string;
  readonly uuid: string;
  readonly outcome: RecipientOutcome;
}

export type SendFailure =
  /** The TCP connection is destroyed mid-request (ECONNRESET / socket hang up). */
  | { readonly kind: 'reset' }
  /** The answer is held this long (real ms), then handled normally (client timeouts). */
  | { readonly kind: 'slow'; readonly ms: number }
  | { readonly kind: 'server-error' }
  /** Every recipient needs a captcha (proof required). */
  | { readonly kind: 'captcha'; readonly retryAfterSeconds?: number }
  /** Every recipient is rate limited (no challenge token). */
  | { readonly kind: 'rate-limit'; readonly retryAfterSeconds?: number }
  /** signal-cli#2071: json-rpc 429 with `challenge_tokens: [""]` although the message went out. */
  | { readonly kind: 'rate-limit-but-delivered' }
  /** Every recipient's safety number changed; `head` uses the unreleased json-rpc wording. */
  | { readonly kind: 'untrusted'; readonly head?: boolean }
  | { readonly kind: 'unregistered' }
  /** One group member failed, the others got the message. */
  | { readonly kind: 'partial'; readonly uuid: string; readonly reason: 'IDENTITY_FAILURE' | 'UNREGISTERED_FAILURE' | 'RATE_LIMIT_FAILURE' }
  | { readonly kind: 'raw-400'; readonly text: string };

/** Failures decided per recipient, as opposed to the ones about the HTTP exchange itself. */
export type OutcomeFailure = Extract<SendFailure, { kind: 'captcha' | 'rate-limit' | 'untrusted' | 'unregistered' | 'partial' }>;

export function isOutcomeFailure(failure: SendFailure): failure is OutcomeFailure {
  return ['captcha', 'rate-limit', 'untrusted', 'unregistered', 'partial'].includes(failure.kind);
}

/** The outcome an injected failure gives one recipient (`uuid`). */
export function outcomeOf(failure: OutcomeFailure, uuid: string): RecipientOutcome {
  switch (failure.kind) {
    case 'captcha':
      return { kind: 'captcha', token: randomUUID(), retryAfterSeconds: failure.retryAfterSeconds ?? 86_400 };
    case 'rate-limit':
      return { kind: 'rate-limit', ...(failure.retryAfterSeconds !== undefined ? { retryAfterSeconds: failure.retryAfterSeconds } : {}) };
    case 'untrusted':
      return { kind: 'identity' };
    case 'unregistered':
      return { kind: 'unregistered' };
    case 'partial':
      if (uuid !== failure.uuid) return { kind: 'success' };
      return failure.reason === 'IDENTITY_FAILURE' ? { kind: 'identity' } : failure.reason === 'UNREGISTERED_FAILURE' ? { kind: 'unregistered' } : { kind: 'rate-limit', retryAfterSeconds: 60 };
  }
}

/** signal-cli's line for a failed recipient (SendMessageResultUtils.getErrorMessageFromSendMessageResult). */
function errorLine(result: RecipientResult): string | undefined {
  const id = result.identifier;
  const o = result.outcome;
  switch (o.kind) {
    case 'success':
      return undefined;
    case 'captcha':
      return [
        `CAPTCHA proof required for sending to "${id}", available options "CAPTCHA, PUSH_CHALLENGE" with challenge token "${o.token}", or wait "${o.retryAfterSeconds}" seconds.`,
        'To get the captcha token, go to https://signalcaptchas.org/challenge/generate.html',
        'After solving the captcha, right-click on the "Open Signal" link and copy the link.',
        'Use the following command to submit the captcha token:',
        'signal-cli submitRateLimitChallenge --challenge CHALLENGE_TOKEN --captcha CAPTCHA_TOKEN',
      ].join('\n');
    case 'network':
      return `Network failure for "${id}"`;
    case 'rate-limit':
      return o.retryAfterSeconds !== undefined ? `Rate limit failure for "${id}", retry after ${o.retryAfterSeconds} seconds` : `Rate limit failure for "${id}"`;
    case 'unregistered':
      return `Unregistered user "${id}"`;
    case 'identity':
      return `Untrusted Identity for "${id}"`;
  }
}

const isRateLimit = (o: RecipientOutcome): boolean => o.kind === 'rate-limit' || o.kind === 'captcha';

export interface SendAnswer {
  readonly status: number;
  readonly body: unknown;
  /** Identifiers of the recipients who got the message. */
  readonly reached: readonly string[];
}

export interface AnswerContext {
  readonly jsonRpc: boolean;
  readonly account: string;
  readonly timestamp: string;
  /** The group's internal id, or the recipient as given in the request. */
  readonly key: string;
  /** HEAD's array body with per-recipient errors (json-rpc). */
  readonly arrayShape: boolean;
  /** HEAD's wording for only-untrusted in json-rpc (jsonrpc2.go, code -4). */
  readonly head: boolean;
}

export function sendAnswer(results: readonly RecipientResult[], context: AnswerContext): SendAnswer {
  const reached = results.filter((r) => r.outcome.kind === 'success').map((r) => r.identifier);
  const hasSuccess = reached.length > 0 || results.length === 0;
  const onlyUntrusted = results.length > 0 && results.every((r) => r.outcome.kind === 'identity');
  const onlyRateLimit = results.length > 0 && results.every((r) => isRateLimit(r.outcome));
  const failureText = onlyUntrusted ? 'Failed to send message due to untrusted identities' : onlyRateLimit ? 'Failed to send message due to rate limiting' : 'Failed to send message';

  if (context.jsonRpc) {
    if (hasSuccess) {
      const errors = results.filter((r) => r.outcome.kind !== 'success').map((r) => ({ number: null, uuid: r.uuid, reason: reasonOf(r.outcome) }));
      const body = context.arrayShape ? [{ timestamp: context.timestamp, ...(errors.length ? { errors: { recipients: errors } } : {}) }] : { timestamp: context.timestamp };
      return { status: 201, body, reached };
    }
    if (onlyRateLimit) {
      const tokens = results.map((r) => (r.outcome.kind === 'captcha' ? r.outcome.token : ''));
      const error = `${failureText}. Use the attached challenge tokens to lift the rate limit restrictions via the '/v1/accounts/{number}/rate-limit-challenge' endpoint.`;
      return { status: 429, body: { error, challenge_tokens: tokens, account: context.account }, reached };
    }
    const error = onlyUntrusted && context.head ? 'Unable to complete request due to untrusted recipient keys' : failureText;
    return { status: 400, body: { error }, reached };
  }

  const lines = results.map(errorLine).filter((l): l is string => l !== undefined).map((l) => `${context.key}: ${l}`);
  const stdout = `${lines.length ? `Failed to send (some) messages:\n${lines.join('\n')}\n` : ''}${context.timestamp}\n`;
  if (!hasSuccess) return { status: 400, body: { error: `${stdout}${failureText}\n` }, reached };
  if (lines.length === 0) return { status: 201, body: { timestamp: context.timestamp }, reached };
  return { status: 400, body: { error: stdout.replace(/\n/g, '') }, reached };
}

function reasonOf(o: RecipientOutcome): string {
  switch (o.kind) {
    case 'identity':
      return 'IDENTITY_FAILURE';
    case 'unregistered':
      return 'UNREGISTERED_FAILURE';
    case 'network':
      return 'NETWORK_FAILURE';
    default:
      return 'RATE_LIMIT_FAILURE';
  }
}
