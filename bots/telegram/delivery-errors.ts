// What the Bot API said, turned into what the outbox should do. grammY separates "the API
// said no" (GrammyError, with error_code and description) from "the network failed"
// (HttpError); both become a DeliveryError with a stable code. Descriptions are matched but
// never copied into the error: they can name the chat.

import { GrammyError, HttpError } from 'grammy';
import { chatAddress } from '../../src/core/ids.js';
import { DeliveryError } from '../../src/core/delivery-error.js';
import type { MemberAddress } from '../../src/core/ids.js';

export interface SendTarget {
  /** A private chat: the recipient is one member, reached through their user id. */
  readonly direct: boolean;
  readonly member?: MemberAddress;
  /** The bot's t.me deep link, for members who must press Start first. */
  readonly deepLink?: string;
}

/** Telegram's answer when an edit would change nothing: the post already says it. */
export function isNotModified(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 400 && /message is not modified/i.test(error.description);
}

/** The supergroup a basic group became, when Telegram refuses a send for that reason. */
export function migratedTo(error: unknown): number | undefined {
  if (!(error instanceof GrammyError)) return undefined;
  const to = error.parameters.migrate_to_chat_id;
  return typeof to === 'number' ? to : undefined;
}

export function toDeliveryError(error: unknown, target: SendTarget): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof HttpError) return new DeliveryError({ code: 'TELEGRAM_NETWORK', retry: 'later' });
  if (!(error instanceof GrammyError)) return new DeliveryError({ code: 'TELEGRAM_UNEXPECTED', retry: 'later' });

  const description = error.description.toLowerCase();
  const member = target.direct && target.member ? { member: target.member } : {};
  const notStarted = (code: string) =>
    new DeliveryError({
      code,
      retry: 'never',
      alert: 'direct-not-started',
      ...member,
      ...(target.deepLink ? { hint: target.deepLink } : {}),
    });

  const code = error.error_code;
  if (code === 429) {
    const seconds = error.parameters.retry_after;
    return new DeliveryError({
      code: 'TELEGRAM_RATE_LIMITED',
      retry: 'later',
      alert: 'rate-limited',
      ...(typeof seconds === 'number' ? { retryAfterMs: seconds * 1000 } : {}),
    });
  }
  if (code >= 500) return new DeliveryError({ code: 'TELEGRAM_SERVER_ERROR', retry: 'later' });
  // A revoked or mistyped token: keep the messages until the operator fixes the setting.
  if (code === 401 || code === 404) return new DeliveryError({ code: 'TELEGRAM_UNAUTHORIZED', retry: 'later' });
  const moved = migratedTo(error);
  if (moved !== undefined) {
    // Not a failure of the message: the outbox re-addresses it (and the chat's other ones).
    return new DeliveryError({ code: 'TELEGRAM_CHAT_MIGRATED', retry: 'later', movedTo: chatAddress('telegram', String(moved)) });
  }
  if (code === 403) {
    if (target.direct && description.includes("can't initiate conversation")) return notStarted('TELEGRAM_DIRECT_NOT_STARTED');
    // Blocked on purpose: a choice to respect, so the group is never told to name them again;
    // coordinators hear it privately.
    if (target.direct && description.includes('blocked by the user')) {
      return new DeliveryError({ code: 'TELEGRAM_BOT_BLOCKED', retry: 'never', alert: 'recipient-unreachable', ...member });
    }
    if (target.direct) return new DeliveryError({ code: 'TELEGRAM_FORBIDDEN', retry: 'never', alert: 'recipient-unreachable', ...member });
    // Kicked from the group, or the group deleted: the core pauses the group and keeps the
    // message for when the bot is back, instead of retrying forever.
    return new DeliveryError({ code: 'TELEGRAM_FORBIDDEN', retry: 'later', alert: 'removed-from-chat' });
  }
  if (code === 400 && description.includes('chat not found')) {
    // A user the bot has never talked to privately is "not found": the fix is to press Start.
    if (target.direct) return notStarted('TELEGRAM_DIRECT_NOT_STARTED');
    return new DeliveryError({ code: 'TELEGRAM_CHAT_NOT_FOUND', retry: 'later', alert: 'removed-from-chat' });
  }
  if (code === 400 && description.includes('message is too long')) {
    return new DeliveryError({ code: 'TELEGRAM_MESSAGE_TOO_LONG', retry: 'never' });
  }
  if (code === 400 && description.includes('message to edit not found')) {
    return new DeliveryError({ code: 'TELEGRAM_EDIT_TARGET_GONE', retry: 'never' });
  }
  return new DeliveryError({ code: code === 400 ? 'TELEGRAM_BAD_REQUEST' : `TELEGRAM_HTTP_${code}`, retry: 'never' });
}
