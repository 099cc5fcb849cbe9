// The outbox table: every outbound message is sealed here before any send is attempted.
// A delivered row is deleted at once (nothing personal lingers); a failed one is kept,
// content erased, for the retention period so operators can count failures.

import type { GroupId, MessageRef } from '../core/ids.js';
import { splitAddress, type ChatAddress, type MemberAddress, type TransportName } from '../core/ids.js';
import type { OutboundButton } from '../core/transport.js';
import type { Db } from './database.js';
import type { PromptKind } from './prompts.js';
import type { Keyring } from './keyring.js';
import type { SealingKey, Vault } from './vault.js';

export interface OutboxDraft {
  readonly group?: GroupId;
  readonly to: ChatAddress | MemberAddress;
  /** The chat's topic to post in (Telegram forum topic). */
  readonly topic?: string;
  readonly text: string;
  readonly replyTo?: { readonly ref: MessageRef; readonly author?: MemberAddress };
  readonly buttons?: readonly OutboundButton[];
  readonly edit?: MessageRef;
  /** A member named in the text, whom the platform may notify (OutboundMessage.mention). */
  readonly notifies?: { readonly member: MemberAddress; readonly name: string };
  /** The request this message is about (a notice about its delivery goes to that request's topic). */
  readonly about?: number;
  /** With `about`, in a group: record the sent message so replies to it act on that request (#9). */
  readonly mention?: 'about' | 'release-ask';
  /** The message is a post of this request: its id is recorded so replies find the request. */
  readonly postNumber?: number;
  /** With postNumber, on a direct message: the member is asked something about that request. */
  readonly promptKind?: PromptKind;
  readonly notBefore?: number;
}

export interface OutboxItem extends OutboxDraft {
  readonly id: number;
  readonly transport: TransportName;
  readonly attempts: number;
}

interface Body {
  text: string;
  topic?: string;
  about?: number;
  mention?: 'about' | 'release-ask';
  notifies?: OutboxDraft['notifies'];
  replyTo?: OutboxDraft['replyTo'];
  buttons?: OutboxDraft['buttons'];
  edit?: MessageRef;
}

interface Row {
  id: number;
  transport: TransportName;
  group_id: number | null;
  to_bidx: Uint8Array;
  to_enc: Uint8Array;
  body_enc: Uint8Array;
  post_number: number | null;
  prompt_kind: PromptKind | null;
  attempts: number;
  next_attempt_at: number;
}

export interface PendingHead {
  readonly id: number;
  readonly transport: TransportName;
  readonly recipient: string;
  readonly due: boolean;
  /** When it is (or was) due. */
  readonly at: number;
}

export class OutboxRepository {
  private readonly nextId;
  private readonly insert;
  private readonly heads;
  private readonly selectOne;
  private readonly remove;
  private readonly retry;
  private readonly later;
  private readonly fail;
  private readonly countPending;
  private readonly purge;
  private readonly nextDue;
  private readonly forRecipient;
  private readonly readdressRow;
  private readonly dropPending;
  private readonly wakeRows;

  constructor(
    db: Db,
    private readonly vault: Vault,
    private readonly keys: Keyring,
  ) {
    // A counter, not MAX(id) + 1: delivered rows are deleted at once, and an id is never given twice.
    this.nextId = db.prepare("UPDATE counters SET value = value + 1 WHERE name = 'outbox' RETURNING value").pluck();
    this.insert = db.prepare(`INSERT INTO outbox (id, transport, group_id, to_bidx, to_enc, body_enc, post_number, prompt_kind,
      state, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`);
    this.heads = db.prepare(
      "SELECT id, transport, hex(to_bidx) AS recipient, next_attempt_at <= ? AS due, next_attempt_at AS at FROM outbox WHERE state = 'pending' ORDER BY id LIMIT ?",
    );
    this.selectOne = db.prepare(
      `SELECT id, transport, group_id, to_bidx, to_enc, body_enc, post_number, prompt_kind, attempts, next_attempt_at FROM outbox WHERE id = ? AND state = 'pending'`,
    );
    this.remove = db.prepare('DELETE FROM outbox WHERE id = ?');
    this.retry = db.prepare('UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?');
    this.later = db.prepare('UPDATE outbox SET next_attempt_at = ?, last_error = ? WHERE id = ?');
    this.fail = db.prepare(
      "UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ?, done_at = ?, to_enc = x'', body_enc = x'' WHERE id = ?",
    );
    this.countPending = db.prepare("SELECT COUNT(*) FROM outbox WHERE state = 'pending'").pluck();
    this.purge = db.prepare("DELETE FROM outbox WHERE state = 'failed' AND done_at < ?");
    this.nextDue = db.prepare("SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending'").pluck();
    this.forRecipient = db.prepare("SELECT id, body_enc FROM outbox WHERE group_id = ? AND to_bidx = ? AND state = 'pending'");
    this.dropPending = db.prepare("DELETE FROM outbox WHERE group_id = ? AND to_bidx = ? AND state = 'pending'");
    this.wakeRows = db.prepare("UPDATE outbox SET next_attempt_at = ? WHERE group_id = ? AND to_bidx = ? AND state = 'pending'");
    this.readdressRow = db.prepare('UPDATE outbox SET to_bidx = ?, to_enc = ?, body_enc = ?, next_attempt_at = 0 WHERE id = ?');
  }

