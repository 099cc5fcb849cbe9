// /case R-12 transferred vincennes (#16): the case follows the person. When this instance has a
// group linked to the new centre, that group gets the case with its events (so the legal clock
// keeps running), the case's open tasks and its flight (transfer-tasks.ts); never its history, its
// details or the chatter. The old group is told where it went. With no such group, the same group keeps following the case,
// now counted at the new centre (moveCase).

import type { Centre, CentreDirectory } from '../core/centres.js';
import type { Group } from '../core/domain.js';
import { actingMember } from '../commands/context.js';
import { announce, answer, type Reply } from '../commands/reply.js';
import { msg } from '../i18n/index.js';
import type { CaseRecord } from './case.js';
import type { CaseContext } from './execute.js';
import { closeCase, moveCase } from './lifecycle.js';
import { moveTasks } from './transfer-tasks.js';
import { caseView } from './view.js';

/** Lowercase words without accents: "Paris-Vincennes" → ["paris", "vincennes"]. */
const words = (text: string): string[] =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);

/** Words of centre names that tell no centre apart. */
const COMMON = new Set(['cra', 'de', 'du', 'la', 'le', 'centre', 'ferme', 'pour', 'd']);

/** The one centre the words name (its id, or distinctive words of its name); else undefined. */
export function findCentre(centres: CentreDirectory, text: string): Centre | undefined {
  const all = words(text);
  const asked = all.filter((w) => !COMMON.has(w));
  if (asked.length === 0) return undefined;
  const exact = centres.list().find((c) => c.id === all.join('-') || words(c.name).join(' ') === all.join(' '));
  if (exact) return exact;
  const matches = centres.list().filter((c) => {
    const known = new Set([...words(c.id), ...words(c.name)]);
    return asked.every((w) => known.has(w));
  });
  return matches.length === 1 ? matches[0] : undefined;
}

export function transferCase(ctx: CaseContext, ref: string, centreText: string): Reply[] {
  const { store, group } = ctx;
  const record = store.cases.findOpen(group.id, ref);
  if (!record) return [answer(msg('caseNotFound', { ref }))];
  const me = actingMember(ctx);
  if (record.opener !== me.key && me.role !== 'coordinator') return [answer(msg('caseCloseNotAllowed', { ref }))];
  const centre = findCentre(ctx.centres, centreText);
  if (!centre) return [answer(msg('caseTransferUnknownCentre', { ref, word: centreText.slice(0, 40) }))];
  if (centre.id === record.centreId) return [answer(msg('caseTransferSameCentre', { ref, centre: centre.name }))];
  const linked = store.groups.list().find((g) => g.centreId === centre.id && g.id !== group.id);
  if (!linked) {
    moveCase(store, group.id, record.id, centre.id, ctx.now, ctx.centres.get(record.centreId) ?? ctx.centre);
    return [answer(msg('caseTransferredStays', { ref, centre: centre.name })), { kind: 'replan-case', group: group.id, caseId: record.id }];
  }
  if (store.cases.findOpen(linked.id, ref)) return [answer(msg('caseTransferRefTaken', { ref, centre: centre.name }))];
  return handOver(ctx, record, linked, centre);
}

function handOver(ctx: CaseContext, record: CaseRecord, target: Group, centre: Centre): Reply[] {
  const { store, group, now } = ctx;
  const from = ctx.centres.get(record.centreId) ?? ctx.centre;
  const moved = store.cases.open(
    target.id,
    { ref: record.ref, centreId: centre.id, events: record.events, secondMeasure: record.secondMeasure, opener: record.opener },
    now,
  );
  const { inTarget, inOld, count } = moveTasks(ctx, record, target, moved.id, centre.name);
  closeCase(store, group.id, record.id, 'transferred', centre.name, now, from);
  const targetCtx = { ...ctx, group: target, centre, lang: target.lang, chat: target.chat };
  return [
    answer(msg('caseTransferredOut', { ref: record.ref, centre: centre.name, n: count })),
    { kind: 'replan-case', group: group.id, caseId: record.id },
    ...inOld,
    {
      kind: 'in-group',
      group: target.id,
      replies: [
        announce(msg('caseTransferredIn', { ref: record.ref, from: from.name })),
        announce(msg('caseTimeline', { case: caseView(targetCtx, moved, now), change: 'shown' })),
        { kind: 'replan-case', group: target.id, caseId: moved.id },
        ...inTarget,
      ],
    },
  ];
}
