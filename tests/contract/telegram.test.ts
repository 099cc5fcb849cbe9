import { chatAddress, memberAddress } from '../../src/core/ids.js';
import { FakeTelegram } from '../fakes/telegram/fake-telegram.js';
import { chats, people } from '../fakes/telegram/objects.js';
import { makeTransport } from '../telegram/support.js';
import { transportContract } from './transport-contract.js';

transportContract('telegram', async () => {
  const fake = await FakeTelegram.start();
  const { transport } = makeTransport(fake);
  const chat = chats.basicGroup;
  fake.model.chats.set(chat.id, chat); // the bot is a member of the group
  return {
    transport,
    group: chatAddress('telegram', String(chat.id)),
    member: memberAddress('telegram', String(people.sam.id)),
    async groupText(text, replyTo) {
      if (replyTo) fake.replyToBot(chat.id, Number(replyTo), text, people.sam);
      else fake.groupMessage(text, { chat, from: people.sam });
    },
    async sent() {
      return fake.sent('sendMessage').map((p) => ({ to: `telegram:${String(p.chat_id)}`, text: String(p.text) }));
    },
    async close() {
      await transport.stop();
      await fake.close();
    },
  };
});
