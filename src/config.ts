// The one place that reads process.env. Settings are parsed once into a frozen, typed object;
// every problem is reported at once, before anything touches the database.

import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parseDurationList } from './core/duration.js';
import { type Limits, LIMITS_EXAMPLE, parseLimits } from './core/limits.js';
import type { LogLevel } from './logger.js';
import type { Lang } from './i18n/lang.js';
import { isLang } from './i18n/lang.js';

export type SignalReceiveMode = 'normal' | 'native' | 'json-rpc' | 'json-rpc-native';
const SIGNAL_MODES: readonly SignalReceiveMode[] = ['normal', 'native', 'json-rpc', 'json-rpc-native'];
const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

export interface SignalSettings {
  readonly apiUrl: string;
  readonly number: string;
  /** Undefined: ask the server (GET /v1/about) and follow its mode. */
  readonly receiveMode?: SignalReceiveMode;
}

export interface TelegramSettings {
  readonly token: string;
  /** Bot API root, e.g. a local Bot API server; grammy's default when undefined. */
  readonly apiRoot?: string;
  /** Webhook mode when set; long polling otherwise. */
  readonly webhook?: { readonly url: string; readonly secret: string; readonly port: number };
}

export type KeySource =
  | { readonly kind: 'env'; readonly base64: string }
  | { readonly kind: 'file'; readonly path: string }
  /** No key configured and no transport: the local demo generates data/parloir.key. */
  | { readonly kind: 'demo'; readonly path: string };

export interface Settings {
  readonly dbPath: string;
  readonly key: KeySource;
  /**
   * First line = the passphrase of a sealed key file, for unattended setups. Weaker than typing
   * it at `parloir unlock`: the passphrase then rests on a disk next to the key.
   */
  readonly passphraseFile?: string;
  /** Where a sealed service listens for `parloir unlock` (default: parloir.sock beside the database). */
  readonly controlSocket: string;
  readonly centresPath: string;
  readonly lang: Lang;
  readonly logLevel: LogLevel;
  /** Lead times before a request's time at which claimers are reminded, largest first (ms). */
  readonly reminders: readonly number[];
  /** Closed requests and their messages are deleted this many days after closing. */
  readonly retentionDays: number;
  /** Members not seen in a group for this many days are deleted from it. */
  readonly memberRetentionDays: number;
  /** A group the bot was removed from and not added back to is shredded after this many days. */
  readonly groupRetentionDays: number;
  /** Limits against floods (PARLOIR_LIMITS). */
  readonly limits: Limits;
  readonly signal?: SignalSettings;
  readonly telegram?: TelegramSettings;
  /**
   * True when neither a transport nor a key is configured: `npm start` runs the local terminal
   * demo. A key without a transport is a production set-up missing its transport, never a demo.
   */
  readonly demo: boolean;
}

/** One invalid setting: the variable and what is wrong, in plain words for the operator. */
export interface SettingsProblem {
  readonly variable: string;
  readonly code:
    | 'missing'
    | 'invalid-base64-key'
    | 'invalid-url'
    | 'invalid-choice'
    | 'invalid-duration-list'
    | 'invalid-number'
    | 'invalid-limits'
    | 'both-key-sources'
    | 'key-required';
  /** Allowed values or an example, never the secret itself. */
  readonly expected?: string;
  /** The parts of the value that were refused, where showing them helps (never a secret). */
  readonly refused?: readonly string[];
}

export type SettingsResult =
  | { readonly ok: true; readonly settings: Settings }
  | { readonly ok: false; readonly problems: readonly SettingsProblem[] };

export const DEFAULTS = {
  dbPath: 'data/parloir.db',
  demoKeyPath: 'data/parloir.key',
  centresPath: 'config/centres.yaml',
  lang: 'fr' as Lang,
  logLevel: 'info' as LogLevel,
  reminders: '24h,2h',
  retentionDays: 30,
  memberRetentionDays: 90,
  groupRetentionDays: 30,
  webhookPort: 8443,
} as const;

type Env = Readonly<Record<string, string | undefined>>;

