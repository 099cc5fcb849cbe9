// The load side of the end-to-end benchmark, in its own process (as signal-cli-rest-api is in
// production): the fake signal-cli-rest-api on 127.0.0.1 and the members of N groups sending a
// realistic mix through it. Each command is timed from the envelope leaving the fake to the bot's
// reply arriving at the fake's /v2/send, matched by quote timestamp (or, for /mes, whose answer
// goes to the member directly, by recipient).
// Usage (forked by end-to-end.ts): signal-load.ts <mode> <groups>

import { performance } from 'node:perf_hooks';
import { BOT } from '../fakes/signal/envelopes.js';
import { FakeSignal, type FakeMode, type RecordedSend } from '../fakes/signal/fake-signal.js';
import { benchGroups, type CommandKind, type FromLoad, groupText, MEMBERS_PER_GROUP, type ToLoad, type WindowResult } from './signal-world.js';

/** A command with no answer after this long counts as lost (and never blocks the run). */
const TIMEOUT_MS = 10_000;
/** Requests kept active per group: past it, new requests give way to "/fait N" by claimers. */
const ACTIVE_CAP = 25;
/** A member replies to a post this long after it appeared, at the earliest. */
const POST_SETTLE_MS = 50;
/** Open-loop runs never keep more than this many commands in flight. */
const PACED_IN_FLIGHT_MAX = 2_000;
/** Answers to /mes (sent to the member directly, quoting nothing). */
const MINE_ANSWER = /^(Tes demandes :|Tu n’as aucune demande)/;

const mode = (process.argv[2] ?? 'json-rpc') as FakeMode;
const groups = benchGroups(Number(process.argv[3] ?? '1'));
const fake = await FakeSignal.start({ mode, maxPollMs: 10_000 });
for (const g of groups) fake.groups.set(g.internalId, { name: g.name, members: [BOT, ...g.members.map((m) => ({ number: m.number, uuid: m.uuid }))] });

interface Answer {
  readonly ms: number;
  readonly text: string;
  /** The id the fake gave the bot's message (what replies quote). */
  readonly timestamp: number;
}
type Waiter = (send: RecordedSend | undefined) => void;

const byQuote = new Map<number, Waiter>();
const mineWaiters = new Map<string, Waiter[]>();
let sends = 0;

// Every accepted /v2/send passes here (the fake keeps no record, so memory stays flat).
fake.sent.push = (...items: RecordedSend[]): number => {
  for (const send of items) onSend(send);
  return 0;
};

function onSend(send: RecordedSend): void {
  if (!send.delivered || !send.request) return;
  sends += 1;
  const quoted = send.request.quoteTimestamp;
  if (quoted !== undefined) {
    const waiter = byQuote.get(quoted);
    byQuote.delete(quoted);
    waiter?.(send);
    return;
  }
  const to = send.request.recipients[0];
  if (to?.kind === 'number' && MINE_ANSWER.test(send.request.message)) mineWaiters.get(to.value)?.shift()?.(send);
}

let clock = Date.now();

/** Injects one group message and resolves with the bot's answer, or undefined after TIMEOUT_MS. */
function issue(kind: CommandKind, g: number, m: number, body: string, quoteId?: number): Promise<Answer | undefined> {
  const group = groups[g]!;
  const member = group.members[m]!;
  const timestamp = (clock = Math.max(clock + 1, Date.now()));
  const item = groupText(fake.number, group, member, body, timestamp, quoteId === undefined ? undefined : { id: quoteId, number: BOT.number, uuid: BOT.uuid });
  return new Promise((resolve) => {
    let t0 = 0;
    const waiter: Waiter = (send) => {
      clearTimeout(timer);
      resolve(send ? { ms: performance.now() - t0, text: send.request?.message ?? '', timestamp: Number(send.timestamp) } : undefined);
    };
    const timer = setTimeout(() => {
      if (kind === 'mine') {
        const queue = mineWaiters.get(member.uuid) ?? [];
        queue.splice(queue.indexOf(waiter), 1);
      } else {
        byQuote.delete(timestamp);
      }
      waiter(undefined);
    }, TIMEOUT_MS);
    if (kind === 'mine') {
      const queue = mineWaiters.get(member.uuid) ?? [];
      queue.push(waiter);
      mineWaiters.set(member.uuid, queue);
    } else {
      byQuote.set(timestamp, waiter);
    }
    t0 = performance.now();
    fake.deliver(item);
  });
}

// ---- the mix --------------------------------------------------------------------------------

interface GroupState {
  /** Bot posts of open requests nobody has been sent to claim yet. */
  readonly open: { readonly id: number; readonly number: number; readonly readyAt: number }[];
  readonly claimed: { readonly number: number; readonly member: number }[];
  active: number;
}
const states: GroupState[] = groups.map(() => ({ open: [], claimed: [], active: 0 }));
const random = (n: number): number => Math.floor(Math.random() * n);

