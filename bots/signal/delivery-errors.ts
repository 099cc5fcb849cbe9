// What a /v2/send answer means for the outbox. 201 is always success (its body comes in two
// shapes, §1.2 of NOTES); failures become DeliveryError with a stable code, a retry policy and
// the alert coordinators should hear. Error texts are read for classification only, never
// logged or copied into the error (they carry numbers and UUIDs).

import { isAxiosError } from 'axios';
import { DeliveryError } from '../../src/core/delivery-error.js';
import { memberAddress, messageRef, type MemberAddress } from '../../src/core/ids.js';
import type { DeliveryProblem, SendReceipt } from '../../src/core/transport.js';
import { isRecord, type WireRecipientError } from './wire-types.js';

const MINUTE = 60_000;
/** No retry-after given: a captcha needs a human, a plain rate limit passes by itself. */
export const CAPTCHA_RETRY_MS = 30 * MINUTE;
export const RATE_LIMIT_RETRY_MS = 5 * MINUTE;
/** Waiting for an operator or coordinator to fix something (profile, trust). */
export const OPERATOR_RETRY_MS = 10 * MINUTE;

const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** A 2xx answer: `{"timestamp":"…"}` (0.100) or `[{"timestamp":"…","errors":{"recipients":[…]}}]` (HEAD). */
export function receiptFromSuccess(data: unknown): SendReceipt {
  const first: unknown = Array.isArray(data) ? data[0] : data;
  const timestamp = isRecord(first) ? first.timestamp : undefined;
  const ref = typeof timestamp === 'string' && /^\d+$/.test(timestamp) ? messageRef(timestamp) : typeof timestamp === 'number' ? messageRef(timestamp) : undefined;
  const problems: DeliveryProblem[] = [];
  for (const entry of Array.isArray(data) ? data : [data]) {
    const errors = isRecord(entry) && isRecord(entry.errors) ? entry.errors.recipients : undefined;
    if (!Array.isArray(errors)) continue;
    for (const failure of errors) if (isRecord(failure)) problems.push(problemOf(failure as WireRecipientError));
  }
  return { ...(ref ? { messageRef: ref } : {}), ...(problems.length ? { problems } : {}) };
}

function memberOf(uuid: string | null | undefined): { member?: MemberAddress } {
  return uuid && UUID_IN_TEXT.test(uuid) ? { member: memberAddress('signal', uuid.toLowerCase()) } : {};
}

function problemOf(failure: WireRecipientError): DeliveryProblem {
  const member = memberOf(failure.uuid);
  switch (failure.reason) {
    case 'IDENTITY_FAILURE':
      return { code: 'SIGNAL_IDENTITY_FAILURE', alert: 'identity-changed', ...member };
    case 'UNREGISTERED_FAILURE':
      return { code: 'SIGNAL_UNREGISTERED', alert: 'recipient-unreachable', ...member };
    case 'RATE_LIMIT_FAILURE':
      return { code: 'SIGNAL_RATE_LIMITED', alert: 'rate-limited', ...member };
    case 'NETWORK_FAILURE':
      return { code: 'SIGNAL_NETWORK_FAILURE', ...member };
    case 'INVALID_PRE_KEY_FAILURE':
      return { code: 'SIGNAL_INVALID_PRE_KEY', ...member };
    default:
      return { code: 'SIGNAL_RECIPIENT_FAILURE', ...member };
  }
}

/** Problems named line by line in signal-cli's "Failed to send (some) messages:" text. */
function problemsInText(text: string): DeliveryProblem[] {
  const problems: DeliveryProblem[] = [];
  for (const line of text.split('\n')) {
    const member = memberOf(UUID_IN_TEXT.exec(line)?.[0]);
    if (/^Untrusted Identity/i.test(line)) problems.push({ code: 'SIGNAL_IDENTITY_FAILURE', alert: 'identity-changed', ...member });
    else if (/^Unregistered user/i.test(line)) problems.push({ code: 'SIGNAL_UNREGISTERED', alert: 'recipient-unreachable', ...member });
    else if (/^CAPTCHA proof required/i.test(line)) problems.push({ code: 'SIGNAL_CAPTCHA_REQUIRED', alert: 'captcha-required', ...member });
    else if (/^Rate limit/i.test(line)) problems.push({ code: 'SIGNAL_RATE_LIMITED', alert: 'rate-limited', ...member });
    else if (/^Network failure/i.test(line)) problems.push({ code: 'SIGNAL_NETWORK_FAILURE', ...member });
  }
  return problems;
}

