// Makes `npx parloir <command>` run this checkout's CLI. Run by npm's `prepare` step (so after
// every `npm ci`/`npm install`), right after the TypeScript build.
//
// Why not a package.json "bin": Parloir is never published, and npm ≥ 10 treats a project whose
// own package.json names the bin as a package to *install* into its npx cache first
// (libnpmexec's "self-execution of a local bin"), which fetches every dependency again and fails
// offline ("Could not read package.json … _npx"). A launcher in node_modules/.bin is found before
// anything else (libnpmexec looks there first), so `npx parloir` runs at once, offline.

import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// dist/src/cli/link-bin.js → the project root is three folders up.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const binDir = join(root, 'node_modules', '.bin');
const launcher = join(binDir, 'parloir');

// Relative to the launcher, so a copied checkout (or node_modules) keeps working.
const script = `#!/bin/sh
# Written by \`npm ci\` (prepare → dist/src/cli/link-bin.js): runs this checkout's Parloir CLI.
exec node "$(dirname "$0")/../../dist/src/cli/main.js" "$@"
`;

mkdirSync(binDir, { recursive: true });
writeFileSync(launcher, script);
chmodSync(launcher, 0o755);
