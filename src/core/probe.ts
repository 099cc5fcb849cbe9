// Live checks of the services a deployment depends on (signal-cli-rest-api, the Telegram Bot
// API). The adapters in bots/* run them; `doctor` and the start-up read the findings, which are
// data (a code and a plain value such as a mode or a bot name), worded in src/i18n/cli-*.ts.

export type ProbeStatus = 'ok' | 'warn' | 'fail';

export type ProbeCode =
  | 'signal-reachable'
  | 'signal-unreachable'
  | 'signal-not-api'
  | 'signal-mode'
  | 'signal-mode-json-rpc'
  | 'signal-mode-mismatch'
  | 'signal-registered'
  | 'signal-not-registered'
  | 'signal-profile'
  | 'signal-no-profile'
  | 'signal-profile-unknown'
  | 'telegram-token'
  | 'telegram-token-rejected'
  | 'telegram-unreachable'
  | 'telegram-polling'
  | 'telegram-webhook-will-be-removed'
  | 'telegram-webhook-set'
  | 'telegram-webhook-not-set'
  | 'telegram-webhook-other-url'
  | 'telegram-webhook-error';

export interface ProbeFinding {
  readonly status: ProbeStatus;
  readonly code: ProbeCode;
  /**
   * A value the operator needs to read the finding: a mode, the bot's @name, a URL, a number
   * the operator configured, an error code. Never message content or a member's data.
   */
  readonly detail?: string;
}

/** Runs the live checks of every configured transport; never throws. */
export type LiveProbe = () => Promise<readonly ProbeFinding[]>;

export const failed = (findings: readonly ProbeFinding[]): ProbeFinding[] => findings.filter((f) => f.status === 'fail');
