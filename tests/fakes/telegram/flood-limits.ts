// The fake's flood limits: Telegram refuses a bot's message beyond about 20 a minute to one
// group, about one a second to one private chat and about 30 a second in all (core.telegram.org
// Bot FAQ, "My bot is hitting limits"). Telegram's servers answer FLOOD_WAIT_N; the Bot API
// server turns that into HTTP 429 "Too Many Requests: retry after N" with
// parameters.retry_after = N (telegram-bot-api/Client.cpp fail_query_with_error, code 429 →
// Query::set_retry_after_error in telegram-bot-api/Query.cpp). A refused message takes no room.
// Time comes from `now`, so tests that move a manual clock move the fake's windows with it.

interface Limit {
  readonly count: number;
  readonly windowMs: number;
}

const GROUP: Limit = { count: 20, windowMs: 60_000 };
const PRIVATE: Limit = { count: 1, windowMs: 1_000 };
const OVERALL: Limit = { count: 30, windowMs: 1_000 };

export class FloodLimits {
  private readonly sent = new Map<number, number[]>();
  /** Off: every message goes through (tests of other behaviour may turn it off explicitly). */
  enabled = true;

  constructor(public now: () => number = Date.now) {}

  /** Seconds to wait if a message to `chatId` now would exceed a limit, else 0. */
  retryAfter(chatId: number): number {
    if (!this.enabled) return 0;
    const now = this.now();
    const wait = Math.max(this.waitIn(chatId, chatId > 0 ? PRIVATE : GROUP, now), this.waitIn(0, OVERALL, now));
    return wait > 0 ? Math.max(1, Math.ceil(wait / 1000)) : 0;
  }

  accepted(chatId: number): void {
    const now = this.now();
    for (const key of [chatId, 0]) this.sent.set(key, [...(this.sent.get(key) ?? []), now]);
  }

  private waitIn(key: number, limit: Limit, now: number): number {
    const recent = (this.sent.get(key) ?? []).filter((at) => now - at < limit.windowMs);
    this.sent.set(key, recent);
    if (recent.length < limit.count) return 0;
    return recent[recent.length - limit.count]! + limit.windowMs - now;
  }
}
