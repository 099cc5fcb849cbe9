// "/vsite", "/lsit", "/anuler": the command a near miss was probably meant to be, so the answer
// can ask "did you mean /visite?" instead of only "unknown command". Pure.

import type { Lang } from '../i18n/lang.js';
import { LANGS } from '../i18n/lang.js';
import { COMMAND_WORDS, type CommandName } from '../i18n/words.js';

/** The closest command word within a small edit distance, when only one command is that close. */
export function nearestCommand(word: string): { name: CommandName; word: string; lang?: Lang } | undefined {
  if (word.length < 3) return undefined;
  const limit = word.length <= 5 ? 1 : 2;
  let best: { name: CommandName; word: string; lang: Lang; distance: number }[] = [];
  for (const lang of LANGS) {
    for (const [name, words] of Object.entries(COMMAND_WORDS[lang]) as [CommandName, readonly string[]][]) {
      for (const candidate of words) {
        const distance = editDistance(word, candidate);
        if (distance > limit) continue;
        if (best.length === 0 || distance < best[0]!.distance) best = [{ name, word: candidate, lang, distance }];
        else if (distance === best[0]!.distance) best.push({ name, word: candidate, lang, distance });
      }
    }
  }
  // a tie ("vist": visit or list) goes to the word with the same first letter, if only one has it
  if (new Set(best.map((b) => b.name)).size > 1) best = best.filter((b) => b.word[0] === word[0]);
  const first = best[0];
  if (!first || best.some((b) => b.name !== first.name)) return undefined;
  const sameLang = best.every((b) => b.lang === first.lang);
  return sameLang ? { name: first.name, word: first.word, lang: first.lang } : { name: first.name, word: first.word };
}

/** Damerau–Levenshtein (optimal string alignment): a swap of two letters ("lsit") costs one. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
