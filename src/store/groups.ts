import type { Group } from '../core/domain.js';
import { type ChatAddress, type GroupId, groupId, splitAddress, type TransportName } from '../core/ids.js';
import type { Lang } from '../i18n/lang.js';
import type { Db } from './database.js';
import { groupKeyAd, type Keyring } from './keyring.js';
import type { Vault } from './vault.js';

interface GroupRow {
  id: number;
  transport: TransportName;
  chat_enc: Uint8Array;
  centre_id: string;
  lang: Lang;
  digest_at: string | null;
}

/** The digest time a newly linked group starts with (the column's default). */
const DEFAULT_DIGEST_AT = '09:00';
const chatAd = (id: number) => `groups.chat_enc:${id}`;

export class GroupRepository {
  private readonly byChat;
  private readonly byId;
  private readonly all;
  private readonly insert;
  private readonly nextId;
  private readonly updateLang;
  private readonly updateDigest;
  private readonly takeNumber;
  private readonly updateChat;
  private readonly remove;
  private readonly destroyKey;
  private readonly setWipe;
  private readonly getWipe;
  private readonly summary;
  private readonly setNetworkStmt;
  private readonly networkOf;
  private readonly networked;

  constructor(
    db: Db,
    private readonly vault: Vault,
    private readonly keys: Keyring,
  ) {
    const columns = 'id, transport, chat_enc, centre_id, lang, digest_at';
    this.byChat = db.prepare(`SELECT ${columns} FROM groups WHERE chat_bidx = ?`);
    this.byId = db.prepare(`SELECT ${columns} FROM groups WHERE id = ?`);
    this.all = db.prepare(`SELECT ${columns} FROM groups ORDER BY id`);
    this.nextId = db.prepare('SELECT COALESCE(MAX(id), 0) + 1 FROM groups').pluck();
    this.insert = db.prepare(
      'INSERT INTO groups (id, transport, chat_bidx, chat_enc, key_wrapped, centre_id, lang, linked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.updateLang = db.prepare('UPDATE groups SET lang = ? WHERE id = ?');
    this.updateDigest = db.prepare('UPDATE groups SET digest_at = ? WHERE id = ?');
    this.takeNumber = db.prepare('UPDATE groups SET next_number = next_number + 1 WHERE id = ? RETURNING next_number - 1').pluck();
    this.updateChat = db.prepare('UPDATE groups SET chat_bidx = ?, chat_enc = ? WHERE id = ?');
    this.remove = db.prepare('DELETE FROM groups WHERE id = ?');
    this.setWipe = db.prepare('UPDATE groups SET wipe_bidx = ?, wipe_until = ? WHERE id = ?');
    this.getWipe = db.prepare('SELECT wipe_bidx, wipe_until FROM groups WHERE id = ?');
    this.destroyKey = db.prepare("UPDATE groups SET key_wrapped = x'', chat_enc = x'' WHERE id = ?");
    this.setNetworkStmt = db.prepare('UPDATE groups SET network = ? WHERE id = ?');
    this.networkOf = db.prepare('SELECT network FROM groups WHERE id = ?').pluck();
    this.networked = db.prepare('SELECT id FROM groups WHERE network = 1 ORDER BY id').pluck();
    this.summary = db.prepare('SELECT id, transport, centre_id AS centreId, linked_at AS linkedAt FROM groups ORDER BY id');
  }

  findByChat(chat: ChatAddress): Group | undefined {
    const row = this.byChat.get(this.vault.blindIndex('chat', chat)) as GroupRow | undefined;
    return row ? this.toGroup(row, chat) : undefined;
  }

  get(id: GroupId): Group | undefined {
    const row = this.byId.get(id) as GroupRow | undefined;
    return row ? this.toGroup(row) : undefined;
  }

  list(): Group[] {
    return (this.all.all() as GroupRow[]).map((row) => this.toGroup(row));
  }

  /** What an operator may see of every group: no chat address, nothing sealed. */
  summaries(): { id: GroupId; transport: TransportName; centreId: string; linkedAt: number }[] {
    return this.summary.all() as { id: GroupId; transport: TransportName; centreId: string; linkedAt: number }[];
  }

  link(chat: ChatAddress, centreId: string, lang: Lang, now: number): Group {
    const id = this.nextId.get() as number;
    const { key, wrapped } = this.vault.newGroupKey(groupKeyAd(id));
    const transport = splitAddress(chat).transport;
    this.insert.run(id, transport, this.vault.blindIndex('chat', chat), this.vault.seal(key, chatAd(id), chat), wrapped, centreId, lang, now);
    this.keys.remember(groupId(id), key);
    return { id: groupId(id), transport, chat, centreId, lang, digestAt: DEFAULT_DIGEST_AT };
  }

  setLang(group: GroupId, lang: Lang): void {
    this.updateLang.run(lang, group);
  }

  setDigest(group: GroupId, at: string | undefined): void {
    this.updateDigest.run(at ?? null, group);
  }

  /** /network on|off: whether this group's coordinators receive the other groups' flight alerts. */
  setNetwork(group: GroupId, on: boolean): void {
    this.setNetworkStmt.run(on ? 1 : 0, group);
  }

  inNetwork(group: GroupId): boolean {
    return this.networkOf.get(group) === 1;
  }

  /** The groups that opted in to the network's alerts. */
  networkGroups(): GroupId[] {
    return (this.networked.all() as number[]).map((id) => groupId(id));
  }

  /** The next request number of this group (#1, #2, …), never reused. */
  takeRequestNumber(group: GroupId): number {
    return this.takeNumber.get(group) as number;
  }

  /** The chat got a new address (Telegram supergroup upgrade): the link and its data follow. */
  moveChat(group: GroupId, to: ChatAddress): void {
    const key = this.keys.keyFor(group);
    this.updateChat.run(this.vault.blindIndex('chat', to), this.vault.seal(key, chatAd(group), to), group);
  }

  /** Remembers the word a coordinator must repeat to wipe the group (only its blind index), until `until`. */
  askWipe(group: GroupId, word: string, until: number): void {
    this.setWipe.run(this.vault.blindIndex('wipe', `${group}:${word}`), until, group);
  }

  /** True when `word` is the word given for this group and it is still valid. */
  wipeConfirmed(group: GroupId, word: string, now: number): boolean {
    const row = this.getWipe.get(group) as { wipe_bidx: Uint8Array | null; wipe_until: number | null } | undefined;
    if (!row?.wipe_bidx || row.wipe_until === null || row.wipe_until < now) return false;
    return Buffer.from(row.wipe_bidx).equals(Buffer.from(this.vault.blindIndex('wipe', `${group}:${word}`)));
  }

  /**
   * Destroys the group's key (stored and in memory), then deletes the group, its requests,
   * members and pending messages. The caller's transaction is followed by a WAL checkpoint.
   */
  shred(group: GroupId): boolean {
    if (this.destroyKey.run(group).changes === 0) return false;
    this.keys.forget(group);
    this.remove.run(group);
    return true;
  }

  /** `knownChat` spares a decryption when the caller looked the group up by its chat. */
  private toGroup(row: GroupRow, knownChat?: ChatAddress): Group {
    const id = groupId(row.id);
    const chat = knownChat ?? (this.vault.open(this.keys.keyFor(id), chatAd(row.id), row.chat_enc) as ChatAddress);
    return {
      id,
      transport: row.transport,
      chat,
      centreId: row.centre_id,
      lang: row.lang,
      ...(row.digest_at ? { digestAt: row.digest_at } : {}),
    };
  }
}
