// How signal-cli-rest-api runs signal-cli in normal/native mode, for the fake: every call is a
// fresh signal-cli process, one at a time per account, killed after 120 s.
//
// - One process per call, its start cost paid each time: src/client/cli.go `Execute` runs
//   `exec.Command(signal-cli|signal-cli-native, …)` per request (a JVM in normal mode).
// - One at a time per account: signal-cli locks the account file and a second process waits
//   for it ("Config file is in use by another instance, waiting…"), signal-cli
//   lib/…/manager/storage/SignalAccount.java (fileChannel.tryLock, then lock). The JVM starts
//   first and only then opens the account, so start costs overlap but the work does not.
// - The kill: cli.go `Execute` waits SIGNAL_CLI_CMD_TIMEOUT (default 120 s) from the start,
//   then kills the process and answers "process killed as timeout reached"; whatever the
//   process printed is dropped with it.
// - Output: cli.go returns stdout + stderr joined (stderr after all of stdout) as the error
//   when the exit code is not 0.

/** Durations of the modelled server, in upstream milliseconds (before the time scale). */
export interface UpstreamCosts {
  /** Starting one signal-cli process: ~1 s for the JVM (normal), ~0.15 s native. */
  readonly processStartMs: number;
  /** Encrypting and posting one message to Signal's servers once the process runs. */
  readonly sendWorkMs: number;
  /** SIGNAL_CLI_CMD_TIMEOUT (cli.go): 120 s. */
  readonly killAfterMs: number;
}

/** Defaults kind enough for functional tests (no start cost); latency tests pass real ones. */
export const INSTANT: UpstreamCosts = { processStartMs: 0, sendWorkMs: 0, killAfterMs: 120_000 };
export const NORMAL_COSTS: UpstreamCosts = { processStartMs: 1_000, sendWorkMs: 200, killAfterMs: 120_000 };
export const NATIVE_COSTS: UpstreamCosts = { processStartMs: 150, sendWorkMs: 200, killAfterMs: 120_000 };

export interface ProcessContext {
  /** True once the wrapper killed the process: the work must stop and its output is lost. */
  readonly killed: () => boolean;
  /** Resolves when killed (to race waits against). */
  readonly onKill: Promise<void>;
  /** Upstream ms → real ms. */
  readonly scaled: (upstreamMs: number) => number;
}

export type ProcessResult = { readonly killed: true } | { readonly killed: false; readonly exitCode: number; readonly stdout: string; readonly stderr: string };

export const KILLED_TEXT = 'process killed as timeout reached';

export class CliProcesses {
  /** Processes started, per kind, since the fake started. */
  readonly started = { receive: 0, send: 0, other: 0 };
  /** Processes the wrapper killed at its timeout. */
  killed = 0;
  /** Longest time a process waited for the account lock (real ms). */
  longestLockWaitMs = 0;
  private readonly locks = new Map<string, Promise<void>>();

  constructor(
    private readonly costs: () => UpstreamCosts,
    private readonly scale: () => number,
  ) {}

  scaled(upstreamMs: number): number {
    return upstreamMs * this.scale();
  }

  /** Runs `work` as one signal-cli process for `account`, as cli.go `Execute(wait=true)` does. */
  async exec(account: string, kind: keyof CliProcesses['started'], work: (ctx: ProcessContext) => Promise<{ exitCode: number; stdout: string; stderr: string }>): Promise<ProcessResult> {
    this.started[kind] += 1;
    const costs = this.costs();
    let killed = false;
    let fireKill: () => void = () => undefined;
    const onKill = new Promise<void>((resolve) => (fireKill = resolve));
    const killTimer = setTimeout(() => {
      killed = true;
      this.killed += 1;
      fireKill();
    }, this.scaled(costs.killAfterMs));
    const ctx: ProcessContext = { killed: () => killed, onKill, scaled: (ms) => this.scaled(ms) };
    try {
      await Promise.race([delay(this.scaled(costs.processStartMs)), onKill]);
      if (killed) return { killed: true };
      const release = await this.lock(account, onKill);
      if (!release) return { killed: true };
      try {
        const result = await work(ctx);
        return killed ? { killed: true } : { killed: false, ...result };
      } finally {
        release();
      }
    } finally {
      clearTimeout(killTimer);
    }
  }

  /** FIFO lock on the account file; undefined if killed while waiting. */
  private async lock(account: string, onKill: Promise<void>): Promise<(() => void) | undefined> {
    const before = this.locks.get(account) ?? Promise.resolve();
    let release: () => void = () => undefined;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const chained = before.then(() => mine);
    this.locks.set(account, chained);
    const waitStart = Date.now();
    const got = await Promise.race([before.then(() => true), onKill.then(() => false)]);
    this.longestLockWaitMs = Math.max(this.longestLockWaitMs, Date.now() - waitStart);
    if (!got) {
      // Killed while waiting: our turn passes straight on when it comes.
      void before.then(release);
      return undefined;
    }
    return () => {
      release();
      if (this.locks.get(account) === chained) this.locks.delete(account);
    };
  }
}

export function delay(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}
