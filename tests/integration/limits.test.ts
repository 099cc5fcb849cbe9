// Limits against floods: at most 10 new requests per member and group an hour; then one short
// answer, no post, and silence for the rest of the hour.

import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';

describe('limits', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('posts 10 requests an hour for one member, answers the 11th once, and posts again after the hour', async () => {
    h = await startHarness();
    await h.link('sam');
    for (let i = 0; i < 13; i += 1) await h.local.say('mallory', `/colis 05/12 pull ${i}`);
    await h.settle();
    const texts = h.botTexts();
    expect(texts.filter((t) => /^#\d+ Colis/.test(t))).toHaveLength(10);
    expect(texts.filter((t) => t.startsWith('Tu as déjà fait 10 demandes dans l’heure'))).toHaveLength(1);
    // Another member is not held back by Mallory's flood.
    await h.local.say('sam', '/colis 05/12 pull');
    await h.settle();
    expect(h.botTexts().filter((t) => /^#\d+ Colis/.test(t))).toHaveLength(11);
    h.clock.advance(3_600_001);
    await h.local.say('mallory', '/colis 06/12 pull');
    await h.settle();
    expect(h.botTexts().filter((t) => /^#\d+ Colis/.test(t))).toHaveLength(12);
  });
});
