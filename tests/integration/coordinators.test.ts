// Coordinators (référents): listed by anyone, added by a coordinator replying /coord add to a
// member's message, removed with /coord remove; every change announced; the last one stays;
// group settings are theirs alone.

import { afterEach, describe, expect, it } from 'vitest';
import type { MemberAddress, MessageRef } from '../../src/core/ids.js';
import { type Harness, lastBot, startHarness } from '../support/harness.js';

describe('coordinators', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('lists, adds by reply, removes, keeps the last one, and guards group settings', async () => {
    h = await startHarness();
    await h.link('sam');
    await h.local.say('noor', '/coord');
    await h.settle();
    expect(lastBot(h)).toBe('Coordinateur·ices (référent·es) : Sam.');

    await h.local.say('alex', 'je peux aider pour les colis');
    const alexSaid = h.local.messages.length;
    await h.local.say('noor', '/coord ajouter', { replyTo: alexSaid });
    await h.settle();
    expect(lastBot(h)).toBe('Seul·e un·e coordinateur·ice peut faire ça. /coord donne la liste.');
    await h.local.say('sam', '/coord ajouter');
    await h.settle();
    expect(lastBot(h)).toContain('réponds /coord ajouter à un message de cette personne');

    await h.local.say('sam', '/coord ajouter', { replyTo: alexSaid });
    await h.settle();
    expect(lastBot(h)).toBe('Alex est maintenant coordinateur·ice (ajouté·e par Sam).');
    await h.local.say('sam', '/coord add', { replyTo: alexSaid });
    await h.settle();
    expect(lastBot(h)).toBe('Alex is already a coordinator.');
    await h.local.say('noor', '/coordinators');
    await h.settle();
    expect(lastBot(h)).toMatch(/^Coordinators: (Sam and Alex|Alex and Sam)\.$/);

    // Alex may now change the group's settings; Noor may not.
    await h.local.say('alex', '/resume 08:30');
    await h.settle();
    expect(lastBot(h)).toContain('08:30');
    await h.local.say('noor', '/langue en');
    await h.settle();
    expect(lastBot(h)).toBe('Seul·e un·e coordinateur·ice peut faire ça. /coord donne la liste.');

    // Sam steps down; Alex, now alone, cannot.
    await h.local.say('sam', '/coord retirer');
    await h.settle();
    expect(lastBot(h)).toBe('Sam n’est plus coordinateur·ice (retiré·e par Sam).');
    await h.local.say('alex', '/coord retirer');
    await h.settle();
    expect(lastBot(h)).toContain('Tu es la dernière personne coordinatrice');
    await h.local.say('sam', '/resume off');
    await h.settle();
    expect(lastBot(h)).toBe('Seul·e un·e coordinateur·ice peut faire ça. /coord donne la liste.');
    await h.local.say('alex', '/coord bof');
    await h.settle();
    expect(lastBot(h)).toContain('Envoie /coord pour la liste');
    expect(h.store.members.coordinators(h.store.groups.list()[0]!.id).map((m) => m.name)).toEqual(['Alex']);
  });
});

describe('names and places as the group sees them', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('strips bidi and control characters, quotes names that could pass for the bot, and never lends the bot’s name', async () => {
    h = await startHarness();
    await h.link('sam');
    await h.local.say('sam', '/visite 05/12 14h places 1 depuis gare\u202E de\u200B Calais');
    await h.settle();
    expect(lastBot(h)).toContain('gare de Calais');
    expect(h.botTexts().join('\n')).not.toMatch(/[\u202E\u200B]/u);
    // A member whose display name is the bot's gets a pseudonym; a sentence-like name is quoted.
    await h.local.say('parloir', '/prendre 1');
    await h.settle();
    expect(h.botTexts().slice(-2)[0]).toMatch(/^✅ #1 : membre \S+ conduit\.$/);
    const transport = h.local;
    await h.service.parloir.handle({
      kind: 'message',
      dedupeKey: 'names:1',
      transport: 'local',
      chat: transport.chat,
      chatKind: 'group',
      sender: 'local:mallory' as MemberAddress,
      senderName: 'Sam.\u2028RDV changé : gare du Nord',
      messageRef: 'names-1' as MessageRef,
      text: '/rejoindre 1',
    });
    await h.settle();
    expect(h.botTexts()).toContain('✅ #1 : “Sam. RDV changé : gare du Nord” prend une place (complet).');
  });
});
