// The shared transport contract, run against the Signal adapter and the fake in both receive
// modes and both success body shapes.

import { ALICE, BOT, GROUP, text } from '../fakes/signal/envelopes.js';
import { FakeSignal, type FakeMode } from '../fakes/signal/fake-signal.js';
import { chatAddress, memberAddress } from '../../src/core/ids.js';
import { transportContract } from '../contract/transport-contract.js';
import { makeTransport, waitFor } from './support.js';

for (const [mode, sendShape] of [
  ['normal', 'object'],
  ['json-rpc', 'array'],
] as const satisfies readonly (readonly [FakeMode, 'object' | 'array'])[]) {
  transportContract(`signal (${mode}, ${sendShape} send body)`, async () => {
    const fake = await FakeSignal.start({ mode, sendShape, pingIntervalMs: 500, maxPollMs: 300 });
    const { transport } = makeTransport(fake);
    const started = transport.start.bind(transport);
    return {
      transport: {
        ...transport,
        name: transport.name,
        send: transport.send.bind(transport),
        stop: transport.stop.bind(transport),
        // In json-rpc mode frames sent before the websocket is up are lost: wait for it.
        async start(handler) {
          await started(handler);
          if (mode === 'json-rpc') await waitFor(() => fake.liveSockets() === 1, 'websocket');
        },
      },
      group: chatAddress('signal', GROUP.restId),
      member: memberAddress('signal', ALICE.uuid),
      async groupText(body, replyTo) {
        const quoted = replyTo ? fake.sent.find((s) => s.timestamp === replyTo) : undefined;
        fake.deliver(text(ALICE, body, quoted ? { quote: { id: Number(quoted.timestamp), author: BOT } } : {}));
      },
      async sent() {
        return fake.sent
          .filter((s) => s.delivered && s.request)
          .map((s) => ({
            to: `signal:${s.request!.recipients[0]!.value}`,
            text: s.request!.message,
            ...(s.request!.quoteTimestamp ? { replyTo: String(s.request!.quoteTimestamp) } : {}),
          }));
      },
      async close() {
        await transport.stop();
        await fake.close();
      },
    };
  });
}
