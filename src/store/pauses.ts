// Which linked groups are paused: the bot is no longer in their chat, so nothing is posted
// there and their reminders are off until it is back.

import type { GroupId } from '../core/ids.js';
import type { Db } from './database.js';

export class PauseRepository {
  private readonly insert;
  private readonly remove;
  private readonly select;
  private readonly since;
  private readonly warn;

  constructor(db: Db) {
    this.insert = db.prepare('INSERT OR IGNORE INTO group_pauses (group_id, paused_at) VALUES (?, ?)');
    this.remove = db.prepare('DELETE FROM group_pauses WHERE group_id = ?');
    this.select = db.prepare('SELECT 1 FROM group_pauses WHERE group_id = ?').pluck();
    this.since = db.prepare('SELECT group_id AS "group", paused_at AS pausedAt, warned_at AS warnedAt FROM group_pauses WHERE paused_at <= ? ORDER BY paused_at');
    this.warn = db.prepare('UPDATE group_pauses SET warned_at = ? WHERE group_id = ? AND warned_at IS NULL');
  }

  /** Groups paused at or before `before`, oldest first. */
  pausedBefore(before: number): { group: GroupId; pausedAt: number; warnedAt: number | null }[] {
    return this.since.all(before) as { group: GroupId; pausedAt: number; warnedAt: number | null }[];
  }

  /** True the first time: the group's coordinators were not warned yet of its coming deletion. */
  markWarned(group: GroupId, now: number): boolean {
    return this.warn.run(now, group).changes === 1;
  }

  /** True if the group was not paused before. */
  pause(group: GroupId, now: number): boolean {
    return this.insert.run(group, now).changes > 0;
  }

  /** True if the group was paused. */
  resume(group: GroupId): boolean {
    return this.remove.run(group).changes > 0;
  }

  isPaused(group: GroupId): boolean {
    return this.select.get(group) !== undefined;
  }
}
