// When a 429 is worth telling coordinators about. Telegram answers 429 now and then to any busy
// bot (per chat: about 20 messages a minute in a group); one short wait is normal and is retried
// quietly by the outbox. Coordinators hear about it only when the wait is long or 429s keep
// coming for the same chat. In memory: it only decides whether to raise an alert.

export interface RateLimitPolicy {
  /** A single wait at least this long is worth an alert. */
  readonly longWaitMs: number;
  /** This many 429s for one chat within `windowMs` are worth an alert. */
  readonly recurring: number;
  readonly windowMs: number;
}

export const DEFAULT_RATE_LIMIT_POLICY: RateLimitPolicy = { longWaitMs: 30_000, recurring: 3, windowMs: 10 * 60_000 };

export class RateLimitWatch {
  private readonly seen = new Map<number, number[]>();

  constructor(
    private readonly policy: RateLimitPolicy = DEFAULT_RATE_LIMIT_POLICY,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a 429 for `chat`; true if coordinators should hear about it. */
  record(chat: number, waitMs: number | undefined): boolean {
    const now = this.now();
    const recent = (this.seen.get(chat) ?? []).filter((at) => now - at < this.policy.windowMs);
    recent.push(now);
    this.seen.set(chat, recent);
    return (waitMs ?? 0) >= this.policy.longWaitMs || recent.length >= this.policy.recurring;
  }
}
