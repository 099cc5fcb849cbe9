// Issue 12, point 7 — mentions that notify. The "press Start" notice names the member with a
// text_mention entity (still no parse_mode), so Telegram notifies them; a member who blocked
// the bot on purpose is never named in the group for it. Real core and grammY over the fake.

import { afterEach, describe, expect, it } from 'vitest';
import { fr } from '../../src/i18n/fr.js';
import { chats, people } from '../fakes/telegram/objects.js';
import { botMessage, startWorld, textsTo, type World } from './core-support.js';

const group = chats.collective;
const { alex, noor, sam } = people;

describe('telegram in the real world: mentions', () => {
  let w: World | undefined;

  afterEach(async () => {
    await w?.close();
    await w?.fake.close();
    w = undefined;
  });

  it('mentions a member who has not pressed Start so they are notified; a member who blocked the bot is not named', async () => {
    w = await startWorld();
    const { fake } = w;
    fake.privateStart(sam);
    await w.botSaid(sam.id, /^Parloir /);
    await w.link(group, sam);
    fake.groupMessage('/visite 01/12 14h30 places 2', { chat: group, from: sam });
    await w.botSaid(group.id, /^#1 Visite/);
    const post = botMessage(fake, group.id, /^#1 Visite/);

    // Alex never pressed Start and takes the visit.
    fake.pressButton(group.id, post.message_id, 'claim', alex);
    const notice = await w.botSaid(group.id, /je ne peux pas encore t’écrire en privé/);
    expect(notice.params).not.toHaveProperty('parse_mode');
    expect(notice.params.entities).toEqual([
      { type: 'text_mention', offset: notice.text.indexOf('Alex Testperson'), length: 'Alex Testperson'.length, user: { id: alex.id, is_bot: false, first_name: 'Alex Testperson' } },
    ]);
    const stored = botMessage(fake, group.id, /je ne peux pas encore t’écrire en privé/);
    expect(stored.entities?.[0]?.type).toBe('text_mention');

    // Noor pressed Start once, then blocked the bot on purpose, and takes a seat.
    fake.privateStart(noor);
    await w.botSaid(noor.id, /^Parloir /);
    fake.model.blocked.add(noor.id);
    fake.pressButton(group.id, post.message_id, 'join', noor);
    const told = await w.botSaid(sam.id, /Noor Example/);
    expect(told.text).toBe(fr.alertUnreachable({ who: 'Noor Example' }));
    await w.drainAll();
    expect(textsTo(fake, group.id).filter((t) => t.includes('Noor'))).toEqual([]);
  });
});
