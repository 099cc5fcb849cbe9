// Texts for operators: the CLI, start-up errors and the local demo. cli-fr.ts must match.

import type { SettingsProblem } from '../config.js';

const PROBLEM: Record<SettingsProblem['code'], string> = {
  missing: 'is missing',
  'invalid-base64-key': 'is not the base64 of 32 bytes',
  'invalid-url': 'is not a valid URL',
  'invalid-choice': 'has a value that is not allowed',
  'invalid-duration-list': 'is not a list of durations',
  'invalid-number': 'is not a valid number',
  'both-key-sources': 'and PARLOIR_KEY_FILE are both set: keep one',
  'key-required': 'is required when a transport (Signal or Telegram) is configured',
};

export const cliEn = {
  settingsInvalid: (p: { problems: readonly SettingsProblem[] }) =>
    [
      'Parloir cannot start: some settings are invalid. Nothing was changed.',
      ...p.problems.map((x) => `  - ${x.variable} ${PROBLEM[x.code]}${x.expected ? ` (expected: ${x.expected})` : ''}`),
      'See config/example.env and README.md.',
    ].join('\n'),
  keyMismatch: () =>
    'The key does not match this database (PARLOIR_KEY_FILE / PARLOIR_KEY). Use the key the database was created with. Nothing was changed.',
  schemaTooNew: (p: { database: number; code: number }) =>
    `This database has schema version ${p.database}; this Parloir knows up to ${p.code}. Upgrade Parloir. Nothing was changed.`,
  keyFileMissing: (p: { path: string }) => `No key file at ${p.path}. Create one with: npx parloir keygen ${p.path}`,
  keyFileInvalid: (p: { path: string }) => `${p.path} does not hold a key (one line: the base64 of 32 bytes). Create one with npx parloir keygen.`,
  keyFileExists: (p: { path: string }) => `${p.path} already exists: refusing to overwrite a key (that would make its database unreadable).`,
  keyFileLoose: (p: { path: string }) => `Warning: ${p.path} can be read by other users. Run: chmod 600 ${p.path}`,
  centresInvalid: (p: { path: string; problems: readonly string[] }) =>
    [`The centres file ${p.path} has problems:`, ...p.problems.map((x) => `  - ${x}`)].join('\n'),
  databaseFailed: (p: { path: string; code: string }) => `Cannot open the database ${p.path} (${p.code}).`,
  demoKeyCreated: (p: { path: string }) =>
    `DEMO ONLY: created a throw-away key at ${p.path}. Never use it for a real group: run npx parloir keygen and set PARLOIR_KEY_FILE.`,
  started: (p: { transports: string }) => `Parloir is running (${p.transports}). Stop with Ctrl-C.`,
  stopping: () => 'Stopping: finishing what is in flight…',
  unexpected: (p: { code: string }) => `Parloir stopped on an unexpected error (${p.code}). Nothing in the database is half-written: restart it.`,

  usage: () =>
    [
      'Usage: npx parloir <command>',
      '  keygen --passphrase [path]  write a new key file sealed by a passphrase (real groups)',
      '  keygen [path]        write a new unsealed key file (default: PARLOIR_KEY_FILE); never overwrites',
      '  unlock               give the passphrase to a running, sealed Parloir',
      '  groups               list linked groups (id, platform, centre, since)',
      '  shred --group <id>   destroy a group\'s key and data (--all: every group)',
      '  invite <centre-id>   print a one-time link code for a group (valid 24 h)',
      '  centres              list the centres and their ids',
      '  migrate              apply pending database migrations',
      '  doctor               check settings, key, database and centres',
      'Settings are environment variables: see config/example.env.',
    ].join('\n'),
  unknownCommand: (p: { command: string }) => `Unknown command "${p.command}".`,
  keygenDone: (p: { path: string }) => `Wrote a new key to ${p.path} (mode 600). Keep a copy offline: without it the database is unreadable.`,
  keygenNeedsPath: () => 'Where should the key go? npx parloir keygen /path/to/parloir.key (or set PARLOIR_KEY_FILE).',
  inviteUsage: () => 'Usage: npx parloir invite <centre-id>   (npx parloir centres lists the ids)',
  inviteUnknownCentre: (p: { id: string }) => `No centre "${p.id}". npx parloir centres lists the ids.`,
  inviteDone: (p: { centre: string; expires: string }) =>
    `Link code for ${p.centre}, valid once until ${p.expires}. In the group, send /link followed by this code:`,
  centresHeader: () => 'id — name (country)',
  migrated: (p: { versions: string }) => `Applied migrations: ${p.versions}.`,
  migrateNothing: (p: { version: number }) => `The database is up to date (schema version ${p.version}).`,
  doctorOk: (p: { what: string }) => `ok   ${p.what}`,
  doctorBad: (p: { what: string }) => `FAIL ${p.what}`,
  doctorSummary: (p: { problems: number }) => (p.problems === 0 ? 'Everything looks right.' : `${p.problems} problem(s) found.`),
  doctorSettings: () => 'settings',
  doctorKeyFileMode: (p: { path: string }) => `key file ${p.path} is readable by other users: run chmod 600 ${p.path}`,
  doctorKey: () => 'encryption key',
  doctorDatabase: (p: { path: string; version: number }) => `database ${p.path} (schema ${p.version})`,
  doctorCentres: (p: { count: number }) => `centres (${p.count})`,
  doctorTransports: (p: { names: string }) => `transports: ${p.names}`,
  doctorNoTransport: () => 'no transport configured: npm start runs the local demo',

  passphraseFileUnreadable: (p: { path: string }) =>
    `PARLOIR_PASSPHRASE_FILE (${p.path}) cannot be read or is empty: its first line must be the passphrase.`,
  wrongPassphrase: () => 'Wrong passphrase: the key file did not open. Nothing was changed.',
  keySealedNoPassphrase: (p: { path: string }) =>
    `The key file ${p.path} is sealed by a passphrase: type it when asked, give it as the first line of stdin, or set PARLOIR_PASSPHRASE_FILE.`,
  passphrasePrompt: () => 'Passphrase: ',
  passphraseAgain: () => 'The same passphrase again: ',
  passphraseMismatch: () => 'The two passphrases differ. Nothing was written.',
  passphraseTooShort: (p: { min: number }) => `A passphrase needs at least ${p.min} characters (several words are easier to remember). Nothing was written.`,
  passphraseEmpty: () => 'No passphrase was given (on a terminal, type it; otherwise give it as the first line of stdin).',
  keygenSealedDone: (p: { path: string }) =>
    `Wrote a new key sealed by your passphrase to ${p.path} (mode 600). Parloir now starts sealed: unlock it with npx parloir unlock. Without the passphrase, the key and its database are unreadable: keep both safe.`,
  sealed: (p: { socket: string }) =>
    `SEALED: the key file needs its passphrase. Nothing is received or sent until then (messages wait on Signal's and Telegram's servers). Unlock with: npx parloir unlock   (control socket ${p.socket})`,
  unlockDone: () => 'Unsealed: Parloir is running and receiving.',
  unlockWrong: () => 'wrong passphrase — still sealed',
  unlockAlready: () => 'Parloir is already unsealed and running.',
  unlockNoService: (p: { socket: string }) =>
    `No sealed Parloir answers at ${p.socket}. Is it running (npm start), and is PARLOIR_CONTROL_SOCKET the same for both?`,
  unlockFailed: (p: { detail: string }) => `The passphrase opened the key, but Parloir could not start; it is still sealed.\n${p.detail}`,
  groupsHeader: () => 'id — platform, centre, linked on',
  groupsNone: () => 'No group is linked.',
  shredUsage: () => 'Usage: npx parloir shred --group <id>   (ids: npx parloir groups)   or   npx parloir shred --all',
  shredUnknownGroup: (p: { id: string }) => `No linked group has the id "${p.id}" (npx parloir groups lists them). Nothing was changed.`,
  shredConfirm: (p: { word: string }) => `This destroys the key and every record of the group(s): nothing can bring them back. Type ${p.word} to confirm: `,
  shredNotConfirmed: () => 'Not confirmed. Nothing was changed.',
  shredDone: (p: { count: number }) => `Shredded ${p.count} group(s): their key is destroyed, their records deleted, the database and its WAL rewritten.`,

  demoIntro: (p: { centre: string; members: string }) =>
    [
      '',
      `Parloir — local demo. One simulated group, linked to "${p.centre}".`,
      `Members: ${p.members}. Type "@name" in front of a message to speak as someone.`,
      'Try:',
      '  @sam /visite demain 14h places 2 depuis gare de Calais',
      '  @alex >4 je prends            (reply to the bot\'s post [4])',
      '  @noor >4 je viens',
      '  @sam /colis vendredi pull, tabac',
      '  @alex +10                     (👍 on the post [10])',
      '  /liste   /mes   /info   /aide   (or in English: /list /mine /help)',
      'Type "quit" (or Ctrl-D) to leave. Data stays in data/parloir.db.',
      '',
    ].join('\n'),
  demoUnknownMember: (p: { members: string }) => `Demo members are: ${p.members}.`,
  demoBadReply: () => 'Reply with ">N text", where N is a message number in brackets.',
  demoLinking: () => 'Linking the demo group with a one-time code, as a coordinator would:',
} as const;

export type CliMessages = { readonly [K in keyof typeof cliEn]: (typeof cliEn)[K] };
