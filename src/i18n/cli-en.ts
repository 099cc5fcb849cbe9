// Texts for operators: the CLI, start-up errors and the local demo. cli-fr.ts must match.

import type { SettingsProblem } from '../config.js';
import type { ProbeCode, ProbeFinding } from '../core/probe.js';

const PROBLEM: Record<SettingsProblem['code'], string> = {
  missing: 'is missing',
  'invalid-base64-key': 'is not the base64 of 32 bytes',
  'invalid-url': 'is not a valid URL',
  'invalid-choice': 'has a value that is not allowed',
  'invalid-duration-list': 'is not a list of durations',
  'invalid-number': 'is not a valid number',
  'invalid-limits': 'is not a list of limits',
  'both-key-sources': 'and PARLOIR_KEY_FILE are both set: keep one',
  'key-required': 'is required when a transport (Signal or Telegram) is configured',
};

/** Each live check: what was found and, when something is wrong, the fix in one line. */
const PROBE: Record<ProbeCode, (d: string) => string> = {
  'signal-reachable': (d) => `signal-cli-rest-api answers (version ${d})`,
  'signal-unreachable': (d) =>
    `signal-cli-rest-api does not answer at ${d}. Is its container running (docker compose ps)? Check SIGNAL_API_URL.`,
  'signal-not-api': (d) => `SIGNAL_API_URL answers, but not like signal-cli-rest-api (${d}). Check the host and port, e.g. http://signal-api:8080.`,
  'signal-mode': (d) => `signal-cli-rest-api receive mode: ${d}`,
  'signal-mode-json-rpc': () =>
    'signal-cli-rest-api runs in json-rpc mode: messages sent while Parloir is disconnected are lost. Set MODE=normal on its container (docs/signal.md).',
  'signal-mode-mismatch': (d) => `Receive modes differ (server ${d}). Make SIGNAL_RECEIVE_MODE match the server's MODE, or remove SIGNAL_RECEIVE_MODE.`,
  'signal-registered': (d) => `${d} is registered in signal-cli`,
  'signal-not-registered': (d) => `${d} is not registered in signal-cli. Register or link it first: docs/signal.md, step 2.`,
  'signal-profile': (d) => `the bot's Signal profile name: ${d}`,
  'signal-no-profile': (d) =>
    `${d} has no profile name, so Signal refuses its group messages. Set one: curl -X PUT -H 'Content-Type: application/json' -d '{"name":"Parloir"}' http://signal-api:8080/v1/profiles/${d}`,
  'signal-profile-unknown': (d) => `the bot's profile name could not be checked (${d}); make sure one is set (docs/signal.md, step 3).`,
  'telegram-token': (d) => `Telegram accepts the token (bot ${d})`,
  'telegram-token-rejected': (d) =>
    `Telegram rejects TELEGRAM_BOT_TOKEN (${d}). Copy it again from @BotFather (/mybots → API Token); if it was revoked, create a new one there.`,
  'telegram-unreachable': (d) => `The Telegram Bot API does not answer (${d}). Check the server's outgoing HTTPS, or TELEGRAM_API_ROOT.`,
  'telegram-polling': () => 'Telegram: long polling (no webhook set)',
  'telegram-webhook-will-be-removed': (d) =>
    `Telegram holds a webhook (${d}) but TELEGRAM_WEBHOOK_URL is not set: Parloir removes it at start and polls. Set TELEGRAM_WEBHOOK_URL to keep the webhook.`,
  'telegram-webhook-not-set': (d) => `Telegram webhook not set yet: Parloir sets ${d} at start`,
  'telegram-webhook-other-url': (d) =>
    `Telegram holds another webhook (${d}): Parloir replaces it with TELEGRAM_WEBHOOK_URL at start; whatever used it stops receiving.`,
  'telegram-webhook-error': (d) =>
    `Telegram's last webhook delivery failed ("${d}"). Check that TELEGRAM_WEBHOOK_URL reaches TELEGRAM_WEBHOOK_PORT through your HTTPS proxy.`,
  'telegram-webhook-set': (d) => `Telegram webhook: ${d}`,
};

