// Decides what an inbound event means for a linked or unlinked chat and runs the executor.
// Runs inside the event's write transaction; returns replies and whether to remember the event.

import { type Action, allowedOutsideGroup, refusal } from '../commands/authorization.js';
import { cancel, claim, confirm, done, join, move, refused, release } from '../commands/claim.js';
import { coord } from '../commands/coordinators.js';
import { requestLimit } from '../commands/limits.js';
import type { ExecContext, GroupContext } from '../commands/context.js';
import { info, list, mine, setDigest, setLang } from '../commands/group-info.js';
import { link, relink } from '../commands/link.js';
import { missingDirect, missingInGroup } from '../commands/missing.js';
import { type Command, type ParseError, parseCommand, splitCommand } from '../commands/parse.js';
import { answer, notice, type Reply } from '../commands/reply.js';
import { isYes, type ReplySituation, replyIntent, understandReply } from '../commands/reply-intent.js';
import { createRequest, stated } from '../commands/requests.js';
import { wipe } from '../commands/wipe.js';
import { continueDetails, detailsCommand } from '../cases/details.js';
import { attachToCase, caseErrorMessage, executeCase } from '../cases/execute.js';
import { flightCommand, flightErrorMessage } from '../cases/flight.js';
import { network } from '../commands/network.js';
import type { CaseCommand } from '../cases/parse.js';
import { assertNever } from '../core/assert-never.js';
import type { CentreDirectory } from '../core/centres.js';
import type { Limits } from '../core/limits.js';
import { type Group, isActive } from '../core/domain.js';
import type { ButtonAction, ButtonEvent, MemberMention, MessageEvent, ReactionEvent } from '../core/transport.js';
import { type Msg, msg } from '../i18n/index.js';
import type { Lang } from '../i18n/lang.js';
import { CONFIRM_WORDS, normaliseWords, type ReplyIntent } from '../i18n/words.js';
import type { Store } from '../store/store.js';
import type { Planning } from '../scheduler/replan.js';

export interface Routed {
  readonly replies: readonly Reply[];
  readonly lang: Lang;
  /** False for events with no effect worth deduplicating (chatter, unlinked chats). */
  readonly remember: boolean;
  readonly group?: GroupContext;
}

export interface RouteDeps {
  readonly store: Store;
  readonly centres: CentreDirectory;
  readonly defaultLang: Lang;
  readonly planning: Planning;
  readonly limits: Limits;
}

/** What an anonymous sender (Telegram anonymous admin) may still ask: nothing that acts as a person. */
const ANONYMOUS_READS: ReadonlySet<string> = new Set(['help', 'list', 'info']);

const THUMBS_UP = /^👍(?:[\u{1F3FB}-\u{1F3FF}])?$/u;

export function routeMessage(deps: RouteDeps, event: MessageEvent, now: number): Routed {
  // Decided before routing: a /wipe leaves its group unlinked, yet its last answer must go out.
  const outsider =
    event.chatKind === 'group' ? deps.store.groups.findByChat(event.chat) === undefined : deps.store.members.groupsOfMember(event.sender).length === 0;
  const routed = routeMessageIn(deps, event, now);
  if (!outsider || routed.replies.length === 0) return routed;
  // A code that linked the group is always answered: the chat is no longer outside.
  if (event.chatKind === 'group' && deps.store.groups.findByChat(event.chat)) return routed;
  // A code that did not link is said so, once a minute at most: whoever sets the group up must
  // know a typo failed, and with 50-bit codes the answer helps no one guess.
  if (event.chatKind === 'group' && routed.replies.some(isLinkCodeAnswer)) {
    return deps.store.limits.mayAnswerStranger(event.chat, now, LINK_CODE_RETRY_MS, 'link-code') ? routed : { ...routed, replies: [] };
  }
  // An unlinked chat or a stranger's direct chat: one answer per window, then silence.
  return deps.store.limits.mayAnswerStranger(event.chat, now, deps.limits.strangerMs) ? routed : { ...routed, replies: [] };
}

