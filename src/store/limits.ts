// What the limits against floods remember (#13): which chats outside any linked group were
// answered lately, and when each request's state was last shown to its group again.

import { type ChatAddress, type GroupId, groupId } from '../core/ids.js';
import type { Db } from './database.js';
import type { Vault } from './vault.js';

export interface HeldRepost {
  readonly group: GroupId;
  readonly number: number;
}

export class LimitRepository {
  private readonly answeredAt;
  private readonly answer;
  private readonly forgetQuiet;
  private readonly selectRepost;
  private readonly upsertShown;
  private readonly setDue;
  private readonly dueRows;
  private readonly nextDue;

  constructor(
    db: Db,
    private readonly vault: Vault,
  ) {
    this.answeredAt = db.prepare('SELECT answered_at FROM quiet_chats WHERE chat_bidx = ?').pluck();
    this.answer = db.prepare(
      'INSERT INTO quiet_chats (chat_bidx, answered_at) VALUES (?, ?) ON CONFLICT (chat_bidx) DO UPDATE SET answered_at = excluded.answered_at',
    );
    this.forgetQuiet = db.prepare('DELETE FROM quiet_chats WHERE answered_at < ?');
    this.selectRepost = db.prepare('SELECT posted_at, shown, due_at FROM reposts WHERE group_id = ? AND number = ?');
    this.upsertShown = db.prepare(
      `INSERT INTO reposts (group_id, number, posted_at, shown, due_at) VALUES (?, ?, ?, ?, NULL)
       ON CONFLICT (group_id, number) DO UPDATE SET posted_at = excluded.posted_at, shown = excluded.shown, due_at = NULL`,
    );
    // posted_at 0: the group was never shown the request again (only its first post).
    this.setDue = db.prepare(
      `INSERT INTO reposts (group_id, number, posted_at, shown, due_at) VALUES (@group, @number, 0, NULL, @due)
       ON CONFLICT (group_id, number) DO UPDATE SET due_at = CASE WHEN @due IS NULL THEN NULL ELSE COALESCE(reposts.due_at, @due) END`,
    );
    this.dueRows = db.prepare('SELECT group_id, number FROM reposts WHERE due_at IS NOT NULL AND due_at <= ? ORDER BY due_at LIMIT ?');
    this.nextDue = db.prepare('SELECT MIN(due_at) FROM reposts WHERE due_at IS NOT NULL').pluck();
  }

  /**
   * True (and remembered) when this chat outside any group was not answered within `quietMs`;
   * false means: say nothing this time. `about: 'link-code'` keeps a count of its own, so
   * answers to link codes do not spend the chat's other answer (nor the other way round).
   */
  mayAnswerStranger(chat: ChatAddress, now: number, quietMs: number, about: 'any' | 'link-code' = 'any'): boolean {
    const bidx = this.vault.blindIndex('chat', about === 'any' ? chat : `link-code:${chat}`);
    const last = this.answeredAt.get(bidx) as number | undefined;
    if (last !== undefined && now - last < quietMs) return false;
    this.answer.run(bidx, now);
    return true;
  }

  /** Forgets the chats answered before `before` (housekeeping); returns how many. */
  purgeQuietBefore(before: number): number {
    return this.forgetQuiet.run(before).changes;
  }

  /** When the group was last shown request `number` again, and whether a change waits to be shown. */
  repost(group: GroupId, number: number): { postedAt: number; shown?: Uint8Array; dueAt?: number } | undefined {
    const row = this.selectRepost.get(group, number) as { posted_at: number; shown: Uint8Array | null; due_at: number | null } | undefined;
    if (!row) return undefined;
    return { postedAt: row.posted_at, ...(row.shown ? { shown: row.shown } : {}), ...(row.due_at !== null ? { dueAt: row.due_at } : {}) };
  }

  /** The group was just shown the request in state `shown` (a fingerprint); nothing waits any more. */
  shown(group: GroupId, number: number, now: number, shown: Uint8Array): void {
    this.upsertShown.run(group, number, now, shown);
  }

  /**
   * A change held back: show the latest state at `dueAt`, or earlier if something already waits
   * (undefined: nothing to show after all).
   */
  hold(group: GroupId, number: number, dueAt: number | undefined): void {
    this.setDue.run({ group, number, due: dueAt ?? null });
  }

  /** Held-back changes whose time has come. */
  dueReposts(now: number, limit: number): HeldRepost[] {
    return (this.dueRows.all(now, limit) as { group_id: number; number: number }[]).map((r) => ({ group: groupId(r.group_id), number: r.number }));
  }

  nextRepostAt(): number | undefined {
    return (this.nextDue.get() as number | null) ?? undefined;
  }
}
