// Renders executors' replies in a language and writes them to the outbox, in the caller's
// transaction. The only place that turns Reply data into outbound messages.

import type { Group } from '../core/domain.js';
import { type ChatAddress, type MemberAddress, type MessageRef, splitAddress } from '../core/ids.js';
import { MESSAGE_LIMITS, splitMessage } from '../core/message-size.js';
import { EDITS_POSTS } from '../core/transport.js';
import type { GroupContext } from '../commands/context.js';
import type { Reply } from '../commands/reply.js';
import { postCard } from '../commands/post-card.js';
import { type MessageKey, type Msg, render, t } from '../i18n/index.js';
import type { Lang } from '../i18n/lang.js';
import type { Store } from '../store/store.js';
import type { OutboxDraft } from '../store/outbox.js';
import { replanCase } from '../cases/plan.js';
import { type Planning, replanDigest, replanRequest } from '../scheduler/replan.js';


export interface ReplyTarget {
  readonly store: Store;
  readonly now: number;
  readonly lang: Lang;
  readonly chat: ChatAddress;
  /** The topic of `chat` the event came from (Telegram forum topic): answers go there. */
  readonly topic?: string;
  readonly group?: Group;
  /** The member's message the answers quote, if any. */
  readonly quote?: { readonly ref: MessageRef; readonly author: MemberAddress };
  /** Needed to describe requests in posts. */
  readonly groupContext?: GroupContext;
  /** Needed to plan reminders when requests change. */
  readonly planning?: Planning;
}

