import { describe, expect, it } from 'vitest';
import { MESSAGE_LIMITS, splitMessage } from '../../src/core/message-size.js';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('long answers', () => {
  it('are cut between lines, every part within the limit, nothing lost', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `#${i + 1} Visite mar. 1 déc. à 14h00 — OUVERTE, 2/2 places`);
    const text = lines.join('\n');
    const parts = splitMessage(text, { max: 1_000, measure: (t) => t.length });
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= 1_000)).toBe(true);
    expect(parts.join('\n')).toBe(text);
  });

  it('Signal counts UTF-8 bytes (2000), Telegram UTF-16 units (4096): accents and emoji fill a Signal message sooner', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `☀ #${i + 1} Visite déc. — prise par Zoé Éléonore Ünal, 1 place libre`);
    const text = lines.join('\n');
    const signal = splitMessage(text, MESSAGE_LIMITS.signal);
    const telegram = splitMessage(text, MESSAGE_LIMITS.telegram);
    expect(signal.every((p) => bytes(p) <= 2_000)).toBe(true);
    expect(telegram.every((p) => p.length <= 4_096)).toBe(true);
    expect(signal.length).toBeGreaterThan(telegram.length);
    for (const [parts, limit] of [[signal, MESSAGE_LIMITS.signal], [telegram, MESSAGE_LIMITS.telegram]] as const) {
      expect(parts.join('\n')).toBe(text);
      // Full parts: the next line would not have fitted.
      parts.slice(0, -1).forEach((part, i) => expect(limit.measure(`${part}\n${parts[i + 1]?.split('\n')[0]}`)).toBeGreaterThan(limit.max));
    }
  });

  it('a heading stays with its first entry', () => {
    const text = ['Today:', 'a'.repeat(40), 'Tomorrow:', 'b'.repeat(40), 'c'.repeat(40)].join('\n');
    const parts = splitMessage(text, { max: 55, measure: (t) => t.length });
    expect(parts).toEqual([['Today:', 'a'.repeat(40)].join('\n'), ['Tomorrow:', 'b'.repeat(40)].join('\n'), 'c'.repeat(40)]);
  });

  it('cuts a single line longer than the limit between words, or inside a word with no space', () => {
    const limit = { max: 1_000, measure: (t: string) => t.length };
    expect(splitMessage('x'.repeat(2_500), limit).map((p) => p.length)).toEqual([1_000, 1_000, 500]);
    const words = Array.from({ length: 400 }, () => 'mot').join(' ');
    const parts = splitMessage(words, limit);
    expect(parts.every((p) => p.length <= 1_000 && !p.startsWith(' ') && p.split(' ').every((w) => w === 'mot'))).toBe(true);
    expect(splitMessage('short')).toEqual(['short']);
    // never inside a code point
    const emoji = splitMessage('😀'.repeat(600), MESSAGE_LIMITS.signal);
    expect(emoji.map(bytes)).toEqual([2_000, 400]);
  });
});