export function parseSettings(env: Env, cwd: string = process.cwd()): SettingsResult {
  const problems: SettingsProblem[] = [];
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };
  const path = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));

  const lang = value('PARLOIR_LANG') ?? DEFAULTS.lang;
  if (!isLang(lang)) problems.push({ variable: 'PARLOIR_LANG', code: 'invalid-choice', expected: 'fr, en' });

  const logLevel = value('PARLOIR_LOG_LEVEL') ?? DEFAULTS.logLevel;
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push({ variable: 'PARLOIR_LOG_LEVEL', code: 'invalid-choice', expected: LOG_LEVELS.join(', ') });
  }

  const reminders = parseDurationList(value('PARLOIR_REMINDERS') ?? DEFAULTS.reminders);
  if (!reminders) problems.push({ variable: 'PARLOIR_REMINDERS', code: 'invalid-duration-list', expected: '24h,2h' });

  const retentionText = value('PARLOIR_RETENTION_DAYS');
  const retentionDays = retentionText === undefined ? DEFAULTS.retentionDays : Number(retentionText);
  if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > 3650) {
    problems.push({ variable: 'PARLOIR_RETENTION_DAYS', code: 'invalid-number', expected: '1–3650' });
  }

  const memberText = value('PARLOIR_MEMBER_RETENTION_DAYS');
  const memberRetentionDays = memberText === undefined ? DEFAULTS.memberRetentionDays : Number(memberText);
  if (!Number.isInteger(memberRetentionDays) || memberRetentionDays < 1 || memberRetentionDays > 3650) {
    problems.push({ variable: 'PARLOIR_MEMBER_RETENTION_DAYS', code: 'invalid-number', expected: '1–3650' });
  }

  const groupText = value('PARLOIR_GROUP_RETENTION_DAYS');
  const groupRetentionDays = groupText === undefined ? DEFAULTS.groupRetentionDays : Number(groupText);
  // At least 2 days: the coordinators are warned before, and a day's outage must not cost a group.
  if (!Number.isInteger(groupRetentionDays) || groupRetentionDays < 2 || groupRetentionDays > 3650) {
    problems.push({ variable: 'PARLOIR_GROUP_RETENTION_DAYS', code: 'invalid-number', expected: '2–3650' });
  }
  const limits = parseLimits(value('PARLOIR_LIMITS'));
  if (!limits.ok) problems.push({ variable: 'PARLOIR_LIMITS', code: 'invalid-limits', expected: LIMITS_EXAMPLE, refused: limits.wrong });

  const signal = parseSignal(value, problems);
  const telegram = parseTelegram(value, problems);
  const keyBase64 = value('PARLOIR_KEY');
  const keyFile = value('PARLOIR_KEY_FILE');
  const demo = !signal && !telegram && !keyBase64 && !keyFile;
  let key: KeySource | undefined;
  if (keyBase64 && keyFile) {
    problems.push({ variable: 'PARLOIR_KEY', code: 'both-key-sources', expected: 'PARLOIR_KEY or PARLOIR_KEY_FILE' });
  } else if (keyBase64) {
    if (!isBase64Key(keyBase64)) {
      problems.push({ variable: 'PARLOIR_KEY', code: 'invalid-base64-key', expected: 'npx parloir keygen' });
    } else key = { kind: 'env', base64: keyBase64 };
  } else if (keyFile) {
    key = { kind: 'file', path: path(keyFile) };
  } else if (demo) {
    key = { kind: 'demo', path: path(DEFAULTS.demoKeyPath) };
  } else {
    problems.push({ variable: 'PARLOIR_KEY_FILE', code: 'key-required', expected: 'npx parloir keygen' });
  }

  const passphraseFile = value('PARLOIR_PASSPHRASE_FILE');
  if (problems.length > 0 || !key || !reminders || !isLang(lang) || !limits.ok) return { ok: false, problems };
  const dbPath = path(value('PARLOIR_DB') ?? DEFAULTS.dbPath);
  const controlSocket = value('PARLOIR_CONTROL_SOCKET');
  return {
    ok: true,
    settings: Object.freeze({
      dbPath,
      key,
      ...(passphraseFile ? { passphraseFile: path(passphraseFile) } : {}),
      controlSocket: controlSocket ? path(controlSocket) : join(dirname(dbPath), 'parloir.sock'),
      centresPath: path(value('PARLOIR_CENTRES') ?? DEFAULTS.centresPath),
      lang,
      logLevel: logLevel as LogLevel,
      reminders: Object.freeze(reminders),
      retentionDays,
      memberRetentionDays,
      groupRetentionDays,
      limits: limits.limits,
      ...(signal ? { signal } : {}),
      ...(telegram ? { telegram } : {}),
      demo,
    }),
  };
}