const LINK_CODE_RETRY_MS = 60_000;
const isLinkCodeAnswer = (reply: Reply): boolean => reply.kind === 'answer' && (reply.msg.key === 'linkUnknown' || reply.msg.key === 'linkUsage');

function routeMessageIn(deps: RouteDeps, event: MessageEvent, now: number): Routed {
  const group = event.chatKind === 'group' ? deps.store.groups.findByChat(event.chat) : undefined;
  const base = baseContext(deps, event, now, group?.lang ?? deps.defaultLang);
  const gctx = group ? groupContext(base, group, deps.centres) : undefined;
  const split = splitCommand(event.text);

  if (event.chatKind === 'direct') {
    const direct = routeDirect(deps, event, base, split !== undefined, now);
    if (direct) return direct;
  }

  if (!split) {
    if (!gctx || event.replyTo === undefined) return ignored(base.lang);
    const about = deps.store.posts.about(gctx.group.id, event.chat, event.replyTo);
    if (about === undefined) return ignored(base.lang);
    return routeReply(deps, event, gctx, about.number, about.role === 'release-ask');
  }

  const parsed = parseCommand(event.text, { now, zone: gctx?.centre.timezone ?? 'Europe/Paris' });
  const lang = parsed.lang ?? base.lang;
  const ctx: ExecContext = { ...base, lang };
  if (!parsed.ok && parsed.error.code === 'not-a-command') return ignored(lang);
  // Another bot's command in a group with other bots: theirs to answer, not ours.
  if (!parsed.ok && parsed.error.code === 'unknown-command' && event.addressedToBot === false) return ignored(lang);
  // Someone the bot cannot tell apart may read, but not link, ask or take: say how to do it.
  if (event.anonymous && !(parsed.ok && ANONYMOUS_READS.has(parsed.command.name))) {
    return { replies: [answer(msg('anonymousSender'))], lang, remember: false };
  }

  if (!gctx) {
    // Unlinked chat or a stranger's direct chat: nothing about the message is kept.
    const action = parsed.ok ? actionOf(parsed.command) : undefined;
    const place = event.chatKind === 'direct' ? 'direct' : 'unlinked';
    if (!action || !allowedOutsideGroup(action, place)) {
      const refusal = place === 'unlinked' ? 'notLinked' : action === 'link' ? 'linkDirect' : 'groupOnly';
      return { replies: [answer(msg(refusal))], lang, remember: false };
    }
    if (action === 'link') return { replies: link(ctx, parsed.ok && parsed.command.name === 'link' ? parsed.command.code : undefined), lang, remember: true };
    if (action === 'mine') return { replies: mine(ctx), lang, remember: true };
    if (parsed.ok && parsed.command.name === 'missing') {
      return { replies: missingDirect(deps.store, deps.centres, event.sender, parsed.command.words), lang, remember: false };
    }
    return { replies: [answer(msg(place === 'direct' ? 'help' : 'helpUnlinked'))], lang, remember: false };
  }

  const lctx: GroupContext = { ...gctx, lang };
  const replies = parsed.ok ? execute(lctx, parsed.command, target(event), deps) : [answer(errorMessage(parsed.error, gctx.centre.timezone))];
  // After /wipe the group and its key are gone: the last answer goes out sealed outside it.
  if (parsed.ok && parsed.command.name === 'wipe' && !deps.store.groups.get(lctx.group.id)) return { replies, lang, remember: true };
  return { replies, lang, remember: true, group: lctx };
}

