// Bot posts of requests, found again by the transport's message id when someone replies or
// reacts. The id itself is kept sealed (edits need it) and indexed blind.

import type { ChatAddress, GroupId, MessageRef } from '../core/ids.js';
import type { Db } from './database.js';
import type { Keyring } from './keyring.js';
import type { Vault } from './vault.js';

export class PostRepository {
  private readonly insert;
  private readonly find;
  private readonly latest;

  constructor(
    db: Db,
    private readonly vault: Vault,
    private readonly keys: Keyring,
  ) {
    this.insert = db.prepare(
      'INSERT OR IGNORE INTO posts (group_id, message_bidx, number, message_enc, created_at, chat_bidx) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.find = db.prepare('SELECT number FROM posts WHERE group_id = ? AND message_bidx = ?').pluck();
    this.latest = db.prepare(
      'SELECT message_bidx, message_enc FROM posts WHERE group_id = ? AND chat_bidx = ? AND number = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
    );
  }

  record(group: GroupId, chat: ChatAddress, ref: MessageRef, number: number, now: number): void {
    const bidx = this.bidx(group, chat, ref);
    const sealed = this.vault.seal(this.keys.keyFor(group), this.ad(group, bidx), ref);
    this.insert.run(group, bidx, number, sealed, now, this.vault.blindIndex('chat', chat));
  }

  /** The request number a bot post in `chat` belongs to, if the message is one. */
  requestOf(group: GroupId, chat: ChatAddress, ref: MessageRef): number | undefined {
    return this.find.get(group, this.bidx(group, chat, ref)) as number | undefined;
  }

  /** The most recent post of a request in `chat` (to edit it in place, or quote it). */
  latestPost(group: GroupId, chat: ChatAddress, number: number): MessageRef | undefined {
    const row = this.latest.get(group, this.vault.blindIndex('chat', chat), number) as
      | { message_bidx: Uint8Array; message_enc: Uint8Array }
      | undefined;
    if (!row) return undefined;
    return this.vault.open(this.keys.keyFor(group), this.ad(group, row.message_bidx), row.message_enc) as MessageRef;
  }

  private bidx(group: GroupId, chat: ChatAddress, ref: MessageRef): Uint8Array {
    return this.vault.blindIndex('message', `${group}:${chat}:${ref}`);
  }

  private ad(group: GroupId, bidx: Uint8Array): string {
    return `posts.message_enc:${group}:${Buffer.from(bidx).toString('hex')}`;
  }
}
