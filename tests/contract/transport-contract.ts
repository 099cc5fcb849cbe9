// One contract every transport adapter must meet, run against each of them (local, Signal,
// Telegram) with that adapter's fake platform behind it. An adapter test file calls
// `transportContract(name, makeHarness)` with a harness that drives its fake.

import { afterEach, describe, expect, it } from 'vitest';
import type { ChatAddress, MemberAddress, MessageRef } from '../../src/core/ids.js';
import type { EventOutcome, InboundEvent, Transport } from '../../src/core/transport.js';

export interface SentMessage {
  readonly to: string;
  readonly text: string;
  readonly replyTo?: string;
}

export interface ContractHarness {
  readonly transport: Transport;
  /** The group chat the fake platform simulates, as the adapter names it. */
  readonly group: ChatAddress;
  /** A member of that group, as the adapter names them. */
  readonly member: MemberAddress;
  /** The platform delivers a text from `member` in the group (optionally replying to `replyTo`). */
  groupText(text: string, replyTo?: MessageRef): Promise<void>;
  /** What the platform received from the bot so far. */
  sent(): Promise<readonly SentMessage[]>;
  close(): Promise<void>;
}

/** Waits for a condition without sleeping a fixed time (generous limit for slow machines). */
export async function eventually<T>(probe: () => T | Promise<T>, ok: (value: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function transportContract(name: string, makeHarness: () => Promise<ContractHarness>): void {
  describe(`transport contract: ${name}`, () => {
    let h: ContractHarness | undefined;
    afterEach(async () => {
      await h?.close();
      h = undefined;
    });

    it('delivers group texts as message events, awaiting the handler', async () => {
      h = await makeHarness();
      const events: InboundEvent[] = [];
      await h.transport.start(async (event): Promise<EventOutcome> => {
        events.push(event);
        return { status: 'handled' };
      });
      await h.groupText('/visit tomorrow 2pm');
      const [event] = await eventually(() => events, (e) => e.length >= 1);
      expect(event).toMatchObject({ kind: 'message', chat: h.group, chatKind: 'group', sender: h.member, text: '/visit tomorrow 2pm' });
      expect(event?.dedupeKey).toBeTruthy();
    });

    it('sends to the group, returns the message ref, and quotes when asked', async () => {
      h = await makeHarness();
      await h.transport.start(async () => ({ status: 'handled' }));
      const first = await h.transport.send({ id: 1, to: h.group, text: '#1 Visit' });
      expect(first.messageRef).toBeTruthy();
      await h.transport.send({ id: 2, to: h.group, text: 'reply', replyTo: { ref: first.messageRef!, author: h.member } });
      const sent = await eventually(() => h!.sent(), (s) => s.length >= 2);
      expect(sent.map((m) => m.text)).toEqual(['#1 Visit', 'reply']);
      expect(sent[0]?.to).toBe(h.group);
    });

    it('carries the id of the replied-to message into the event', async () => {
      h = await makeHarness();
      const events: InboundEvent[] = [];
      await h.transport.start(async (event) => {
        events.push(event);
        return { status: 'handled' };
      });
      const post = await h.transport.send({ id: 1, to: h.group, text: '#1 Visit' });
      await h.groupText('je prends', post.messageRef);
      const [event] = await eventually(() => events, (e) => e.length >= 1);
      expect(event).toMatchObject({ kind: 'message', replyTo: post.messageRef });
    });
  });
}
