// Whom a Signal message points at (/coord add): the quoted author and @-mentions, never the bot.

import { describe, expect, it } from 'vitest';
import { mapReceived } from '../../bots/signal/map-envelope.js';
import { memberAddress } from '../../src/core/ids.js';
import type { WireReceived } from '../../bots/signal/wire-types.js';
import * as env from '../fakes/signal/envelopes.js';

const own = { number: env.BOT.number, uuid: env.BOT.uuid };
const event = (received: env.Received) => {
  const mapped = mapReceived(received as WireReceived, own);
  if (mapped.kind !== 'event' || mapped.event.kind !== 'message') throw new Error('not a message');
  return mapped.event;
};

describe('Signal: whom a message points at', () => {
  it('takes the author of a quoted member message, not of a quoted bot post', () => {
    const toAlice = event(env.text(env.BERTHE, '/coord add', { quote: { id: 1_767_225_500_000, author: env.ALICE } }));
    expect(toAlice.replyToAuthor).toEqual({ address: memberAddress('signal', env.ALICE.uuid) });
    const toBot = event(env.text(env.BERTHE, '/coord add', { quote: { id: 1_767_225_500_001, author: env.BOT } }));
    expect(toBot.replyToAuthor).toBeUndefined();
  });

  it('lists @-mentioned members by uuid, hidden numbers included, and leaves the bot out', () => {
    const mapped = event(env.text(env.ALICE, '/coord add', { mentions: [env.BERTHE, { ...env.BOT, name: null }, env.CHARLES] }));
    expect(mapped.mentions).toEqual([
      { address: memberAddress('signal', env.BERTHE.uuid) },
      { address: memberAddress('signal', env.CHARLES.uuid) },
    ]);
    expect(mapped.text.startsWith('/coord add')).toBe(true);
  });
});
