// The core service: one inbound event in, its effects and replies committed in one
// transaction (with the event's dedupe key), then the outbox is nudged. Every event is handled
// inside a boundary that answers the user in their language and keeps the process alive.

import type { CentreDirectory } from '../core/centres.js';
import type { Clock } from '../core/clock.js';
import { DEFAULT_LIMITS, type Limits } from '../core/limits.js';
import type { ChatAddress } from '../core/ids.js';
import type { EventOutcome, InboundEvent, MessageEvent } from '../core/transport.js';
import { lookupCommand, parseCommand, splitCommand } from '../commands/parse.js';
import { checkSafetyNumber, holdMember, type IdentityVerifier } from './identity.js';
import { assertNever } from '../core/assert-never.js';
import { errorCode } from '../core/error-code.js';
import { msg } from '../i18n/index.js';
import type { Lang } from '../i18n/lang.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { PlanSettings } from '../scheduler/plan.js';
import type { Planning } from '../scheduler/replan.js';
import type { RuleBook } from '../cases/rules.js';
import { throttleReposts } from '../commands/reposts.js';
import { deliverReplies } from './deliver-replies.js';
import { memberLeft } from './leaving.js';
import { pauseGroup, resumeGroup } from './membership.js';
import { type Routed, routeAction, routeMessage } from './route.js';

export interface ParloirOptions {
  readonly store: Store;
  readonly centres: CentreDirectory;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly defaultLang: Lang;
  /** Limits against floods (PARLOIR_LIMITS); the defaults when absent. */
  readonly limits?: Limits;
  /** Reminder lead times and alert timings, to plan jobs when requests change. */
  readonly plan: PlanSettings;
  /** The legal clock's rules (config/jurisdictions). */
  readonly rules?: RuleBook;
  /** Called after each committed event so the outbox sends without waiting for its timer. */
  readonly onEnqueued?: () => void;
  /** Checks a safety number with the platform (Signal); absent where there are none. */
  readonly verifyIdentity?: IdentityVerifier;
}

export class Parloir {
  private readonly planning: Planning;

  constructor(private readonly options: ParloirOptions) {
    this.planning = { centres: options.centres, settings: options.plan, ...(options.rules ? { rules: options.rules } : {}) };
  }

  /** The transport-facing entry point (an EventHandler). Never throws for a bad event. */
  readonly handle = async (event: InboundEvent): Promise<EventOutcome> => {
    const { store, logger } = this.options;
    const now = this.options.clock.now();
    try {
      const verify = this.verifyCommand(event);
      if (verify) return await this.verify(verify.event, verify.safetyNumber, verify.lang, now);
      const outcome = store.write(() => {
        if (store.inbox.seen(event.dedupeKey)) return { status: 'duplicate' } as const;
        return this.apply(event, now);
      });
      if (outcome.status === 'duplicate') logger.debug('EVENT_DUPLICATE', { transport: event.transport });
      return outcome;
    } catch (error) {
      logger.error('EVENT_FAILED', { transport: event.transport, kind: event.kind, error: errorCode(error) });
      this.answerFailure(event, now);
      return { status: 'failed' };
    } finally {
      this.options.onEnqueued?.();
    }
  };

  private apply(event: InboundEvent, now: number): EventOutcome {
    const { store } = this.options;
    const deps = { store, centres: this.options.centres, defaultLang: this.options.defaultLang, planning: this.planning, limits: this.options.limits ?? DEFAULT_LIMITS };
    let routed: Routed;
    switch (event.kind) {
      case 'message':
        routed = routeMessage(deps, event, now);
        break;
      case 'reaction':
      case 'button':
        routed = routeAction(deps, event, now);
        break;
      case 'identity-changed': {
        const groups = holdMember(store, event.member, now);
        store.inbox.record(event.dedupeKey, now);
        this.options.logger.warn('MEMBER_HELD', { groups: groups.length });
        return { status: 'handled' };
      }
      case 'member-left': {
        const removed = memberLeft(deps, event, now);
        if (removed === 0) return { status: 'ignored' };
        store.inbox.record(event.dedupeKey, now);
        this.options.logger.info('MEMBER_LEFT', { members: removed });
        return { status: 'handled' };
      }
      case 'bot-membership': {
        const group = event.chatKind === 'group' ? store.groups.findByChat(event.chat) : undefined;
        if (!group) return { status: 'ignored' };
        const changed = event.present
          ? resumeGroup(store, this.planning, group, now, this.options.logger)
          : pauseGroup(store, this.planning, group, now, this.options.logger);
        store.inbox.record(event.dedupeKey, now);
        return { status: changed ? 'handled' : 'ignored' };
      }
      case 'chat-migrated': {
        const group = store.groups.findByChat(event.from);
        if (!group || store.groups.findByChat(event.to)) return { status: 'ignored' };
        store.groups.moveChat(group.id, event.to);
        store.inbox.record(event.dedupeKey, now);
        this.options.logger.info('CHAT_MIGRATED', { group: group.id });
        return { status: 'handled' };
      }
      default:
        return assertNever(event, 'event');
    }
    if (routed.replies.length === 0 && !routed.remember) return { status: 'ignored' };
    // Claim / release ping-pong: the group is shown a request again at most once per window.
    const replies = routed.group ? throttleReposts(routed.group, this.options.limits ?? DEFAULT_LIMITS, routed.replies) : routed.replies;
    const group = routed.group?.group;
    const notice = deliverReplies(
      {
        store,
        now,
        lang: routed.lang,
        chat: event.chat,
        ...(event.topic !== undefined ? { topic: event.topic } : {}),
        planning: this.planning,
        ...(group ? { group, groupContext: routed.group } : {}),
        ...(event.kind === 'message' ? { quote: { ref: event.messageRef, author: event.sender } } : {}),
      },
      replies,
    );
    if (routed.remember) store.inbox.record(event.dedupeKey, now);
    this.options.logger.info('EVENT_HANDLED', { transport: event.transport, kind: event.kind, replies: replies.length });
    return notice === undefined ? { status: 'handled' } : { status: 'handled', notice };
  }

