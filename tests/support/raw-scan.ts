// Reads a database's files as an attacker with the disk would, and tries keys on what it finds.

import { existsSync, readFileSync } from 'node:fs';
import sodium from 'libsodium-wrappers-sumo';

/** The database, its WAL and shared-memory file, plus any other files given, as raw bytes. */
export function rawBytes(dbPath: string, ...others: string[]): Buffer {
  return Buffer.concat([dbPath, `${dbPath}-wal`, `${dbPath}-shm`, ...others].filter(existsSync).map((p) => readFileSync(p)));
}

/** Format byte, 24-byte nonce, 32-byte key, 16-byte tag: how the vault stores a wrapped key. */
const WRAPPED_KEY_BYTES = 1 + 24 + 32 + 16;

/**
 * Every 73-byte window of `bytes` that opens as a wrapped key under one of `keys` with
 * associated data `ad`: what an attacker holding those keys could unwrap from the files.
 */
export function unwrappableKeys(bytes: Buffer, keys: readonly Uint8Array[], ad: string): Uint8Array[] {
  const found: Uint8Array[] = [];
  for (let i = 0; i + WRAPPED_KEY_BYTES <= bytes.length; i += 1) {
    if (bytes[i] !== 0x01) continue;
    const candidate = bytes.subarray(i, i + WRAPPED_KEY_BYTES);
    for (const key of keys) {
      try {
        found.push(sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, candidate.subarray(25), ad, candidate.subarray(1, 25), key));
      } catch {
        // not a wrapped key under this key: the expected case
      }
    }
  }
  return found;
}

export const contains = (bytes: Buffer, needle: Uint8Array): boolean => bytes.includes(Buffer.from(needle));