function dayMonth(daysAhead: number): string {
  const d = new Date(Date.now() + daysAhead * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

interface Command {
  readonly kind: CommandKind;
  readonly g: number;
  readonly m: number;
  readonly body: string;
  readonly quoteId?: number;
  readonly after?: (answer: Answer) => void;
}

/**
 * Per 100 commands: 15 /visite, 10 /colis, 5 /avocat, 25 claims by reply ("je prends" quoting
 * a post), 30 /liste, 15 /mes. A group at ACTIVE_CAP active requests has its claimers mark one
 * done instead of creating one; a claim with no post to reply to becomes a /liste.
 */
function nextCommand(): Command {
  const g = random(groups.length);
  const m = random(MEMBERS_PER_GROUP);
  const state = states[g]!;
  const roll = Math.random() * 100;
  if (roll < 30) {
    if (state.active >= ACTIVE_CAP && state.claimed.length > 0) {
      const done = state.claimed.shift()!;
      state.active -= 1;
      return { kind: 'done', g, m: done.member, body: `/fait ${done.number}` };
    }
    state.active += 1;
    const ref = `R-${random(997)}`;
    const after = (answer: Answer): void => {
      const number = /#(\d+)/.exec(answer.text)?.[1];
      if (number) state.open.push({ id: answer.timestamp, number: Number(number), readyAt: performance.now() + POST_SETTLE_MS });
    };
    if (roll < 15) return { kind: 'visit', g, m, body: `/visite ${dayMonth(3 + random(40))} 14h30 ${ref} places 2 depuis parking de la gare, sortie nord`, after };
    if (roll < 25) return { kind: 'package', g, m, body: `/colis ${dayMonth(3 + random(40))} pull taille M, chaussettes, tabac ${ref}`, after };
    return { kind: 'lawyer', g, m, body: `/avocat 48h ${ref} OQTF notifiée ce matin`, after };
  }
  if (roll < 55) {
    const now = performance.now();
    const at = state.open.findIndex((p) => p.readyAt <= now);
    if (at >= 0) {
      const [post] = state.open.splice(at, 1);
      return {
        kind: 'claim',
        g,
        m,
        body: 'je prends',
        quoteId: post!.id,
        after: (answer) => {
          if (answer.text.startsWith('✅')) state.claimed.push({ number: post!.number, member: m });
        },
      };
    }
  }
  if (roll < 85) return { kind: 'list', g, m, body: '/liste' };
  return { kind: 'mine', g, m, body: '/mes' };
}

// ---- windows --------------------------------------------------------------------------------

class Window {
  completed = 0;
  lost = 0;
  readonly latencies: Partial<Record<CommandKind, number[]>> = {};
  private readonly start = performance.now();
  private readonly sendsBefore = sends;

  constructor(private readonly record: boolean) {}

  async run(command: Command): Promise<void> {
    const answer = await issue(command.kind, command.g, command.m, command.body, command.quoteId);
    if (!answer) {
      this.lost += 1;
      return;
    }
    command.after?.(answer);
    this.completed += 1;
    if (this.record) (this.latencies[command.kind] ??= []).push(answer.ms);
  }

  result(): WindowResult {
    return { completed: this.completed, lost: this.lost, ms: performance.now() - this.start, latencies: this.latencies, sends: sends - this.sendsBefore };
  }
}

async function link(codes: readonly string[]): Promise<void> {
  const answers = await Promise.all(codes.map((code, g) => issue('link', g, 0, `/lier ${code}`)));
  const failed = answers.filter((a) => !a || !a.text.includes('maintenant lié')).length;
  if (failed > 0) throw new Error(`${failed} of ${codes.length} groups could not be linked`);
}

async function closed(concurrency: number, ms: number, maxCommands: number, record: boolean): Promise<WindowResult> {
  const window = new Window(record);
  const until = performance.now() + ms;
  let issued = 0;
  const lane = async (): Promise<void> => {
    while (performance.now() < until && issued < maxCommands) {
      issued += 1;
      await window.run(nextCommand());
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return window.result();
}

/** Open loop: commands injected at a fixed rate whatever the answers do. */
async function paced(perSecond: number, ms: number): Promise<WindowResult> {
  const window = new Window(true);
  const start = performance.now();
  const inFlight = new Set<Promise<void>>();
  let issued = 0;
  for (let elapsed = 0; elapsed < ms; elapsed = performance.now() - start) {
    const due = Math.floor((elapsed / 1000) * perSecond);
    while (issued < due) {
      issued += 1;
      if (inFlight.size >= PACED_IN_FLIGHT_MAX) {
        window.lost += 1;
        continue;
      }
      const running = window.run(nextCommand()).finally(() => inFlight.delete(running));
      inFlight.add(running);
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inFlight);
  return window.result();
}

async function connected(): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (fake.jsonRpc ? fake.liveSockets() === 0 : fake.pendingPolls() === 0) {
    if (Date.now() > deadline) throw new Error('the service never connected to the fake');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const tell = (message: FromLoad): void => {
  process.send?.(message);
};

let queue = Promise.resolve();
process.on('message', (message: ToLoad) => {
  queue = queue.then(async () => {
    try {
      switch (message.type) {
        case 'link': {
          const start = performance.now();
          await connected();
          await link(message.codes);
          tell({ type: 'linked', ms: performance.now() - start });
          return;
        }
        case 'closed':
          tell({ type: 'window', result: await closed(message.concurrency, message.ms, message.maxCommands, message.record) });
          return;
        case 'paced':
          tell({ type: 'window', result: await paced(message.perSecond, message.ms) });
          return;
        case 'exit':
          await fake.close();
          process.disconnect();
          return;
      }
    } catch (error) {
      tell({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  });
});
tell({ type: 'ready', url: fake.url });
