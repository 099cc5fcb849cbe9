// The Signal adapter wired to the real core (tests/support/harness.ts) against the fake
// signal-cli-rest-api: start/stop in one place, envelopes in, and what went out over /v2/send
// read back from the fake's record. Conditions are polled, never slept on.

import { expect } from 'vitest';
import { signalDedupeKey } from '../../bots/signal/map-envelope.js';
import type { SignalTransport } from '../../bots/signal/signal-transport.js';
import type { SignalTiming } from '../../bots/signal/timing.js';
import type { Person, Received } from '../fakes/signal/envelopes.js';
import { BOT, GROUP, text } from '../fakes/signal/envelopes.js';
import { FakeSignal, type FakeMode, type RecordedSend } from '../fakes/signal/fake-signal.js';
import type { SendFailure } from '../fakes/signal/send-failures.js';
import { dueLanes as dueLanesOf, type Harness, startHarness } from '../support/harness.js';
import { makeTransport, waitFor } from './support.js';

/** The group's recipient as the adapter must address it on /v2/send. */
export const GROUP_RECIPIENT = GROUP.restId;

/** One delivered /v2/send, flattened. */
export interface Sent {
  readonly to: string;
  readonly text: string;
  /** The timestamp the fake returned: the id members quote and react to. */
  readonly timestamp: string;
  readonly quoteTimestamp?: number;
  readonly quoteAuthor?: string;
  readonly textMode?: string;
  readonly recipients: readonly string[];
  /** signal-cli would have sent it as a cut body plus a long-text attachment (over 2000 bytes). */
  readonly longText: boolean;
}

function flatten(s: RecordedSend): Sent | undefined {
  if (!s.delivered || !s.request || s.timestamp === undefined) return undefined;
  const r = s.request;
  return {
    to: r.recipients[0]?.value ?? '',
    recipients: r.recipients.map((x) => x.value),
    text: r.message,
    timestamp: s.timestamp,
    longText: s.longText === true,
    ...(r.quoteTimestamp !== undefined ? { quoteTimestamp: r.quoteTimestamp } : {}),
    ...(r.quoteAuthor !== undefined ? { quoteAuthor: r.quoteAuthor } : {}),
    ...(r.textMode !== undefined ? { textMode: r.textMode } : {}),
  };
}

/** Every send the fake accepted (delivered), in order. */
export function delivered(fake: FakeSignal): Sent[] {
  return fake.sent.map(flatten).filter((s): s is Sent => s !== undefined);
}

/** Delivered texts to one recipient (a member UUID or GROUP_RECIPIENT), in order. */
export function textsTo(fake: FakeSignal, to: string): string[] {
  return delivered(fake)
    .filter((s) => s.to === to)
    .map((s) => s.text);
}

/** No (recipient, text) pair was delivered twice. */
export function expectEachDeliveredOnce(fake: FakeSignal): void {
  const counts = new Map<string, number>();
  for (const s of delivered(fake)) counts.set(`${s.to}\n${s.text}`, (counts.get(`${s.to}\n${s.text}`) ?? 0) + 1);
  const twice = [...counts].filter(([, n]) => n > 1).map(([k]) => k);
  expect(twice).toEqual([]);
}

export function timestampOf(item: Received): number {
  return (item.envelope as { timestamp: number }).timestamp;
}

export function dedupeKeyOf(item: Received): string {
  const envelope = item.envelope as { sourceUuid: string; timestamp: number };
  return signalDedupeKey(envelope.sourceUuid.toLowerCase(), envelope.timestamp);
}

/** A quote of (or reaction to) a bot message the fake delivered. */
export function botMessage(sent: Sent): { id: number; author: Person } {
  return { id: Number(sent.timestamp), author: { number: BOT.number, uuid: BOT.uuid, name: null } };
}

import { eventually } from '../support/wait.js';

export { eventually };

/** Outbox lanes of this transport whose head is due now. */
export const dueLanes = (h: Harness): number => dueLanesOf(h, 'signal');

/**
 * Moves the clock on in steps until some outbox lane has a due head (a retry's backoff
 * elapsed). The outbox does not say when its heads are due, so this steps rather than jumps.
 */
