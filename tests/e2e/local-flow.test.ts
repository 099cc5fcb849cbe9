import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, lastBot, startHarness } from '../support/harness.js';

describe('end to end over the local transport', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('link → visit → claim by reply → join → list → done', async () => {
    h = await startHarness();
    await h.link('sam');
    expect(lastBot(h)).toContain('lié à CRA de Test');

    await h.local.say('sam', '/visite 01/12 14h30 places 2 depuis gare de Calais');
    await h.settle();
    const post = h.local.messages.at(-1)!;
    expect(post.from).toBe('bot');
    expect(post.text).toMatch(/^#1 Visite — mar\. 1 déc\. à 14h30 — CRA de Test/);
    expect(post.text).toContain('gare de Calais');
    expect(post.buttons).toEqual(['Je conduis', 'Je viens']);

    await h.local.say('alex', 'je prends', { replyTo: post.number });
    await h.settle();
    // No edits on this transport: the answer, then the updated card once, quoting the original.
    expect(h.botTexts().at(-2)).toBe('✅ #1 : Alex conduit.');
    const card = h.local.messages.at(-1)!;
    expect(card.text).toMatch(/^#1 Visite — mar\. 1 déc\. à 14h30 — CRA de Test\n[\s\S]*\nConducteur·ice : Alex\n/);
    expect(card.replyTo).toBe(post.number);
    expect(card.buttons).toEqual(['Je viens', 'Je lâche']);

    await h.local.say('noor', "I'll take it", { replyTo: post.number });
    await h.settle();
    expect(lastBot(h)).toBe('Too late: Alex already took #1.');

    await h.local.say('noor', 'je viens', { replyTo: card.number });
    await h.settle();
    expect(h.botTexts().at(-2)).toBe('✅ #1 : Noor prend une place (1 place libre).');
    expect(h.local.messages.at(-1)!.replyTo).toBe(card.number);
    expect(lastBot(h)).toContain('\nPassager·e : Noor');

    await h.local.say('sam', '/list');
    await h.settle();
    expect(lastBot(h)).toContain('#1 Visit');
    expect(lastBot(h)).toContain('taken by Alex, 1 of 2 seats free');

    await h.local.say('alex', '/fait 1');
    await h.settle();
    expect(lastBot(h)).toBe('✔ #1 est faite. Merci !');

    await h.local.say('sam', '/liste');
    await h.settle();
    expect(lastBot(h)).toContain('Aucune demande ouverte');
  });

  it('answers in the language of the command word and keeps the group default otherwise', async () => {
    h = await startHarness();
    await h.link();
    await h.local.say('sam', '/help');
    await h.settle();
    expect(lastBot(h)).toContain('Parloir keeps this group');
    await h.local.say('sam', '/aide');
    await h.settle();
    expect(lastBot(h)).toContain('Parloir tient');
    await h.local.say('sam', '/lang en');
    await h.settle();
    expect(lastBot(h)).toContain('From now on I answer this group in English');
    await h.local.say('sam', '/info');
    await h.settle();
    expect(lastBot(h)).toContain("Centre's rules on items: Vêtements, tabac fermé");
  });

  it('packages remind what the centre allows; lawyers take a 48h deadline', async () => {
    h = await startHarness();
    await h.link();
    await h.local.say('sam', '/colis vendredi pull, tabac');
    await h.settle();
    expect(lastBot(h)).toContain('#1 Colis — avant ven. 27 nov. à 18h00');
    expect(lastBot(h)).toContain('Règles du centre pour les objets : Vêtements, tabac fermé');
    await h.local.say('sam', '/lawyer 48h R-12 OQTF notified this morning');
    await h.settle();
    // counted from the earliest plausible time of "this morning", and the answer says so (#9)
    const [lawyerPost, assumption] = h.botTexts().slice(-2);
    expect(lawyerPost).toContain('#2 Lawyer — deadline Wed 25 Nov, 06:00 (44 h left) —');
    expect(lawyerPost).toContain('Ref: R-12');
    expect(lawyerPost).toContain('Note: OQTF notified\n');
    expect(assumption).toContain('counted from the earliest plausible one, Mon 23 Nov, 06:00');
  });

  it('claims by 👍 reaction, releases, and tells the group', async () => {
    h = await startHarness();
    await h.link();
    await h.local.say('sam', '/package 2026-12-01 jumper size M, phone without camera');
    await h.settle();
    const post = h.local.messages.at(-1)!;
    await h.local.react('alex', post.number);
    await h.settle();
    expect(h.botTexts().at(-2)).toBe('✅ #1 : Alex s’en charge.');
    await h.local.say('alex', '/release 1');
    await h.settle();
    expect(lastBot(h)).toBe('↩ #1 (package by Tue 1 Dec, 18:00) is open again: Alex can no longer do it. Who can?');
    await h.local.say('noor', '/prendre 1');
    await h.settle();
    expect(h.botTexts().at(-2)).toBe('✅ #1 : Noor s’en charge.');
  });

  it('gives short clear answers to bad input and changes nothing', async () => {
    h = await startHarness();
    await h.link();
    const cases: [string, RegExp][] = [
      ['/frobnicate', /Commande inconnue \/frobnicate/],
      ['/visite 31/02 14h', /Je ne comprends pas cette date/],
      ['/visite 20/11 14h', /déjà passée/],
      ['/visite demain', /À quelle heure/],
      ['/visit', /When\? e\.g\. \/visit tomorrow 2pm/],
      ['/claim 999', /There is no request #999/],
      ['/prendre', /Quelle demande \?/],
      ['/colis demain', /Qu’y a-t-il à apporter/],
      [`/visite demain 14h ${'x'.repeat(50_000)}`, /trop long/],
      ['/visite \u0000\u0001\uFFFF\uD800 junk', /Je ne comprends pas cette date|Quand \?/],
    ];
    for (const [text, expected] of cases) {
      await h.local.say('sam', text);
      await h.settle();
      expect(lastBot(h), text.slice(0, 40)).toMatch(expected);
    }
    expect(h.store.requests.active(h.store.groups.findByChat(h.local.chat)!.id)).toHaveLength(0);
    // a reply to a bot post that is not a claim word gets a one-line hint
    await h.local.say('sam', '/visite demain 14h');
    await h.settle();
    const post = h.local.messages.at(-1)!;
    await h.local.say('alex', 'who is free?', { replyTo: post.number });
    await h.settle();
    // in the replier's language, naming the words that work for that post (#9)
    expect(lastBot(h)).toBe('To drive #1, reply "I\'ll take it".');
    // a reply to a member's message, and plain chatter, get nothing
    const before = h.local.messages.length;
    await h.local.say('alex', 'je prends', { replyTo: post.number - 1 });
    await h.local.say('alex', 'bonjour à tous');
    await h.settle();
    expect(h.local.messages.length).toBe(before + 2);
  });

  it('in an unlinked group answers only help and link, and stores nothing about ignored messages', async () => {
    h = await startHarness();
    await h.local.say('sam', 'bonjour');
    await h.local.say('sam', '/visite demain 14h');
    await h.settle();
    expect(lastBot(h)).toContain('pas encore lié');
    // One answer a day outside any linked group (#13 limits): the next day, the next one.
    h.clock.advance(24 * 3_600_000);
    await h.local.say('sam', '/aide');
    await h.settle();
    expect(lastBot(h)).toContain('/lier CODE');
    h.clock.advance(24 * 3_600_000);
    await h.local.say('sam', '/lier PRLR-AAAAA-BBBBB');
    await h.local.say('sam', '/lier PRLR-AAAAA-CCCCC');
    await h.settle();
    expect(lastBot(h)).toContain('Je ne connais pas ce code');
    expect(h.botTexts().filter((t) => t.includes('Je ne connais pas ce code'))).toHaveLength(1);
    const count = (table: string) => (h.store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(count('groups')).toBe(0);
    expect(count('members')).toBe(0);
    expect(count('requests')).toBe(0);
  });

  it('codes are single-use and expire after 24 h', async () => {
    h = await startHarness();
    const { code } = h.store.write(() => h.store.invites.create('test-centre', h.clock.now()));
    h.clock.advance(25 * 3_600_000);
    await h.local.say('sam', `/lier ${code}`);
    await h.settle();
    expect(lastBot(h)).toContain('a expiré');
    const fresh = h.store.write(() => h.store.invites.create('test-centre', h.clock.now()));
    await h.local.say('sam', `/link ${fresh.code.toLowerCase()}`);
    await h.settle();
    expect(lastBot(h)).toContain('linked to CRA de Test');
  });

  it('only the requester or a coordinator may cancel', async () => {
    h = await startHarness();
    await h.link('sam');
    await h.local.say('alex', '/visite demain 14h');
    await h.local.say('noor', '/annuler 1');
    await h.settle();
    expect(lastBot(h)).toContain('Seule la personne qui a demandé #1');
    await h.local.say('sam', '/annuler 1');
    await h.settle();
    expect(lastBot(h)).toBe('✖ #1 est annulée.');
    await h.local.say('alex', '/prendre 1');
    await h.settle();
    expect(lastBot(h)).toBe('#1 est annulée : rien à faire.');
  });

  it('/mine in a direct chat lists my requests across groups', async () => {
    h = await startHarness();
    await h.link('sam');
    await h.local.say('sam', '/visite demain 14h places 1');
    await h.local.say('alex', '/prendre 1');
    await h.local.say('alex', '/mes', { direct: true });
    await h.settle();
    const dm = h.local.messages.filter((m) => m.from === 'bot' && m.to === 'local:alex').at(-1)!;
    expect(dm.text).toContain('Tes demandes');
    expect(dm.text).toContain('#1 Visite');
    expect(dm.text).toContain('tu l’as prise');
  });

  it('delivers the same event once even when the transport delivers it twice', async () => {
    h = await startHarness();
    await h.link();
    const event = {
      kind: 'message' as const,
      dedupeKey: 'local:dup-1',
      transport: 'local' as const,
      chat: h.local.chat,
      chatKind: 'group' as const,
      sender: 'local:sam' as never,
      messageRef: 'dup-1' as never,
      text: '/visite demain 14h',
    };
    expect((await h.service.parloir.handle(event)).status).toBe('handled');
    expect((await h.service.parloir.handle(event)).status).toBe('duplicate');
    await h.settle();
    expect(h.botTexts().filter((t) => t.startsWith('#1 Visite'))).toHaveLength(1);
  });

  it('never shows or touches one group\'s requests from another group', async () => {
    h = await startHarness();
    await h.link('sam');
    const { code } = h.store.write(() => h.store.invites.create('other-centre', h.clock.now()));
    await h.local.say('zoe', `/lier ${code}`, { group: 'other-group' });
    await h.local.say('sam', '/visite demain 14h R-12 note secrète du groupe A');
    await h.settle();
    const other = (text: string) => h.local.say('zoe', text, { group: 'other-group' });
    await other('/liste');
    await h.settle();
    const inOther = h.local.messages.filter((m) => m.from === 'bot' && m.to === 'local:other-group').map((m) => m.text);
    expect(inOther.at(-1)).toContain('Aucune demande ouverte');
    await other('/prendre 1');
    await other('/annuler 1');
    await h.settle();
    const answers = h.local.messages.filter((m) => m.from === 'bot' && m.to === 'local:other-group').map((m) => m.text);
    expect(answers.slice(-2)).toEqual([
      'Il n’y a pas de demande #1 dans ce groupe. /liste montre celles qui sont ouvertes.',
      'Il n’y a pas de demande #1 dans ce groupe. /liste montre celles qui sont ouvertes.',
    ]);
    expect(answers.join('\n')).not.toContain('secrète');
    expect(h.store.requests.get(h.store.groups.findByChat(h.local.chat)!.id, 1)?.state).toBe('open');
  });
});