function retryAfterIn(text: string): number | undefined {
  const match = /wait "?(\d+)"? seconds|retry ?after(?:Seconds)?"?[:= ]+"?(\d+)/i.exec(text);
  const seconds = Number(match?.[1] ?? match?.[2]);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

export interface SendContext {
  /** The member a direct message went to (for identity alerts). */
  readonly member?: MemberAddress;
  readonly toGroup: boolean;
}

/**
 * A failed /v2/send → a SendReceipt when the text proves the message went out to part of the
 * group (normal mode answers 400 for partial failures, with the timestamp on its own line),
 * else a DeliveryError.
 */
export function classifySendFailure(error: unknown, context: SendContext): SendReceipt | DeliveryError {
  if (!isAxiosError(error)) return new DeliveryError({ code: 'SIGNAL_SEND_FAILED', retry: 'later' });
  const response = error.response;
  if (!response) {
    const timedOut = error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT';
    return new DeliveryError({
      code: timedOut ? 'SIGNAL_API_TIMEOUT' : 'SIGNAL_API_UNREACHABLE',
      retry: 'later',
      message: 'signal-cli-rest-api did not answer; check the signal-api container and SIGNAL_API_URL',
    });
  }
  const status = response.status;
  const body: unknown = response.data;
  const text = isRecord(body) && typeof body.error === 'string' ? body.error : typeof body === 'string' ? body : '';

  if (status === 429) {
    const tokens = isRecord(body) && Array.isArray(body.challenge_tokens) ? body.challenge_tokens.filter((t): t is string => typeof t === 'string') : [];
    if (tokens.length > 0 && tokens.every((t) => t === '')) {
      // signal-cli < 0.14.6 answered 429 with an empty token although the message was
      // delivered (issue #881): resending would post twice, so report it as sent with a problem.
      return { problems: [{ code: 'SIGNAL_RATE_LIMIT_BUT_DELIVERED', alert: 'rate-limited' }] };
    }
    return rateLimited(tokens.length > 0, text);
  }
  if (status >= 500) return new DeliveryError({ code: 'SIGNAL_API_SERVER_ERROR', retry: 'later' });
  if (status === 404) {
    return new DeliveryError({ code: 'SIGNAL_API_NOT_FOUND', retry: 'later', retryAfterMs: OPERATOR_RETRY_MS, message: 'route not found: is SIGNAL_API_URL the signal-cli-rest-api root?' });
  }
  if (status !== 400) return new DeliveryError({ code: `SIGNAL_HTTP_${status}`, retry: 'never' });
  return classify400(text, context);
}

/** Signal throttles the account (429 in json-rpc modes, a 400 text in normal mode): back off. */
function rateLimited(captcha: boolean, text: string): DeliveryError {
  return new DeliveryError({
    code: captcha ? 'SIGNAL_CAPTCHA_REQUIRED' : 'SIGNAL_RATE_LIMITED',
    retry: 'later',
    retryAfterMs: retryAfterIn(text) ?? (captcha ? CAPTCHA_RETRY_MS : RATE_LIMIT_RETRY_MS),
    alert: captcha ? 'captcha-required' : 'rate-limited',
    hint: captcha ? 'docs/signal.md#rate-limit-challenge' : undefined,
  });
}

function classify400(text: string, context: SendContext): SendReceipt | DeliveryError {
  const partial = /Failed to send \(some\) messages/i.test(text);
  const sentAt = /^(\d{10,})$/m.exec(text)?.[1];
  if (partial && sentAt) return { messageRef: messageRef(sentAt), problems: problemsInText(text) };

  if (/CAPTCHA proof required|challenge token|rate.?limit|\b429\b/i.test(text)) {
    return rateLimited(/captcha|challenge/i.test(text), text);
  }
  if (/untrusted (identit|recipient)|Untrusted Identity/i.test(text)) {
    if (partial && context.toGroup) {
      // Others in the group may have the message already and no timestamp came back: a resend
      // would duplicate it for them. Give up on this one and tell coordinators.
      return new DeliveryError({ code: 'SIGNAL_PARTIAL_IDENTITY_FAILURE', retry: 'never', alert: 'identity-changed' });
    }
    // Nobody got it; it goes out once someone verifies the new safety number.
    return new DeliveryError({
      code: 'SIGNAL_UNTRUSTED_IDENTITY',
      retry: 'later',
      retryAfterMs: OPERATOR_RETRY_MS,
      alert: 'identity-changed',
      ...(context.member ? { member: context.member } : {}),
    });
  }
  if (/Unregistered user|not registered/i.test(text)) {
    return new DeliveryError({ code: 'SIGNAL_UNREGISTERED', retry: 'never', alert: 'recipient-unreachable', ...(context.member ? { member: context.member } : {}) });
  }
  if (/update your profile/i.test(text)) {
    return new DeliveryError({ code: 'SIGNAL_PROFILE_NAME_MISSING', retry: 'later', retryAfterMs: OPERATOR_RETRY_MS, message: 'set the bot profile name: PUT /v1/profiles/{number} (docs/signal.md)' });
  }
  if (/Specified account does not exist/i.test(text)) {
    return new DeliveryError({ code: 'SIGNAL_ACCOUNT_MISSING', retry: 'later', retryAfterMs: OPERATOR_RETRY_MS, message: 'SIGNAL_NUMBER is not registered or linked in signal-cli (docs/signal.md)' });
  }
  return new DeliveryError({ code: 'SIGNAL_SEND_REJECTED', retry: 'never' });
}
