// Invented data at volume for the benchmark: groups, members and requests with realistic
// field sizes, loaded through the real (encrypting) repositories.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CentreDirectory } from '../../src/core/centres.js';
import type { Group, RequestKind } from '../../src/core/domain.js';
import { chatAddress, memberAddress } from '../../src/core/ids.js';
import { openStore, type Store } from '../../src/store/store.js';

export const benchCentres = new CentreDirectory([
  {
    id: 'bench',
    name: 'CRA de Banc d’essai',
    country: 'FR',
    timezone: 'Europe/Paris',
    jurisdiction: 'fr',
    card: { allowed_items: { value: 'Vêtements, tabac fermé, téléphone sans appareil photo', source: 'bench', lastChecked: '2026-11-23' } },
  },
]);

export interface BenchDb {
  readonly store: Store;
  readonly dir: string;
  readonly path: string;
  readonly key: Uint8Array;
  cleanup(): void;
}

export async function benchStore(options: { plaintext?: boolean } = {}): Promise<BenchDb> {
  const dir = mkdtempSync(join(tmpdir(), 'parloir-bench-'));
  const path = join(dir, 'bench.db');
  const key = new Uint8Array(randomBytes(32));
  const store = await openStore({ path, masterKey: key, benchOnlyPlaintext: options.plaintext === true });
  return { store, dir, path, key, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const memberOf = (group: number, i: number) => memberAddress('local', `g${group}-member-${i}`);

/**
 * `groups` linked groups with 10 members each and `requests` requests spread over them. Most
 * requests are closed (as in a real group after months of use); `activeShare` stay open or taken.
 */
export function loadRequests(store: Store, groups: number, requests: number, now: number, activeShare = 0.05): Group[] {
  const linked: Group[] = [];
  store.write(() => {
    for (let g = 0; g < groups; g++) {
      const group = store.groups.link(chatAddress('local', `bench-group-${g}`), 'bench', 'fr', now);
      linked.push(group);
      for (let m = 0; m < 10; m++) store.members.touch(group.id, memberOf(g, m), `Bénévole ${m}`, now, m === 0 ? 'coordinator' : 'member');
    }
  });
  const kinds: RequestKind[] = ['visit', 'package', 'lawyer'];
  const perGroup = Math.ceil(requests / groups);
  const BATCH = 2_000;
  for (let start = 0; start < requests; start += BATCH) {
    store.write(() => {
      for (let i = start; i < Math.min(requests, start + BATCH); i++) {
        const g = i % groups;
        const group = linked[g]!;
        const kind = kinds[i % 3]!;
        const number = store.groups.takeRequestNumber(group.id);
        const requester = store.members.keyOf(group.id, memberOf(g, i % 10));
        const dueAt = now + ((i % 30) + 1) * 86_400_000;
        store.requests.create(
          group.id,
          number,
          {
            kind,
            dueAt,
            seats: kind === 'visit' ? 2 : 0,
            ...(kind === 'visit' ? { place: 'parking de la gare, sortie nord' } : {}),
            ...(kind === 'package' ? { items: 'pull taille M, chaussettes, tabac, téléphone sans caméra' } : {}),
            detainee: `R-${i % 997}`,
            note: 'rendez-vous devant l’entrée, prendre une pièce d’identité',
          },
          requester,
          now,
        );
        const active = Math.floor(i / groups) >= perGroup * (1 - activeShare); // the newest stay active
        if (!active) store.requests.close(group.id, number, 'done', now);
      }
    });
  }
  return linked;
}
