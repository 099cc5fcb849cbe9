// Whether a group has bots besides Parloir, so that a bare "/command" Parloir does not know is
// left to them instead of answered "unknown command". Bots never see each other's messages on
// Telegram, so two signals are used: bots joining or leaving (service messages, delivered even
// in privacy mode) and the group's administrators (bots that are admins), asked at most once
// per chat per `ttlMs`. A bot that was there before Parloir and is not an admin stays unseen.
// Kept in memory only: it decides nothing but whether to answer an unknown word.

import type { Api } from 'grammy';
import type { Update } from 'grammy/types';
import { errorCode } from '../../src/core/error-code.js';
import type { Logger } from '../../src/logger.js';

export class OtherBots {
  /** Bots seen joining, per chat (minus those seen leaving). */
  private readonly joined = new Map<number, Set<number>>();
  private readonly admins = new Map<number, { readonly bots: boolean; readonly at: number }>();

  constructor(
    private readonly api: Api,
    private readonly selfId: () => number,
    private readonly logger: Logger,
    private readonly ttlMs = 6 * 3_600_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Learns from join and leave service messages. */
  observe(update: Update): void {
    const message = update.message;
    if (!message) return;
    const chat = message.chat.id;
    for (const user of message.new_chat_members ?? []) {
      if (!user.is_bot || user.id === this.selfId()) continue;
      const set = this.joined.get(chat) ?? new Set<number>();
      set.add(user.id);
      this.joined.set(chat, set);
    }
    const left = message.left_chat_member;
    if (left?.is_bot) {
      this.joined.get(chat)?.delete(left.id);
      this.admins.delete(chat);
    }
  }

  /** True when another bot is known in the chat. A failed look-up counts as "none known". */
  async present(chat: number): Promise<boolean> {
    if ((this.joined.get(chat)?.size ?? 0) > 0) return true;
    const cached = this.admins.get(chat);
    if (cached && this.now() - cached.at < this.ttlMs) return cached.bots;
    try {
      const admins = await this.api.getChatAdministrators(chat);
      const bots = admins.some((a) => a.user.is_bot && a.user.id !== this.selfId());
      this.admins.set(chat, { bots, at: this.now() });
      return bots;
    } catch (error) {
      this.logger.warn('TELEGRAM_ADMINS_FAILED', { error: errorCode(error) });
      return false;
    }
  }
}
