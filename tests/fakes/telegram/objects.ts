// Invented users and chats shaped as Bot API User and Chat objects.
// Upstream: tdlib/telegram-bot-api telegram-bot-api/Client.cpp (how User and Chat are written).

import type { Chat, User } from 'grammy/types';

export const people = {
  alex: { id: 7_000_001, is_bot: false, first_name: 'Alex', last_name: 'Testperson', language_code: 'fr' },
  sam: { id: 7_000_002, is_bot: false, first_name: 'Sam', language_code: 'en' },
  noor: { id: 7_000_003, is_bot: false, first_name: 'Noor', last_name: 'Example' },
  otherBot: { id: 7_999_999, is_bot: true, first_name: 'Other helper', username: 'OtherHelperBot' },
} satisfies Record<string, User>;

/**
 * The placeholder `from` of a message an anonymous admin sends on behalf of the group
 * (telegram-bot-api/Client.cpp, messageSenderChat: group_anonymous_bot_user_id_). The id is
 * Telegram's public one for this placeholder, not a person.
 */
export const groupAnonymousBot: User = { id: 1_087_968_824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' };

export const chats = {
  collective: { id: -1_009_000_000_001, type: 'supergroup', title: 'Invented collective' },
  basicGroup: { id: -9_000_000_002, type: 'group', title: 'Invented basic group' },
  channel: { id: -1_009_000_000_003, type: 'channel', title: 'Invented channel' },
  /** A supergroup with topics (one per centre or subject), as many collectives use. */
  forum: { id: -1_009_000_000_004, type: 'supergroup', title: 'Invented forum', is_forum: true },
} as const satisfies Record<string, Chat>;

export function privateChatOf(user: User): Chat.PrivateChat {
  return {
    id: user.id,
    type: 'private',
    first_name: user.first_name,
    ...(user.last_name ? { last_name: user.last_name } : {}),
  };
}
