// Section 2: the store at scale. 100 000 requests across 200 groups, then /list and claims
// through the real event handler (parse, transaction, decryption, rendering, outbox row).

import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ManualClock } from '../../src/core/clock.js';
import type { Group } from '../../src/core/domain.js';
import type { InboundEvent } from '../../src/core/transport.js';
import { Parloir } from '../../src/engine/parloir.js';
import { silentLogger } from '../../src/logger.js';
import { DEFAULT_PLAN } from '../../src/scheduler/plan.js';
import { benchCentres, benchStore, loadRequests, memberOf } from './fixtures.js';
import { fmt, type Row, summarize, timed } from './measure.js';

export async function storeAtScale(options: { requests: number; groups: number; samples: number }): Promise<Row[]> {
  const db = await benchStore();
  const clock = new ManualClock(Date.parse('2026-11-23T09:00:00Z'));
  const load = await timed(() => loadRequests(db.store, options.groups, options.requests, clock.now()));
  const groups: Group[] = load.value;
  const parloir = new Parloir({
    store: db.store,
    centres: benchCentres,
    clock,
    logger: silentLogger,
    defaultLang: 'fr',
    plan: { ...DEFAULT_PLAN, leads: [86_400_000, 7_200_000] },
  });
  let seq = 0;
  const message = (g: number, member: number, text: string): InboundEvent => ({
    kind: 'message',
    dedupeKey: `bench:${seq++}`,
    transport: 'local',
    chat: groups[g]!.chat,
    chatKind: 'group',
    sender: memberOf(g, member),
    messageRef: `m${seq}` as never,
    text,
  });

  const list: number[] = [];
  for (let i = 0; i < options.samples; i++) {
    const g = i % groups.length;
    list.push((await timed(() => parloir.handle(message(g, i % 10, '/liste')))).ms);
  }
  const claims: number[] = [];
  for (let i = 0; i < options.samples; i++) {
    const g = i % groups.length;
    const open = db.store.requests.active(groups[g]!.id).find((r) => r.state === 'open');
    if (!open) continue;
    claims.push((await timed(() => parloir.handle(message(g, (i + 3) % 10, `/prendre ${open.number}`)))).ms);
  }
  db.store.db.pragma('wal_checkpoint(TRUNCATE)');
  const bytes = statSync(db.path).size;
  const rss = serviceRss(db.path, db.key, groups.length);
  const l = summarize(list);
  const c = summarize(claims);
  const activePerGroup = db.store.requests.active(groups[0]!.id).length;
  db.store.close();
  db.cleanup();
  const n = options.requests.toLocaleString('en');
  return [
    { section: '2 Store', measure: `load ${n} requests (encrypted, batches of 2 000)`, value: `${fmt(load.ms / 1000)} s`, note: `${fmt((options.requests / load.ms) * 1000)} requests/s` },
    {
      section: '2 Store',
      measure: `/list p50 / p99 (${n} stored, ~${activePerGroup} active per group)`,
      value: `${fmt(l.p50)} / ${fmt(l.p99)} ms`,
      target: 'p99 ≤ 5 ms',
      met: l.p99 <= 5,
    },
    { section: '2 Store', measure: 'claim p50 / p99', value: `${fmt(c.p50)} / ${fmt(c.p99)} ms` },
    { section: '2 Store', measure: 'database size per 10 000 requests', value: `${fmt(bytes / 2 ** 20 / (options.requests / 10_000))} MiB` },
    {
      section: '2 Store',
      measure: 'RSS of a process serving that database (/list in every group)',
      value: `${fmt(rss)} MiB`,
      target: '≤ 120 MB',
      met: rss * 1.048576 <= 120,
      note: 'measured in a fresh process running the compiled code',
    },
  ];
}

/** RSS (MiB) of a fresh process that opens the database and answers /list in every group. */
function serviceRss(path: string, key: Uint8Array, groups: number): number {
  const probe = join(import.meta.dirname, 'rss-probe.mjs');
  const out = execFileSync(process.execPath, [probe, path, Buffer.from(key).toString('hex'), String(groups)], { encoding: 'utf8' });
  return (JSON.parse(out) as { rss: number }).rss / 2 ** 20;
}
