// The wrapper's own checks on POST /v2/send, in its order (NOTES §1.1, §1.3): JSON binding,
// number, recipients, view_once, sticker, then recipient classification and mixing rules.

import { checkDefinition } from './swagger-schema.js';

export type RecipientKind = 'group' | 'number' | 'username';

export interface ValidSend {
  readonly ok: true;
  readonly number: string;
  readonly recipients: readonly { readonly kind: RecipientKind; readonly value: string; readonly internalId?: string }[];
  readonly message: string;
  readonly quoteTimestamp?: number;
  readonly quoteAuthor?: string;
  readonly editTimestamp?: number;
  readonly textMode?: string;
  readonly unknownFields: readonly string[];
}

export type SendCheck = ValidSend | { readonly ok: false; readonly error: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function classify(value: string): { kind: RecipientKind; internalId?: string } | { error: string } {
  if (value.startsWith('group.')) {
    const outer = value.slice('group.'.length);
    if (STD_BASE64.test(outer)) {
      const inner = Buffer.from(outer, 'base64').toString('utf8');
      if (!STD_BASE64.test(inner)) return { error: `Invalid identifier ${value}` };
      const size = Buffer.from(inner, 'base64').length;
      // The missing ")" is faithful to the wrapper's source.
      if (size !== 32) return { error: `Invalid Signal group size (${size}` };
      return { kind: 'group', internalId: inner };
    }
    if (value.length > 10) return { error: `Invalid identifier ${value}` };
    return { kind: 'username' };
  }
  if (/^\+[0-9 ]+$/.test(value)) return { kind: 'number' };
  if (UUID.test(value)) return { kind: 'number' };
  return { kind: 'username' };
}

export function checkSend(raw: string): SendCheck {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { ok: false, error: "Couldn't process request - invalid request" };
  }
  const { typeErrors, unknownFields } = checkDefinition('api.SendMessageV2', body);
  const hidden = (body as Record<string, unknown>)?.recipient;
  if (typeErrors.length > 0 || (hidden !== undefined && hidden !== null && typeof hidden !== 'string')) {
    return { ok: false, error: "Couldn't process request - invalid request" };
  }
  const b = body as Record<string, unknown>;
  const recipients = [...((b.recipients as string[] | null) ?? [])];
  if (typeof hidden === 'string' && hidden !== '') recipients.push(hidden);
  if (recipients.length === 0) return { ok: false, error: "Couldn't process request - please provide at least one recipient" };
  if (typeof b.number !== 'string' || b.number === '') return { ok: false, error: "Couldn't process request - please provide a valid number" };
  const attachments = (b.base64_attachments as string[] | null) ?? [];
  if (b.view_once === true && attachments.length === 0) return { ok: false, error: "'view_once' can only be set for image attachments!" };
  // approximation: wording not quoted in NOTES.
  if (typeof b.sticker === 'string' && b.sticker !== '' && !b.sticker.includes(':')) return { ok: false, error: "Couldn't process request - please provide a valid sticker" };

  const classified: { kind: RecipientKind; value: string; internalId?: string }[] = [];
  for (const value of recipients) {
    const result = classify(value);
    if ('error' in result) return { ok: false, error: result.error };
    classified.push({ value, ...result });
  }
  const kinds = new Set(classified.map((r) => r.kind));
  if (classified.filter((r) => r.kind === 'group').length > 1) {
    return { ok: false, error: 'A signal message cannot be sent to more than one group at once! Please use multiple REST API calls for that.' };
  }
  // approximation: the three mixing messages are paraphrased.
  if (kinds.has('group') && kinds.has('number')) return { ok: false, error: 'Signal Messenger Groups and phone numbers cannot be specified together in one request! Please split them up into multiple REST API calls.' };
  if (kinds.has('group') && kinds.has('username')) return { ok: false, error: 'Signal Messenger Groups and usernames cannot be specified together in one request! Please split them up into multiple REST API calls.' };
  if (kinds.has('number') && kinds.has('username')) return { ok: false, error: 'Signal Messenger phone numbers and usernames cannot be specified together in one request! Please split them up into multiple REST API calls.' };
  // A raw internal group id falls through as a "username": signal-cli then refuses it.
  const username = classified.find((r) => r.kind === 'username');
  if (username && !username.value.includes('.')) {
    return { ok: false, error: "Failed to send message: org.whispersystems.signalservice.api.push.exceptions.MissingSeparatorException: Username must contain a '.'" };
  }
  return {
    ok: true,
    number: b.number,
    recipients: classified,
    message: typeof b.message === 'string' ? b.message : '',
    ...(typeof b.quote_timestamp === 'number' ? { quoteTimestamp: b.quote_timestamp } : {}),
    ...(typeof b.quote_author === 'string' ? { quoteAuthor: b.quote_author } : {}),
    ...(typeof b.edit_timestamp === 'number' ? { editTimestamp: b.edit_timestamp } : {}),
    ...(typeof b.text_mode === 'string' ? { textMode: b.text_mode } : {}),
    unknownFields: unknownFields.filter((f) => f !== '$.recipient'),
  };
}
