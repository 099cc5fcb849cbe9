// Run in its own process by section 1: the service as production runs it (compiled dist/, no
// TypeScript loader), wired like main.ts: store, core, outbox and the Signal adapter pointed at
// the fake. Creates one invite code per group, then answers the benchmark's questions about
// its CPU time and memory until told to stop.
// Usage (forked by end-to-end.ts): e2e-service.mjs <api url> <normal|json-rpc> <groups> <encrypted|plaintext>

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { createSignalTransport } from '../../dist/bots/signal/signal-transport.js';
import { CentreDirectory } from '../../dist/src/core/centres.js';
import { systemClock } from '../../dist/src/core/clock.js';
import { jsonLogger } from '../../dist/src/logger.js';
import { startService } from '../../dist/src/service.js';
import { openStore } from '../../dist/src/store/store.js';

const [apiUrl, receiveMode, groupsText, fields] = process.argv.slice(2);
const centres = new CentreDirectory([
  { id: 'bench', name: 'CRA de Banc d’essai', country: 'FR', timezone: 'Europe/Paris', jurisdiction: 'fr', card: { allowed_items: { value: 'Vêtements, tabac fermé', source: 'bench', lastChecked: '2026-11-23' } } },
]);
const dir = mkdtempSync(join(tmpdir(), 'parloir-e2e-'));
const store = await openStore({ path: join(dir, 'bench.db'), masterKey: new Uint8Array(randomBytes(32)), benchOnlyPlaintext: fields === 'plaintext' });
// Log lines are built as in production (JSON at info level) but written nowhere.
const logger = jsonLogger('info', () => undefined);
const transport = createSignalTransport({ apiUrl, number: '+33600000099', receiveMode }, { logger });
const service = await startService({ store, centres, transports: [transport], clock: systemClock, logger, lang: 'fr', retentionDays: 30, reminders: [86_400_000, 7_200_000] });
const codes = store.write(() => Array.from({ length: Number(groupsText) }, () => store.invites.create('bench', Date.now()).code));

process.on('message', (message) => {
  if (message.type === 'usage') {
    const cpu = process.cpuUsage();
    const memory = process.memoryUsage();
    process.send({ type: 'usage', cpuMicros: cpu.user + cpu.system, rss: memory.rss, heapUsed: memory.heapUsed });
  } else if (message.type === 'stop') {
    void service.stop().then(() => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
      process.send({ type: 'stopped' });
      process.disconnect();
    });
  }
});
process.send({ type: 'started', codes });