export function advanceUntilDue(h: Harness, stepMs = 5_000, maxMs = 6 * 3_600_000): void {
  const limit = h.clock.now() + maxMs;
  while (dueLanes(h) === 0) {
    if (h.clock.now() >= limit) throw new Error('no outbox row became due');
    h.clock.advance(stepMs);
  }
}

export interface World {
  readonly fake: FakeSignal;
  readonly transport: SignalTransport;
  readonly h: Harness;
  /** The adapter's log lines. */
  readonly transportLogs: string[];
  readonly mode: FakeMode;
  /** Hands an envelope to the fake once the adapter is listening; returns it. */
  say(item: Received): Promise<Received>;
  /** Waits until the core committed this envelope (its dedupe key is in the inbox). */
  handled(item: Received): Promise<void>;
  /** Drains the outbox until a delivered send to `to` whose text matches appears (the first such). */
  botSaid(to: string, pattern: RegExp): Promise<Sent>;
  /** Links the group as `person` with a fresh invite code. */
  link(person: Person): Promise<Sent>;
  /** Settles once while the next `dueLanes` sends fail with `failure`; checks they all failed. */
  settleFailing(failure: SendFailure): Promise<void>;
  /** Moves the clock on until a row is due and drains, until the outbox is empty. */
  drainAll(maxSteps?: number): Promise<void>;
  /** Waits until the receive side is connected (json-rpc: a live websocket). */
  connected(): Promise<void>;
}

export async function startWorld(
  mode: FakeMode,
  options: { fake?: FakeSignal; dir?: string; key?: Uint8Array; now?: number; reminders?: number[]; verifyIdentity?: boolean; timing?: Partial<SignalTiming> } = {},
): Promise<World> {
  const fake = options.fake ?? (await FakeSignal.start({ mode, pingIntervalMs: 200, maxPollMs: 500 }));
  const { transport, logger } = makeTransport(fake, options.timing ? { timing: options.timing } : {});
  const h = await startHarness({
    transports: [transport],
    // As main.ts wires it: /verify checks the number with signal-cli's trust endpoint.
    ...(options.verifyIdentity ? { verifyIdentity: async (member, safetyNumber) => (await transport.identities.verify(member, safetyNumber)).ok } : {}),
    ...(options.dir !== undefined ? { dir: options.dir } : {}),
    ...(options.key !== undefined ? { key: options.key } : {}),
    ...(options.now !== undefined ? { now: options.now } : {}),
    ...(options.reminders !== undefined ? { reminders: options.reminders } : {}),
  });

  const connected = async (): Promise<void> => {
    if (fake.jsonRpc) await waitFor(() => fake.liveSockets() >= 1, 'websocket connected');
  };
  const botSaid = (to: string, pattern: RegExp): Promise<Sent> =>
    eventually(async () => {
      await h.settle();
      return delivered(fake).find((s) => s.to === to && pattern.test(s.text));
    }, `a send to ${to === GROUP_RECIPIENT ? 'the group' : 'a member'} matching ${pattern}`);

  const world: World = {
    fake,
    transport,
    h,
    transportLogs: logger.lines,
    mode,
    connected,
    async say(item) {
      await connected();
      fake.deliver(item);
      return item;
    },
    async handled(item) {
      const key = dedupeKeyOf(item);
      await waitFor(() => h.store.inbox.seen(key), `the core to commit ${key.slice(0, 8)}…`);
    },
    botSaid,
    async link(person) {
      const { code } = h.store.write(() => h.store.invites.create('test-centre', h.clock.now()));
      await world.say(text(person, `/lier ${code}`));
      return botSaid(GROUP_RECIPIENT, /^Ce groupe est maintenant lié à CRA de Test\./);
    },
    async settleFailing(failure) {
      const lanes = dueLanes(h);
      const before = fake.sent.length;
      if (lanes > 0) fake.failNextSend(failure, lanes);
      await h.settle();
      // Each injected failure was used by this drain (none left over for later sends).
      expect(fake.sent.slice(before).filter((s) => !s.delivered)).toHaveLength(lanes);
    },
    async drainAll(maxSteps = 200) {
      for (let step = 0; step < maxSteps; step += 1) {
        await h.settle();
        if (h.store.outbox.pendingCount() === 0) return;
        advanceUntilDue(h);
      }
      throw new Error('outbox not empty after drainAll');
    },
  };
  await connected();
  return world;
}
