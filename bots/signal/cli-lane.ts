// Normal/native modes run one signal-cli process per call, and signal-cli lets only one run per
// account at a time (the others wait for its lock). So calls go through this lane one by one:
// sends (and other short calls) before the next poll, so a reply never waits behind a poll
// queued ahead of it, and no send sits in the wrapper long enough to time out and be resent.
// In json-rpc modes one daemon serves everything concurrently: the lane lets calls straight through.

type Job = () => void;

export class CliLane {
  private readonly urgent: Job[] = [];
  private readonly background: Job[] = [];
  private busy = false;

  constructor(private serial: boolean) {}

  /** Set once the server's mode is known: serial for normal/native. */
  setSerial(serial: boolean): void {
    this.serial = serial;
  }

  /** Sends, identity checks: ahead of any poll still waiting for its turn. */
  urgently<T>(task: () => Promise<T>): Promise<T> {
    return this.enqueue(task, this.urgent);
  }

  /** A receive poll: runs when no urgent call is waiting. */
  whenFree<T>(task: () => Promise<T>): Promise<T> {
    return this.enqueue(task, this.background);
  }

  /** Urgent calls waiting or running (tests, logs). */
  pending(): number {
    return this.urgent.length;
  }

  private enqueue<T>(task: () => Promise<T>, queue: Job[]): Promise<T> {
    if (!this.serial) return task();
    return new Promise<T>((resolve, reject) => {
      queue.push(() => {
        task()
          .then(resolve, reject)
          .finally(() => {
            this.busy = false;
            this.next();
          });
      });
      this.next();
    });
  }

  private next(): void {
    if (this.busy) return;
    const job = this.urgent.shift() ?? this.background.shift();
    if (!job) return;
    this.busy = true;
    job();
  }
}
