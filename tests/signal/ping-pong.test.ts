// Claim / release ping-pong over the fake signal-cli-rest-api (#13 limits). Signal cannot edit a
// post, so a claim re-posts the card: never the same card twice within the window, "released"
// once, every command still answered, and the latest state posted once when the window ends.

import { afterEach, describe, expect, it } from 'vitest';
import * as env from '../fakes/signal/envelopes.js';
import { ALICE, CHARLES } from '../fakes/signal/envelopes.js';
import { delivered, GROUP_RECIPIENT, startWorld, textsTo, type World } from './core-support.js';

describe('signal: claim / release ping-pong', () => {
  let w: World | undefined;
  afterEach(async () => {
    await w?.h.close();
    await w?.fake.close();
    w = undefined;
  });

  it('one card and one "released" per 10 minutes, every command answered, the latest state at the end', async () => {
    w = await startWorld('normal');
    await w.link(ALICE);
    await w.say(env.text(ALICE, '/colis 05/12 pull'));
    await w.botSaid(GROUP_RECIPIENT, /^#1 Colis/);
    const group = () => textsTo(w!.fake, GROUP_RECIPIENT);
    const cards = () => group().filter((t) => /^#1 Colis/.test(t));
    const start = w.h.clock.now();
    let answers = 0;
    for (const command of ['/prendre 1', '/lacher 1', '/prendre 1', '/lacher 1', '/prendre 1', '/lacher 1']) {
      w.h.clock.advance(30_000);
      const said = await w.say(env.text(CHARLES, command));
      await w.handled(said);
      answers += 1;
      await w.drainAll();
      // each command has its answer (✅ or ↩ about #1)
      expect(group().filter((t) => /^(✅|↩) #1/.test(t))).toHaveLength(answers);
    }
    expect(cards()).toHaveLength(2);
    // three "released", but only the first announced to the group; the others answer Charles (quoting him)
    const released = delivered(w.fake).filter((s) => s.to === GROUP_RECIPIENT && s.text.startsWith('↩ #1'));
    expect(released.map((s) => s.quoteTimestamp !== undefined)).toEqual([false, true, true]);
    w.h.clock.set(start + 30_000 + 10 * 60_000);
    w.h.service.scheduler.tick();
    await w.drainAll();
    expect(cards()).toHaveLength(3);
    expect(cards().at(-1)).toContain('personne pour l’instant');
  });
});