export function routeAction(deps: RouteDeps, event: ReactionEvent | ButtonEvent, now: number): Routed {
  const group = deps.store.groups.findByChat(event.chat);
  const lang = group?.lang ?? deps.defaultLang;
  if (!group) return ignored(lang);
  const base = { ...baseContext(deps, event, now, lang), viaButton: event.kind === 'button' };
  const gctx = groupContext(base, group, deps.centres);
  if (!gctx) return ignored(lang);
  const number = deps.store.posts.requestOf(group.id, event.chat, event.target);
  if (number === undefined) return ignored(lang);
  let action: ButtonAction;
  if (event.kind === 'button') action = event.action;
  else if (!THUMBS_UP.test(event.emoji)) return ignored(lang);
  else action = event.removed ? 'release' : 'claim';
  if (event.kind === 'reaction' && event.removed) {
    // Taking a 👍 back releases only a claim the member holds; otherwise it means nothing.
    const request = deps.store.requests.get(group.id, number);
    if (request?.claimer !== deps.store.members.keyOf(group.id, event.sender)) return ignored(lang);
  }
  return { replies: runIntent(gctx, action, number), lang, remember: true, group: gctx };
}

/**
 * A reply to any bot message about request #N (its post, a confirmation, a reminder in the
 * group, "give it back?"): read in its situation, answered in the replier's language.
 */
function routeReply(deps: RouteDeps, event: MessageEvent, gctx: GroupContext, number: number, asksRelease: boolean): Routed {
  const request = deps.store.requests.get(gctx.group.id, number);
  const me = deps.store.members.keyOf(gctx.group.id, event.sender);
  const situation: ReplySituation = {
    kind: request?.kind ?? 'visit',
    holder: request?.claimer === undefined ? 'none' : request.claimer === me ? 'me' : 'other',
    free: request ? Math.max(0, request.seats - request.passengers.length) : 0,
    passenger: request?.passengers.includes(me) ?? false,
  };
  if (event.anonymous) return { replies: [answer(msg('anonymousSender'))], lang: gctx.lang, remember: false };
  // "oui" to "give #N back?": the one-word confirmation
  if (asksRelease && isYes(event.text) && (situation.holder === 'me' || situation.passenger)) {
    return { replies: runIntent(gctx, 'release', number), lang: gctx.lang, remember: true, group: gctx };
  }
  const { outcome, lang, meaning } = understandReply(event.text, situation, gctx.lang);
  const ctx = { ...gctx, lang };
  if (meaning === 'release') {
    // Asked first, and only of whoever holds something in it (others are told, as for /release).
    const ask = () => [answer(msg('releaseAsk', { n: number, seat: situation.holder !== 'me' }))];
    return { replies: perform(ctx, 'release', number, ask), lang, remember: true, group: ctx };
  }
  switch (outcome) {
    case 'claim':
    case 'join':
      return { replies: runIntent(ctx, outcome, number), lang, remember: true, group: ctx };
    case 'release': // a release meaning, handled above
    case 'hint': {
      const role = situation.holder === 'me' ? 'holder' : situation.passenger ? 'passenger' : 'none';
      const hint = msg('replyHintFor', { n: number, kind: situation.kind, role, driver: situation.holder !== 'none', free: situation.free });
      return { replies: [answer(hint)], lang, remember: true, group: ctx };
    }
    default:
      return assertNever(outcome, 'reply outcome');
  }
}

/** How long a reminder stays answerable by a bare OK or RELEASE in the direct chat. */
const PROMPT_ANSWER_MS = 3 * 24 * 3_600_000;
const NUMBERED = new Set(['claim', 'join', 'release', 'done', 'cancel', 'refused', 'move']);

/**
 * A direct chat: OK / RELEASE answering a reminder, or a numbered command (/release 3) for a
 * request of one of the member's groups. Undefined: let the general rules answer.
 */
