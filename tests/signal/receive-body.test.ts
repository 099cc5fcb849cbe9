// The normal-mode body parser on its own: whole arrays, junk spliced anywhere, truncation.

import { describe, expect, it } from 'vitest';
import { parseReceiveBody } from '../../bots/signal/receive-body.js';
import * as env from '../fakes/signal/envelopes.js';
import { ALICE } from '../fakes/signal/envelopes.js';

const items = ['a', 'b', 'c'].map((t) => env.text(ALICE, t));
const texts = (body: string) => parseReceiveBody(body).items.map((i) => (i.envelope?.dataMessage?.message ?? null));

describe('parseReceiveBody', () => {
  it('reads an empty body, an empty array and a clean array', () => {
    expect(parseReceiveBody('')).toEqual({ items: [], junk: 0 });
    expect(parseReceiveBody('[]')).toEqual({ items: [], junk: 0 });
    expect(texts(JSON.stringify(items))).toEqual(['a', 'b', 'c']);
  });

  it('keeps every good envelope around a stack trace, wherever it lands', () => {
    const lines = items.map((i) => JSON.stringify(i));
    for (let at = 0; at <= lines.length; at += 1) {
      const spliced = [...lines.slice(0, at), env.STACK_TRACE, ...lines.slice(at)];
      const parsed = parseReceiveBody(`[${spliced.join(',')}]`);
      expect(parsed.items.map((i) => i.envelope?.dataMessage?.message)).toEqual(['a', 'b', 'c']);
      expect(parsed.junk).toBeGreaterThan(0);
    }
  });

  it('survives junk with quotes and unbalanced braces, and a truncated last object', () => {
    const [a, b, c] = items.map((i) => JSON.stringify(i));
    expect(texts(`[${a},Exception in "thread {main\n\tat x.y(Z.java:1)\n,${b},${c!.slice(0, 40)}`)).toEqual(['a', 'b']);
    expect(texts(`[${a!.slice(0, 60)}\njava.lang.Error: boom\n\tat a.b(C.java:2)\n${b},${c}]`)).toEqual(['b', 'c']);
  });
});
