import type { Member, MemberKey } from '../core/domain.js';
import { t } from '../i18n/index.js';
import type { ViewContext } from './context.js';

/** A member's display name, or a stable pseudonym ("member 3f2a") when the platform gave none. */
export function memberName(ctx: ViewContext, key: MemberKey, known?: Member): string {
  const member = known ?? ctx.store.members.get(ctx.group.id, key);
  return member?.name ?? t(ctx.lang, 'someone', { tag: key.slice(0, 4) });
}
