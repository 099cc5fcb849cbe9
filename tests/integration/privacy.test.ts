// After a realistic scenario, the database file and its WAL, read as raw bytes, contain none
// of the personal values that went through the bot.

import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalTransport } from '../../bots/local/local-transport.js';
import { type Harness, startHarness } from '../support/harness.js';

const SECRETS = [
  'Samira', // display names
  'Alexandre',
  'Noor-Jahan',
  'gare de Calais-Fréthun', // place
  'pull taille M', // items
  'téléphone sans caméra',
  'QX-4711', // detainee reference
  'OQTF notifiée ce matin à 8h', // note
  'samira-uuid-11111111', // member identifiers
  'alexandre-uuid-22222222',
  'groupe-secret-33333333', // group id
];

function rawBytes(path: string): Buffer {
  return Buffer.concat([path, `${path}-wal`].filter(existsSync).map((p) => readFileSync(p)));
}

describe('nothing personal is readable in the database files', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('finds no plaintext value in the db or its WAL after a realistic scenario', async () => {
    h = await startHarness({ local: new LocalTransport('groupe-secret-33333333') });
    // Display names come from the platform; the local transport capitalises member ids.
    await h.link('samira-uuid-11111111');
    const speak = (member: string, text: string, replyTo?: number) =>
      h.local.say(member, text, replyTo === undefined ? {} : { replyTo });
    await speak('samira-uuid-11111111', '/visite 01/12 14h30 places 2 depuis gare de Calais-Fréthun QX-4711');
    await speak('samira-uuid-11111111', '/colis vendredi pull taille M, téléphone sans caméra');
    await speak('samira-uuid-11111111', '/avocat 48h QX-4711 OQTF notifiée ce matin à 8h');
    await h.settle();
    const visitPost = h.local.messages.find((m) => m.from === 'bot' && m.text.startsWith('#1'))!;
    await speak('alexandre-uuid-22222222', 'je prends', visitPost.number);
    await speak('Noor-Jahan', 'je viens', visitPost.number);
    await h.settle();
    // Names arrive through the event's senderName too.
    await h.service.parloir.handle({
      kind: 'message',
      dedupeKey: 'k1',
      transport: 'local',
      chat: h.local.chat,
      chatKind: 'group',
      sender: 'local:samira-uuid-11111111' as never,
      senderName: 'Samira',
      messageRef: 'm1' as never,
      text: '/liste',
    });
    await h.service.parloir.handle({
      kind: 'message',
      dedupeKey: 'k2',
      transport: 'local',
      chat: h.local.chat,
      chatKind: 'group',
      sender: 'local:alexandre-uuid-22222222' as never,
      senderName: 'Alexandre',
      messageRef: 'm2' as never,
      text: '/mes',
    });
    // leave some rows pending in the outbox as well: they are sealed too
    const bytes = rawBytes(h.dbPath);
    expect(bytes.length).toBeGreaterThan(10_000);
    for (const secret of SECRETS) {
      expect(bytes.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
      expect(bytes.includes(Buffer.from(secret.toLowerCase(), 'utf8')), secret).toBe(false);
    }
    // …while the bot did use them
    const said = h.botTexts().join('\n');
    expect(said).toContain('gare de Calais-Fréthun');
    expect(said).toContain('QX-4711');
  });

  it('logs carry codes and ids only', async () => {
    h = await startHarness({ local: new LocalTransport('groupe-secret-33333333') });
    await h.link('samira-uuid-11111111');
    await h.local.say('samira-uuid-11111111', '/visite demain 14h depuis gare de Calais-Fréthun QX-4711');
    await h.settle();
    const logs = h.logs.join('\n');
    expect(logs).toContain('EVENT_HANDLED');
    for (const secret of SECRETS) expect(logs.includes(secret), secret).toBe(false);
  });
});
