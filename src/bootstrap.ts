// What `npm start` and every CLI command do first: read settings, load the key and the
// centres, open the database and apply pending migrations. Errors come back as operator
// messages in the configured language, with nothing changed.

import { join } from 'node:path';
import { type Settings, parseSettings, type SettingsProblem } from './config.js';
import { type CentreDirectory, CentresError, loadCentres } from './core/centres.js';
import { defaultRuleBook, RulesError } from './cases/rules.js';
import type { ProbeCode, ProbeFinding } from './core/probe.js';
import { parseDurationList } from './core/duration.js';
import { errorCode } from './core/error-code.js';
import { cliText } from './i18n/index.js';
import type { Lang } from './i18n/lang.js';
import { isLang } from './i18n/lang.js';
import { packageRoot } from './paths.js';
import { KeyFileError, type LoadedKey, loadMasterKey, readPassphraseFile } from './store/key-file.js';
import { SchemaTooNewError } from './store/migrate.js';
import { type SealedKey, unsealMasterKey, WrongPassphraseError } from './store/sealed-key.js';
import { openSharedKey, ShareError, type SharedKey } from './store/shared-key.js';
import { openStore, type Store } from './store/store.js';
import { KeyMismatchError } from './store/vault.js';

export class StartupError extends Error {
  constructor(readonly text: string) {
    super(text);
  }
}

export interface Opened {
  readonly settings: Settings;
  readonly store: Store;
  readonly centres: CentreDirectory;
  /** Warnings for the operator (demo key created, key file readable by others). */
  readonly warnings: readonly string[];
}

/** The language for operator messages before settings are known to be valid. */
export function operatorLang(env: Readonly<Record<string, string | undefined>>): Lang {
  const lang = env['PARLOIR_LANG']?.trim();
  return lang && isLang(lang) ? lang : 'fr';
}

export function readSettings(env: Readonly<Record<string, string | undefined>>): Settings {
  const result = parseSettings(env);
  if (!result.ok) throw new StartupError(cliText(operatorLang(env)).settingsInvalid({ problems: result.problems }));
  return result.settings;
}

export function readCentres(settings: Settings): CentreDirectory {
  const text = cliText(settings.lang);
  try {
    const centres = loadCentres(settings.centresPath, parseDurationList);
    // The legal clock's rules are read with the centres, so a broken rule file stops the start
    // (and fails `doctor`) with every problem listed.
    defaultRuleBook();
    return settings.demo ? centres.with(loadCentres(join(packageRoot(), 'config', 'demo.yaml')).list()) : centres;
  } catch (error) {
    if (error instanceof CentresError) throw new StartupError(text.centresInvalid({ path: error.path, problems: error.problems }));
    if (error instanceof RulesError) throw new StartupError(text.rulesInvalid({ path: error.path, problems: error.problems }));
    throw error;
  }
}

/** The live checks of the configured transports (wired in main.ts, where bots/ may be imported). */
export type ProbeTransports = (settings: Settings, options: { readonly patienceMs: number }) => Promise<readonly ProbeFinding[]>;

/** Found at start but not worth refusing it: the check itself may be unreliable. */
const TOLERATED_AT_START: ReadonlySet<ProbeCode> = new Set(['signal-no-profile']);

/**
 * Before `npm start` touches the database: a real key with no transport is refused (it would
 * run the demo into a production database), and a configured service that is not usable (a
 * rejected token, signal-cli unreachable, the number not registered) stops the start with what
 * to do. Returns warnings to print.
 */
export async function preflight(settings: Settings, probe: ProbeTransports, patienceMs: number): Promise<string[]> {
  const text = cliText(settings.lang);
  if (!settings.demo && !settings.signal && !settings.telegram) {
    throw new StartupError(text.noTransport({ keyVariable: settings.key.kind === 'env' ? 'PARLOIR_KEY' : 'PARLOIR_KEY_FILE' }));
  }
  if (!settings.signal && !settings.telegram) return [];
  const findings = await probe(settings, { patienceMs });
  const fatal = findings.filter((f) => f.status === 'fail' && !TOLERATED_AT_START.has(f.code));
  if (fatal.length > 0) throw new StartupError(text.startBlocked({ lines: fatal.map((f) => text.probe(f)) }));
  return findings.filter((f) => f.status !== 'ok').map((f) => text.probe(f));
}

export interface OpenOptions {
  /** Asks the operator for the passphrase of a sealed key file (terminal or stdin). */
  readonly passphrase?: () => Promise<string>;
  /** Asks for share `number` of the `needed` a shares key file takes (one per line on stdin). */
  readonly share?: (number: number, needed: number) => Promise<string>;
}

