#!/usr/bin/env node
// The `parloir` command (`npx parloir`, through the launcher src/cli/link-bin.ts writes). The
// commands live in commands.ts; the live checks of the transports come from the composition root
// (src/main.ts), which alone may import bots/.

import { loadDotEnv } from '../env-file.js';
import { probeTransports } from '../main.js';
import { runCli } from './commands.js';
import { passphraseReader } from './passphrase.js';

const write = (stream: NodeJS.WriteStream) => (line: string) => stream.write(`${line}\n`);
const envFile = loadDotEnv();
process.exitCode = await runCli(process.argv.slice(2), process.env, write(process.stdout), write(process.stderr), {
  probe: probeTransports,
  envFile,
  // Prompts go to stderr, so stdout stays what scripts read (the invite code).
  passphrase: passphraseReader(process.stdin, process.stderr),
});
