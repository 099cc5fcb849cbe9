// Where in a chat things about a request go: the topic (Telegram forum topic) the request was
// made in, or the group's own topic for posts about no single request. Absent: the main thread.

import type { GroupId } from '../core/ids.js';
import type { Db } from './database.js';

/** The key under which the group's own topic is kept (request numbers start at 1). */
const GROUP = 0;

export class TopicRepository {
  private readonly upsert;
  private readonly clear;
  private readonly select;

  constructor(db: Db) {
    this.upsert = db.prepare(
      'INSERT INTO topics (group_id, number, topic) VALUES (?, ?, ?) ON CONFLICT (group_id, number) DO UPDATE SET topic = excluded.topic',
    );
    this.clear = db.prepare('DELETE FROM topics WHERE group_id = ? AND number = ?');
    this.select = db.prepare('SELECT topic FROM topics WHERE group_id = ? AND number = ?').pluck();
  }

  /** Request `number` was made in `topic` (undefined: in the main thread). */
  setForRequest(group: GroupId, number: number, topic: string | undefined): void {
    this.set(group, number, topic);
  }

  /** The group was linked, or its digest set, in `topic`. */
  setForGroup(group: GroupId, topic: string | undefined): void {
    this.set(group, GROUP, topic);
  }

  ofRequest(group: GroupId, number: number): string | undefined {
    return (this.select.get(group, number) as string | undefined) ?? undefined;
  }

  ofGroup(group: GroupId): string | undefined {
    return (this.select.get(group, GROUP) as string | undefined) ?? undefined;
  }

  /** Where a post about request `number` belongs, or about the group as a whole without one. */
  for(group: GroupId, number?: number): string | undefined {
    return number !== undefined ? this.ofRequest(group, number) : this.ofGroup(group);
  }

  private set(group: GroupId, number: number, topic: string | undefined): void {
    if (topic === undefined) this.clear.run(group, number);
    else this.upsert.run(group, number, topic);
  }
}
