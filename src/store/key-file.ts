// Reads the master key from PARLOIR_KEY, PARLOIR_KEY_FILE, or (local demo only) creates
// data/parloir.key with mode 0600.

import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { KeySource } from '../config.js';
import { generateMasterKeyBase64 } from './vault.js';

export class KeyFileError extends Error {
  constructor(
    readonly code: 'KEY_FILE_MISSING' | 'KEY_FILE_INVALID' | 'KEY_FILE_EXISTS',
    readonly path: string,
  ) {
    super(`${code}: ${path}`);
  }
}

export interface LoadedKey {
  readonly bytes: Uint8Array;
  /** True when the demo key was generated just now. */
  readonly created: boolean;
  /** True when the key file can be read by other users (it should be 0600). */
  readonly looseMode: boolean;
}

export function loadMasterKey(source: KeySource): LoadedKey {
  switch (source.kind) {
    case 'env':
      return { bytes: decodeKey(source.base64, 'PARLOIR_KEY'), created: false, looseMode: false };
    case 'file':
      return readKeyFile(source.path);
    case 'demo': {
      if (existsSync(source.path)) return readKeyFile(source.path);
      writeKeyFile(source.path);
      return { ...readKeyFile(source.path), created: true };
    }
  }
}

/** Writes a new random key, readable by the owner only. Refuses to overwrite an existing file. */
export function writeKeyFile(path: string): void {
  if (existsSync(path)) throw new KeyFileError('KEY_FILE_EXISTS', path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${generateMasterKeyBase64()}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600); // the umask could have widened nothing, but narrowed; make it exact
}

function readKeyFile(path: string): LoadedKey {
  if (!existsSync(path)) throw new KeyFileError('KEY_FILE_MISSING', path);
  const mode = statSync(path).mode & 0o777;
  const bytes = decodeKey(readFileSync(path, 'utf8').trim(), path);
  return { bytes, created: false, looseMode: (mode & 0o077) !== 0 };
}

function decodeKey(text: string, path: string): Uint8Array {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== 32 || bytes.toString('base64') !== text) throw new KeyFileError('KEY_FILE_INVALID', path);
  return new Uint8Array(bytes);
}
