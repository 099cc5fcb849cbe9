import type { Member, MemberKey } from '../core/domain.js';
import { t } from '../i18n/index.js';
import type { ViewContext } from './context.js';

/** Names already opened while handling one event: a list names the same few people many times. */
const seen = new WeakMap<ViewContext, Map<MemberKey, string>>();

/** A member's display name, or a stable pseudonym ("member 3f2a") when the platform gave none. */
export function memberName(ctx: ViewContext, key: MemberKey, known?: Member): string {
  let names = seen.get(ctx);
  if (!names) seen.set(ctx, (names = new Map()));
  const cached = names.get(key);
  if (cached !== undefined) return cached;
  const member = known ?? ctx.store.members.get(ctx.group.id, key);
  const name = member?.name ? shown(member.name) : t(ctx.lang, 'someone', { tag: key.slice(0, 4) });
  names.set(key, name);
  return name;
}

/**
 * A plain name (letters, spaces, apostrophes, hyphens; up to three words) is shown as it is;
 * anything else is put in quotes, so "Sam. RDV changed: north station" cannot pass for the
 * bot's own words.
 */
function shown(name: string): string {
  const plain = /^[\p{L}\p{M}'’-]+(?: [\p{L}\p{M}'’-]+){0,2}$/u.test(name);
  return plain ? name : `“${name.replace(/[“”"]/g, '')}”`;
}