function routeDirect(deps: RouteDeps, event: MessageEvent, base: ExecContext, isCommand: boolean, now: number): Routed | undefined {
  const { store } = deps;
  // The sender's groups, each with the sender's key there (keys differ per group).
  const memberships = store.members.memberships(event.sender);
  const caseReply = routeCaseDirect(deps, event, base, isCommand, now);
  if (caseReply) return caseReply;
  if (!isCommand) {
    const words = normaliseWords(event.text);
    const intent = CONFIRM_WORDS.includes(words) ? 'confirm' : replyIntent(event.text)?.intent === 'release' ? 'release' : undefined;
    if (!intent) return undefined;
    const prompt =
      (event.replyTo !== undefined ? store.prompts.forMessage(event.sender, event.replyTo) : undefined) ??
      store.prompts.latestFor(memberships, now - PROMPT_ANSWER_MS);
    const group = prompt ? store.groups.get(prompt.group) : undefined;
    const gctx = group ? groupContext(base, group, deps.centres) : undefined;
    if (!prompt || !gctx) return { replies: [answer(msg('noPrompt'))], lang: base.lang, remember: false };
    const replies = perform(gctx, intent, prompt.number, () => (intent === 'confirm' ? confirm(gctx, prompt.number) : release(gctx, prompt.number)));
    return { replies, lang: gctx.lang, remember: true, group: gctx };
  }
  const parsed = parseCommand(event.text, { now, zone: 'Europe/Paris' });
  if (!parsed.ok || !NUMBERED.has(parsed.command.name) || !('number' in parsed.command)) return undefined;
  const number = parsed.command.number;
  const candidates = memberships.flatMap(({ group: id, key }) => {
    const group = store.groups.get(id);
    const involved = group !== undefined && store.requests.involvingMember(id, key).some((r) => r.number === number && isActive(r.state));
    return involved ? [group] : [];
  });
  const chosen = candidates.length > 1 ? namedIn(deps.centres, candidates, event.text) : candidates;
  if (chosen.length > 1) {
    // Never guess: ask which, by centre name.
    const centres = chosen.map((g) => deps.centres.get(g.centreId)?.name ?? g.centreId);
    const command = splitCommand(event.text)?.word.toLowerCase() ?? '';
    return { replies: [answer(msg('whichGroup', { n: number, command, centres }))], lang: parsed.lang ?? base.lang, remember: false };
  }
  const group = chosen.length === 1 ? chosen[0] : undefined;
  const gctx = group ? groupContext(base, group, deps.centres) : undefined;
  if (!gctx) return undefined;
  // Parse again in the centre's zone (for /move), and answer in the command's language.
  const again = parseCommand(event.text, { now, zone: gctx.centre.timezone });
  const ctx = { ...gctx, lang: again.lang ?? gctx.lang };
  const replies = again.ok ? execute(ctx, again.command, undefined, deps) : [answer(errorMessage(again.error, gctx.centre.timezone))];
  // In a direct chat every answer says which group (centre) it is about.
  const named = replies.map((r) => (r.kind === 'answer' ? { ...r, centre: gctx.centre.name } : r));
  return { replies: named, lang: ctx.lang, remember: true, group: ctx };
}

/** Words too common in centre names to tell two centres apart. */
const GENERIC = new Set(['cra', 'centre', 'center', 'ferme', 'de', 'du', 'la', 'le', 'des', 'closed']);

/** The groups whose centre the text names (its id, or every distinctive word of its name); all of them when none or several match. */
function namedIn(centres: CentreDirectory, groups: readonly Group[], text: string): readonly Group[] {
  const words = new Set(normaliseWords(text.replace(/-/g, ' ')).split(' '));
  const matches = groups.filter((g) => {
    const centre = centres.get(g.centreId);
    if (!centre) return false;
    const id = normaliseWords(centre.id.replace(/-/g, ' ')).split(' ');
    const name = normaliseWords(centre.name).split(' ').filter((w) => w.length > 1 && !GENERIC.has(w));
    const has = (list: readonly string[]) => list.length > 0 && list.every((w) => words.has(w));
    return has(id) || has(name);
  });
  return matches.length === 1 ? matches : groups;
}

