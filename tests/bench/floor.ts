// What the hardware allows, measured in the same run: raw better-sqlite3 single-row
// transactions and libsodium encryption, so every other figure can be read as a fraction.

import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import sodium from 'libsodium-wrappers-sumo';
import { fmt, type Row, timed } from './measure.js';

export interface Floor {
  readonly insertsPerSecond: number;
  readonly encryptsPerSecond: number;
}

export async function measureFloor(dir: string, n: number): Promise<{ floor: Floor; rows: Row[] }> {
  const db = new Database(join(dir, 'floor.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, a BLOB NOT NULL, b INTEGER NOT NULL) STRICT');
  const insert = db.prepare('INSERT INTO t (a, b) VALUES (?, ?)');
  const one = db.transaction((a: Buffer, b: number) => insert.run(a, b));
  const payload = randomBytes(64);
  const inserts = await timed(() => {
    for (let i = 0; i < n; i++) one(payload, i);
  });
  db.close();

  await sodium.ready;
  const key = randomBytes(32);
  const text = 'pull taille M, chaussettes, tabac, téléphone sans caméra';
  const encrypts = await timed(() => {
    for (let i = 0; i < n * 4; i++) {
      sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(text, 'requests.items_enc:1:1', null, randomBytes(24), key);
    }
  });
  const floor = { insertsPerSecond: (n / inserts.ms) * 1000, encryptsPerSecond: ((n * 4) / encrypts.ms) * 1000 };
  return {
    floor,
    rows: [
      { section: '5 Floor', measure: 'raw SQLite single-row transactions', value: `${fmt(floor.insertsPerSecond)}/s` },
      { section: '5 Floor', measure: 'libsodium XChaCha20-Poly1305 encryptions (60 B)', value: `${fmt(floor.encryptsPerSecond)}/s` },
    ],
  };
}