function parseSignal(value: (n: string) => string | undefined, problems: SettingsProblem[]): SignalSettings | undefined {
  const apiUrl = value('SIGNAL_API_URL');
  const number = value('SIGNAL_NUMBER');
  const mode = value('SIGNAL_RECEIVE_MODE');
  if (!apiUrl && !number) {
    if (mode) problems.push({ variable: 'SIGNAL_API_URL', code: 'missing', expected: 'http://signal-api:8080' });
    return undefined;
  }
  if (!apiUrl) problems.push({ variable: 'SIGNAL_API_URL', code: 'missing', expected: 'http://signal-api:8080' });
  else if (!isHttpUrl(apiUrl)) problems.push({ variable: 'SIGNAL_API_URL', code: 'invalid-url', expected: 'http://signal-api:8080' });
  if (!number) problems.push({ variable: 'SIGNAL_NUMBER', code: 'missing', expected: '+33600000000' });
  else if (!/^\+[1-9]\d{6,14}$/.test(number)) {
    problems.push({ variable: 'SIGNAL_NUMBER', code: 'invalid-choice', expected: 'E.164, e.g. +33600000000' });
  }
  if (mode && !(SIGNAL_MODES as readonly string[]).includes(mode)) {
    problems.push({ variable: 'SIGNAL_RECEIVE_MODE', code: 'invalid-choice', expected: SIGNAL_MODES.join(', ') });
  }
  if (!apiUrl || !number) return undefined;
  return {
    apiUrl: apiUrl.replace(/\/+$/, ''),
    number,
    ...(mode && (SIGNAL_MODES as readonly string[]).includes(mode) ? { receiveMode: mode as SignalReceiveMode } : {}),
  };
}

function parseTelegram(
  value: (n: string) => string | undefined,
  problems: SettingsProblem[],
): TelegramSettings | undefined {
  const token = value('TELEGRAM_BOT_TOKEN');
  const apiRoot = value('TELEGRAM_API_ROOT');
  const webhookUrl = value('TELEGRAM_WEBHOOK_URL');
  const webhookSecret = value('TELEGRAM_WEBHOOK_SECRET');
  const webhookPortText = value('TELEGRAM_WEBHOOK_PORT');
  if (!token) {
    if (apiRoot || webhookUrl) problems.push({ variable: 'TELEGRAM_BOT_TOKEN', code: 'missing', expected: '123456:ABC… from @BotFather' });
    return undefined;
  }
  if (!/^\d+:[\w-]{20,}$/.test(token)) {
    problems.push({ variable: 'TELEGRAM_BOT_TOKEN', code: 'invalid-choice', expected: '123456:ABC… from @BotFather' });
  }
  if (apiRoot && !isHttpUrl(apiRoot)) problems.push({ variable: 'TELEGRAM_API_ROOT', code: 'invalid-url', expected: 'http://127.0.0.1:8081' });
  let webhook: TelegramSettings['webhook'];
  if (webhookUrl) {
    if (!webhookUrlAccepted(webhookUrl, apiRoot !== undefined)) {
      problems.push({
        variable: 'TELEGRAM_WEBHOOK_URL',
        code: 'invalid-url',
        expected: apiRoot ? 'http(s)://host[:port]/path' : 'https://bot.example.org/telegram (port 443, 80, 88 or 8443)',
      });
    }
    if (!webhookSecret || !/^[A-Za-z0-9_-]{16,256}$/.test(webhookSecret)) {
      problems.push({ variable: 'TELEGRAM_WEBHOOK_SECRET', code: 'missing', expected: '16–256 of A-Z a-z 0-9 _ -' });
    }
    const port = webhookPortText === undefined ? DEFAULTS.webhookPort : Number(webhookPortText);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      problems.push({ variable: 'TELEGRAM_WEBHOOK_PORT', code: 'invalid-number', expected: '1–65535' });
    }
    webhook = { url: webhookUrl, secret: webhookSecret ?? '', port };
  }
  return {
    token,
    ...(apiRoot ? { apiRoot: apiRoot.replace(/\/+$/, '') } : {}),
    ...(webhook ? { webhook } : {}),
  };
}

/**
 * Telegram's own servers call webhooks only over HTTPS on ports 443, 80, 88 or 8443; a
 * self-hosted Bot API server (--local) also calls http:// and any port
 * (tdlib/telegram-bot-api, WebhookActor.cpp).
 */
function webhookUrlAccepted(text: string, selfHosted: boolean): boolean {
  if (!isHttpUrl(text)) return false;
  if (selfHosted) return true;
  const url = new URL(text);
  return url.protocol === 'https:' && ['', '443', '80', '88', '8443'].includes(url.port);
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function isBase64Key(text: string): boolean {
  return /^[A-Za-z0-9+/]{43}=$/.test(text) && Buffer.from(text, 'base64').length === 32;
}
