// The Signal adapter: signal-cli-rest-api over HTTP (axios) and, in json-rpc modes, a
// websocket (ws). Inbound envelopes are handed to the core one at a time; sends never retry
// (the outbox does) and turn every failure into a DeliveryError. In normal/native modes every
// call to the API is a signal-cli process and only one runs per account, so all of them go
// through one lane (cli-lane.ts): replies first, then the next short poll.

import { isAxiosError } from 'axios';
import type { SignalReceiveMode, SignalSettings } from '../../src/config.js';
import { DeliveryError } from '../../src/core/delivery-error.js';
import { errorCode } from '../../src/core/error-code.js';
import { type MemberAddress, messageRef } from '../../src/core/ids.js';
import type { DeliveryProblem, EventHandler, OutboundMessage, SendReceipt, Transport } from '../../src/core/transport.js';
import type { Logger } from '../../src/logger.js';
import { CliLane } from './cli-lane.js';
import { classifySendFailure, memberIfUuid, problemOf, type RecipientFailure, sentFromSuccess, type SendOutcome } from './delivery-errors.js';
import { EventPump } from './event-pump.js';
import { createIdentityMonitor, type IdentityMonitor } from './identity-monitor.js';
import { buildSendBody } from './outbound.js';
import { runPollReceiver } from './poll-receiver.js';
import { createRestClient, type SignalRestClient } from './rest-client.js';
import { familyOf, modeFromAbout, reconcileMode, SignalModeMismatch } from './server-mode.js';
import { runSocketReceiver } from './socket-receiver.js';
import { backoffMs, DEFAULT_SIGNAL_TIMING, pause, type SignalTiming } from './timing.js';

export interface SignalDeps {
  readonly logger: Logger;
  /** Shorter delays for tests. */
  readonly timing?: Partial<SignalTiming>;
  /** The bot's own ACI, if known, so its own messages are never taken as commands. */
  readonly ownUuid?: string;
}

export interface SignalTransport extends Transport {
  readonly name: 'signal';
  /** The receive mode in use once started (the server's, checked against settings). */
  receiveMode(): SignalReceiveMode | undefined;
  /** Safety-number monitoring, for the core to wire (see docs/signal.md). */
  readonly identities: IdentityMonitor;
}

