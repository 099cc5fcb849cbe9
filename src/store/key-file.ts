// Reads the master key from PARLOIR_KEY, PARLOIR_KEY_FILE, or (local demo only) creates
// data/parloir.key. A key file holds either the key itself (base64, one line) or the key sealed
// by a passphrase (see sealed-key.ts); key files are written 0600 in a folder created 0700.

import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { KeySource } from '../config.js';
import { parseSealedKey, type SealedKey } from './sealed-key.js';
import { parseSharedKey, type SharedKey } from './shared-key.js';
import { generateMasterKeyBase64 } from './vault.js';

export class KeyFileError extends Error {
  constructor(
    readonly code: 'KEY_FILE_MISSING' | 'KEY_FILE_INVALID' | 'KEY_FILE_EXISTS',
    readonly path: string,
  ) {
    super(`${code}: ${path}`);
  }
}

export type LoadedKey = (
  | { readonly kind: 'plain'; readonly bytes: Uint8Array }
  /** The key file needs its passphrase before anything can be read. */
  | { readonly kind: 'sealed'; readonly sealed: SealedKey }
  /** The key file holds no key, only how k of n shares recombine it (shared-key.ts). */
  | { readonly kind: 'shared'; readonly shared: SharedKey }
) & {
  /** True when the demo key was generated just now. */
  readonly created: boolean;
  /** True when the key file can be read or written by other users (it must be 0600). */
  readonly looseMode: boolean;
};

export function loadMasterKey(source: KeySource): LoadedKey {
  switch (source.kind) {
    case 'env':
      return { kind: 'plain', bytes: decodeKey(source.base64, 'PARLOIR_KEY'), created: false, looseMode: false };
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
  writeSecretFile(path, `${generateMasterKeyBase64()}\n`);
}

/**
 * Writes `text` to a new file, mode 0600, creating its folder 0700 if needed. Refuses to
 * overwrite an existing file (a lost key makes its database unreadable).
 */
export function writeSecretFile(path: string, text: string): void {
  if (existsSync(path)) throw new KeyFileError('KEY_FILE_EXISTS', path);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, text, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600); // the umask could have narrowed it further; make it exact
}

/** The first line of a file (PARLOIR_PASSPHRASE_FILE), or undefined when it is empty. */
export function readPassphraseFile(path: string): string | undefined {
  const line = readFileSync(path, 'utf8').split(/\r?\n/)[0] ?? '';
  return line === '' ? undefined : line;
}

/** True when other users can read or write the file. */
export function looseMode(path: string): boolean {
  return (statSync(path).mode & 0o077) !== 0;
}

function readKeyFile(path: string): LoadedKey {
  if (!existsSync(path)) throw new KeyFileError('KEY_FILE_MISSING', path);
  const loose = looseMode(path);
  const text = readFileSync(path, 'utf8').trim();
  const sealed = parseSealedKey(text);
  if (sealed) return { kind: 'sealed', sealed, created: false, looseMode: loose };
  const shared = parseSharedKey(text);
  if (shared) return { kind: 'shared', shared, created: false, looseMode: loose };
  return { kind: 'plain', bytes: decodeKey(text, path), created: false, looseMode: loose };
}

function decodeKey(text: string, path: string): Uint8Array {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== 32 || bytes.toString('base64') !== text) throw new KeyFileError('KEY_FILE_INVALID', path);
  return new Uint8Array(bytes);
}
