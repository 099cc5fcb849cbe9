// The store: one SQLite database, one vault, one repository per table.

import type { Db } from './database.js';
import { checkKey, openDatabase } from './database.js';
import { AlertRepository } from './alerts.js';
import { CaseRepository } from './cases.js';
import { CountRepository } from './counts.js';
import { FlightRepository } from './flights.js';
import { GroupRepository } from './groups.js';
import { InboxRepository } from './inbox.js';
import { InviteRepository } from './invites.js';
import { Keyring } from './keyring.js';
import { LimitRepository } from './limits.js';
import { rekeyMembersOnce } from './member-rekey.js';
import { MemberRepository } from './members.js';
import { OutboxRepository } from './outbox.js';
import { PostRepository } from './posts.js';
import { PromptRepository } from './prompts.js';
import { RequestRepository } from './requests.js';
import { ScheduleRepository } from './schedule.js';
import { TopicRepository } from './topics.js';
import { PauseRepository } from './pauses.js';
import { Vault } from './vault.js';

export interface StoreOptions {
  readonly path: string;
  readonly masterKey: Uint8Array;
  readonly synchronous?: 'normal' | 'full';
  /** Benchmark only: store fields unencrypted to measure the cost of encryption. */
  readonly benchOnlyPlaintext?: boolean;
  readonly now?: number;
}

export class Store {
  readonly groups: GroupRepository;
  readonly members: MemberRepository;
  readonly requests: RequestRepository;
  readonly posts: PostRepository;
  readonly inbox: InboxRepository;
  readonly invites: InviteRepository;
  readonly outbox: OutboxRepository;
  readonly alerts: AlertRepository;
  readonly schedule: ScheduleRepository;
  readonly prompts: PromptRepository;
  readonly topics: TopicRepository;
  readonly pauses: PauseRepository;
  /** Group keys and per-record sub-keys (for repositories that seal records of their own). */
  readonly keys: Keyring;
  readonly cases: CaseRepository;
  /** Counts for advocacy: no ids, no free text (#16). */
  readonly counts: CountRepository;
  /** Limits against floods: quiet strangers, held-back re-posts. */
  readonly limits: LimitRepository;
  readonly flights: FlightRepository;
  /** Member rows re-keyed to per-group hashes when this store was opened (0 once done). */
  readonly rekeyed: number;

  constructor(
    readonly db: Db,
    readonly vault: Vault,
    /** Migration versions applied when this store was opened. */
    readonly applied: readonly number[] = [],
  ) {
    const keys = new Keyring(db, vault);
    this.keys = keys;
    this.groups = new GroupRepository(db, vault, keys);
    this.members = new MemberRepository(db, vault, keys);
    this.requests = new RequestRepository(db, vault, keys);
    this.posts = new PostRepository(db, vault, keys);
    this.inbox = new InboxRepository(db, vault);
    this.invites = new InviteRepository(db, vault);
    this.outbox = new OutboxRepository(db, vault, keys);
    this.alerts = new AlertRepository(db);
    this.schedule = new ScheduleRepository(db);
    this.prompts = new PromptRepository(db, vault);
    this.cases = new CaseRepository(db, vault, keys);
    this.flights = new FlightRepository(db, vault, keys);
    this.topics = new TopicRepository(db);
    this.pauses = new PauseRepository(db);
    this.counts = new CountRepository(db);
    this.limits = new LimitRepository(db, vault);
    // A store made before per-group member hashes is re-keyed once, as soon as its key is known.
    this.rekeyed = rekeyMembersOnce({ db, vault, keys, cases: this.cases });
  }

  /** Runs `fn` in one write transaction (BEGIN IMMEDIATE: writers queue instead of failing late). */
  write<T>(fn: () => T): T {
    const result = this.db.transaction(fn).immediate();
    // A group shredded in this transaction must also leave the WAL.
    if (!this.db.inTransaction && this.keys.takeShredded()) this.checkpoint();
    return result;
  }

  /**
   * Copies the WAL into the database and truncates it to zero bytes, so frames holding deleted
   * rows or destroyed keys leave the disk's live files. Called after purges and at close.
   */
  checkpoint(): void {
    if (this.db.open && !this.db.inTransaction) this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  close(): void {
    if (!this.db.open) return;
    this.checkpoint();
    this.db.close();
  }
}

export async function openStore(options: StoreOptions): Promise<Store> {
  const vault = await Vault.create(options.masterKey, { benchOnlyPlaintext: options.benchOnlyPlaintext === true });
  const { db, applied } = openDatabase(options.path, vault, {
    ...(options.synchronous ? { synchronous: options.synchronous } : {}),
    ...(options.now !== undefined ? { now: options.now } : {}),
  });
  return new Store(db, vault, applied);
}

/**
 * The store of a database opened sealed (migrations applied, no key yet), once the master key
 * is known: the key is checked against the database before anything else is read.
 */
export async function unsealStore(db: Db, masterKey: Uint8Array, applied: readonly number[] = []): Promise<Store> {
  const vault = await Vault.create(masterKey);
  checkKey(db, vault);
  return new Store(db, vault, applied);
}
