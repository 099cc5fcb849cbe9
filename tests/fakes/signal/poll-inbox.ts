// Envelopes waiting on Signal's server for the bot's account, and what one `signal-cli receive`
// process does with them.
//
// signal-cli lib/…/manager/helper/ReceiveHelper.java `receiveMessagesInternal`: each envelope
// is stored and acknowledged to the server as soon as it is read (from then on it exists only
// in this process's output); every envelope (receipts and typing included) restarts the wait
// of `timeout` seconds; the loop ends only when a wait passes with nothing (TimeoutException),
// or when `--max-messages` envelopes were read. The REST wrapper then joins the JSON lines as
// "[line,line,…]" (src/client/client.go `Receive`).

import type { Received } from './envelopes.js';
import type { ProcessContext } from './cli-process.js';

export interface ReceiveOptions {
  /** `timeout` in real ms (already scaled); each envelope restarts it. */
  readonly waitMs: number;
  /** `max_messages`; 0 = unlimited. */
  readonly maxMessages: number;
  readonly ctx?: ProcessContext;
}

export class PollInbox {
  private readonly items: Received[] = [];
  private readonly waiters = new Set<() => void>();
  /** Text spliced between the elements of the next non-empty body (a Java stack trace). */
  junk: string | undefined;
  /** Receive processes running right now. */
  running = 0;
  private closed = false;

  push(item: Received): void {
    this.items.push(item);
    this.wakeAll();
  }

  /** Envelopes still waiting on "Signal's server". */
  size(): number {
    return this.items.length;
  }

  waiting(): number {
    return this.running;
  }

  wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }

  /** The fake is closing: running receives end as if their wait timed out. */
  close(): void {
    this.closed = true;
    this.wakeAll();
  }

  drain(): Received[] {
    return this.items.splice(0);
  }

  /** One receive: the envelopes read (and acknowledged) for `number`, in order. */
  async receive(number: string, options: ReceiveOptions): Promise<Received[]> {
    const taken: Received[] = [];
    this.running += 1;
    try {
      for (;;) {
        if (options.ctx?.killed() || this.closed) break;
        if (options.maxMessages > 0 && taken.length >= options.maxMessages) break;
        const index = this.items.findIndex((i) => i.account === number);
        if (index >= 0) {
          taken.push(...this.items.splice(index, 1));
          continue;
        }
        const arrived = await this.wait(options.waitMs, options.ctx);
        if (!arrived) break;
      }
    } finally {
      this.running -= 1;
    }
    return taken;
  }

  /** The wrapper's body for what a receive printed, junk spliced in if asked. */
  body(taken: readonly Received[]): string {
    const lines = taken.map((item) => JSON.stringify(item));
    if (this.junk !== undefined && lines.length > 0) {
      lines.splice(Math.ceil(lines.length / 2), 0, this.junk);
      this.junk = undefined;
    }
    return `[${lines.join(',')}]`;
  }

  /** True if something arrived within `ms`; false on time-out or kill. */
  private wait(ms: number, ctx: ProcessContext | undefined): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      const finish = (arrived: boolean): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(arrived);
      };
      const wake = (): void => finish(true);
      const timer = setTimeout(() => finish(false), ms);
      this.waiters.add(wake);
      void ctx?.onKill.then(() => finish(false));
    });
  }
}
