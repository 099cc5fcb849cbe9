// POST /v2/send of the fake: the wrapper's checks (send-rules.ts), then one signal-cli process
// in normal/native mode (cli-process.ts: start cost, account lock, 120 s kill) or one call to
// the json-rpc daemon, then the answer built from each recipient's result (send-failures.ts).
// Upstream: src/api/api.go `SendV2`, src/client/client.go `send`.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { type CliProcesses, delay, KILLED_TEXT, type UpstreamCosts } from './cli-process.js';
import type { FakeIdentities } from './fake-identities.js';
import { json } from './http-util.js';
import { isOutcomeFailure, type OutcomeFailure, outcomeOf, type RecipientOutcome, type RecipientResult, sendAnswer, type SendFailure } from './send-failures.js';
import { checkSend, type ValidSend } from './send-rules.js';
import type { FakeGroupMember } from './http-util.js';

export interface RecordedSend {
  readonly raw: string;
  readonly status: number;
  readonly request?: ValidSend;
  /** The timestamp returned (or that would have been): the message id replies quote. */
  readonly timestamp?: string;
  /** Someone got it (or nobody was to get it: a group with only the bot). */
  readonly delivered: boolean;
  /** Identifiers (number, else UUID) of the members who got it. */
  readonly reached: readonly string[];
  /** When the answer left the fake (Date.now()). */
  readonly at: number;
  /**
   * The text went as its first 2000 UTF-8 bytes plus a long-text attachment (text/x-signal-plain)
   * the receiving client must fetch: signal-cli does so for any body over
   * ServiceConfig.MAX_MESSAGE_SIZE_BYTES = 2000 (AsamK/signal-cli
   * lib/src/main/java/org/asamk/signal/manager/internal/ManagerImpl.java, applyMessage).
   */
  readonly longText?: boolean;
}

/** signal-cli's threshold for a long-text attachment (see RecordedSend.longText). */
export const SIGNAL_MAX_BODY_BYTES = 2000;

export interface SendDeskDeps {
  readonly number: string;
  readonly jsonRpc: () => boolean;
  readonly sendShape: () => 'object' | 'array';
  readonly head: () => boolean;
  readonly groups: ReadonlyMap<string, { readonly name: string; readonly members: readonly FakeGroupMember[] }>;
  readonly identities: FakeIdentities;
  readonly processes: CliProcesses;
  readonly costs: () => UpstreamCosts;
}

type Answer = { readonly status: number; readonly body: unknown; readonly reached: readonly string[]; readonly timestamp?: string };

export class SendDesk {
  readonly sent: RecordedSend[] = [];
  private readonly failures: { failure: SendFailure; remaining: number }[] = [];
  private readonly memberFailures = new Map<string, { failure: OutcomeFailure; remaining: number }>();
  private lastTimestamp = 0;

  constructor(private readonly deps: SendDeskDeps) {}

  failNext(failure: SendFailure, times: number): void {
    this.failures.push({ failure, remaining: times });
  }

  /** The next `times` sends that include this member fail for them alone. */
  failMember(uuid: string, failure: OutcomeFailure, times: number): void {
    this.memberFailures.set(uuid, { failure, remaining: times });
  }

  async handle(raw: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = (): number => Date.now();
    let injected = this.take();
    if (injected?.kind === 'reset') {
      this.sent.push({ raw, status: 0, delivered: false, reached: [], at: at() });
      req.socket.destroy();
      return;
    }
    if (injected?.kind === 'slow') {
      await delay(injected.ms);
      injected = undefined;
    }
    if (injected?.kind === 'server-error') {
      this.sent.push({ raw, status: 500, delivered: false, reached: [], at: at() });
      return json(res, 500, { error: 'Internal Server Error' });
    }
    const reject = (error: string, request?: ValidSend): void => {
      this.sent.push({ raw, status: 400, delivered: false, reached: [], at: at(), ...(request ? { request } : {}) });
      json(res, 400, { error });
    };
    const check = checkSend(raw);
    if (!check.ok) return reject(check.error);
    const group = check.recipients.find((r) => r.kind === 'group');
    // approximation: signal-cli's wording for an unknown group.
    if (group && !this.deps.groups.has(group.internalId!)) return reject('Failed to send message: Group not found', check);

    const { jsonRpc, processes } = this.deps;
    let answer: Answer | undefined;
    const work = async (): Promise<void> => {
      await delay(processes.scaled(this.deps.costs().sendWorkMs));
      answer = this.answer(check, injected);
    };
    if (jsonRpc()) {
      await work();
    } else {
      const ran = await processes.exec(check.number, 'send', async () => {
        await work();
        return { exitCode: 0, stdout: '', stderr: '' };
      });
      // The wrapper killed signal-cli at its timeout: whatever happened is unknown to the client.
      if (ran.killed) answer = { status: 400, body: { error: KILLED_TEXT }, reached: answer?.reached ?? [] };
    }
    const final = answer!;
    const timestamp = final.reached.length > 0 || final.status === 201 ? final.timestamp : undefined;
    const longText = Buffer.byteLength(check.message, 'utf8') > SIGNAL_MAX_BODY_BYTES;
    this.sent.push({
      raw,
      status: final.status,
      request: check,
      delivered: timestamp !== undefined,
      reached: final.reached,
      at: at(),
      ...(timestamp ? { timestamp } : {}),
      ...(longText ? { longText } : {}),
    });
    json(res, final.status, final.body);
  }

