// Shared test setup: a real SQLite file in a temp folder, real libsodium, the real service
// wired to the in-process local transport, and a manual clock.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { LocalTransport } from '../../bots/local/local-transport.js';
import { type Centre, CentreDirectory } from '../../src/core/centres.js';
import { ManualClock } from '../../src/core/clock.js';
import type { Limits } from '../../src/core/limits.js';
import type { Transport } from '../../src/core/transport.js';
import { memoryLogger } from '../../src/logger.js';
import type { IdentityVerifier } from '../../src/engine/identity.js';
import { startService, type Service } from '../../src/service.js';
import { openStore, type Store } from '../../src/store/store.js';

export const TEST_CENTRE: Centre = {
  id: 'test-centre',
  name: 'CRA de Test',
  country: 'FR',
  timezone: 'Europe/Paris',
  jurisdiction: 'fr',
  card: {
    allowed_items: { value: 'Vêtements, tabac fermé', source: 'test', lastChecked: '2026-11-23' },
    visiting_hours: { value: 'Tous les jours 9h–18h', source: 'test', lastChecked: '2026-11-23' },
  },
};

/** A centre whose card has every fact, visiting windows included (posts and reminders show them). */
export const CARD_CENTRE: Centre = {
  id: 'card-centre',
  name: 'CRA de la Fiche',
  country: 'FR',
  timezone: 'Europe/Paris',
  jurisdiction: 'fr',
  card: {
    address: { value: '1, rue de l’Essai, 00000 Testville', source: 'test', lastChecked: '2026-11-23' },
    visiting_hours: {
      value: 'Tous les jours 9h–11h30 et 13h30–18h',
      source: 'test',
      lastChecked: '2026-11-23',
      windows: [
        { from: 540, to: 690 },
        { from: 810, to: 1080 },
      ],
    },
    visitor_id: { value: 'Pièce d’identité ou passeport', source: 'test', lastChecked: '2026-11-23' },
    allowed_items: { value: 'Vêtements, tabac fermé', source: 'test', lastChecked: '2026-11-23' },
  },
};

export const centres = new CentreDirectory([
  TEST_CENTRE,
  { ...TEST_CENTRE, id: 'other-centre', name: 'Centre fermé de Test', timezone: 'Europe/Brussels', jurisdiction: 'be' },
  CARD_CENTRE,
]);

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'parloir-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const parisTime = (iso: string): number => DateTime.fromISO(iso, { zone: 'Europe/Paris' }).toMillis();

export interface Harness {
  readonly store: Store;
  readonly service: Service;
  readonly clock: ManualClock;
  readonly local: LocalTransport;
  readonly logs: string[];
  readonly dbPath: string;
  readonly key: Uint8Array;
  /** Sends everything due in the outbox. */
  settle(): Promise<number>;
  /** Links the local group to the test centre as `member` (via a real invite code). */
  link(member?: string, centreId?: string): Promise<void>;
  /** The bot's messages in the group chats (not its direct messages), as text. */
  botTexts(): string[];
  close(): Promise<void>;
}

export async function startHarness(
  options: {
    dir?: string;
    key?: Uint8Array;
    now?: number;
    transports?: Transport[];
    local?: LocalTransport;
    reminders?: number[];
    verifyIdentity?: IdentityVerifier;
    /** Another set of centres (e.g. the real config/centres.yaml); default: the test centres. */
    centres?: CentreDirectory;
    limits?: Limits;
    /** A clock shared with transports or fakes that pace by time (created here when absent). */
    clock?: ManualClock;
  } = {},
): Promise<Harness> {
  const temp = options.dir ? undefined : tempDir();
  const dir = options.dir ?? temp!.dir;
  const key = options.key ?? new Uint8Array(randomBytes(32));
  const dbPath = join(dir, 'parloir.db');
  const clock = options.clock ?? new ManualClock(options.now ?? parisTime('2026-11-23T10:00'));
  const store = await openStore({ path: dbPath, masterKey: key });
  const local = options.local ?? new LocalTransport('test-group');
  const logger = memoryLogger();
  const service = await startService({
    store,
    centres: options.centres ?? centres,
    transports: [local, ...(options.transports ?? [])],
    clock,
    logger,
    lang: 'fr',
    retentionDays: 30,
    reminders: options.reminders ?? [86_400_000, 7_200_000],
    ...(options.verifyIdentity ? { verifyIdentity: options.verifyIdentity } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    outboxPollMs: 60_000,
  });
  // tests drive the outbox and the scheduler by hand, deterministically
  await service.drainer.stop();
  service.scheduler.stop();
  const settle = () => service.drainer.drainDue();
  return {
    store,
    service,
    clock,
    local,
    logs: logger.lines,
    dbPath,
    key,
    settle,
    async link(member = 'sam', centreId = TEST_CENTRE.id) {
      const { code } = store.write(() => store.invites.create(centreId, clock.now()));
      await local.say(member, `/lier ${code}`);
      await settle();
    },
    botTexts: () => local.messages.filter((m) => m.from === 'bot' && (m.to === local.chat || m.to.endsWith('group'))).map((m) => m.text),
    async close() {
      await service.stop();
      store.close();
      temp?.cleanup();
    },
  };
}

/** The last message the bot sent, as text. */
export function lastBot(h: Harness): string {
  return h.botTexts().at(-1) ?? '';
}

/** Outbox lanes of `transport` whose head is due now: how many sends the next drain pass will attempt. */
export function dueLanes(h: Harness, transport: string): number {
  const seen = new Set<string>();
  let due = 0;
  for (const head of h.store.outbox.pendingHeads(h.clock.now(), 500)) {
    const lane = `${head.transport}:${head.recipient}`;
    if (seen.has(lane)) continue;
    seen.add(lane);
    if (head.due && head.transport === transport) due += 1;
  }
  return due;
}
