// A `.env` file in the working directory is read into process.env at start, with Node's own
// parser; variables already set in the environment win. Only the two entry points call this.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export type EnvFileResult =
  | { readonly kind: 'read'; readonly path: string }
  | { readonly kind: 'absent'; readonly path: string }
  /** Node older than 20.12 has no process.loadEnvFile. */
  | { readonly kind: 'unsupported'; readonly path: string }
  | { readonly kind: 'unreadable'; readonly path: string; readonly code: string };

export function loadDotEnv(cwd: string = process.cwd()): EnvFileResult {
  const path = resolve(cwd, '.env');
  if (!existsSync(path)) return { kind: 'absent', path };
  const load = (process as { loadEnvFile?: (path: string) => void }).loadEnvFile;
  if (typeof load !== 'function') return { kind: 'unsupported', path };
  try {
    load(path);
    return { kind: 'read', path };
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'UNKNOWN';
    return { kind: 'unreadable', path, code };
  }
}
