// The pacer alone (bots/telegram/pacing.ts): how long a send must wait, per chat and overall.
// The end-to-end behaviour over the fake Bot API is in real-world-pacing.test.ts.

import { describe, expect, it } from 'vitest';
import { ChatPacer } from '../../bots/telegram/pacing.js';
import { ManualClock } from '../../src/core/clock.js';

const GROUP = -1_009_000_000_001;

describe('telegram pacing', () => {
  it('a group takes 20 in any minute; the 21st waits until the first leaves the minute', () => {
    const clock = new ManualClock(1_000_000);
    const pacer = new ChatPacer(undefined, () => clock.now());
    for (let i = 0; i < 20; i += 1) {
      expect(pacer.waitFor(GROUP, false)).toBe(0);
      pacer.record(GROUP);
      clock.advance(1_000);
    }
    // The first went at 1 000 000; it is now 1 020 000: 40 s more.
    expect(pacer.waitFor(GROUP, false)).toBe(40_000);
    clock.advance(40_000);
    expect(pacer.waitFor(GROUP, false)).toBe(0);
  });

  it('a private chat takes one a second; other chats are not affected', () => {
    const clock = new ManualClock(0);
    const pacer = new ChatPacer(undefined, () => clock.now());
    pacer.record(42);
    expect(pacer.waitFor(42, true)).toBe(1_000);
    expect(pacer.waitFor(43, true)).toBe(0);
    clock.advance(999);
    expect(pacer.waitFor(42, true)).toBe(1);
    clock.advance(1);
    expect(pacer.waitFor(42, true)).toBe(0);
  });

  it('about 30 a second in all, whatever the chats', () => {
    const clock = new ManualClock(0);
    const pacer = new ChatPacer(undefined, () => clock.now());
    for (let user = 1; user <= 30; user += 1) {
      expect(pacer.waitFor(user, true)).toBe(0);
      pacer.record(user);
    }
    expect(pacer.waitFor(31, true)).toBe(1_000);
  });
});
