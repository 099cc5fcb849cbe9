// Bot posts of requests, found again by the transport's message id when someone replies or
// reacts. The id itself is kept sealed (edits need it) and indexed blind. Other bot messages
// about a request (a confirmation, "give it back?") are kept too, so a reply to any of them
// acts on the request; their kind travels sealed with the id, and only posts are edited.

import type { ChatAddress, GroupId, MessageRef } from '../core/ids.js';
import type { Db } from './database.js';
import type { Keyring } from './keyring.js';
import type { Vault } from './vault.js';

/** A request's post, another message about it, or the question "give it back?". */
export type PostRole = 'post' | 'about' | 'release-ask';

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
    this.find = db.prepare('SELECT number, message_bidx, message_enc FROM posts WHERE group_id = ? AND message_bidx = ?');
    this.latest = db.prepare(
      'SELECT message_bidx, message_enc FROM posts WHERE group_id = ? AND chat_bidx = ? AND number = ? ORDER BY created_at DESC, rowid DESC LIMIT 50',
    );
  }

  record(group: GroupId, chat: ChatAddress, ref: MessageRef, number: number, now: number, role: PostRole = 'post'): void {
    const bidx = this.bidx(group, chat, ref);
    // A post's id is sealed alone (as before); other messages carry their kind with it.
    const payload = role === 'post' ? ref : JSON.stringify({ ref, role });
    const sealed = this.vault.seal(this.keys.keyFor(group), this.ad(group, bidx), payload);
    this.insert.run(group, bidx, number, sealed, now, this.vault.blindIndex('chat', chat));
  }

  /** The request number a bot message in `chat` is about, if it is about one. */
  requestOf(group: GroupId, chat: ChatAddress, ref: MessageRef): number | undefined {
    return this.about(group, chat, ref)?.number;
  }

  /** The request a bot message in `chat` is about, and what kind of message it was. */
  about(group: GroupId, chat: ChatAddress, ref: MessageRef): { number: number; role: PostRole } | undefined {
    const row = this.find.get(group, this.bidx(group, chat, ref)) as { number: number; message_bidx: Uint8Array; message_enc: Uint8Array } | undefined;
    if (!row) return undefined;
    return { number: row.number, role: this.opened(group, row).role };
  }

  /** The most recent post of a request in `chat` (to edit it in place, or quote it). */
  latestPost(group: GroupId, chat: ChatAddress, number: number): MessageRef | undefined {
    const rows = this.latest.all(group, this.vault.blindIndex('chat', chat), number) as { message_bidx: Uint8Array; message_enc: Uint8Array }[];
    for (const row of rows) {
      const opened = this.opened(group, row);
      if (opened.role === 'post') return opened.ref;
    }
    return undefined;
  }

  private opened(group: GroupId, row: { message_bidx: Uint8Array; message_enc: Uint8Array }): { ref: MessageRef; role: PostRole } {
    const text = this.vault.open(this.keys.keyFor(group), this.ad(group, row.message_bidx), row.message_enc);
    if (!text.startsWith('{')) return { ref: text as MessageRef, role: 'post' };
    const parsed = JSON.parse(text) as { ref: string; role: PostRole };
    return { ref: parsed.ref as MessageRef, role: parsed.role };
  }

  private bidx(group: GroupId, chat: ChatAddress, ref: MessageRef): Uint8Array {
    return this.vault.blindIndex('message', `${group}:${chat}:${ref}`);
  }

  private ad(group: GroupId, bidx: Uint8Array): string {
    return `posts.message_enc:${group}:${Buffer.from(bidx).toString('hex')}`;
  }
}
