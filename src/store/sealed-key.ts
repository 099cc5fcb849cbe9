// A key file that holds the master key wrapped by a passphrase: Argon2id turns the passphrase
// into a key-encryption key, which seals the master key with XChaCha20-Poly1305. The file alone
// opens nothing; the master key then lives only in the memory of the running process.

import { randomBytes } from 'node:crypto';
import sodium from 'libsodium-wrappers-sumo';
import { deriveFromPassphrase, PASSPHRASE_COST, type PassphraseCost, SALT_BYTES } from './passphrase-kdf.js';

export const FORMAT = 'parloir-sealed-key';
/** Shorter passphrases are refused: with Argon2id at our cost, 12 characters resist guessing offline. */
export const MIN_PASSPHRASE_CHARS = 12;
const NONCE_BYTES = 24;

export interface SealedKey {
  readonly cost: PassphraseCost;
  readonly salt: Uint8Array;
  readonly nonce: Uint8Array;
  readonly wrapped: Uint8Array;
}

export class WrongPassphraseError extends Error {
  readonly code = 'WRONG_PASSPHRASE';
  constructor() {
    super('wrong passphrase: the key file did not open (code WRONG_PASSPHRASE)');
  }
}

export class PassphraseTooShortError extends Error {
  readonly code = 'PASSPHRASE_TOO_SHORT';
  constructor() {
    super(`the passphrase must have at least ${MIN_PASSPHRASE_CHARS} characters (code PASSPHRASE_TOO_SHORT)`);
  }
}

/** Counted in characters as a person types them, not bytes. */
export const passphraseLongEnough = (passphrase: string): boolean => [...passphrase].length >= MIN_PASSPHRASE_CHARS;

// The cost parameters are part of the associated data: a file edited to a cheaper cost does not open.
const ad = (cost: PassphraseCost) => `${FORMAT}:v1:argon2id13:${cost.opslimit}:${cost.memlimit}`;

export async function sealMasterKey(master: Uint8Array, passphrase: string, cost: PassphraseCost = PASSPHRASE_COST): Promise<string> {
  if (!passphraseLongEnough(passphrase)) throw new PassphraseTooShortError();
  await sodium.ready;
  const salt = new Uint8Array(randomBytes(SALT_BYTES));
  const nonce = new Uint8Array(randomBytes(NONCE_BYTES));
  const kek = await deriveFromPassphrase(passphrase, salt, cost);
  try {
    const wrapped = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(master, ad(cost), null, nonce, kek);
    const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
    return `${JSON.stringify({ format: FORMAT, version: 1, kdf: 'argon2id13', ...cost, salt: b64(salt), nonce: b64(nonce), wrapped: b64(wrapped) })}\n`;
  } finally {
    sodium.memzero(kek);
  }
}

/** The sealed key in a key file's text, or undefined when the text is not one (a plain key). */
export function parseSealedKey(text: string): SealedKey | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const o = parsed as Record<string, unknown>;
  if (o['format'] !== FORMAT || o['version'] !== 1 || o['kdf'] !== 'argon2id13') return undefined;
  const { opslimit, memlimit, salt, nonce, wrapped } = o;
  if (typeof opslimit !== 'number' || typeof memlimit !== 'number') return undefined;
  if (typeof salt !== 'string' || typeof nonce !== 'string' || typeof wrapped !== 'string') return undefined;
  const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));
  const sealed = { cost: { opslimit, memlimit }, salt: bytes(salt), nonce: bytes(nonce), wrapped: bytes(wrapped) };
  if (sealed.salt.length !== SALT_BYTES || sealed.nonce.length !== NONCE_BYTES || sealed.wrapped.length !== 32 + 16) return undefined;
  return sealed;
}

/** The master key, or WrongPassphraseError. Costs one Argon2id hash. */
export async function unsealMasterKey(sealed: SealedKey, passphrase: string): Promise<Uint8Array> {
  await sodium.ready;
  const kek = await deriveFromPassphrase(passphrase, sealed.salt, sealed.cost);
  try {
    return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, sealed.wrapped, ad(sealed.cost), sealed.nonce, kek);
  } catch {
    throw new WrongPassphraseError();
  } finally {
    sodium.memzero(kek);
  }
}
