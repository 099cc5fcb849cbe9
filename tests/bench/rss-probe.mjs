// Run in its own process by the benchmark: opens a large database the way the service does
// (compiled code, no TypeScript loader), answers /list in every group, and reports its RSS.
// Usage: node tests/bench/rss-probe.mjs <db path> <key hex> <groups>

import { Buffer } from 'node:buffer';
import process from 'node:process';
import { CentreDirectory } from '../../dist/src/core/centres.js';
import { ManualClock } from '../../dist/src/core/clock.js';
import { chatAddress, memberAddress } from '../../dist/src/core/ids.js';
import { Parloir } from '../../dist/src/engine/parloir.js';
import { silentLogger } from '../../dist/src/logger.js';
import { DEFAULT_PLAN } from '../../dist/src/scheduler/plan.js';
import { openStore } from '../../dist/src/store/store.js';

const [path, keyHex, groupsText] = process.argv.slice(2);
const store = await openStore({ path, masterKey: new Uint8Array(Buffer.from(keyHex, 'hex')) });
const centres = new CentreDirectory([{ id: 'bench', name: 'CRA', country: 'FR', timezone: 'Europe/Paris', jurisdiction: 'fr', card: {} }]);
const parloir = new Parloir({ store, centres, clock: new ManualClock(Date.now()), logger: silentLogger, defaultLang: 'fr', plan: { ...DEFAULT_PLAN, leads: [86_400_000] } });
for (let g = 0; g < Number(groupsText); g++) {
  await parloir.handle({
    kind: 'message',
    dedupeKey: `probe:${g}`,
    transport: 'local',
    chat: chatAddress('local', `bench-group-${g}`),
    chatKind: 'group',
    sender: memberAddress('local', `g${g}-member-1`),
    messageRef: `p${g}`,
    text: '/liste',
  });
}
process.stdout.write(JSON.stringify({ rss: process.memoryUsage().rss }));
store.close();
