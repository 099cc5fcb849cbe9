#!/usr/bin/env node
// The container's healthcheck: `parloir status` without loading the rest of the CLI (no
// database, no libsodium, no transports), so running it every 30 s costs next to nothing.
// Healthy = the service answers on its control socket and is unsealed.

import { parseSettings } from '../config.js';
import { errorCode } from '../core/error-code.js';
import { loadDotEnv } from '../env-file.js';
import { status } from './status.js';

loadDotEnv();
const parsed = parseSettings(process.env);
if (!parsed.ok) {
  process.stderr.write(`settings invalid: ${parsed.problems.map((p) => p.variable).join(', ')} (npx parloir doctor)\n`);
  process.exitCode = 1;
} else {
  try {
    process.exitCode = await status(parsed.settings, (l) => process.stdout.write(`${l}\n`), (l) => process.stderr.write(`${l}\n`));
  } catch (error) {
    process.stderr.write(`${errorCode(error)}\n`);
    process.exitCode = 1;
  }
}
