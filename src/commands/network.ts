// /network on|off (FR /reseau oui|non), coordinators only (#16): whether this group's
// coordinators receive the other groups' deportation-flight alerts by direct message.
// /network alone says which it is.

import { msg } from '../i18n/index.js';
import { actingMember, type GroupContext } from './context.js';
import { answer, type Reply } from './reply.js';

export function network(ctx: GroupContext, on: boolean | undefined): Reply[] {
  actingMember(ctx);
  if (on === undefined) return [answer(msg('networkStatus', { on: ctx.store.groups.inNetwork(ctx.group.id) }))];
  ctx.store.groups.setNetwork(ctx.group.id, on);
  return [answer(msg(on ? 'networkOn' : 'networkOff'))];
}
