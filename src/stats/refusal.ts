// A refused visit's reason, reduced to one of a few fixed buckets before it is counted (#16):
// the counts say why visits are refused, never what anyone wrote.

import { LANGS } from '../i18n/lang.js';
import { REFUSAL_WORDS, type WordedBucket } from '../i18n/refusal-words.js';

/** 'none': no reason given; 'other': a reason that fits no bucket. */
export const REFUSAL_BUCKETS = ['absent', 'name', 'papers', 'hours', 'centre', 'other', 'none'] as const;
export type RefusalBucket = (typeof REFUSAL_BUCKETS)[number];

const TRIED: readonly WordedBucket[] = ['absent', 'name', 'papers', 'hours', 'centre'];

/** Lowercase words without accents, one space apart, with a space at each end. */
function plain(text: string): string {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  return ` ${words.join(' ')} `;
}

const matches = (text: string, word: string): boolean =>
  word.endsWith('$') ? text.includes(` ${word.slice(0, -1)} `) : text.includes(` ${word}`);

export function refusalBucket(reason: string | undefined): RefusalBucket {
  if (reason === undefined) return 'none';
  const text = plain(reason);
  if (text.trim() === '') return 'none';
  for (const bucket of TRIED) {
    if (LANGS.some((lang) => REFUSAL_WORDS[lang][bucket].some((word) => matches(text, word)))) return bucket;
  }
  return 'other';
}
