// Which requests of a group are a hearing's attendance task (a 'visit' attached to a case as
// 'hearing'): they are shown as hearings, at the court, without the centre's visiting rules.

import type { ViewContext } from '../commands/context.js';

/** One query per group per view context: a /list describes many requests at once. */
const seen = new WeakMap<ViewContext, ReadonlySet<number>>();

export function isHearingTask(ctx: ViewContext, number: number): boolean {
  let numbers = seen.get(ctx);
  if (!numbers) seen.set(ctx, (numbers = new Set(ctx.store.cases.requestNumbers(ctx.group.id, 'hearing'))));
  return numbers.has(number);
}
