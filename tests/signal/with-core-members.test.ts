// Signal with the core: coordinators added by quoting a member's message or by @-mention.

import { afterEach, describe, expect, it } from 'vitest';
import * as env from '../fakes/signal/envelopes.js';
import { ALICE, BERTHE, CHARLES } from '../fakes/signal/envelopes.js';
import { GROUP_RECIPIENT, startWorld, timestampOf, type World } from './core-support.js';

describe('signal with the core: members and roles', () => {
  let w: World | undefined;
  afterEach(async () => {
    await w?.h.close();
    await w?.fake.close();
    w = undefined;
  });

  it('adds a coordinator by quote reply and another by @-mention; each change is announced', async () => {
    w = await startWorld('normal');
    await w.link(ALICE);
    const bertheSaid = await w.say(env.text(BERTHE, 'je peux conduire samedi'));
    await w.say(env.text(ALICE, '/coord ajouter', { quote: { id: timestampOf(bertheSaid), author: BERTHE } }));
    // A quote carries no name, and Berthe's chatter was not kept: she is shown by her pseudonym.
    await w.botSaid(GROUP_RECIPIENT, /^membre \S+ est maintenant coordinateur·ice \(ajouté·e par Alice\)\.$/);
    await w.say(env.text(BERTHE, '/coord add', { mentions: [CHARLES] }));
    const added = await w.botSaid(GROUP_RECIPIENT, /is now a coordinator \(added by Berthe\)\.$/);
    expect(added.text).toMatch(/^member \S+ is now a coordinator/);
  });
});
