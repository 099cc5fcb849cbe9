// What a /v2/send answer means for the outbox, following upstream's code:
// - 201: sent (0.100 `{"timestamp":"…"}`, HEAD `[{"timestamp":"…","errors":…}]`).
// - normal/native 400: signal-cli printed "Failed to send (some) messages:", one line per failed
//   recipient, then the timestamp (SendMessageResultUtils.outputResult). If someone got it,
//   signal-cli exits 0 and the wrapper, unable to parse the timestamp, answers 400 with the
//   newlines removed: the timestamp is glued to the end. If nobody got it, signal-cli exits with
//   an error and the wrapper answers 400 with stdout + stderr, newlines kept, ending with
//   "Failed to send message…" — not a digit. Only a trailing timestamp means "delivered".
// - json-rpc: 429 only when every recipient was rate limited, one challenge token per
//   recipient ("" when Signal gave none); 400 for untrusted identities and other failures.
// Error texts are read for classification only, never logged (they carry numbers and UUIDs).

import { isAxiosError } from 'axios';
import { DeliveryError } from '../../src/core/delivery-error.js';
import { memberAddress, type MemberAddress } from '../../src/core/ids.js';
import type { DeliveryAlert } from '../../src/core/transport.js';
import { isRecord, type WireRecipientError } from './wire-types.js';

const MINUTE = 60_000;
/** No retry-after given: a captcha needs a human, a plain rate limit passes by itself. */
export const CAPTCHA_RETRY_MS = 30 * MINUTE;
export const RATE_LIMIT_RETRY_MS = 5 * MINUTE;
/** Waiting for an operator or coordinator to fix something (account, trust). */
export const OPERATOR_RETRY_MS = 10 * MINUTE;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type FailureReason = 'identity' | 'unregistered' | 'rate-limit' | 'captcha' | 'network' | 'other';

/** One recipient signal-cli could not reach, as it named them (number when known, else UUID). */
export interface RecipientFailure {
  readonly reason: FailureReason;
  readonly identifier: string;
  readonly retryAfterMs?: number;
}

/** What a send's answer means. Recipients are resolved to members by the transport. */
export type SendOutcome =
  | { readonly kind: 'sent'; readonly messageRef?: string; readonly failures: readonly RecipientFailure[] }
  | { readonly kind: 'failed'; readonly error: DeliveryError; readonly failures: readonly RecipientFailure[]; readonly ambiguous?: string };