  private answer(check: ValidSend, injected: SendFailure | undefined): Answer {
    const { number, jsonRpc } = this.deps;
    if (check.number !== number) {
      // json-rpc: the daemon has no such account; normal: signal-cli App.java refuses the -a.
      return { status: 400, body: { error: jsonRpc() ? 'Specified account does not exist' : `User ${check.number} is not registered.\n` }, reached: [] };
    }
    if (check.quoteTimestamp !== undefined && !check.quoteAuthor) return { status: 400, body: { error: 'Quote author parameter is missing' }, reached: [] };
    const group = check.recipients.find((r) => r.kind === 'group');
    const known = group ? this.deps.groups.get(group.internalId!) : undefined;
    if (group && known && !known.members.some((m) => m.number === number)) {
      // The bot was removed: signal-cli checks its own group state before sending
      // (lib/src/main/java/org/asamk/signal/manager/helper/SendHelper.java getGroupForSending) and
      // SendCommand.java turns NotAGroupMemberException into a user error with its message
      // (api/NotAGroupMemberException.java); the wrapper answers 400 with it.
      const text = `User is not a member in group: ${known.name} (${group.internalId!})`;
      return { status: 400, body: { error: jsonRpc() ? text : `${text}\n` }, reached: [] };
    }
    const timestamp = this.nextTimestamp();
    const targets = group
      ? (this.deps.groups.get(group.internalId!)?.members ?? []).map((m) => m.number ?? m.uuid).filter((m) => m !== number)
      : check.recipients.map((r) => r.value);
    const results: RecipientResult[] = targets.map((target) => this.result(target, injected));
    if (injected?.kind === 'rate-limit-but-delivered' && jsonRpc()) {
      // signal-cli#2071: Signal took it, yet the daemon reported a rate limit without a token.
      const error = "Failed to send message due to rate limiting. Use the attached challenge tokens to lift the rate limit restrictions via the '/v1/accounts/{number}/rate-limit-challenge' endpoint.";
      return { status: 429, body: { error, challenge_tokens: results.map(() => ''), account: number }, reached: results.map((r) => r.identifier), timestamp };
    }
    if (injected?.kind === 'raw-400') return { status: 400, body: { error: injected.text }, reached: [] };
    const answered = sendAnswer(results, {
      jsonRpc: jsonRpc(),
      account: number,
      timestamp,
      key: group ? group.internalId! : (check.recipients[0]?.value ?? ''),
      arrayShape: this.deps.sendShape() === 'array',
      head: this.deps.head() || (injected?.kind === 'untrusted' && injected.head === true),
    });
    return { ...answered, timestamp };
  }

  /** One recipient's result: an injected failure, else a member failure, else its identity's trust. */
  private result(target: string, injected: SendFailure | undefined): RecipientResult {
    const identity = this.deps.identities.find(target);
    const uuid = identity?.uuid ?? target;
    const identifier = identity?.number ? identity.number : target;
    let outcome: RecipientOutcome = { kind: 'success' };
    const member = this.memberFailures.get(uuid);
    if (injected && isOutcomeFailure(injected)) outcome = outcomeOf(injected, uuid);
    else if (member) {
      outcome = outcomeOf(member.failure, uuid);
      member.remaining -= 1;
      if (member.remaining <= 0) this.memberFailures.delete(uuid);
    } else if (identity?.status === 'UNTRUSTED') outcome = { kind: 'identity' };
    return { identifier, uuid, outcome };
  }

  private nextTimestamp(): string {
    this.lastTimestamp = Math.max(Date.now(), this.lastTimestamp + 1);
    return String(this.lastTimestamp);
  }

  private take(): SendFailure | undefined {
    const next = this.failures[0];
    if (!next) return undefined;
    next.remaining -= 1;
    if (next.remaining <= 0) this.failures.shift();
    return next.failure;
  }
}
