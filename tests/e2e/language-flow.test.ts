// What volunteers write, through the whole service: every reading is echoed, an assumption is
// stated with the command that changes it, a missing time is asked for naming the day.

import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, lastBot, startHarness } from '../support/harness.js';

describe('reading dates as people write them (end to end)', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('states an assumption and the /decaler that changes it, which then works as written', async () => {
    h = await startHarness(); // Monday 23 Nov 2026, 10:00
    await h.link('sam');
    await h.local.say('sam', '/visite samedi prochain 14h places 2');
    await h.settle();
    const texts = h.botTexts();
    expect(texts.at(-2)).toMatch(/^#1 Visite — sam\. 28 nov\. à 14h00/);
    expect(lastBot(h)).toBe('#1 : j’ai pris le plus proche, sam. 28 nov. à 14h00. Si tu voulais sam. 5 déc., envoie /decaler 1 05/12/2026 14h00');
    await h.local.say('sam', '/decaler 1 05/12/2026 14h00');
    await h.settle();
    expect(h.botTexts().at(-2)).toContain('#1 a maintenant lieu sam. 5 déc. à 14h00');
    expect(lastBot(h)).toMatch(/^#1 Visite — sam\. 5 déc\. à 14h00/); // the card again (no edits here)
  });

  it('asks for the time of a period, naming the day it understood; creates nothing', async () => {
    h = await startHarness();
    await h.link('sam');
    await h.local.say('sam', '/visite demain aprem');
    await h.settle();
    expect(lastBot(h)).toContain('À quelle heure, mar. 24 nov. ?');
    await h.local.say('sam', '/visit tomorrow morning');
    await h.settle();
    expect(lastBot(h)).toContain('At what time on Tue 24 Nov?');
    expect(h.store.requests.active(h.store.groups.findByChat(h.local.chat)!.id)).toHaveLength(0);
  });

  it('keeps the time words out of the note, and counts a lawyer window from the notification', async () => {
    h = await startHarness();
    await h.link('sam');
    await h.local.say('sam', '/visite dans 2 jours 14h places 1');
    await h.settle();
    expect(lastBot(h)).toMatch(/^#1 Visite — mer\. 25 nov\. à 14h00/);
    expect(lastBot(h)).not.toContain('Note');
    await h.local.say('sam', '/avocat 48h R-12 OQTF notifiée ce matin à 9h');
    await h.settle();
    expect(lastBot(h)).toMatch(/^#2 Avocat — échéance mer\. 25 nov\. à 09h00/);
    expect(lastBot(h)).toContain('Note : OQTF notifiée\n');
  });
});
