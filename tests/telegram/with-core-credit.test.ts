// /recharge (#16) through the Telegram adapter with the real core and the real grammY client
// against the fake Bot API: the post, a claim by reply, the edited post, /liste, and /fait with
// what was handed over and the receipt, each answer once.

import { afterEach, describe, expect, it } from 'vitest';
import { chats, people } from '../fakes/telegram/objects.js';
import { botMessage, startWorld, type World } from './core-support.js';
import { waitFor } from './support.js';

const group = chats.basicGroup;
const { alex, sam } = people;

describe('telegram with the core: phone credit', () => {
  let w: World | undefined;
  afterEach(async () => {
    await w?.close();
    await w?.fake.close();
    w = undefined;
  });

  it('/recharge → claim by reply → edited post → /liste → /fait with the handed-over record', async () => {
    w = await startWorld();
    const { fake } = w;
    await w.link(group, sam);
    fake.groupMessage('/recharge 01/12 carte Lyca 10 € R-12', { chat: group, from: sam });
    const post = await w.botSaid(group.id, /^#1 Recharge/);
    expect(post.text).toBe(
      [
        '#1 Recharge — avant mar. 1 déc. à 18h00 — CRA de Test',
        'À apporter : carte Lyca 10 €',
        'Règles du centre pour les objets : Vêtements, tabac fermé',
        'Réf : R-12',
        'Porteur·euse : personne pour l’instant',
        'Réponds « je prends » pour t’en charger.',
      ].join('\n'),
    );
    const postMessage = botMessage(fake, group.id, /^#1 Recharge/);
    fake.replyToBot(group.id, postMessage.message_id, 'je prends', alex);
    expect((await w.botSaid(group.id, /^✅ #1 : /)).text).toBe('✅ #1 : Alex Testperson s’en charge.');
    await waitFor(() => fake.model.find(group.id, postMessage.message_id)?.edits === 1, 'the post edited after the claim');
    expect(fake.sent('editMessageText')[0]?.text).toContain('Porteur·euse : Alex Testperson');

    fake.groupMessage('/liste', { chat: group, from: sam });
    expect((await w.botSaid(group.id, /^Demandes ouvertes/)).text).toBe('Demandes ouvertes et prises :\n#1 Recharge mar. 1 déc. à 18h00 — prise par Alex Testperson');

    fake.groupMessage('/fait 1 carte Lyca 10 € reçu non', { chat: group, from: alex });
    const done = await w.botSaid(group.id, /^✔ #1/);
    expect(done.text).toBe('✔ #1 est faite. Merci !\nRemis : carte Lyca 10 €\nReçu détaillé : non');
    await waitFor(() => fake.model.find(group.id, postMessage.message_id)?.edits === 2, 'the post edited when done');
    expect(fake.sent('editMessageText')[1]?.text).toContain('Remis : carte Lyca 10 €\nReçu détaillé : non');
    expect(fake.sent('sendMessage').filter((m) => String(m.text).startsWith('✔ #1'))).toHaveLength(1);
  });
});
