// npx parloir <command>: keygen, invite, centres, migrate, doctor, verify, unlock, status, groups, shred, stats.
// Every command that needs the key reads a sealed key file's passphrase the same way (terminal
// without echo, first line of stdin, or PARLOIR_PASSPHRASE_FILE), then opens the database and
// applies pending migrations first, like `npm start`.

import { existsSync } from 'node:fs';
import { DateTime } from 'luxon';
import { type OpenOptions, openAll, operatorLang, type ProbeTransports, readCentres, readSettings, StartupError } from '../bootstrap.js';
import type { Settings } from '../config.js';
import { errorCode } from '../core/error-code.js';
import { describeLimits } from '../core/limits.js';
import type { EnvFileResult } from '../env-file.js';
import { cliText } from '../i18n/index.js';
import { KeyFileError, looseMode, writeKeyFile, writeSecretFile } from '../store/key-file.js';
import { currentVersion } from '../store/migrate.js';
import { MIN_PASSPHRASE_CHARS, passphraseLongEnough, sealMasterKey } from '../store/sealed-key.js';
import { generateMasterKeyBase64 } from '../store/vault.js';
import { groups, shred } from './groups.js';
import { PassphraseInputError, type PassphraseReader } from './passphrase.js';
import { stats } from './stats.js';
import { status } from './status.js';
import { unlock } from './unlock.js';
import { verify } from './verify.js';

export type Out = (line: string) => void;
type Env = Readonly<Record<string, string | undefined>>;

export interface CliDeps {
  /** The transports' live checks, from the composition root; doctor skips them without. */
  readonly probe?: ProbeTransports;
  /** What became of ./.env, to tell the operator where settings came from. */
  readonly envFile?: EnvFileResult;
  /** Where passphrases are read from; without one, commands that need it say so. */
  readonly passphrase?: PassphraseReader;
  /** The time now, for which months are over (stats); the system clock when absent. */
  readonly now?: () => number;
}

export async function runCli(args: readonly string[], env: Env, out: Out, err: Out, deps: CliDeps = {}): Promise<number> {
  const [command, ...rest] = args;
  const text = cliText(operatorLang(env));
  const ask: OpenOptions = deps.passphrase ? { passphrase: () => deps.passphrase!.read(text.passphrasePrompt()) } : {};
  try {
    switch (command) {
      case 'keygen':
        return await keygen(rest, env, out, err, deps);
      case 'invite':
        return await invite(rest[0], readSettings(env), out, err, ask);
      case 'centres':
        return await centres(readSettings(env), out, ask);
      case 'migrate':
        return await migrate(readSettings(env), out, ask);
      case 'doctor':
        return await doctor(env, out, deps, ask);
      case 'unlock':
        return await unlock(readSettings(env), out, err, deps.passphrase);
      case 'status':
        return await status(readSettings(env), out, err);
      case 'groups':
        return await groups(readSettings(env), out, ask);
      case 'shred':
        return await shred(rest, readSettings(env), out, err, deps.passphrase, ask);
      case 'verify':
        return await verify(rest, readSettings(env), out, err, ask);
      case 'stats':
        return await stats(rest, readSettings(env), out, err, deps.now?.() ?? Date.now());
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        out(text.usage());
        return command === undefined ? 1 : 0;
      default:
        err(text.unknownCommand({ command }));
        err(text.usage());
        return 1;
    }
  } catch (error) {
    if (error instanceof StartupError) {
      err(error.text);
      return 2;
    }
    if (error instanceof PassphraseInputError) {
      err(text.passphraseEmpty());
      return 2;
    }
    err(text.unexpected({ code: errorCode(error) }));
    return 1;
  }
}

/** keygen [--passphrase] [path]: a new key file, sealed by a passphrase when asked to. */
async function keygen(args: readonly string[], env: Env, out: Out, err: Out, input: CliDeps): Promise<number> {
  const text = cliText(operatorLang(env));
  const sealed = args.includes('--passphrase');
  const path = args.find((a) => !a.startsWith('--')) ?? env['PARLOIR_KEY_FILE'];
  if (!path) {
    err(text.keygenNeedsPath());
    return 1;
  }
  try {
    if (!sealed) {
      writeKeyFile(path);
      out(text.keygenDone({ path }));
      return 0;
    }
    if (existsSync(path)) throw new KeyFileError('KEY_FILE_EXISTS', path);
    if (!input.passphrase) {
      err(text.passphraseEmpty());
      return 1;
    }
    const passphrase = await input.passphrase.read(text.passphrasePrompt());
    if (!passphraseLongEnough(passphrase)) {
      err(text.passphraseTooShort({ min: MIN_PASSPHRASE_CHARS }));
      return 1;
    }
    // A person typing blind confirms it; a script gives it once.
    if (input.passphrase.interactive && (await input.passphrase.read(text.passphraseAgain())) !== passphrase) {
      err(text.passphraseMismatch());
      return 1;
    }
    const master = new Uint8Array(Buffer.from(generateMasterKeyBase64(), 'base64'));
    writeSecretFile(path, await sealMasterKey(master, passphrase));
    out(text.keygenSealedDone({ path }));
    return 0;
  } catch (error) {
    if (error instanceof KeyFileError && error.code === 'KEY_FILE_EXISTS') {
      err(text.keyFileExists({ path }));
      return 1;
    }
    throw error;
  }
}

