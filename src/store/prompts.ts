// Direct messages that asked a member something, so that their answer finds its request.

import type { MemberKey } from '../core/domain.js';
import { type GroupId, groupId, type MemberAddress, type MessageRef } from '../core/ids.js';
import { fromMemberKey } from './codec.js';
import type { Db } from './database.js';
import type { Vault } from './vault.js';

export type PromptKind = 'remind' | 'followup';

export interface Prompt {
  readonly group: GroupId;
  readonly number: number;
  readonly kind: PromptKind;
  readonly createdAt: number;
}

interface Row {
  group_id: number;
  number: number;
  kind: PromptKind;
  created_at: number;
}

export class PromptRepository {
  private readonly insert;
  private readonly byMessage;
  private readonly latest;
  private readonly purge;
  private readonly forget;

  constructor(
    db: Db,
    private readonly vault: Vault,
  ) {
    this.insert = db.prepare(
      'INSERT INTO prompts (member_bidx, message_bidx, group_id, number, kind, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.byMessage = db.prepare('SELECT group_id, number, kind, created_at FROM prompts WHERE message_bidx = ?');
    this.latest = db.prepare(
      'SELECT id, group_id, number, kind, created_at FROM prompts WHERE group_id = ? AND member_bidx = ? AND created_at >= ? ORDER BY created_at DESC, id DESC LIMIT 1',
    );
    this.purge = db.prepare('DELETE FROM prompts WHERE created_at < ?');
    this.forget = db.prepare('DELETE FROM prompts WHERE group_id = ? AND member_bidx = ?');
  }

  record(member: MemberKey, to: MemberAddress, ref: MessageRef | undefined, prompt: Prompt): void {
    this.insert.run(fromMemberKey(member), ref ? this.bidx(to, ref) : null, prompt.group, prompt.number, prompt.kind, prompt.createdAt);
  }

  /** The prompt a quoted direct message was, if it was one. */
  forMessage(to: MemberAddress, ref: MessageRef): Prompt | undefined {
    const row = this.byMessage.get(this.bidx(to, ref)) as Row | undefined;
    return row ? toPrompt(row) : undefined;
  }

  /**
   * The member's most recent prompt since `since`, over the groups given with the member's key
   * in each (a member's key differs per group).
   */
  latestFor(memberships: readonly { group: GroupId; key: MemberKey }[], since: number): Prompt | undefined {
    let latest: (Row & { id: number }) | undefined;
    for (const { group, key } of memberships) {
      const row = this.latest.get(group, fromMemberKey(key), since) as (Row & { id: number }) | undefined;
      if (row && (!latest || row.created_at > latest.created_at || (row.created_at === latest.created_at && row.id > latest.id))) latest = row;
    }
    return latest ? toPrompt(latest) : undefined;
  }

  /** The member left the group: a bare OK or RELEASE no longer finds its requests. */
  forgetMember(group: GroupId, member: MemberKey): number {
    return this.forget.run(group, fromMemberKey(member)).changes;
  }

  purgeBefore(before: number): number {
    return this.purge.run(before).changes;
  }

  private bidx(to: MemberAddress, ref: MessageRef): Uint8Array {
    return this.vault.blindIndex('message', `dm:${to}:${ref}`);
  }
}

const toPrompt = (row: Row): Prompt => ({ group: groupId(row.group_id), number: row.number, kind: row.kind, createdAt: row.created_at });
