// Field encryption and blind indexes. Every personal or free-text value is sealed with
// XChaCha20-Poly1305 under its group's key, with associated data naming the table, column and
// row, so a ciphertext copied into another row or column fails to open. Identifiers are also
// kept as a keyed BLAKE2b "blind index" so they can be looked up without being readable.
//
// Keys: the master key (32 bytes, from the key file) derives an index key, a wrapping key and a
// system key with crypto_kdf. Each group gets a random key wrapped by the wrapping key and
// stored with the group: deleting that wrapped key makes the group's data unreadable
// (crypto-shredding), without touching any other group. Member addresses are blind-indexed
// under a key derived from their group's key, so one person cannot be linked across groups
// from the database alone. Below a group, a record that must be
// deletable on its own (a request, a case) gets a sub-key wrapped by the group key: destroying
// that wrapped sub-key makes every copy of the record's sealed values unreadable, wherever
// the copies lie (WAL frames, free pages, backups taken after the purge).

import { randomBytes } from 'node:crypto';
import sodium from 'libsodium-wrappers-sumo';

const FORMAT_V1 = 0x01;
const NONCE_BYTES = 24;
const KDF_CONTEXT = 'parloir1';
const SUBKEY = { index: 1, wrap: 2, system: 3, check: 4 } as const;
/** Keys derived from a group's key (a different context: never equal to a master-key subkey). */
const GROUP_KDF_CONTEXT = 'parloirg';
const GROUP_SUBKEY = { memberIndex: 1 } as const;
const KEY_CHECK_PLAINTEXT = 'parloir key check v1';

export type IndexKind = 'chat' | 'member' | 'message' | 'inbox' | 'invite' | 'wipe';

/** A group's data key, or the system key for rows that belong to no group. */
export interface SealingKey {
  readonly bytes: Uint8Array;
}

export class KeyMismatchError extends Error {
  readonly code = 'KEY_MISMATCH';
  constructor() {
    super(
      'The encryption key does not match this database. Check PARLOIR_KEY_FILE / PARLOIR_KEY: ' +
        'it must be the key this database was created with. Nothing was changed.',
    );
  }
}

export class DecryptionError extends Error {
  readonly code = 'DECRYPT_FAILED';
  constructor(readonly where: string) {
    super(`A sealed value could not be opened (${where}); the data or its key is damaged.`);
  }
}

/**
 * Random nonces, drawn from node:crypto (~30× faster than randombytes_buf) 4 KiB at a time
 * rather than 24 bytes per sealed field. Every nonce is fresh random bytes, used once.
 */
const NONCE_POOL = 4_096 - (4_096 % NONCE_BYTES);
let pool = Buffer.alloc(0);
let poolOffset = 0;

function nextNonce(): Uint8Array {
  if (poolOffset + NONCE_BYTES > pool.length) {
    pool = randomBytes(NONCE_POOL);
    poolOffset = 0;
  }
  const nonce = pool.subarray(poolOffset, poolOffset + NONCE_BYTES);
  poolOffset += NONCE_BYTES;
  return nonce;
}

export async function readySodium(): Promise<void> {
  await sodium.ready;
}

export class Vault {
  private readonly indexKey: Uint8Array;
  private readonly wrapKey: Uint8Array;
  private readonly checkKey: Uint8Array;
  readonly systemKey: SealingKey;

  /**
   * @param fieldEncryption false only for the benchmark's encryption-overhead measurement: values
   *   are then stored as plain bytes. Nothing else may turn it off.
   */
  private constructor(
    master: Uint8Array,
    private readonly fieldEncryption: boolean,
  ) {
    if (master.length !== 32) throw new Error('the master key must be 32 bytes (code KEY_LENGTH)');
    const derive = (id: number) => sodium.crypto_kdf_derive_from_key(32, id, KDF_CONTEXT, master);
    this.indexKey = derive(SUBKEY.index);
    this.wrapKey = derive(SUBKEY.wrap);
    this.checkKey = derive(SUBKEY.check);
    this.systemKey = { bytes: derive(SUBKEY.system) };
  }

  static async create(master: Uint8Array, options: { benchOnlyPlaintext?: boolean } = {}): Promise<Vault> {
    await sodium.ready;
    return new Vault(master, options.benchOnlyPlaintext !== true);
  }

  /** Keyed BLAKE2b of an identifier: equal inputs give equal outputs, nothing else is learned. */
  blindIndex(kind: IndexKind, value: string): Uint8Array {
    return sodium.crypto_generichash(16, `${kind}\u0000${value}`, this.indexKey);
  }

