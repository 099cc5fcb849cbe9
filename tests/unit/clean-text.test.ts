// Clean names and texts: control, format and separator characters go; the bot's name is not a
// member's; odd names are quoted.

import { describe, expect, it } from 'vitest';
import { cleanName, cleanText } from '../../src/core/clean-text.js';

describe('cleanText and cleanName', () => {
  it('drops bidi overrides, zero-width and control characters, and line or paragraph separators', () => {
    expect(cleanText('Sam\u202E\u2066 gare\u200B de\u0007 Calais\u2028RDV\u2029ok\nfin')).toBe('Sam gare de Calais RDV ok fin');
    expect(cleanText('\u202E\u200F')).toBe('');
  });

  it('refuses the bot’s own name and empty names, keeps ordinary ones', () => {
    expect(cleanName('Parloir', 64)).toBeUndefined();
    expect(cleanName('P\u200Barloir Bot', 64)).toBeUndefined();
    expect(cleanName('PARLOÏR', 64)).toBeUndefined();
    expect(cleanName('\u202E', 64)).toBeUndefined();
    expect(cleanName('  Noor  Example ', 64)).toBe('Noor Example');
    expect(cleanName('x'.repeat(80), 64)).toHaveLength(64);
  });
});