const LINE = /(Untrusted Identity for|Unregistered user|Rate limit failure for|Network failure for) "([^"]*)"(?:, retry after (\d+) seconds)?|CAPTCHA proof required for sending to "([^"]*)"[^]*?or wait "(\d+)" seconds/g;

/** Every recipient named in signal-cli's "Failed to send (some) messages:" lines. */
export function failuresInText(text: string): RecipientFailure[] {
  const failures: RecipientFailure[] = [];
  for (const match of text.matchAll(LINE)) {
    if (match[4] !== undefined) {
      failures.push({ reason: 'captcha', identifier: match[4], retryAfterMs: Number(match[5]) * 1000 });
      continue;
    }
    const reason: FailureReason =
      match[1] === 'Untrusted Identity for' ? 'identity' : match[1] === 'Unregistered user' ? 'unregistered' : match[1] === 'Rate limit failure for' ? 'rate-limit' : 'network';
    failures.push({ reason, identifier: match[2] ?? '', ...(match[3] !== undefined ? { retryAfterMs: Number(match[3]) * 1000 } : {}) });
  }
  return failures;
}

function reasonOfWire(reason: string | null | undefined): FailureReason {
  switch (reason) {
    case 'IDENTITY_FAILURE':
      return 'identity';
    case 'UNREGISTERED_FAILURE':
      return 'unregistered';
    case 'RATE_LIMIT_FAILURE':
      return 'rate-limit';
    case 'NETWORK_FAILURE':
      return 'network';
    default:
      return 'other';
  }
}

/** A 2xx answer. */
export function sentFromSuccess(data: unknown): SendOutcome {
  const first: unknown = Array.isArray(data) ? data[0] : data;
  const timestamp = isRecord(first) ? first.timestamp : undefined;
  const ref = typeof timestamp === 'string' && /^\d+$/.test(timestamp) ? timestamp : typeof timestamp === 'number' ? String(timestamp) : undefined;
  const failures: RecipientFailure[] = [];
  for (const entry of Array.isArray(data) ? data : [data]) {
    const errors = isRecord(entry) && isRecord(entry.errors) ? entry.errors.recipients : undefined;
    if (!Array.isArray(errors)) continue;
    for (const failure of errors) {
      if (!isRecord(failure)) continue;
      const wire = failure as WireRecipientError;
      failures.push({ reason: reasonOfWire(wire.reason), identifier: wire.uuid ?? wire.number ?? '' });
    }
  }
  return { kind: 'sent', ...(ref ? { messageRef: ref } : {}), failures };
}

/** The code and alert a recipient's failure is reported with. */
export function problemOf(reason: FailureReason): { code: string; alert?: DeliveryAlert } {
  switch (reason) {
    case 'identity':
      // The member is held at once (signal-transport.ts); the hold tells coordinators.
      return { code: 'SIGNAL_IDENTITY_FAILURE' };
    case 'unregistered':
      return { code: 'SIGNAL_UNREGISTERED', alert: 'recipient-unreachable' };
    case 'rate-limit':
      return { code: 'SIGNAL_RATE_LIMITED', alert: 'rate-limited' };
    case 'captcha':
      return { code: 'SIGNAL_CAPTCHA_REQUIRED', alert: 'captcha-required' };
    case 'network':
      return { code: 'SIGNAL_NETWORK_FAILURE' };
    case 'other':
      return { code: 'SIGNAL_RECIPIENT_FAILURE' };
  }
}

/** A member address for an identifier that is a UUID (numbers need the identity store). */
export function memberIfUuid(identifier: string): MemberAddress | undefined {
  return UUID.test(identifier) ? memberAddress('signal', identifier.toLowerCase()) : undefined;
}

export interface SendContext {
  /** The member a direct message went to. */
  readonly member?: MemberAddress;
  readonly toGroup: boolean;
}

/** A failed /v2/send (HTTP error, no answer) → what it means. */
export function classifySendFailure(error: unknown, context: SendContext): SendOutcome {
  const failed = (e: DeliveryError, failures: readonly RecipientFailure[] = [], ambiguous?: string): SendOutcome => ({
    kind: 'failed',
    error: e,
    failures,
    ...(ambiguous ? { ambiguous } : {}),
  });
  if (!isAxiosError(error)) return failed(new DeliveryError({ code: 'SIGNAL_SEND_FAILED', retry: 'later' }));
  const response = error.response;
  if (!response) {
    const timedOut = error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT';
    const e = new DeliveryError({
      code: timedOut ? 'SIGNAL_API_TIMEOUT' : 'SIGNAL_API_UNREACHABLE',
      retry: 'later',
      message: 'signal-cli-rest-api did not answer; check the signal-api container and SIGNAL_API_URL',
    });
    // A send that timed out may still have gone out: retried (a rare double beats a lost post).
    return failed(e, [], timedOut ? 'timeout' : undefined);
  }
  const status = response.status;
  const body: unknown = response.data;
  const text = isRecord(body) && typeof body.error === 'string' ? body.error : typeof body === 'string' ? body : '';

  if (status === 429) {
    const tokens = isRecord(body) && Array.isArray(body.challenge_tokens) ? body.challenge_tokens.filter((t): t is string => typeof t === 'string') : [];
    if (tokens.some((t) => t !== '')) return failed(rateLimited('captcha', undefined));
    // Every recipient rate limited without a challenge; signal-cli cannot always tell whether
    // Signal took the message anyway (signal-cli#2071): retry soon, with the outbox's backoff.
    return failed(new DeliveryError({ code: 'SIGNAL_RATE_LIMITED', retry: 'later', alert: 'rate-limited' }), [], 'rate-limit-without-token');
  }
  if (status >= 500) return failed(new DeliveryError({ code: 'SIGNAL_API_SERVER_ERROR', retry: 'later' }));
  if (status === 404) {
    return failed(new DeliveryError({ code: 'SIGNAL_API_NOT_FOUND', retry: 'later', retryAfterMs: OPERATOR_RETRY_MS, message: 'route not found: is SIGNAL_API_URL the signal-cli-rest-api root?' }));
  }
  if (status !== 400) return failed(new DeliveryError({ code: `SIGNAL_HTTP_${status}`, retry: 'never' }));
  return classify400(text, context);
}

function rateLimited(kind: 'captcha' | 'rate-limit', retryAfterMs: number | undefined): DeliveryError {
  const captcha = kind === 'captcha';
  return new DeliveryError({
    code: captcha ? 'SIGNAL_CAPTCHA_REQUIRED' : 'SIGNAL_RATE_LIMITED',
    retry: 'later',
    retryAfterMs: retryAfterMs ?? (captcha ? CAPTCHA_RETRY_MS : RATE_LIMIT_RETRY_MS),
    alert: captcha ? 'captcha-required' : 'rate-limited',
    ...(captcha ? { hint: 'docs/signal.md#rate-limit-challenge' } : {}),
  });
}

function classify400(text: string, context: SendContext): SendOutcome {
  const failures = failuresInText(text);
  // Someone got it: the timestamp closes the output (see the header).
  const sentAt = /(\d{10,})\s*$/.exec(text)?.[1];
  if (sentAt && /Failed to send \(some\) messages/.test(text)) return { kind: 'sent', messageRef: sentAt, failures };

  const failed = (error: DeliveryError, ambiguous?: string): SendOutcome => ({ kind: 'failed', error, failures, ...(ambiguous ? { ambiguous } : {}) });
  const member = context.member ? { member: context.member } : {};
  if (/process killed as timeout reached/.test(text)) {
    // cli.go killed signal-cli at 120 s: it may have sent. Retried, logged as ambiguous.
    return failed(new DeliveryError({ code: 'SIGNAL_CLI_KILLED', retry: 'later' }), 'killed');
  }
  if (/^User \S+ is not registered/m.test(text) || /Specified account does not exist/.test(text)) {
    return failed(new DeliveryError({ code: 'SIGNAL_ACCOUNT_MISSING', retry: 'later', retryAfterMs: OPERATOR_RETRY_MS, message: 'SIGNAL_NUMBER is not registered or linked in signal-cli (docs/signal.md)' }));
  }
  if (context.toGroup && (/User is not a member in group/.test(text) || /Group not found/.test(text))) {
    // signal-cli refuses before sending when its own group state says the account is no longer
    // a member, or does not know the group (lib/…/helper/SendHelper.java getGroupForSending,
    // api/NotAGroupMemberException.java, api/GroupNotFoundException.java; SendCommand.java
    // passes the text on): the bot was removed. The group is paused; its posts wait.
    return failed(new DeliveryError({ code: 'SIGNAL_NOT_IN_GROUP', retry: 'later', alert: 'removed-from-chat' }));
  }
  const reasons = new Set(failures.map((f) => f.reason));
  if (reasons.has('captcha') || reasons.has('rate-limit') || /due to rate limiting/.test(text)) {
    if ([...reasons].every((r) => r === 'captcha' || r === 'rate-limit')) {
      const waits = failures.map((f) => f.retryAfterMs).filter((ms): ms is number => ms !== undefined);
      return failed(rateLimited(reasons.has('captcha') ? 'captcha' : 'rate-limit', waits.length ? Math.max(...waits) : undefined));
    }
  }
  if (reasons.has('identity') || /untrusted identities|untrusted recipient keys/i.test(text)) {
    // Nobody got it; it goes out once a coordinator verified the new safety number.
    return failed(new DeliveryError({ code: 'SIGNAL_UNTRUSTED_IDENTITY', retry: 'later', retryAfterMs: OPERATOR_RETRY_MS, ...member }));
  }
  if (reasons.has('unregistered') || /The user \S+ is not registered/.test(text)) {
    return failed(new DeliveryError({ code: 'SIGNAL_UNREGISTERED', retry: 'never', alert: 'recipient-unreachable', ...member }));
  }
  if (reasons.has('network')) return failed(new DeliveryError({ code: 'SIGNAL_NETWORK_FAILURE', retry: 'later' }));
  if (/update your profile|versioned profile/i.test(text)) {
    return failed(new DeliveryError({ code: 'SIGNAL_PROFILE_NAME_MISSING', retry: 'later', retryAfterMs: OPERATOR_RETRY_MS, message: 'set the bot profile name: PUT /v1/profiles/{number} (docs/signal.md)' }));
  }
  return failed(new DeliveryError({ code: 'SIGNAL_SEND_REJECTED', retry: 'never' }));
}