/** /details in a direct chat, and the answers of a /details dialogue in progress. */
function routeCaseDirect(deps: RouteDeps, event: MessageEvent, base: ExecContext, isCommand: boolean, now: number): Routed | undefined {
  const dctx = { store: deps.store, now, lang: base.lang, sender: event.sender };
  if (!isCommand) {
    const continued = continueDetails(dctx, event.text);
    return continued ? { replies: continued.replies, lang: continued.lang, remember: true } : undefined;
  }
  const parsed = parseCommand(event.text, { now, zone: 'Europe/Paris' });
  if (!parsed.ok || parsed.command.name !== 'case' || parsed.command.case.kind !== 'details') return undefined;
  const lang = parsed.lang ?? base.lang;
  const { replies } = detailsCommand({ ...dctx, lang }, parsed.command.case.ref, parsed.command.case.show);
  return { replies, lang, remember: true };
}

/** The authorization table's name for a command. */
function actionOf(command: Command): Action {
  if (command.name === 'case') return caseAction(command.case);
  if (command.name !== 'coord') return command.name;
  return command.op === 'add' ? 'coord-add' : command.op === 'remove' ? 'coord-remove' : 'coord';
}

function caseAction(command: CaseCommand): Action {
  switch (command.kind) {
    case 'set':
    case 'close':
    case 'transfer':
      return 'case';
    case 'usage':
    case 'list':
    case 'show':
      return 'cases';
    case 'hearing':
    case 'details':
    case 'lawyer':
      return command.kind;
  }
}

/** Whom a command points at: the author of the message it replies to, or the first @-mention. */
function target(event: MessageEvent): MemberMention | undefined {
  return event.replyToAuthor ?? event.mentions?.[0];
}

/** Every command and reply action in a group passes here: the table decides, then the executor runs. */
function perform(ctx: GroupContext, action: Action, number: number | undefined, run: () => Reply[]): Reply[] {
  const refused = refusal(ctx, action, number);
  if (!refused) return run();
  // A button press is answered where it was pressed (Telegram shows it to the presser only).
  return [ctx.viaButton ? notice(refused) : answer(refused)];
}

function execute(ctx: GroupContext, command: Command, who: MemberMention | undefined, deps: RouteDeps): Reply[] {
  return perform(ctx, actionOf(command), 'number' in command ? command.number : undefined, () => run(ctx, command, who, deps));
}

function run(ctx: GroupContext, command: Command, who: MemberMention | undefined, deps: RouteDeps): Reply[] {
  const rules = deps.planning.rules;
  switch (command.name) {
    case 'help':
      return [answer(msg('help'))];
    case 'link':
      return relink(ctx, command.code);
    case 'visit':
    case 'package':
    case 'credit':
    case 'lawyer': {
      const limited = requestLimit(ctx, deps.limits);
      if (limited) return limited;
      const replies = createRequest(ctx, command.draft, command.assumption);
      const posted = replies.find((r) => r.kind === 'post');
      if (command.name === 'lawyer' && posted?.kind === 'post') attachToCase(ctx, posted.number, command.draft.detainee);
      return replies;
    }
    case 'case':
      return executeCase({ ...ctx, ...(rules ? { rules } : {}) }, command.case);
    case 'list':
      return list(ctx);
    case 'mine': {
      // Your own list is nobody else's business: it goes to you directly.
      const [reply] = mine(ctx, ctx);
      return reply && reply.kind === 'answer' ? [{ kind: 'direct', member: ctx.actor.address, msg: reply.msg }] : [];
    }
    case 'info':
      return info(ctx, command.sources);
    case 'lang':
      return setLang(ctx, command.value);
    case 'claim':
      return claim(ctx, command.number);
    case 'join':
      return join(ctx, command.number);
    case 'release':
      return release(ctx, command.number);
    case 'done':
      return done(ctx, command.number, command.handover);
    case 'cancel':
      return cancel(ctx, command.number);
    case 'refused':
      return refused(ctx, command.number, command.reason);
    case 'move':
      return [
        ...move(ctx, command.number, { ...(command.dueAt !== undefined ? { dueAt: command.dueAt } : {}), ...(command.place !== undefined ? { place: command.place } : {}) }),
        ...(command.dueAt !== undefined ? stated(command.number, command.dueAt, ctx.centre.timezone, command.assumption) : []),
      ];
    case 'digest':
      return setDigest(ctx, command.at, command.valid);
    case 'coord':
      return coord(ctx, command.op, who);
    case 'wipe':
      return wipe(ctx, command.word);
    case 'missing':
      return missingInGroup(ctx.centres, ctx.centre, command.words);
    case 'flight':
      return flightCommand({ ...ctx, ...(rules ? { rules } : {}) }, command.flight);
    case 'network':
      return network(ctx, command.on);
    case 'verify':
      // Reached only where the platform has no safety numbers (Parloir.handle takes it otherwise).
      return [answer(msg('verifyUnsupported'))];
    default:
      return assertNever(command, 'command');
  }
}

