// Bot API error answers, worded as Telegram words them (tests inject them into the fake).

import type { ResponseParameters } from 'grammy/types';

export interface ApiFailure {
  readonly error_code: number;
  readonly description: string;
  readonly parameters?: ResponseParameters;
}

/** An injected failure: an API error answer, or a connection destroyed before any answer. */
export type Injected = ApiFailure | 'network';

export const failures = {
  tooManyRequests: (retryAfter: number): ApiFailure => ({
    error_code: 429,
    description: `Too Many Requests: retry after ${retryAfter}`,
    parameters: { retry_after: retryAfter },
  }),
  badRequest: (what = 'wrong parameter'): ApiFailure => ({ error_code: 400, description: `Bad Request: ${what}` }),
  chatNotFound: (): ApiFailure => ({ error_code: 400, description: 'Bad Request: chat not found' }),
  notModified: (): ApiFailure => ({
    error_code: 400,
    description:
      'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
  }),
  migrated: (to: number): ApiFailure => ({
    error_code: 400,
    description: 'Bad Request: group chat was upgraded to a supergroup chat',
    parameters: { migrate_to_chat_id: to },
  }),
  blocked: (): ApiFailure => ({ error_code: 403, description: 'Forbidden: bot was blocked by the user' }),
  cannotInitiate: (): ApiFailure => ({ error_code: 403, description: "Forbidden: bot can't initiate conversation with a user" }),
  kicked: (): ApiFailure => ({ error_code: 403, description: 'Forbidden: bot was kicked from the group chat' }),
  serverError: (): ApiFailure => ({ error_code: 500, description: 'Internal Server Error' }),
  unauthorized: (): ApiFailure => ({ error_code: 401, description: 'Unauthorized' }),
  notFound: (): ApiFailure => ({ error_code: 404, description: 'Not Found' }),
  webhookActive: (): ApiFailure => ({
    error_code: 409,
    description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
  }),
  otherPoller: (): ApiFailure => ({
    error_code: 409,
    description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
  }),
  network: 'network' as const,
} as const;
