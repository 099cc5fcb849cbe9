// A seized, powered-off server with a passphrase-sealed key: the database, its WAL and the key
// file, read raw after a realistic scenario, hold no bytes that open anything. Every 32-byte
// window (and every base64 token) is tried as the master key, as the group key and as a
// request key. The same scan with an unsealed key file finds the key: the scan itself works.

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sodium from 'libsodium-wrappers-sumo';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalTransport } from '../../bots/local/local-transport.js';
import { writeKeyFile, writeSecretFile } from '../../src/store/key-file.js';
import { sealMasterKey } from '../../src/store/sealed-key.js';
import { type Harness, startHarness, tempDir } from '../support/harness.js';
import { rawBytes } from '../support/raw-scan.js';

const CHEAP = { opslimit: 1, memlimit: 8 * 1024 * 1024 };

interface Targets {
  keyCheck: Uint8Array;
  chat: { ad: string; sealed: Uint8Array };
  place: { ad: string; sealed: Uint8Array };
}

const tryOpen = (key: Uint8Array, ad: string, sealed: Uint8Array): boolean => {
  try {
    sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, sealed.subarray(25), ad, sealed.subarray(1, 25), key);
    return true;
  } catch {
    return false;
  }
};

/**
 * A key is 32 random bytes: nearly all distinct. Windows with fewer distinct bytes (zeroed pages,
 * text, page headers, integers) cannot be one; skipping them leaves ciphertexts, hashes and keys.
 */
function looksRandom(window: Uint8Array): boolean {
  return new Set(window).size >= 20; // 32 random bytes have ~30; fewer than 20: odds below 1e-7
}

/** How many candidate keys in `bytes` open one of the targets (as master, group or request key). */
function openingKeys(bytes: Buffer, t: Targets): number {
  const candidates: Uint8Array[] = [];
  for (let i = 0; i + 32 <= bytes.length; i += 1) {
    const window = bytes.subarray(i, i + 32);
    if (looksRandom(window)) candidates.push(window);
  }
  for (const token of bytes.toString('latin1').match(/[A-Za-z0-9+/]{43}=/g) ?? []) candidates.push(Buffer.from(token, 'base64'));
  let found = 0;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0; // libsodium throws on every failed open: make the misses cheap
  try {
    for (const candidate of candidates) {
      const checkKey = sodium.crypto_kdf_derive_from_key(32, 4, 'parloir1', candidate);
      if (tryOpen(checkKey, 'meta.key_check', t.keyCheck) || tryOpen(candidate, t.chat.ad, t.chat.sealed) || tryOpen(candidate, t.place.ad, t.place.sealed)) {
        found += 1;
      }
    }
  } finally {
    Error.stackTraceLimit = limit;
  }
  return found;
}

async function scenario(h: Harness): Promise<Targets> {
  await h.link('samira-uuid-11111111');
  await h.local.say('samira-uuid-11111111', '/visite 01/12 14h30 places 2 depuis gare de Calais-Fréthun QX-4711');
  await h.local.say('samira-uuid-11111111', '/colis vendredi pull taille M');
  await h.local.say('samira-uuid-11111111', '/avocat 48h QX-4711 OQTF notifiée ce matin');
  await h.local.say('alexandre-uuid-22222222', '/prendre 1');
  await h.local.say('noor-uuid-33333333', '/rejoindre 1');
  await h.local.say('alexandre-uuid-22222222', '/liste');
  await h.settle();
  const db = h.store.db;
  const group = h.store.groups.findByChat(h.local.chat)!;
  return {
    keyCheck: db.prepare("SELECT value FROM meta WHERE key = 'key_check'").pluck().get() as Uint8Array,
    chat: { ad: `groups.chat_enc:${group.id}`, sealed: db.prepare('SELECT chat_enc FROM groups WHERE id = ?').pluck().get(group.id) as Uint8Array },
    place: {
      ad: `requests.place_enc:${group.id}:1`,
      sealed: db.prepare('SELECT place_enc FROM requests WHERE group_id = ? AND number = 1').pluck().get(group.id) as Uint8Array,
    },
  };
}

describe('a seized disk with a sealed key', () => {
  const undo: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const step of undo.splice(0).reverse()) await step();
  });

  it('holds no key material that opens anything without the passphrase', async () => {
    await sodium.ready;
    const temp = tempDir();
    undo.push(temp.cleanup);
    const master = new Uint8Array(randomBytes(32));
    const keyFile = join(temp.dir, 'parloir.key');
    writeSecretFile(keyFile, await sealMasterKey(master, 'invented passphrase for tests', CHEAP));
    const h = await startHarness({ dir: temp.dir, key: master, local: new LocalTransport('groupe-secret-33333333') });
    undo.push(() => h.close());
    const targets = await scenario(h);
    // The targets are real: the right keys open them.
    expect(tryOpen(sodium.crypto_kdf_derive_from_key(32, 4, 'parloir1', master), 'meta.key_check', targets.keyCheck)).toBe(true);

    const files = rawBytes(h.dbPath, keyFile);
    expect(files.length).toBeGreaterThan(10_000);
    expect(readFileSync(keyFile, 'utf8')).not.toContain(Buffer.from(master).toString('base64'));
    expect(openingKeys(files, targets)).toBe(0);
  }, 60_000);

  it('(control) the same scan finds the key next to an unsealed key file', async () => {
    await sodium.ready;
    const temp = tempDir();
    undo.push(temp.cleanup);
    const keyFile = join(temp.dir, 'parloir.key');
    writeKeyFile(keyFile);
    const master = new Uint8Array(Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64'));
    const h = await startHarness({ dir: temp.dir, key: master });
    undo.push(() => h.close());
    const targets = await scenario(h);
    expect(openingKeys(rawBytes(h.dbPath, keyFile), targets)).toBeGreaterThan(0);
  }, 60_000);
});
