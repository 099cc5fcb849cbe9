// Direct-chat commands name their group: a number found in two of the member's groups is asked
// about by centre name, never guessed; every answer there names the centre.

import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';

const SECOND = 'second-group';

describe('direct-chat commands', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('asks which group when #1 exists in two, acts on the one named, and names its centre', async () => {
    h = await startHarness();
    await h.link('sam');
    const { code } = h.store.write(() => h.store.invites.create('other-centre', h.clock.now()));
    await h.local.say('noor', `/lier ${code}`, { group: SECOND });
    await h.local.say('alex', '/visite 05/12 14h');
    await h.local.say('alex', '/visite 06/12 15h', { group: SECOND });
    await h.settle();
    const toAlex = () => h.local.messages.filter((m) => m.from === 'bot' && m.to === 'local:alex').map((m) => m.text);
    const [first, second] = h.store.groups.list();

    await h.local.say('alex', '/annuler 1', { direct: true });
    await h.settle();
    expect(toAlex().at(-1)).toBe(
      'Tu as un #1 dans plusieurs groupes (CRA de Test et Centre fermé de Test). Envoie la commande dans ce groupe, ou ajoute le nom du centre, par ex. /annuler 1 CRA de Test',
    );
    expect(h.store.requests.get(first!.id, 1)?.state).toBe('open');
    expect(h.store.requests.get(second!.id, 1)?.state).toBe('open');

    await h.local.say('alex', '/annuler 1 other-centre', { direct: true });
    await h.settle();
    expect(toAlex().at(-1)).toBe('Centre fermé de Test · ✖ #1 est annulée.');
    expect(h.store.requests.get(second!.id, 1)?.state).toBe('cancelled');
    expect(h.store.requests.get(first!.id, 1)?.state).toBe('open');

    // Only one active #1 is left: no question any more, and the answer still names the centre.
    await h.local.say('alex', '/cancel 1', { direct: true });
    await h.settle();
    expect(toAlex().at(-1)).toBe('CRA de Test · ✖ #1 is cancelled.');
  });
});
