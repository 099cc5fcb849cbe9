import { describe, expect, it } from 'vitest';
import { splitForChat } from '../../src/engine/deliver-replies.js';

describe('long answers', () => {
  it('are cut between lines, every part within the limit, nothing lost', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `#${i + 1} Visite mar. 1 déc. à 14h00 — OUVERTE, 2/2 places`);
    const text = lines.join('\n');
    const parts = splitForChat(text, 1_000);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= 1_000)).toBe(true);
    expect(parts.join('\n')).toBe(text);
  });

  it('cuts a single line longer than the limit', () => {
    const parts = splitForChat('x'.repeat(2_500), 1_000);
    expect(parts.map((p) => p.length)).toEqual([1_000, 1_000, 500]);
    expect(splitForChat('short')).toEqual(['short']);
  });
});