function runIntent(ctx: GroupContext, intent: ReplyIntent, number: number): Reply[] {
  return perform(ctx, intent, number, () => {
    switch (intent) {
      case 'claim':
        return claim(ctx, number);
      case 'join':
        return join(ctx, number);
      case 'release':
        return release(ctx, number);
      default:
        return assertNever(intent, 'reply intent');
    }
  });
}

export function errorMessage(error: ParseError, zone = 'Europe/Paris'): Msg {
  switch (error.code) {
    case 'not-a-command':
    case 'unknown-command':
      if (error.code === 'unknown-command' && error.suggestion) return msg('didYouMean', { word: error.word, suggestion: error.suggestion });
      return msg('unknownCommand', { word: error.code === 'unknown-command' ? error.word : '' });
    case 'too-long':
      return msg('tooLong', { max: 2000 });
    case 'number-missing':
      return msg('numberMissing', { command: error.word });
    case 'when-missing':
      return msg('whenMissing', { kind: error.kind });
    case 'when-invalid':
      return msg('whenInvalid', { kind: error.kind });
    case 'when-past':
      return msg('whenPast', { kind: error.kind });
    case 'when-too-far':
      return msg('whenTooFar');
    case 'time-missing':
      return error.day === undefined ? msg('timeMissing', { kind: error.kind }) : msg('timeMissingOn', { kind: error.kind, day: { at: error.day, zone } });
    case 'weekday-mismatch':
      return msg('weekdayMismatch', { kind: error.kind });
    case 'seats-invalid':
      return msg('seatsInvalid');
    case 'items-missing':
      return msg('itemsMissing');
    case 'case':
      return caseErrorMessage(error.error);
    case 'flight':
      return flightErrorMessage(error.error);
    default:
      return assertNever(error, 'parse error');
  }
}

function baseContext(deps: RouteDeps, event: MessageEvent | ReactionEvent | ButtonEvent, now: number, lang: Lang): ExecContext {
  return {
    store: deps.store,
    centres: deps.centres,
    now,
    lang,
    chat: event.chat,
    ...(event.topic !== undefined ? { topic: event.topic } : {}),
    actor: { address: event.sender, ...(event.senderName ? { name: event.senderName } : {}) },
    viaButton: false,
    urgentWindowMs: Math.max(0, ...deps.planning.settings.leads),
  };
}

export function groupContext(base: ExecContext, group: Group, centres: CentreDirectory): GroupContext | undefined {
  const centre = centres.get(group.centreId);
  if (!centre) return undefined;
  const leads = centre.reminders ?? [base.urgentWindowMs];
  return { ...base, lang: group.lang, group, centre, urgentWindowMs: Math.max(0, ...leads) };
}

const ignored = (lang: Lang): Routed => ({ replies: [], lang, remember: false });
