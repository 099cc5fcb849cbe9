// /wipe (FR /effacer), coordinators only (the authorization table): the bot gives a word; the
// same command with that word, within a few minutes, destroys the group's key and then its rows
// (store/groups.ts shred), and the group is unlinked. A wrong or late word gives a fresh one.

import { randomInt } from 'node:crypto';
import { msg } from '../i18n/index.js';
import type { GroupContext } from './context.js';
import { answer, type Reply } from './reply.js';

export const WIPE_CONFIRM_MINUTES = 10;
/** Letters that cannot be misread or mistyped on a phone keyboard. */
const LETTERS = 'ABCDEFGHJKMNPQRSTUVWXYZ';
const WORD_LENGTH = 6;

export function wipe(ctx: GroupContext, word: string | undefined): Reply[] {
  const group = ctx.group.id;
  if (word !== undefined && ctx.store.groups.wipeConfirmed(group, word, ctx.now)) {
    ctx.store.groups.shred(group);
    return [answer(msg('wipeDone'))];
  }
  const fresh = Array.from({ length: WORD_LENGTH }, () => LETTERS[randomInt(LETTERS.length)]).join('');
  ctx.store.groups.askWipe(group, fresh, ctx.now + WIPE_CONFIRM_MINUTES * 60_000);
  const args = { word: fresh, minutes: WIPE_CONFIRM_MINUTES };
  return [answer(word === undefined ? msg('wipeAsk', args) : msg('wipeWrongWord', args))];
}
