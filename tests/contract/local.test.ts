import { LocalTransport } from '../../bots/local/local-transport.js';
import { memberAddress } from '../../src/core/ids.js';
import { transportContract } from './transport-contract.js';

transportContract('local', async () => {
  const transport = new LocalTransport('contract-group');
  return {
    transport,
    group: transport.chat,
    member: memberAddress('local', 'sam'),
    async groupText(text, replyTo) {
      const target = replyTo ? transport.messages.find((m) => m.ref === replyTo) : undefined;
      await transport.say('sam', text, target ? { replyTo: target.number } : {});
    },
    async sent() {
      return transport.messages
        .filter((m) => m.from === 'bot')
        .map((m) => ({ to: m.to, text: m.text, ...(m.replyTo ? { replyTo: String(m.replyTo) } : {}) }));
    },
    async close() {
      await transport.stop();
    },
  };
});
