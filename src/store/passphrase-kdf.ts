// Argon2id (libsodium crypto_pwhash) run in a short-lived worker thread. Two reasons: the
// WebAssembly heap libsodium grows for the hash (128 MiB) can never shrink inside a thread, so
// the long-running service would keep it for its whole life; and the event loop (the control
// socket) stays responsive while a guess is being checked. The worker's memory goes when it ends.

import { Worker } from 'node:worker_threads';

/** The cost of one passphrase check: see docs/benchmarks.md and SECURITY.md for the choice. */
export const PASSPHRASE_COST = { opslimit: 3, memlimit: 128 * 1024 * 1024 } as const;
export const SALT_BYTES = 16; // crypto_pwhash_SALTBYTES

// Plain JavaScript: an eval'd worker runs no TypeScript, and this text is the same from src/ and dist/.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.sodiumUrl).then(async ({ default: sodium }) => {
  await sodium.ready;
  const key = sodium.crypto_pwhash(32, workerData.passphrase, workerData.salt, workerData.opslimit, workerData.memlimit,
    sodium.crypto_pwhash_ALG_ARGON2ID13);
  parentPort.postMessage(key);
}).catch((error) => parentPort.postMessage({ error: String(error && error.message || error) }));
`;

export interface PassphraseCost {
  readonly opslimit: number;
  readonly memlimit: number;
}

/** 32 bytes derived from the passphrase with Argon2id13 at `cost`. */
export async function deriveFromPassphrase(passphrase: string, salt: Uint8Array, cost: PassphraseCost): Promise<Uint8Array> {
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { sodiumUrl: import.meta.resolve('libsodium-wrappers-sumo'), passphrase, salt, ...cost },
  });
  try {
    const result = await new Promise<unknown>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the passphrase worker stopped (${code}) (code KDF_FAILED)`)));
    });
    if (result instanceof Uint8Array && result.length === 32) return result;
    throw new Error('the passphrase could not be hashed (code KDF_FAILED)');
  } finally {
    await worker.terminate();
  }
}
