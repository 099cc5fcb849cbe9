// What members type is shown back to the group: control, format and separator characters
// (Unicode Cc, Cf — bidi overrides and isolates, zero-width marks — Zl, Zp) go before anything
// is stored or shown, so a name or a place cannot reorder, hide or break the bot's own lines.

const BREAKS = /[\p{Cc}\p{Zl}\p{Zp}]+/gu;
const FORMAT = /\p{Cf}+/gu;

/** The text without control/format/separator characters, on one line, trimmed. */
export function cleanText(text: string): string {
  return text.replace(FORMAT, '').replace(BREAKS, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Words that name the bot: a member's display name may not be taken for it. */
const BOT_NAMES = ['parloir'];

/** A display name fit to show, or undefined (empty after cleaning, or the bot's own name). */
export function cleanName(name: string | undefined, max: number): string | undefined {
  if (name === undefined) return undefined;
  const clean = cleanText(name).slice(0, max).trim();
  if (clean === '') return undefined;
  const plain = clean.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return BOT_NAMES.some((bot) => plain.includes(bot)) ? undefined : clean;
}