  /**
   * The group's blind-index key for member addresses, derived from the group key: the same
   * person hashes differently in each group, and shredding the group key kills the index too.
   */
  groupIndexKey(groupKey: SealingKey): SealingKey {
    return { bytes: sodium.crypto_kdf_derive_from_key(32, GROUP_SUBKEY.memberIndex, GROUP_KDF_CONTEXT, groupKey.bytes) };
  }

  /** Keyed BLAKE2b under a key of the caller's (a rotating dedupe key, a group's index key). */
  keyedHash(key: SealingKey, value: string): Uint8Array {
    return sodium.crypto_generichash(16, value, key.bytes);
  }

  seal(key: SealingKey, ad: string, plaintext: string): Uint8Array {
    if (!this.fieldEncryption) return Buffer.from(plaintext, 'utf8');
    const nonce = nextNonce();
    const cipher = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, ad, null, nonce, key.bytes);
    const out = new Uint8Array(1 + NONCE_BYTES + cipher.length);
    out[0] = FORMAT_V1;
    out.set(nonce, 1);
    out.set(cipher, 1 + NONCE_BYTES);
    return out;
  }

  open(key: SealingKey, ad: string, sealed: Uint8Array): string {
    if (!this.fieldEncryption) return Buffer.from(sealed).toString('utf8');
    if (sealed.length < 1 + NONCE_BYTES + 16 || sealed[0] !== FORMAT_V1) throw new DecryptionError(ad);
    try {
      const plain = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
        null,
        sealed.subarray(1 + NONCE_BYTES),
        ad,
        sealed.subarray(1, 1 + NONCE_BYTES),
        key.bytes,
      );
      return Buffer.from(plain).toString('utf8');
    } catch {
      throw new DecryptionError(ad);
    }
  }

  /** A fresh random group key, and its wrapped form to store (bound to `ad`). */
  newGroupKey(ad: string): { key: SealingKey; wrapped: Uint8Array } {
    const bytes = new Uint8Array(randomBytes(32));
    return { key: { bytes }, wrapped: this.wrapBytes(bytes, ad) };
  }

  unwrapGroupKey(wrapped: Uint8Array, ad: string): SealingKey {
    return { bytes: this.unwrapBytes(wrapped, ad, this.wrapKey) };
  }

  /** A fresh random key for one record, and its form wrapped by `parent` (bound to `ad`). */
  newSubKey(parent: SealingKey, ad: string): { key: SealingKey; wrapped: Uint8Array } {
    const bytes = new Uint8Array(randomBytes(32));
    return { key: { bytes }, wrapped: this.wrapBytes(bytes, ad, parent.bytes) };
  }

  openSubKey(parent: SealingKey, wrapped: Uint8Array, ad: string): SealingKey {
    return { bytes: this.unwrapBytes(wrapped, ad, parent.bytes) };
  }

  /** A value stored once per database: opening it proves the configured key is the right one. */
  keyCheck(): Uint8Array {
    return this.wrapBytes(Buffer.from(KEY_CHECK_PLAINTEXT), 'meta.key_check', this.checkKey);
  }

  verifyKeyCheck(stored: Uint8Array): boolean {
    try {
      const plain = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
        null,
        stored.subarray(1 + NONCE_BYTES),
        'meta.key_check',
        stored.subarray(1, 1 + NONCE_BYTES),
        this.checkKey,
      );
      return Buffer.from(plain).toString('utf8') === KEY_CHECK_PLAINTEXT;
    } catch {
      return false;
    }
  }

  private unwrapBytes(wrapped: Uint8Array, ad: string, key: Uint8Array): Uint8Array {
    if (wrapped.length < 1 + NONCE_BYTES + 16 || wrapped[0] !== FORMAT_V1) throw new DecryptionError(ad);
    try {
      return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, wrapped.subarray(1 + NONCE_BYTES), ad, wrapped.subarray(1, 1 + NONCE_BYTES), key);
    } catch {
      throw new DecryptionError(ad);
    }
  }

  private wrapBytes(bytes: Uint8Array, ad: string, key: Uint8Array = this.wrapKey): Uint8Array {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(bytes, ad, null, nonce, key);
    const out = new Uint8Array(1 + NONCE_BYTES + cipher.length);
    out[0] = FORMAT_V1;
    out.set(nonce, 1);
    out.set(cipher, 1 + NONCE_BYTES);
    return out;
  }
}

/** A new random master key, base64 (what `parloir keygen` writes). */
export function generateMasterKeyBase64(): string {
  return randomBytes(32).toString('base64');
}