/** Reads the key file (sealed or not) and reports problems as operator messages. */
export function readKey(settings: Settings): { key: LoadedKey; warnings: string[] } {
  const text = cliText(settings.lang);
  const warnings: string[] = [];
  try {
    const key = loadMasterKey(settings.key);
    if (key.created && settings.key.kind === 'demo') warnings.push(text.demoKeyCreated({ path: settings.key.path }));
    if (key.looseMode && settings.key.kind !== 'env') warnings.push(text.keyFileLoose({ path: settings.key.path }));
    if (settings.key.kind === 'env') warnings.push(text.keyInEnvironment());
    return { key, warnings };
  } catch (error) {
    if (error instanceof KeyFileError) {
      const describe = { KEY_FILE_MISSING: text.keyFileMissing, KEY_FILE_INVALID: text.keyFileInvalid, KEY_FILE_EXISTS: text.keyFileExists };
      throw new StartupError(describe[error.code]({ path: error.path }));
    }
    throw error;
  }
}

/** The passphrase from PARLOIR_PASSPHRASE_FILE, else from `ask`; undefined when neither can give one. */
export async function passphraseFor(settings: Settings, ask?: () => Promise<string>): Promise<string | undefined> {
  if (settings.passphraseFile) {
    const text = cliText(settings.lang);
    try {
      const line = readPassphraseFile(settings.passphraseFile);
      if (line !== undefined) return line;
    } catch {
      // unreadable: said below, like an empty file
    }
    throw new StartupError(text.passphraseFileUnreadable({ path: settings.passphraseFile }));
  }
  return ask ? ask() : undefined;
}

/** Opens a sealed key with a passphrase: one Argon2id hash; a wrong passphrase becomes an operator message. */
export async function unsealKey(settings: Settings, sealed: SealedKey, passphrase: string): Promise<Uint8Array> {
  try {
    return await unsealMasterKey(sealed, passphrase);
  } catch (error) {
    if (error instanceof WrongPassphraseError) throw new StartupError(cliText(settings.lang).wrongPassphrase());
    throw error;
  }
}

export async function openAll(settings: Settings, options: OpenOptions = {}): Promise<Opened> {
  const text = cliText(settings.lang);
  const { key, warnings } = readKey(settings);
  const centres = readCentres(settings);
  let masterKey: Uint8Array;
  if (key.kind === 'plain') masterKey = key.bytes;
  else if (key.kind === 'shared') masterKey = await sharesFor(settings, key.shared, options.share);
  else {
    const path = settings.key.kind === 'env' ? 'PARLOIR_KEY' : settings.key.path;
    const passphrase = await passphraseFor(settings, options.passphrase);
    if (passphrase === undefined) throw new StartupError(text.keySealedNoPassphrase({ path }));
    masterKey = await unsealKey(settings, key.sealed, passphrase);
  }
  try {
    const store = await openStore({ path: settings.dbPath, masterKey });
    return { settings, store, centres, warnings };
  } catch (error) {
    throw openFailure(settings, error);
  }
}

/** Reads `threshold` shares and recombines the key; every refusal becomes an operator message. */
async function sharesFor(settings: Settings, key: SharedKey, ask: OpenOptions['share']): Promise<Uint8Array> {
  const text = cliText(settings.lang);
  if (!ask) throw new StartupError(text.keySharedNoShares({ needed: key.threshold }));
  const texts: string[] = [];
  try {
    for (let i = 1; i <= key.threshold; i += 1) texts.push(await ask(i, key.threshold));
  } catch (error) {
    // Too few lines on stdin: say what a shares key file needs, not "no passphrase".
    if (errorCode(error) === 'PASSPHRASE_EMPTY') throw new StartupError(text.keySharedNoShares({ needed: key.threshold }));
    throw error;
  }
  try {
    return await openSharedKey(key, texts);
  } catch (error) {
    if (error instanceof ShareError) throw new StartupError(text.shareRefused({ code: error.code }));
    throw error;
  }
}

/** The operator message for a database that would not open. */
export function openFailure(settings: Settings, error: unknown): StartupError {
  const text = cliText(settings.lang);
  if (error instanceof StartupError) return error;
  if (error instanceof KeyMismatchError) return new StartupError(text.keyMismatch());
  if (error instanceof SchemaTooNewError) return new StartupError(text.schemaTooNew({ database: error.databaseVersion, code: error.codeVersion }));
  return new StartupError(text.databaseFailed({ path: settings.dbPath, code: errorCode(error) }));
}

export type { SettingsProblem };