  enqueue(draft: OutboxDraft, now: number): number {
    const id = this.nextId.get() as number;
    const key = this.keyOf(draft.group);
    const body: Body = { text: draft.text };
    if (draft.topic !== undefined) body.topic = draft.topic;
    if (draft.about !== undefined) body.about = draft.about;
    if (draft.mention !== undefined) body.mention = draft.mention;
    if (draft.notifies) body.notifies = draft.notifies;
    if (draft.replyTo) body.replyTo = draft.replyTo;
    if (draft.buttons && draft.buttons.length > 0) body.buttons = draft.buttons;
    if (draft.edit) body.edit = draft.edit;
    this.insert.run(
      id,
      splitAddress(draft.to).transport,
      draft.group ?? null,
      this.vault.blindIndex('chat', draft.to),
      this.vault.seal(key, `outbox.to_enc:${id}`, draft.to),
      this.vault.seal(key, `outbox.body_enc:${id}`, JSON.stringify(body)),
      draft.postNumber ?? null,
      draft.promptKind ?? null,
      draft.notBefore ?? now,
      now,
    );
    return id;
  }

  /** The oldest pending rows, in order, with whether each is due (for per-recipient ordering). */
  pendingHeads(now: number, limit: number): PendingHead[] {
    return (this.heads.all(now, limit) as { id: number; transport: TransportName; recipient: string; due: number; at: number }[]).map(
      (r) => ({ id: r.id, transport: r.transport, recipient: r.recipient, due: r.due === 1, at: r.at }),
    );
  }

  load(id: number): OutboxItem | undefined {
    const row = this.selectOne.get(id) as Row | undefined;
    if (!row) return undefined;
    const group = row.group_id === null ? undefined : (row.group_id as GroupId);
    const key = this.keyOf(group);
    const to = this.vault.open(key, `outbox.to_enc:${id}`, row.to_enc) as ChatAddress | MemberAddress;
    const body = JSON.parse(this.vault.open(key, `outbox.body_enc:${id}`, row.body_enc)) as Body;
    return {
      id,
      transport: row.transport,
      attempts: row.attempts,
      to,
      text: body.text,
      ...(group !== undefined ? { group } : {}),
      ...(body.topic !== undefined ? { topic: body.topic } : {}),
      ...(body.about !== undefined ? { about: body.about } : {}),
      ...(body.mention !== undefined ? { mention: body.mention } : {}),
      ...(body.notifies ? { notifies: body.notifies } : {}),
      ...(body.replyTo ? { replyTo: body.replyTo } : {}),
      ...(body.buttons ? { buttons: body.buttons } : {}),
      ...(body.edit ? { edit: body.edit } : {}),
      ...(row.post_number !== null ? { postNumber: row.post_number } : {}),
      ...(row.prompt_kind !== null ? { promptKind: row.prompt_kind } : {}),
    };
  }

  delivered(id: number): void {
    this.remove.run(id);
  }

  reschedule(id: number, at: number, code: string): void {
    this.retry.run(at, code, id);
  }

  /** Waits without counting an attempt: the message was held back, not tried (pacing). */
  defer(id: number, at: number, code: string): void {
    this.later.run(at, code, id);
  }

  failed(id: number, code: string, now: number): void {
    this.fail.run(code, now, id);
  }

  /**
   * The chat moved (Telegram group upgraded): its waiting messages go to the new address, now.
   * Message ids start again in the new chat, so ids of the old one mean another message there:
   * edits of old posts are dropped, and quotes of old messages are removed.
   */
  readdress(group: GroupId, from: ChatAddress, to: ChatAddress, now: number): number {
    const rows = this.forRecipient.all(group, this.vault.blindIndex('chat', from)) as { id: number; body_enc: Uint8Array }[];
    const key = this.keyOf(group);
    let moved = 0;
    for (const { id, body_enc } of rows) {
      const { replyTo: _oldQuote, ...body } = JSON.parse(this.vault.open(key, `outbox.body_enc:${id}`, body_enc)) as Body;
      if (body.edit !== undefined) {
        this.fail.run('CHAT_MIGRATED_EDIT', now, id);
        continue;
      }
      const sealedBody = this.vault.seal(key, `outbox.body_enc:${id}`, JSON.stringify(body));
      this.readdressRow.run(this.vault.blindIndex('chat', to), this.vault.seal(key, `outbox.to_enc:${id}`, to), sealedBody, id);
      moved += 1;
    }
    return moved;
  }

  /** Messages of a group still waiting for one recipient, dropped (the member left the group). */
  dropFor(group: GroupId, to: MemberAddress): number {
    return this.dropPending.run(group, this.vault.blindIndex('chat', to)).changes;
  }

  /** The group's messages waiting for `chat` become due now (the bot is back in the chat). */
  wake(group: GroupId, chat: ChatAddress, now: number): number {
    return this.wakeRows.run(now, group, this.vault.blindIndex('chat', chat)).changes;
  }

  pendingCount(): number {
    return this.countPending.get() as number;
  }

  /** When the earliest pending row becomes due, if any. */
  nextDueAt(): number | undefined {
    return (this.nextDue.get() as number | null) ?? undefined;
  }

  purgeFailedBefore(before: number): number {
    return this.purge.run(before).changes;
  }

  private keyOf(group: GroupId | undefined): SealingKey {
    return group === undefined ? this.vault.systemKey : this.keys.keyFor(group);
  }
}