export const cliEn = {
  settingsInvalid: (p: { problems: readonly SettingsProblem[] }) =>
    [
      'Parloir cannot start: some settings are invalid. Nothing was changed.',
      ...p.problems.map((x) => `  - ${x.variable} ${PROBLEM[x.code]}${x.refused ? ` (refused: ${x.refused.join(', ')})` : ''}${x.expected ? ` (expected: ${x.expected})` : ''}`),
      'See config/example.env and README.md.',
    ].join('\n'),
  keyMismatch: () =>
    'The key does not match this database (PARLOIR_KEY_FILE / PARLOIR_KEY). Use the key the database was created with. Nothing was changed.',
  schemaTooNew: (p: { database: number; code: number }) =>
    `This database has schema version ${p.database}; this Parloir knows up to ${p.code}. Upgrade Parloir. Nothing was changed.`,
  keyFileMissing: (p: { path: string }) => `No key file at ${p.path}. Create one with: npx parloir keygen ${p.path}`,
  keyFileInvalid: (p: { path: string }) => `${p.path} does not hold a key (one line: the base64 of 32 bytes). Create one with npx parloir keygen.`,
  keyFileExists: (p: { path: string }) => `${p.path} already exists: refusing to overwrite a key (that would make its database unreadable).`,
  keyInEnvironment: () =>
    'Warning: PARLOIR_KEY is visible to anyone who can read this process\'s environment (/proc/<pid>/environ, docker inspect) and is never sealed. For a real group use npx parloir keygen --passphrase and PARLOIR_KEY_FILE.',
  keyFileLoose: (p: { path: string }) => `Warning: ${p.path} can be read by other users. Run: chmod 600 ${p.path}`,
  centresInvalid: (p: { path: string; problems: readonly string[] }) =>
    [`The centres file ${p.path} has problems:`, ...p.problems.map((x) => `  - ${x}`)].join('\n'),
  rulesInvalid: (p: { path: string; problems: readonly string[] }) =>
    [`The legal-clock rule file ${p.path} has problems:`, ...p.problems.map((x) => `  - ${x}`)].join('\n'),
  databaseFailed: (p: { path: string; code: string }) => `Cannot open the database ${p.path} (${p.code}).`,
  demoKeyCreated: (p: { path: string }) =>
    `DEMO ONLY: created a throw-away key at ${p.path}, unsealed, beside the database. Never use it for a real group: run npx parloir keygen --passphrase and set PARLOIR_KEY_FILE.`,
  noTransport: (p: { keyVariable: string }) =>
    [
      `Parloir will not start: ${p.keyVariable} is set, so this is a real set-up, but no transport is configured.`,
      '  - Signal: set SIGNAL_API_URL and SIGNAL_NUMBER',
      '  - Telegram: set TELEGRAM_BOT_TOKEN',
      `For the local demo instead, unset ${p.keyVariable} (the demo never writes into a real database). Nothing was changed.`,
    ].join('\n'),
  startBlocked: (p: { lines: readonly string[] }) =>
    ['Parloir cannot start: a service it needs is not ready. Nothing was changed.', ...p.lines.map((x) => `  - ${x}`), 'npx parloir doctor checks everything again.'].join('\n'),
  probe: (p: ProbeFinding) => PROBE[p.code](p.detail ?? ''),
  envFileRead: (p: { path: string }) => `settings from ${p.path} (variables already in the environment win)`,
  envFileAbsent: (p: { path: string }) => `no ${p.path}: settings come from the environment only`,
  envFileUnsupported: (p: { path: string }) =>
    `${p.path} is NOT read: this Node is older than 20.12. Upgrade Node, or pass the settings as environment variables (e.g. set -a; . ./.env; set +a; npm start).`,
  envFileUnreadable: (p: { path: string; code: string }) => `${p.path} could not be read (${p.code}). Check its permissions.`,
  started: (p: { transports: string }) => `Parloir is running (${p.transports}). Stop with Ctrl-C.`,
  stopping: () => 'Stopping: finishing what is in flight…',
  unexpected: (p: { code: string }) => `Parloir stopped on an unexpected error (${p.code}). Nothing in the database is half-written: restart it.`,
  signalModeMismatch: (p: { configured: string; server: string }) =>
    `SIGNAL_RECEIVE_MODE is ${p.configured} but signal-cli-rest-api runs in ${p.server} mode (GET /v1/about). Receiving that way would lose messages: make MODE and SIGNAL_RECEIVE_MODE match (docs/signal.md).`,

  usage: () =>
    [
      'Usage: npx parloir <command>',
      '  keygen --passphrase [path]  write a new key file sealed by a passphrase (real groups)',
      '  keygen [path]        write a new unsealed key file (default: PARLOIR_KEY_FILE); never overwrites',
      '  unlock               give the passphrase to a running, sealed Parloir',
      '  status               is Parloir running (0), or sealed / not answering (1)?',
      '  groups               list linked groups (id, platform, centre, since)',
      '  shred --group <id>   destroy a group\'s key and data (--all: every group)',
      '  invite <centre-id>   print a one-time link code for a group (valid 24 h)',
      '  centres              list the centres and their ids',
      '  migrate              apply pending database migrations',
      '  doctor               check settings, key, database, centres and the live services',
      '  verify [group tag]   list safety-number holds, or lift one after comparing the number in person',
      '  stats --from 2026-01 --to 2026-12 [--centre <id>] [--out <folder>]  counts for advocacy (CSV + SVG charts)',
      'Settings are environment variables, or a .env file in the working directory: see config/example.env.',
    ].join('\n'),
  unknownCommand: (p: { command: string }) => `Unknown command "${p.command}".`,
  verifyNoHolds: () => 'No member is held for a safety-number check.',
  verifyHold: (p: { group: number; centre: string; tag: string; since: string }) =>
    `group ${p.group} (${p.centre}) · member ${p.tag} · held since ${p.since}`,
  verifyUsage: () =>
    'Usage: npx parloir verify <group> <member-tag>   (npx parloir verify lists them). Compare the safety number with the member in person first.',
  verifyNotFound: (p: { group: number; tag: string }) => `No held member ${p.tag} in group ${p.group}. npx parloir verify lists the holds.`,
  verifyAmbiguous: (p: { tag: string }) => `More than one held member starts with ${p.tag}: give more of the tag.`,
  verifyLifted: (p: { group: number; tag: string }) => `Hold lifted for member ${p.tag} in group ${p.group}; the group is told.`,
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
  doctorWarn: (p: { what: string }) => `WARN ${p.what}`,
  doctorSummary: (p: { problems: number }) => (p.problems === 0 ? 'Everything looks right.' : `${p.problems} problem(s) found.`),
  doctorSettings: () => 'settings',
  doctorKeyFileMode: (p: { path: string }) => `key file ${p.path} is readable by other users: run chmod 600 ${p.path}`,
  doctorKey: () => 'encryption key',
  doctorDatabase: (p: { path: string; version: number }) => `database ${p.path} (schema ${p.version})`,
  doctorCentres: (p: { count: number }) => `centres (${p.count})`,
  doctorTransports: (p: { names: string }) => `transports: ${p.names}`,
  doctorLimits: (p: { limits: string }) => `limits (PARLOIR_LIMITS): ${p.limits}`,
  doctorNoTransport: () => 'no transport configured: npm start runs the local demo',
  doctorNoTransportWithKey: () => 'no transport configured, but a key is: npm start refuses. Set SIGNAL_API_URL + SIGNAL_NUMBER or TELEGRAM_BOT_TOKEN.',

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
  controlSocketFailed: (p: { socket: string; code: string }) =>
    p.code === 'CONTROL_IN_USE'
      ? `Another Parloir already answers at ${p.socket}: stop it first (two services must not share a database).`
      : `Cannot listen on the control socket ${p.socket}. Set PARLOIR_CONTROL_SOCKET to a short path in a folder Parloir can write (Unix sockets allow about 100 characters).`,
  unlockDone: () => 'Unsealed: Parloir is running and receiving.',
  unlockWrong: () => 'wrong passphrase — still sealed',
  unlockAlready: () => 'Parloir is already unsealed and running.',
  statusRunning: () => 'running: Parloir is unsealed, receiving and sending.',
  statusSealed: () => 'SEALED: nothing is received or sent until someone gives the passphrase (npx parloir unlock).',
  statusNoService: (p: { socket: string }) =>
    `No Parloir answers at ${p.socket}: it is not running, still starting, or PARLOIR_CONTROL_SOCKET differs.`,
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
      `Members: ${p.members}. Everything the group and each member would see is printed here.`,
      '',
    ].join('\n'),
  demoWelcomeBack: (p: { open: number }) =>
    `The demo group continues where you left it: ${p.open} open or taken request(s). Your data stays in data/parloir.db.`,
  demoExample: () => 'To start, sam asks for a visit:',
  demoTry: (p: { post?: number; n: number; clock: string }) =>
    [
      '',
      'Try (type a line, then Enter):',
      ...(p.post !== undefined
        ? [
            `  @alex >${p.post} je prends        reply to the bot's post [${p.post}]: alex drives`,
            `  @noor !${p.post} Je viens         press the button "Je viens" under [${p.post}]`,
          ]
        : [`  @alex /prendre ${p.n}            alex takes request #${p.n}`, `  @noor /rejoindre ${p.n}          noor takes a seat`]),
      '  @alex dm /mes             write to the bot privately: alex\'s requests',
      `  /clock +${p.clock}             move time on: alex's reminder arrives privately`,
      '  @alex dm OK               answer it (or /clock +1d: the group hears it is not confirmed, and the 09:00 digest)',
      '  /liste   /info   /aide    (English works too: /list /info /help)',
      '  quit                      leave (Ctrl-D too); a second npm start continues this group',
      'Syntax: @name text · @name >N text (reply to [N]) · @name !N button · @name +N (👍 on [N]) · @name dm text · /clock +2h',
      '',
    ].join('\n'),
  demoUnknownMember: (p: { members: string }) => `Demo members are: ${p.members}.`,
  demoBadReply: () => 'Reply with ">N text", where N is a message number in brackets.',
  demoBadPress: () => 'Press a button with "!N label" (or "!N 1" for the first), where N is a bot message with buttons.',
  demoBadClock: () => 'Move time on with /clock +2h (also +30m, +1d, +1h30m).',
  demoPressed: (p: { member: string; label: string; notice?: string }) =>
    `${p.member} pressed [ ${p.label} ]${p.notice ? ` — only ${p.member} sees: ${p.notice}` : ''}`,
  demoClock: (p: { now: string }) => `⏩ It is now ${p.now}.`,
  demoLinking: () => 'Linking the demo group with a one-time code, as a coordinator would:',
} as const;

export type CliMessages = { readonly [K in keyof typeof cliEn]: (typeof cliEn)[K] };