async function invite(centreId: string | undefined, settings: Settings, out: Out, err: Out, ask: OpenOptions): Promise<number> {
  const text = cliText(settings.lang);
  if (!centreId) {
    err(text.inviteUsage());
    return 1;
  }
  const opened = await openAll(settings, ask);
  try {
    opened.warnings.forEach(err);
    const centre = opened.centres.get(centreId);
    if (!centre) {
      err(text.inviteUnknownCentre({ id: centreId }));
      return 1;
    }
    const { code, expiresAt } = opened.store.write(() => opened.store.invites.create(centre.id, Date.now()));
    const expires = DateTime.fromMillis(expiresAt, { zone: centre.timezone }).setLocale(settings.lang).toFormat('d LLL yyyy HH:mm ZZZZ');
    out(text.inviteDone({ centre: centre.name, expires }));
    out(code); // last line of stdout: scripts read it
    return 0;
  } finally {
    opened.store.close();
  }
}

async function centres(settings: Settings, out: Out, ask: OpenOptions): Promise<number> {
  const opened = await openAll(settings, ask);
  opened.store.close();
  out(cliText(settings.lang).centresHeader());
  for (const centre of opened.centres.list()) out(`${centre.id} — ${centre.name} (${centre.country})`);
  return 0;
}

async function migrate(settings: Settings, out: Out, ask: OpenOptions): Promise<number> {
  const opened = await openAll(settings, ask);
  const text = cliText(settings.lang);
  const version = currentVersion(opened.store.db);
  opened.store.close();
  out(opened.store.applied.length > 0 ? text.migrated({ versions: opened.store.applied.join(', ') }) : text.migrateNothing({ version }));
  return 0;
}

/** Checks each part in turn, the live services included, and reports every problem, not only the first. */
async function doctor(env: Env, out: Out, deps: CliDeps, ask: OpenOptions): Promise<number> {
  const text = cliText(operatorLang(env));
  let problems = 0;
  const ok = (what: string) => out(text.doctorOk({ what }));
  const warn = (what: string) => out(text.doctorWarn({ what }));
  const bad = (what: string, detail?: string) => {
    problems += 1;
    out(text.doctorBad({ what }));
    if (detail) out(`       ${detail.replace(/\n/g, '\n       ')}`);
  };
  const envFile = deps.envFile;
  if (envFile?.kind === 'read') ok(text.envFileRead(envFile));
  else if (envFile?.kind === 'absent') ok(text.envFileAbsent(envFile));
  else if (envFile?.kind === 'unsupported') bad(text.envFileUnsupported(envFile));
  else if (envFile?.kind === 'unreadable') bad(text.envFileUnreadable(envFile));
  let settings: Settings | undefined;
  try {
    settings = readSettings(env);
    ok(text.doctorSettings());
  } catch (error) {
    bad(text.doctorSettings(), error instanceof StartupError ? error.text : errorCode(error));
  }
  if (settings) {
    const names = [settings.signal ? 'signal' : '', settings.telegram ? 'telegram' : ''].filter(Boolean).join(', ');
    if (names) ok(text.doctorTransports({ names }));
    else if (settings.demo) ok(text.doctorNoTransport());
    else bad(text.doctorNoTransportWithKey());
    ok(text.doctorLimits({ limits: describeLimits(settings.limits) }));
    try {
      ok(text.doctorCentres({ count: readCentres(settings).list().length }));
    } catch (error) {
      bad(text.doctorCentres({ count: 0 }), error instanceof StartupError ? error.text : errorCode(error));
    }
    // A key file others can read is a failure, not a warning: it is the whole protection.
    const loose = settings.key.kind !== 'env' && existsSync(settings.key.path) && looseMode(settings.key.path);
    if (loose && settings.key.kind !== 'env') bad(text.doctorKey(), text.doctorKeyFileMode({ path: settings.key.path }));
    try {
      const opened = await openAll(settings, ask);
      if (!loose) ok(text.doctorKey());
      ok(text.doctorDatabase({ path: settings.dbPath, version: currentVersion(opened.store.db) }));
      opened.store.close();
    } catch (error) {
      bad(text.doctorKey(), error instanceof StartupError ? error.text : errorCode(error));
    }
    if (deps.probe && names) {
      for (const finding of await deps.probe(settings, { patienceMs: 0 })) {
        const line = text.probe(finding);
        if (finding.status === 'ok') ok(line);
        else if (finding.status === 'warn') warn(line);
        else bad(line);
      }
    }
  }
  out(text.doctorSummary({ problems }));
  return problems === 0 ? 0 : 1;
}
