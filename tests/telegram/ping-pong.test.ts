// Claim / release ping-pong with the buttons over the fake Bot API (#13 limits): every press is
// answered (its notice) and the post is edited to the latest state each time, but "released"
// reaches the group at most once per 10 minutes.

import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait.js';
import { chats, people } from '../fakes/telegram/objects.js';
import { botMessage, outputs, startWorld, type World } from './core-support.js';

const group = chats.collective;
const { alex, sam } = people;

describe('telegram: claim / release ping-pong', () => {
  let w: World | undefined;
  afterEach(async () => {
    await w?.close();
    await w?.fake.close();
    w = undefined;
  });

  it('answers every press and edits the post each time; "released" goes to the group once per 10 minutes', async () => {
    w = await startWorld();
    const { fake, h } = w;
    await w.link(group, sam);
    fake.groupMessage('/colis 05/12 pull', { chat: group, from: sam });
    await w.botSaid(group.id, /^#1 Colis/);
    const post = botMessage(fake, group.id, /^#1 Colis/);
    const releasedInGroup = () => outputs(fake).filter((o) => o.method === 'sendMessage' && o.chatId === group.id && o.text.startsWith('↩ #1 '));
    let presses = 0;
    for (let i = 0; i < 3; i += 1) {
      for (const action of ['claim', 'release'] as const) {
        h.clock.advance(60_000);
        await w.handled(fake.pressButton(group.id, post.message_id, action, alex).updateId);
        presses += 1;
        await waitFor(() => fake.sent('answerCallbackQuery').length === presses, `press ${presses} answered`);
        await w.drainAll();
      }
    }
    expect(fake.sent('answerCallbackQuery').map((a) => String(a.text).slice(0, 4))).toEqual(['✅ #1', '↩ #1', '✅ #1', '↩ #1', '✅ #1', '↩ #1']);
    expect(fake.model.find(group.id, post.message_id)?.edits).toBe(6);
    expect(releasedInGroup()).toHaveLength(1);
    // Ten minutes after the first "released", the next one reaches the group again.
    h.clock.advance(10 * 60_000);
    await w.handled(fake.pressButton(group.id, post.message_id, 'claim', alex).updateId);
    await w.handled(fake.pressButton(group.id, post.message_id, 'release', alex).updateId);
    await w.drainAll();
    expect(releasedInGroup()).toHaveLength(2);
  });
});