/** Writes replies to the outbox; returns the text of the first notice (for button answers). */
export function deliverReplies(target: ReplyTarget, replies: readonly Reply[]): string | undefined {
  const { store, now, chat, group } = target;
  const base = group ? { group: group.id } : {};
  const inTopic = (topic: string | undefined) => (topic !== undefined ? { topic } : {});
  let noticeText: string | undefined;
  for (const reply of replies) {
    switch (reply.kind) {
      case 'answer': {
        const lang = reply.lang ?? target.lang;
        const rendered = render(lang, reply.msg);
        const said = reply.centre ? t(lang, 'aboutCentre', { centre: reply.centre, text: rendered }) : rendered;
        splitFor(chat, said).forEach((text, i) =>
          store.outbox.enqueue(
            {
              ...base,
              to: chat,
              ...inTopic(target.topic),
              text,
              ...(target.quote && i === 0 ? { replyTo: target.quote } : {}),
              ...(group && chat === group.chat && i === 0 ? mentionOf(reply.msg) : {}),
            },
            now,
          ),
        );
        break;
      }
      case 'announce': {
        // About a request: in its topic. Otherwise where the event was said, if in the group.
        const topic =
          group && reply.number !== undefined
            ? store.topics.ofRequest(group.id, reply.number)
            : !group || chat === group.chat
              ? target.topic
              : store.topics.ofGroup(group.id);
        splitFor(group?.chat ?? chat, render(target.lang, reply.msg)).forEach((text, i) =>
          store.outbox.enqueue({ ...base, to: group?.chat ?? chat, ...inTopic(topic), text, ...(group && i === 0 ? mentionOf(reply.msg) : {}) }, now),
        );
        break;
      }
      case 'direct':
        for (const text of splitFor(reply.member, render(target.lang, reply.msg))) {
          store.outbox.enqueue(
            {
              ...base,
              to: reply.member,
              text,
              ...(reply.about !== undefined ? { about: reply.about } : {}),
              // A question about the request: OK / RELEASE in the direct chat answer it.
              ...(reply.asks && reply.about !== undefined && group ? { postNumber: reply.about, promptKind: 'remind' as const } : {}),
            },
            now,
          );
        }
        break;
      case 'notice':
        noticeText ??= render(target.lang, reply.msg);
        break;
      case 'replan':
        if (target.planning) replanRequest(store, target.planning, reply.group, reply.number, now);
        break;
      case 'replan-digest':
        if (target.planning) replanDigest(store, target.planning, reply.group, now);
        break;
      case 'replan-case':
        if (target.planning) replanCase(store, target.planning, reply.group, reply.caseId, now);
        break;
      case 'in-group': {
        const other = store.groups.get(reply.group);
        const ctx = target.groupContext;
        if (!other || !ctx) break;
        const centre = ctx.centres.get(other.centreId) ?? ctx.centre;
        const otherCtx: GroupContext = { ...withoutTopic(ctx), group: other, centre, lang: other.lang, chat: other.chat };
        deliverReplies(
          { store, now, lang: other.lang, chat: other.chat, group: other, groupContext: otherCtx, ...(target.planning ? { planning: target.planning } : {}) },
          reply.replies,
        );
        break;
      }
      case 'post':
      case 'refresh': {
        const ctx = target.groupContext;
        const request = ctx ? store.requests.get(ctx.group.id, reply.number) : undefined;
        if (!ctx || !request) break;
        const { text, buttons } = postCard(ctx, request, target.lang, reply.kind === 'post' && reply.urgent === true);
        const topic = store.topics.ofRequest(ctx.group.id, request.number);
        const enqueuePost = (replyTo: OutboxDraft['replyTo']) =>
          store.outbox.enqueue(
            { group: ctx.group.id, to: ctx.group.chat, ...inTopic(topic), text, buttons, postNumber: request.number, ...(replyTo ? { replyTo } : {}) },
            now,
          );
        if (reply.kind === 'post') {
          // Quote the command only when it was said in that group (never a direct message)
          // and in the post's topic: Telegram refuses a reply across topics.
          enqueuePost(target.quote && chat === ctx.group.chat && target.topic === topic ? target.quote : undefined);
        } else if (EDITS_POSTS[ctx.group.transport]) {
          const latest = store.posts.latestPost(ctx.group.id, ctx.group.chat, request.number);
          if (latest) store.outbox.enqueue({ group: ctx.group.id, to: ctx.group.chat, text, buttons, edit: latest }, now);
        } else if (reply.repost) {
          // No edits here: the updated card once, quoting the previous one so the thread reads on.
          const latest = store.posts.latestPost(ctx.group.id, ctx.group.chat, request.number);
          enqueuePost(latest ? { ref: latest } : undefined);
        }
        break;
      }
    }
  }
  return noticeText;
}

/** The context without the topic the event came from (another group has its own topics). */
function withoutTopic(ctx: GroupContext): GroupContext {
  const copy: { -readonly [K in keyof GroupContext]: GroupContext[K] } = { ...ctx };
  delete copy.topic;
  return copy;
}

/** Bot messages about one request: a reply to any of them acts on it (#9). */
const ABOUT_A_REQUEST: ReadonlySet<MessageKey> = new Set<MessageKey>([
  'claimed', 'claimYours', 'claimTaken', 'joined', 'joinFull', 'joinAlready', 'joinIsDriver', 'released', 'seatLeft', 'moved', 'assumed',
  'confirmed', 'replyHintFor',
]);

function mentionOf(message: Msg): { about: number; mention: 'about' | 'release-ask' } | Record<string, never> {
  const n = (message.args[0] as { n?: unknown } | undefined)?.n;
  if (typeof n !== 'number') return {};
  if (message.key === 'releaseAsk') return { about: n, mention: 'release-ask' };
  return ABOUT_A_REQUEST.has(message.key) ? { about: n, mention: 'about' } : {};
}


/**
 * Long answers (a /list of a busy group) become several messages within the limit of the
 * transport they go out on, cut between lines. Each is its own outbox row, so a failure never
 * leaves half a message sent twice.
 */
function splitFor(to: ChatAddress | MemberAddress, text: string): string[] {
  return splitMessage(text, MESSAGE_LIMITS[splitAddress(to).transport]);
}