  /** A /verify command, when this platform can check safety numbers. */
  private verifyCommand(event: InboundEvent): { event: MessageEvent; safetyNumber?: string; lang: Lang } | undefined {
    if (event.kind !== 'message' || !this.options.verifyIdentity) return undefined;
    const split = splitCommand(event.text);
    if (!split || lookupCommand(split.word)?.name !== 'verify') return undefined;
    const parsed = parseCommand(event.text, { now: 0, zone: 'UTC' });
    const lang = parsed.lang ?? this.options.defaultLang;
    const safetyNumber = parsed.ok && parsed.command.name === 'verify' ? parsed.command.safetyNumber : undefined;
    return { event, lang, ...(safetyNumber ? { safetyNumber } : {}) };
  }

  /** The platform call happens outside any transaction; its result is then committed at once. */
  private async verify(event: MessageEvent, safetyNumber: string | undefined, lang: Lang, now: number): Promise<EventOutcome> {
    const { store } = this.options;
    if (store.inbox.seen(event.dedupeKey)) return { status: 'duplicate' };
    const outcome = await checkSafetyNumber(store, this.options.verifyIdentity!, event, safetyNumber);
    store.write(() => {
      const group = store.groups.findByChat(event.chat);
      // Lifted in this group only: each group's coordinators answer for their own members.
      if (outcome.verified && group) {
        store.members.unhold(group.id, store.members.keyOf(group.id, outcome.verified));
        // What waited for them (signal-cli refused their new key) goes out now, not at its next retry.
        store.outbox.wake(group.id, outcome.verified as unknown as ChatAddress, now);
      }
      deliverReplies(
        { store, now, lang, chat: event.chat, ...(event.topic !== undefined ? { topic: event.topic } : {}), ...(group ? { group } : {}), quote: { ref: event.messageRef, author: event.sender } },
        [{ kind: 'answer', msg: outcome.answer }],
      );
      store.inbox.record(event.dedupeKey, now);
    });
    this.options.logger.info('IDENTITY_VERIFY', { verified: outcome.verified !== undefined });
    return { status: 'handled' };
  }

  /** Best effort: tell the member nothing was changed, and remember the event so a redelivery does not loop. */
  private answerFailure(event: InboundEvent, now: number): void {
    if (event.kind === 'chat-migrated' || event.kind === 'identity-changed' || event.kind === 'bot-membership' || event.kind === 'member-left') return;
    const { store } = this.options;
    try {
      store.write(() => {
        const group = store.groups.findByChat(event.chat);
        deliverReplies(
          {
            store,
            now,
            lang: group?.lang ?? this.options.defaultLang,
            chat: event.chat,
            ...(event.topic !== undefined ? { topic: event.topic } : {}),
            ...(group ? { group } : {}),
            ...(event.kind === 'message' ? { quote: { ref: event.messageRef, author: event.sender } } : {}),
          },
          [{ kind: 'answer', msg: msg('failed') }],
        );
        store.inbox.record(event.dedupeKey, now);
      });
    } catch (error) {
      // The store itself is failing: let the transport retry the event later.
      this.options.logger.error('EVENT_FAILURE_ANSWER_FAILED', { error: errorCode(error) });
      throw error;
    }
  }
}
