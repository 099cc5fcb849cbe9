// Sends paced per chat so the bot rarely meets a 429. Telegram's Bot FAQ: at most about 20
// messages a minute to one group, about one a second to one private chat, about 30 a second
// in all. When a send would go beyond that, the transport answers "not yet, in N ms" and the
// outbox does the waiting: the message keeps its place in its chat's order, other chats go on.
// In memory on purpose: it only spaces sends; after a restart the worst case is one 429.

export interface PaceLimit {
  /** At most `count` sends within any `windowMs`. */
  readonly count: number;
  readonly windowMs: number;
}

export interface PacePolicy {
  readonly group: PaceLimit;
  readonly direct: PaceLimit;
  /** Every chat together. */
  readonly overall: PaceLimit;
}

export const DEFAULT_PACE: PacePolicy = {
  group: { count: 20, windowMs: 60_000 },
  direct: { count: 1, windowMs: 1_000 },
  overall: { count: 30, windowMs: 1_000 },
};

/** Chats remembered before old, finished ones are swept (bounds memory on a busy bot). */
const SWEEP_AT = 1_000;

export class ChatPacer {
  /** Times of recent sends per chat, oldest first; key 0 holds every chat's sends. */
  private readonly sent = new Map<number, number[]>();

  constructor(
    private readonly policy: PacePolicy = DEFAULT_PACE,
    private readonly now: () => number = Date.now,
  ) {}

  /** 0 if a send to `chat` may go now, else how many ms to wait before it may. */
  waitFor(chat: number, direct: boolean): number {
    const now = this.now();
    const own = this.waitIn(chat, direct ? this.policy.direct : this.policy.group, now);
    return Math.max(own, this.waitIn(0, this.policy.overall, now));
  }

  /** Counts a send that Telegram accepted (refused or throttled ones used no room). */
  record(chat: number, at: number = this.now()): void {
    for (const key of [chat, 0]) {
      const times = this.sent.get(key) ?? [];
      times.push(at);
      this.sent.set(key, times);
    }
    if (this.sent.size > SWEEP_AT) this.sweep(this.now());
  }

  private waitIn(key: number, limit: PaceLimit, now: number): number {
    const times = (this.sent.get(key) ?? []).filter((at) => now - at < limit.windowMs);
    if (times.length === 0) this.sent.delete(key);
    else this.sent.set(key, times);
    if (times.length < limit.count) return 0;
    // The send that frees a place: the count-th most recent leaves the window then.
    const freeing = times[times.length - limit.count]!;
    return Math.max(1, freeing + limit.windowMs - now);
  }

  private sweep(now: number): void {
    const longest = Math.max(this.policy.group.windowMs, this.policy.direct.windowMs, this.policy.overall.windowMs);
    for (const [key, times] of this.sent) if (times.every((at) => now - at >= longest)) this.sent.delete(key);
  }
}