export function createSignalTransport(settings: SignalSettings, deps: SignalDeps): SignalTransport {
  const { logger } = deps;
  const timing: SignalTiming = { ...DEFAULT_SIGNAL_TIMING, ...deps.timing };
  // Serial until the server says otherwise: the safe default for one process per account.
  const lane = new CliLane(settings.receiveMode ? familyOf(settings.receiveMode) === 'poll' : true);
  const raw = createRestClient({ apiUrl: settings.apiUrl, number: settings.number, requestTimeoutMs: timing.requestTimeoutMs, pollGraceMs: timing.pollGraceMs });
  const client: SignalRestClient = {
    ...raw,
    send: (body) => lane.urgently(() => raw.send(body)),
    identities: () => lane.urgently(() => raw.identities()),
    trust: (uuid, safetyNumber) => lane.urgently(() => raw.trust(uuid, safetyNumber)),
    // listGroups is a signal-cli process too in normal/native mode.
    groupMembers: (restGroupId) => lane.urgently(() => raw.groupMembers(restGroupId)),
    receive: (query, signal) => lane.whenFree(() => raw.receive(query, signal)),
  };
  const own = { number: settings.number, ...(deps.ownUuid ? { uuid: deps.ownUuid } : {}) };
  const monitor = createIdentityMonitor(client, logger);
  let mode: SignalReceiveMode | undefined;
  /** `stopping`: take no new work; `hard`: cut what runs (after stopGraceMs). */
  let stopper: { stopping: AbortController; hard: AbortController } | undefined;
  let loop: Promise<void> | undefined;
  let pump: EventPump | undefined;
  /** Members already reported untrusted since their last verification (spares identity lookups). */
  const reportedUntrusted = new Set<MemberAddress>();

  /** The server's mode from GET /v1/about, compared with the settings; retried while it starts. */
  async function resolveMode(): Promise<SignalReceiveMode> {
    const deadline = Date.now() + timing.aboutWaitMs;
    const never = new AbortController().signal;
    for (let attempt = 0; ; attempt += 1) {
      await pause(backoffMs(attempt, timing.reconnectBaseMs, timing.reconnectMaxMs), never);
      try {
        const server = modeFromAbout((await raw.about()).mode);
        if (!server) {
          if (settings.receiveMode) {
            logger.warn('SIGNAL_UNKNOWN_MODE', { configured: settings.receiveMode });
            return settings.receiveMode;
          }
          throw new DeliveryError({ code: 'SIGNAL_UNKNOWN_MODE', retry: 'never', message: 'GET /v1/about names no known mode: set SIGNAL_RECEIVE_MODE' });
        }
        const { mode: chosen, differs } = reconcileMode(settings.receiveMode, server);
        if (differs) logger.warn('SIGNAL_MODE_FOLLOWS_SERVER', { configured: settings.receiveMode ?? '', server });
        return chosen;
      } catch (error) {
        if (error instanceof SignalModeMismatch) logger.error('SIGNAL_MODE_MISMATCH', { configured: error.configured, server: error.server });
        if (!isAxiosError(error)) throw error;
        if (Date.now() >= deadline) {
          logger.error('SIGNAL_ABOUT_FAILED', { attempts: attempt + 1, error: errorCode(error) });
          throw new DeliveryError({ code: 'SIGNAL_API_UNREACHABLE', retry: 'later', message: 'signal-cli-rest-api did not answer GET /v1/about; check the signal-api container and SIGNAL_API_URL' });
        }
        logger.warn('SIGNAL_ABOUT_FAILED', { attempt: attempt + 1, error: errorCode(error) });
      }
    }
  }

  async function receive(events: EventPump, stopping: AbortSignal, hard: AbortSignal, current: SignalReceiveMode): Promise<void> {
    logger.info('SIGNAL_RECEIVING', { mode: current });
    if (familyOf(current) === 'socket') {
      // Frames still queued when the socket closes are handed over before stop() returns.
      await runSocketReceiver({ url: client.receiveSocketUrl, logger, timing, signal: stopping, onFrame: (item) => events.enqueue(item) });
      await events.idle();
    } else {
      await runPollReceiver({ client, pump: events, logger, timing, signal: hard, stopping });
    }
  }

  /** Identifiers as signal-cli printed them (number when known, else UUID) → members. */
  async function membersOf(identifiers: readonly string[]): Promise<Map<string, MemberAddress>> {
    const found = new Map<string, MemberAddress>();
    for (const id of identifiers) {
      const member = memberIfUuid(id);
      if (member) found.set(id, member);
    }
    if (found.size === identifiers.length) return found;
    try {
      // Numbers: the identity store knows each one's UUID.
      for (const entry of await client.identities()) {
        const member = entry.uuid ? memberIfUuid(entry.uuid) : undefined;
        if (member && entry.number && identifiers.includes(entry.number)) found.set(entry.number, member);
      }
    } catch (error) {
      logger.warn('SIGNAL_IDENTITY_LOOKUP_FAILED', { error: errorCode(error) });
    }
    return found;
  }

  /**
   * signal-cli refused a member's new key: hold the member now, as the identity monitor would
   * at its next check. Same dedupe key as the monitor's, so the core holds them once.
   */
  async function holdUntrusted(members: readonly MemberAddress[]): Promise<void> {
    const events = pump;
    const fresh = members.filter((m) => !reportedUntrusted.has(m));
    if (!events || fresh.length === 0) return;
    let known: Awaited<ReturnType<SignalRestClient['identities']>> = [];
    try {
      known = await client.identities();
    } catch (error) {
      logger.warn('SIGNAL_IDENTITY_LOOKUP_FAILED', { error: errorCode(error) });
    }
    for (const member of fresh) {
      reportedUntrusted.add(member);
      const uuid = member.slice('signal:'.length);
      const safetyNumber = known.find((entry) => entry.uuid?.toLowerCase() === uuid)?.safety_number ?? 'unknown';
      logger.warn('SIGNAL_UNTRUSTED_ON_SEND');
      await events.handleEvent({ kind: 'identity-changed', dedupeKey: `signal:identity:${member}:${safetyNumber}`, transport: 'signal', member });
    }
  }

  async function problemsOf(failures: readonly RecipientFailure[]): Promise<DeliveryProblem[]> {
    const members = await membersOf(failures.map((f) => f.identifier));
    return failures.map((failure) => {
      const member = members.get(failure.identifier);
      return { ...problemOf(failure.reason), ...(member ? { member } : {}) };
    });
  }

  async function outcomeOf(addressed: ReturnType<typeof buildSendBody>): Promise<SendOutcome> {
    try {
      return sentFromSuccess((await client.send(addressed.body)).data);
    } catch (error) {
      return classifySendFailure(error, addressed);
    }
  }

  const identities: IdentityMonitor = {
    ...monitor,
    async verify(member, safetyNumber) {
      const result = await monitor.verify(member, safetyNumber);
      if (result.ok) reportedUntrusted.delete(member);
      return result;
    },
  };

  return {
    name: 'signal',
    identities,
    receiveMode: () => mode,

    async start(onEvent: EventHandler): Promise<void> {
      if (stopper) throw new Error('Signal transport already started (code SIGNAL_ALREADY_STARTED)');
      const current = await resolveMode();
      mode = current;
      lane.setSerial(familyOf(current) === 'poll');
      stopper = { stopping: new AbortController(), hard: new AbortController() };
      const { stopping, hard } = stopper;
      const events = new EventPump(onEvent, { logger, timing, signal: hard.signal, own, client });
      pump = events;
      // Receiving runs in the background; its loops log and retry, they never reject.
      loop = receive(events, stopping.signal, hard.signal, current).catch((error: unknown) => logger.error('SIGNAL_RECEIVE_CRASHED', { error: errorCode(error) }));
    },

    async send(message: OutboundMessage): Promise<SendReceipt> {
      const addressed = buildSendBody(message, settings.number);
      const outcome = await outcomeOf(addressed);
      const untrusted = outcome.failures.filter((f) => f.reason === 'identity').map((f) => f.identifier);
      if (outcome.kind === 'failed') {
        const { error } = outcome;
        if (outcome.ambiguous) logger.warn('SIGNAL_SEND_AMBIGUOUS', { outbox: message.id, reason: outcome.ambiguous });
        if (error.code === 'SIGNAL_UNTRUSTED_IDENTITY') {
          await holdUntrusted(addressed.member ? [addressed.member] : [...(await membersOf(untrusted)).values()]);
        }
        logger.warn('SIGNAL_SEND_FAILED', { outbox: message.id, code: error.code, retry: error.retry });
        throw error;
      }
      if (untrusted.length > 0) await holdUntrusted([...(await membersOf(untrusted)).values()]);
      const problems = outcome.failures.length > 0 ? await problemsOf(outcome.failures) : [];
      if (!outcome.messageRef) logger.warn('SIGNAL_SEND_NO_TIMESTAMP', { outbox: message.id });
      if (problems.length > 0) logger.warn('SIGNAL_SEND_PARTIAL', { outbox: message.id, problems: problems.length });
      const receipt: SendReceipt = { ...(outcome.messageRef ? { messageRef: messageRef(outcome.messageRef) } : {}), ...(problems.length ? { problems } : {}) };
      // An edit keeps the original post's id: replies and reactions still point at it.
      return message.edit ? { ...receipt, messageRef: messageRef(message.edit) } : receipt;
    },

    async stop(): Promise<void> {
      if (!stopper) return;
      const { stopping, hard } = stopper;
      stopping.abort();
      const cut = setTimeout(() => {
        logger.warn('SIGNAL_STOP_GRACE_EXPIRED');
        hard.abort();
      }, timing.stopGraceMs);
      await loop;
      clearTimeout(cut);
      hard.abort();
      loop = undefined;
      stopper = undefined;
      pump = undefined;
    },
  };
}
