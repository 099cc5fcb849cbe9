// Two processes (worker threads with their own SQLite connections) claim the same request at
// the same moment: exactly one wins.

import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { chatAddress, memberAddress } from '../../src/core/ids.js';
import { openStore } from '../../src/store/store.js';
import { tempDir } from '../support/harness.js';

const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require('better-sqlite3');
const db = new Database(workerData.path);
db.pragma('busy_timeout = 10000');
const claim = db.prepare("UPDATE requests SET state = 'claimed', claimer_bidx = ?, updated_at = ? WHERE group_id = ? AND number = ? AND state = 'open'");
const shared = new Int32Array(workerData.barrier);
Atomics.add(shared, 0, 1);
while (Atomics.load(shared, 0) < workerData.count) {} // everyone starts together
let won = 0;
for (let n = 1; n <= workerData.requests; n++) {
  won += db.transaction(() => claim.run(Buffer.from(workerData.member, 'hex'), Date.now(), workerData.group, n).changes).immediate();
}
db.close();
parentPort.postMessage(won);
`;

describe('concurrent claims', () => {
  let cleanup: () => void = () => {};
  afterEach(() => cleanup());

  it('exactly one of several racing claimers wins each request', async () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const path = join(temp.dir, 'p.db');
    const store = await openStore({ path, masterKey: new Uint8Array(randomBytes(32)) });
    const group = store.write(() => store.groups.link(chatAddress('local', 'g'), 'c', 'fr', 1));
    const requester = store.members.keyOf(group.id, memberAddress('local', 'req'));
    const requests = 200;
    store.write(() => {
      for (let n = 1; n <= requests; n++) {
        store.requests.create(group.id, store.groups.takeRequestNumber(group.id), { kind: 'visit', dueAt: 1e13, seats: 0 }, requester, 1);
      }
    });
    const members = ['a', 'b', 'c', 'd'].map((m) => store.members.keyOf(group.id, memberAddress('local', m)));
    const barrier = new SharedArrayBuffer(4);
    const wins = await Promise.all(
      members.map(
        (member) =>
          new Promise<number>((resolve, reject) => {
            const worker = new Worker(WORKER, {
              eval: true,
              workerData: { path, group: group.id, member, requests, barrier, count: members.length },
            });
            worker.once('message', resolve);
            worker.once('error', reject);
          }),
      ),
    );
    expect(wins.reduce((a, b) => a + b, 0)).toBe(requests);
    const claimed = store.requests.active(group.id);
    expect(claimed.every((r) => r.state === 'claimed' && members.includes(r.claimer!))).toBe(true);
    store.close();
  });

  it('the claim engine tells the loser who won', async () => {
    const { startHarness, lastBot } = await import('../support/harness.js');
    const h = await startHarness();
    await h.link();
    await h.local.say('sam', '/visite demain 14h');
    await Promise.all([h.local.say('alex', '/prendre 1'), h.local.say('noor', '/prendre 1')]);
    await h.settle();
    // The winner's answer, the updated card (no edits on this transport), the loser's answer.
    const texts = h.botTexts().slice(-3).filter((t) => !t.startsWith('#1 Visite')).sort();
    expect(texts).toEqual(['Trop tard : Alex a déjà pris #1.', '✅ #1 : Alex conduit.'].sort());
    expect(lastBot(h)).toBeTruthy();
    await h.close();
  });
});
