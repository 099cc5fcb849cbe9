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
    expect(lastBot(h)).toMatch(/^#2 Avocat — échéance mer\. 25 nov\. à 09h00 \(reste 47 h\) —/);
    expect(lastBot(h)).toContain('Note : OQTF notifiée\n');
    // the time left follows the clock, in the list too (#9)
    h.clock.advance(40 * 3_600_000);
    await h.local.say('sam', '/liste');
    await h.settle();
    expect(lastBot(h)).toContain('#2 Avocat mer. 25 nov. à 09h00 (reste 7 h) — OUVERTE');
  });
});

describe('replies as people write them (end to end)', () => {
  let h: Harness;
  afterEach(async () => h.close());

  const lastPost = (hh: Harness) => hh.local.messages.filter((m) => m.from === 'bot' && m.to === hh.local.chat).at(-1)!;
  /** The bot's latest group message matching `pattern` (the card may be posted again after it). */
  const botSaid = (hh: Harness, pattern: RegExp) => hh.local.messages.filter((m) => m.from === 'bot' && m.to === hh.local.chat && pattern.test(m.text)).at(-1);

  it('a reply to any bot message about #N acts on #N; "moi" on a driven visit takes a seat', async () => {
    h = await startHarness();
    await h.link('sam');
    await h.local.say('sam', '/visite demain 14h places 2');
    await h.settle();
    const post = lastPost(h);
    await h.local.say('alex', 'jprends', { replyTo: post.number });
    await h.settle();
    const confirmation = botSaid(h, /^✅ #1 : Alex conduit\.$/)!;
    expect(confirmation).toBeDefined();
    // "moi" under the confirmation, not the post: a seat, not "too late"
    await h.local.say('noor', 'Moi 🙋‍♀️', { replyTo: confirmation.number });
    await h.settle();
    const seat = botSaid(h, /^✅ #1 : Noor prend une place/)!;
    expect(seat).toBeDefined();
    await h.local.say('lou', 'count me in', { replyTo: seat.number });
    await h.settle();
    expect(botSaid(h, /^✅ #1: Lou takes a seat/)).toBeDefined();
  });

  it('a release phrase from the driver asks first; "oui" to that question releases', async () => {
    h = await startHarness();
    await h.link('sam');
    await h.local.say('sam', '/colis vendredi pull, tabac');
    await h.settle();
    const post = lastPost(h);
    await h.local.say('alex', 'je m’en occupe', { replyTo: post.number });
    await h.settle();
    expect(botSaid(h, /^✅ #1 : Alex s’en charge\.$/)).toBeDefined();
    await h.local.say('alex', 'désolé je peux plus', { replyTo: post.number });
    await h.settle();
    expect(lastBot(h)).toBe('Tu lâches #1 ? Réponds « oui » à ce message pour confirmer.');
    const group = h.store.groups.findByChat(h.local.chat)!.id;
    expect(h.store.requests.get(group, 1)?.claimer).toBeDefined();
    // someone else's "oui" does nothing to Alex's claim (they get a hint)
    await h.local.say('noor', 'oui', { replyTo: lastPost(h).number });
    await h.settle();
    expect(lastBot(h)).toBe('Pour t’en charger, réponds « je prends » (ou « moi ») à #1.');
    expect(h.store.requests.get(group, 1)?.claimer).toBeDefined();
    await h.local.say('alex', 'oui', { replyTo: h.local.messages.filter((m) => m.text.startsWith('Tu lâches #1')).at(-1)!.number });
    await h.settle();
    expect(botSaid(h, /^↩ #1 .*est de nouveau ouverte : Alex ne peut plus/)).toBeDefined();
    expect(h.store.requests.get(group, 1)?.claimer).toBeUndefined();
  });

  it('hints in the replier’s language, for that post and that role', async () => {
    h = await startHarness();
    await h.link('sam');
    await h.local.say('sam', '/colis vendredi pull');
    await h.settle();
    const post = lastPost(h);
    await h.local.say('noor', 'je viens', { replyTo: post.number });
    await h.settle();
    expect(lastBot(h)).toBe('Pour t’en charger, réponds « je prends » (ou « moi ») à #1.');
    await h.local.say('alex', 'I got it', { replyTo: post.number });
    await h.local.say('alex', 'what time?', { replyTo: post.number });
    await h.settle();
    expect(lastBot(h)).toBe('#1 is yours. To give it back, reply "can\'t make it" (or send /release 1).');
  });
});

describe('commands as thumbs type them (end to end)', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('near misses work where unambiguous, and otherwise get "did you mean"', async () => {
    h = await startHarness();
    await h.link('sam');
    await h.local.say('sam', '/vsite demain 14h');
    await h.settle();
    expect(lastBot(h)).toBe('Commande inconnue /vsite. Tu voulais dire /visite ? Envoie /aide pour la liste.');
    await h.local.say('sam', '/packge friday jumper');
    await h.settle();
    expect(lastBot(h)).toBe('Unknown command /packge. Did you mean /package? Send /help for the list.');
    await h.local.say('sam', '/ liste');
    await h.settle();
    expect(lastBot(h)).toContain('Aucune demande ouverte');
    await h.local.say('sam', '/Visite demain 14h');
    await h.settle();
    await h.local.say('sam', '/annule 1');
    await h.settle();
    expect(lastBot(h)).toMatch(/^✖ #1/);
  });
});
