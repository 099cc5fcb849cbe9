#!/usr/bin/env node
// The `parloir` command (package.json "bin"). The commands live in commands.ts.

import { runCli } from './commands.js';
import { passphraseReader } from './passphrase.js';

const write = (stream: NodeJS.WriteStream) => (line: string) => stream.write(`${line}\n`);
process.exitCode = await runCli(process.argv.slice(2), process.env, write(process.stdout), write(process.stderr), {
  // Prompts go to stderr, so stdout stays what scripts read (the invite code).
  passphrase: passphraseReader(process.stdin, process.stderr),
});
