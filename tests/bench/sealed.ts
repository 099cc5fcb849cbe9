// Section 7: the sealed store. What an unlock costs (Argon2id at the cost Parloir uses, in its
// worker thread) and what it leaves in the service's memory; and that a store opened by unlock
// runs exactly as fast as one opened with a plain key (the same vault once the key is known).

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chatAddress, memberAddress } from '../../src/core/ids.js';
import { openDatabase } from '../../src/store/database.js';
import { PASSPHRASE_COST } from '../../src/store/passphrase-kdf.js';
import { parseSealedKey, sealMasterKey, unsealMasterKey } from '../../src/store/sealed-key.js';
import { openStore, type Store, unsealStore } from '../../src/store/store.js';
import { fmt, type Row, summarize, timed } from './measure.js';

const SECTION = '7 Sealed';
const UNLOCK_TARGET_MS = 2_000;
const PASSPHRASE = 'invented bench passphrase';

/** Requests created and read back per second (each with its own sub-key), in batches of 100. */
function requestThroughput(store: Store, count: number): number {
  const group = store.write(() => store.groups.link(chatAddress('local', `bench-sealed-${randomBytes(4).toString('hex')}`), 'bench', 'fr', Date.now()));
  const requester = store.members.keyOf(group.id, memberAddress('local', 'bench-member'));
  const start = process.hrtime.bigint();
  for (let done = 0; done < count; done += 100) {
    store.write(() => {
      for (let i = done; i < Math.min(count, done + 100); i += 1) {
        const n = store.groups.takeRequestNumber(group.id);
        store.requests.create(group.id, n, { kind: 'visit', dueAt: Date.now() + 86_400_000, seats: 2, place: 'gare de Banc d’essai', note: 'note inventée' }, requester, Date.now());
        store.requests.get(group.id, n);
      }
    });
  }
  return count / (Number(process.hrtime.bigint() - start) / 1e9);
}

export async function sealedStore(options: { unlocks: number; requests: number }): Promise<Row[]> {
  const master = new Uint8Array(randomBytes(32));
  const sealed = parseSealedKey(await sealMasterKey(master, PASSPHRASE))!;
  const rssBefore = process.memoryUsage().rss;
  const samples: number[] = [];
  for (let i = 0; i < options.unlocks; i += 1) samples.push((await timed(() => unsealMasterKey(sealed, PASSPHRASE))).ms);
  const rssGrowth = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
  const unlock = summarize(samples);

  const dir = mkdtempSync(join(tmpdir(), 'parloir-bench-sealed-'));
  try {
    const plain = await openStore({ path: join(dir, 'plain.db'), masterKey: master });
    const opened = openDatabase(join(dir, 'sealed.db'), undefined);
    const unsealed = await unsealStore(opened.db, await unsealMasterKey(sealed, PASSPHRASE), opened.applied);
    // Alternate to spread machine noise evenly over both.
    const rates = { plain: [] as number[], unsealed: [] as number[] };
    for (let round = 0; round < 3; round += 1) {
      rates.plain.push(requestThroughput(plain, options.requests));
      rates.unsealed.push(requestThroughput(unsealed, options.requests));
    }
    plain.close();
    unsealed.close();
    const best = (xs: number[]) => Math.max(...xs);
    const ratio = best(rates.unsealed) / best(rates.plain);
    return [
      {
        section: SECTION,
        measure: `unlock: Argon2id opslimit ${PASSPHRASE_COST.opslimit}, ${PASSPHRASE_COST.memlimit / 2 ** 20} MiB (p50 / max of ${options.unlocks})`,
        value: `${fmt(unlock.p50)} / ${fmt(unlock.max)} ms`,
        target: `≤ ${UNLOCK_TARGET_MS} ms`,
        met: unlock.max <= UNLOCK_TARGET_MS,
        note: 'in a worker thread, plus 2 s after a wrong passphrase',
      },
      { section: SECTION, measure: 'service RSS growth after the unlocks', value: `${fmt(rssGrowth, 1)} MiB`, note: 'the 128 MiB go with the worker' },
      { section: SECTION, measure: 'request create + read, store opened with a plain key', value: `${fmt(best(rates.plain), 0)} /s`, note: 'best of 3, per-request sub-keys' },
      {
        section: SECTION,
        measure: 'request create + read, store opened by unlock',
        value: `${fmt(best(rates.unsealed), 0)} /s`,
        target: '≥ 0.9 × plain',
        met: ratio >= 0.9,
        note: `ratio ${fmt(ratio)}`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
