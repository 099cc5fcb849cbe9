// /visit, /package, /lawyer: a parsed draft becomes request #N and its post; a date read with an
// assumption gets one more line saying so, and how to change it.

import { cleanText } from '../core/clean-text.js';
import type { RequestDraft } from '../core/domain.js';
import { msg } from '../i18n/index.js';
import type { AssumptionView } from '../i18n/views.js';
import { actingMember, type GroupContext } from './context.js';
import { answer, post, type Reply } from './reply.js';
import type { Assumption } from './when.js';

export function createRequest(ctx: GroupContext, draft: RequestDraft, assumption?: Assumption): Reply[] {
  const me = actingMember(ctx);
  const number = ctx.store.groups.takeRequestNumber(ctx.group.id);
  ctx.store.requests.create(ctx.group.id, number, cleanDraft(draft), me.key, ctx.now);
  // Everything said later about the request goes to the topic it was asked in.
  if (ctx.chat === ctx.group.chat) ctx.store.topics.setForRequest(ctx.group.id, number, ctx.topic);
  return [post(number), { kind: 'replan', group: ctx.group.id, number }, ...stated(number, draft.dueAt, ctx.centre.timezone, assumption)];
}

/** The answer that states an assumption made while reading a date (none when there was none). */
export function stated(n: number, at: number, zone: string, assumption: Assumption | undefined): Reply[] {
  if (!assumption) return [];
  const when = { at, zone };
  let view: AssumptionView;
  switch (assumption.code) {
    case 'coming-weekday':
    case 'day-month':
      view = { code: assumption.code, at: when, alt: { at: assumption.alt, zone } };
      break;
    case 'notified-from':
      view = { code: assumption.code, at: when, from: { at: assumption.from, zone } };
      break;
    default:
      view = { code: assumption.code, at: when };
  }
  return [answer(msg('assumed', { n, a: view }))];
}

/** Places, items, notes and references lose control, format and separator characters before they are stored. */
function cleanDraft(draft: RequestDraft): RequestDraft {
  const fields = ['place', 'items', 'detainee', 'note'] as const;
  const cleaned: { -readonly [K in keyof RequestDraft]: RequestDraft[K] } = { ...draft };
  for (const field of fields) {
    const value = draft[field];
    if (value === undefined) continue;
    const clean = cleanText(value);
    if (clean === '') delete cleaned[field];
    else cleaned[field] = clean;
  }
  return cleaned;
}
