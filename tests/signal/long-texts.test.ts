// A busy group's /liste and digest over the fake signal-cli-rest-api: cut into messages of at
// most 2000 UTF-8 bytes (beyond that signal-cli sends a cut body plus a long-text attachment,
// tests/fakes/signal/fake-send.ts), between entries, each entry whole and once, in order (#13).

import { afterEach, describe, expect, it } from 'vitest';
import * as env from '../fakes/signal/envelopes.js';
import { ALICE } from '../fakes/signal/envelopes.js';
import { entryLines, fillBusyGroup } from '../support/busy-group.js';
import { parisTime } from '../support/harness.js';
import { delivered, GROUP_RECIPIENT, startWorld, type World } from './core-support.js';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('signal: long texts', () => {
  let w: World | undefined;
  afterEach(async () => {
    await w?.h.close();
    await w?.fake.close();
    w = undefined;
  });

  it('/liste and the digest of 120 requests: parts of at most 2000 bytes, no long-text attachment, every entry whole and once', async () => {
    w = await startWorld('normal');
    await w.link(ALICE);
    fillBusyGroup(w.h.store, w.h.clock.now(), 120);
    const before = delivered(w.fake).length;
    await w.say(env.text(ALICE, '/liste'));
    await w.botSaid(GROUP_RECIPIENT, /^#120 /m);
    await w.drainAll();
    const list = delivered(w.fake).slice(before).filter((s) => s.to === GROUP_RECIPIENT);
    expect(list.length).toBeGreaterThan(3);
    expect(list.every((s) => bytes(s.text) <= 2000 && !s.longText)).toBe(true);
    expect(list[0]?.text.split('\n')[0]).toBe('Demandes ouvertes et prises :');
    // by date, each once
    const listed = entryLines(list.map((s) => s.text)).map((l) => Number(/^#(\d+)/.exec(l)?.[1]));
    expect([...listed].sort((a, b) => a - b)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(list.every((s) => s.text.split('\n').every((l) => l === 'Demandes ouvertes et prises :' || /^#\d+ Colis .* — (OUVERTE|prise par Zoé-Éléonore Ünal Mérièt)$/.test(l)))).toBe(true);

    // The digest at 09:00 the next day: the same cut, headings kept with their first entry.
    w.h.service.scheduler.ensureDigests();
    w.h.clock.set(parisTime('2026-11-24T09:00'));
    const sentBefore = delivered(w.fake).length;
    w.h.service.scheduler.tick();
    await w.drainAll();
    const digest = delivered(w.fake).slice(sentBefore).filter((s) => s.to === GROUP_RECIPIENT);
    expect(digest.length).toBeGreaterThan(1);
    expect(digest[0]?.text.startsWith('☀ ')).toBe(true);
    expect(digest.every((s) => bytes(s.text) <= 2000 && !s.longText && !s.text.endsWith(':'))).toBe(true);
    const numbers = entryLines(digest.map((s) => s.text)).map((l) => Number(/^#(\d+)/.exec(l)?.[1]));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.length).toBeGreaterThan(60);
  });
});
