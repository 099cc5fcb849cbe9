// Normal-mode receive: envelopes wait here until a poll takes them; a poll with nothing to take
// is held open until something arrives or its time is up, like `signal-cli receive -t N`.

import type { Received } from './envelopes.js';

export class PollInbox {
  private readonly items: Received[] = [];
  private readonly waiters = new Set<() => void>();
  /** Text spliced between the elements of the next non-empty body (a Java stack trace). */
  junk: string | undefined;

  push(item: Received): void {
    this.items.push(item);
    this.wakeAll();
  }

  waiting(): number {
    return this.waiters.size;
  }

  wakeAll(): void {
    for (const wake of this.waiters) wake();
  }

  drain(): Received[] {
    return this.items.splice(0);
  }

  /**
   * The body for a poll by `number`: "[line,line,…]" as the wrapper joins signal-cli's output,
   * or undefined if the client went away meanwhile (the batch is then kept for the next poll).
   */
  async take(number: string, waitMs: number, gone: () => boolean): Promise<string | undefined> {
    if (!this.items.some((i) => i.account === number)) {
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, waitMs);
        this.waiters.add(wake);
      });
    }
    if (gone()) return undefined;
    const batch = this.items.filter((i) => i.account === number);
    for (const item of batch) this.items.splice(this.items.indexOf(item), 1);
    const lines = batch.map((item) => JSON.stringify(item));
    if (this.junk !== undefined && lines.length > 0) {
      lines.splice(Math.ceil(lines.length / 2), 0, this.junk);
      this.junk = undefined;
    }
    return `[${lines.join(',')}]`;
  }
}
