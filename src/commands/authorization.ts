// Who may do what: the one table and the one function that decide, for every command and
// reply action, before any executor runs. Executors assume they were allowed. SECURITY.md
// ("Authorization matrix") shows the same table, and tests/integration/authorization-matrix
// walks every cell of it against the real engine.

import { isActive, type Request } from '../core/domain.js';
import { msg, type Msg } from '../i18n/index.js';
import type { CommandName } from '../i18n/words.js';
import type { GroupContext } from './context.js';

/** A command, or one of /coord's sub-commands, or OK answering a reminder. */
export type Action = Exclude<CommandName, 'coord'> | 'coord' | 'coord-add' | 'coord-remove' | 'confirm';

/** How the actor stands to the request the action names. */
export type Relation = 'coordinator' | 'requester' | 'claimer' | 'passenger';

/**
 * `read`: shows the group what it already sees. `write`: changes something. `direct`: answers by
 * direct message (refused to a held member like a write: nothing about the group goes to them).
 */
type Effect = 'read' | 'write' | 'direct';

/** Where an action is answered at all: a linked group, an unlinked group, a direct chat. */
type Place = 'group' | 'unlinked' | 'direct';

interface Rule {
  /** 'anyone' in the place, or any of these relations. */
  readonly who: 'anyone' | readonly Relation[];
  readonly effect: Effect;
  /** Default: linked groups only (a direct chat reaches a group through routeDirect). */
  readonly where?: readonly Place[];
  /** What a member without the relation is told (for rules naming relations other than coordinator). */
  readonly refusal?: (n: number) => Msg;
}

const COORDINATOR = ['coordinator'] as const;
const TAKER = ['claimer', 'passenger'] as const;

/** One line per action. A new command cannot compile without its line. */
export const RULES: Readonly<Record<Action, Rule>> = {
  help: { who: 'anyone', effect: 'read', where: ['group', 'unlinked', 'direct'] },
  // In a linked group, a fresh code makes the sender a coordinator (the way back with none left).
  link: { who: 'anyone', effect: 'write', where: ['group', 'unlinked'] },
  info: { who: 'anyone', effect: 'read' },
  list: { who: 'anyone', effect: 'read' },
  mine: { who: 'anyone', effect: 'direct', where: ['group', 'direct'] },
  coord: { who: 'anyone', effect: 'read' },
  visit: { who: 'anyone', effect: 'write' },
  package: { who: 'anyone', effect: 'write' },
  credit: { who: 'anyone', effect: 'write' },
  lawyer: { who: 'anyone', effect: 'write' },
  claim: { who: 'anyone', effect: 'write' },
  join: { who: 'anyone', effect: 'write' },
  release: { who: TAKER, effect: 'write', refusal: (n) => msg('releaseNotYours', { n }) },
  confirm: { who: TAKER, effect: 'write', refusal: () => msg('noPrompt') },
  done: { who: ['claimer', 'requester', 'coordinator'], effect: 'write', refusal: (n) => msg('doneNotAllowed', { n }) },
  refused: { who: ['claimer', 'requester', 'coordinator'], effect: 'write', refusal: (n) => msg('doneNotAllowed', { n }) },
  cancel: { who: ['requester', 'coordinator'], effect: 'write', refusal: (n) => msg('cancelNotAllowed', { n }) },
  move: { who: ['requester', 'coordinator'], effect: 'write', refusal: (n) => msg('moveNotAllowed', { n }) },
  lang: { who: COORDINATOR, effect: 'write' },
  digest: { who: COORDINATOR, effect: 'write' },
  'coord-add': { who: COORDINATOR, effect: 'write' },
  'coord-remove': { who: COORDINATOR, effect: 'write' },
  verify: { who: COORDINATOR, effect: 'write', refusal: () => msg('verifyNotCoordinator') },
  // Cases (src/cases/): /case opens, updates or closes (closing: its opener or a coordinator,
  // checked by the executor, which knows the opener); /case R-12 and /cases only show.
  case: { who: 'anyone', effect: 'write' },
  cases: { who: 'anyone', effect: 'read' },
  hearing: { who: 'anyone', effect: 'write' },
  // In the group it only says "in a direct chat"; the direct chat's reveal rules are in
  // src/cases/details.ts (claimer of the case's lawyer request, once per request, or coordinator).
  details: { who: 'anyone', effect: 'direct' },
  wipe: { who: COORDINATOR, effect: 'write' },
  // Says what to do and whom to call; stores nothing. In a direct chat it starts from the
  // member's group's centre (or asks which, or takes the centre named).
  missing: { who: 'anyone', effect: 'read', where: ['group', 'direct'] },
  // A deportation flight (#16): anyone who learns of it alerts the group (and the network).
  flight: { who: 'anyone', effect: 'write' },
  // Whether this group's coordinators get the other groups' flight alerts: a group setting.
  network: { who: COORDINATOR, effect: 'write' },
};

/** The actor as the rules see them in one group. */
export interface Subject {
  readonly coordinator: boolean;
  readonly held: boolean;
  /** Undefined when the action names no request, or one that does not exist (the executor says so). */
  readonly request?: Request;
  readonly key: string;
}

export type Decision = { readonly ok: true } | { readonly ok: false; readonly answer: Msg };

const ALLOWED: Decision = { ok: true };

/** Whether `action` is answered at all in a chat that is not a linked group. */
export function allowedOutsideGroup(action: Action, place: 'unlinked' | 'direct'): boolean {
  return (RULES[action].where ?? ['group']).includes(place);
}

/** The decision for an actor in a linked group. */
export function decide(action: Action, subject: Subject, number?: number): Decision {
  const rule = RULES[action];
  if (subject.held && rule.effect !== 'read') return { ok: false, answer: msg('heldRefused') };
  if (rule.who === 'anyone') return ALLOWED;
  const relations = relationsOf(subject);
  if (rule.who.some((r) => relations.has(r))) return ALLOWED;
  // A rule about the request, and the request does not exist or is closed: the executor says so.
  const aboutRequest = rule.who.some((r) => r !== 'coordinator');
  if (aboutRequest && (!subject.request || !isActive(subject.request.state))) return ALLOWED;
  const n = number ?? subject.request?.number ?? 0;
  return { ok: false, answer: rule.refusal ? rule.refusal(n) : msg('coordinatorOnly') };
}

function relationsOf(subject: Subject): Set<Relation> {
  const relations = new Set<Relation>();
  if (subject.coordinator) relations.add('coordinator');
  const request = subject.request;
  if (request) {
    if (request.requester === subject.key) relations.add('requester');
    if (request.claimer === subject.key) relations.add('claimer');
    if (request.passengers.some((p) => p === subject.key)) relations.add('passenger');
  }
  return relations;
}

/** Reads the actor's standing in the context's group (without recording them as a member). */
export function subjectOf(ctx: GroupContext, number?: number): Subject {
  const key = ctx.store.members.keyOf(ctx.group.id, ctx.actor.address);
  const member = ctx.store.members.get(ctx.group.id, key);
  const request = number === undefined ? undefined : ctx.store.requests.get(ctx.group.id, number);
  return {
    key,
    coordinator: member?.role === 'coordinator',
    held: member !== undefined && ctx.store.members.isHeld(ctx.group.id, key),
    ...(request ? { request } : {}),
  };
}

/** Decides in the context's group; undefined when allowed, else the refusal to send. */
export function refusal(ctx: GroupContext, action: Action, number?: number): Msg | undefined {
  const decision = decide(action, subjectOf(ctx, number), number);
  return decision.ok ? undefined : decision.answer;
}
