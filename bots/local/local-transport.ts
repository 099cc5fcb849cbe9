// An in-process transport: one simulated group and its members. The terminal demo and the
// end-to-end tests drive it; it shows exactly what a real chat would receive.

import { randomBytes } from 'node:crypto';
import { type ChatAddress, chatAddress, memberAddress, type MessageRef, messageRef } from '../../src/core/ids.js';
import type { ButtonAction, EventHandler, EventOutcome, OutboundMessage, SendReceipt, Transport } from '../../src/core/transport.js';

export interface LocalMessage {
  /** The number shown in brackets; replies and reactions use it. */
  readonly number: number;
  readonly ref: MessageRef;
  readonly from: 'bot' | string;
  readonly to: string;
  readonly text: string;
  readonly replyTo?: number;
  readonly buttons?: readonly string[];
  /** What each button does, in the order of `buttons`. */
  readonly actions?: readonly ButtonAction[];
  readonly edits?: number;
}

export class LocalTransport implements Transport {
  readonly name = 'local' as const;
  readonly chat: ChatAddress;
  readonly messages: LocalMessage[] = [];
  private onEvent: EventHandler | undefined;
  private readonly listeners = new Set<(message: LocalMessage) => void>();
  /** Refs are unique across runs on the same database: "<session>-<number>". */
  private readonly session = randomBytes(4).toString('hex');

  constructor(groupId = 'demo-group') {
    this.chat = chatAddress('local', groupId);
  }

  async start(onEvent: EventHandler): Promise<void> {
    this.onEvent = onEvent;
  }

  async stop(): Promise<void> {
    this.onEvent = undefined;
  }

  async send(message: OutboundMessage): Promise<SendReceipt> {
    const editOf = message.edit ? this.byRef(message.edit) : undefined;
    const record = this.record({
      from: 'bot',
      to: message.to,
      text: message.text,
      ...(message.replyTo ? { replyTo: this.byRef(message.replyTo.ref)?.number } : {}),
      ...(message.buttons ? { buttons: message.buttons.map((b) => b.label), actions: message.buttons.map((b) => b.action) } : {}),
      ...(editOf ? { edits: editOf.number } : {}),
    });
    return { messageRef: record.ref };
  }

  onMessage(listener: (message: LocalMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A member writes in the group (or, with `direct`, to the bot). `replyTo` is a message number. */
  async say(member: string, text: string, options: { replyTo?: number; direct?: boolean; group?: string } = {}): Promise<EventOutcome> {
    const replyTo = options.replyTo === undefined ? undefined : this.byNumber(options.replyTo);
    const sender = memberAddress('local', member);
    // `group` speaks in another simulated group on the same transport
    const chat = options.direct ? (sender as string as ChatAddress) : options.group ? chatAddress('local', options.group) : this.chat;
    const record = this.record({ from: member, to: chat, text, ...(replyTo ? { replyTo: replyTo.number } : {}) });
    return this.deliver({
      kind: 'message',
      dedupeKey: `local:${record.ref}`,
      transport: 'local',
      chat,
      chatKind: options.direct ? 'direct' : 'group',
      sender,
      senderName: displayName(member),
      messageRef: record.ref,
      text,
      ...(replyTo ? { replyTo: replyTo.ref } : {}),
      // Replying to a member's message points at that member (/coord add); the bot is nobody.
      ...(replyTo && replyTo.from !== 'bot' ? { replyToAuthor: { address: memberAddress('local', replyTo.from), name: displayName(replyTo.from) } } : {}),
    });
  }

  async react(member: string, target: number, emoji = '👍', removed = false): Promise<EventOutcome> {
    const message = this.byNumber(target);
    if (!message) return { status: 'ignored' };
    return this.deliver({
      kind: 'reaction',
      dedupeKey: `local:${this.session}:reaction:${member}:${target}:${emoji}:${removed}:${this.messages.length}`,
      transport: 'local',
      chat: this.chat,
      chatKind: 'group',
      sender: memberAddress('local', member),
      senderName: displayName(member),
      emoji,
      target: message.ref,
      removed,
    });
  }

  async press(member: string, target: number, action: ButtonAction): Promise<EventOutcome> {
    const message = this.byNumber(target);
    if (!message) return { status: 'ignored' };
    return this.deliver({
      kind: 'button',
      dedupeKey: `local:${this.session}:button:${this.messages.length}:${member}`,
      transport: 'local',
      chat: this.chat,
      chatKind: 'group',
      sender: memberAddress('local', member),
      senderName: displayName(member),
      action,
      target: message.ref,
    });
  }

  /** Members leave the group (or are removed from it), as a platform's membership update says. */
  async leave(...members: string[]): Promise<EventOutcome> {
    return this.deliver({
      kind: 'member-left',
      dedupeKey: `local:${this.session}:left:${members.join(',')}:${this.messages.length}`,
      transport: 'local',
      chat: this.chat,
      members: members.map((m) => memberAddress('local', m)),
    });
  }

  byNumber(number: number): LocalMessage | undefined {
    return this.messages[number - 1];
  }

  private byRef(ref: MessageRef): LocalMessage | undefined {
    return this.messages.find((m) => m.ref === ref);
  }

  private record(fields: Omit<LocalMessage, 'number' | 'ref'>): LocalMessage {
    const number = this.messages.length + 1;
    const message = { ...fields, number, ref: messageRef(`${this.session}-${number}`) };
    this.messages.push(message);
    for (const listener of this.listeners) listener(message);
    return message;
  }

  private async deliver(event: Parameters<EventHandler>[0]): Promise<EventOutcome> {
    if (!this.onEvent) throw new Error('the local transport is not started (code LOCAL_NOT_STARTED)');
    return this.onEvent(event);
  }
}

function displayName(member: string): string {
  return member.charAt(0).toUpperCase() + member.slice(1);
}
