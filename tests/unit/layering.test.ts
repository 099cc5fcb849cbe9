// Dependencies point inward: src/ never imports bots/ (only src/main.ts wires adapters), and
// never the platform client libraries.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('layering', () => {
  it('src/ does not import bots/, grammy, axios or ws (except the composition root)', () => {
    const offenders = files(join(root, 'src'))
      .filter((file) => relative(root, file) !== join('src', 'main.ts'))
      .filter((file) => /from ['"](?:(?:\.\.\/)+bots\/|grammy|axios|ws)['"/]/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });
});
