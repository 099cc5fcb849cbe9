// Safety-number monitoring: a changed key is reported once, a key left untrusted is reported,
// and verify() trusts a safety number only when it matches.

import { afterEach, describe, expect, it } from 'vitest';
import type { SignalTransport } from '../../bots/signal/signal-transport.js';
import { memberAddress } from '../../src/core/ids.js';
import { ALICE, BERTHE, CHARLES } from '../fakes/signal/envelopes.js';
import { FakeSignal } from '../fakes/signal/fake-signal.js';
import type { IdentityChange } from '../../bots/signal/identity-monitor.js';
import { expectPrivateLogs, makeTransport, waitFor } from './support.js';

const alice = memberAddress('signal', ALICE.uuid);
const berthe = memberAddress('signal', BERTHE.uuid);

describe('identity monitoring', () => {
  let fake: FakeSignal | undefined;
  let transport: SignalTransport | undefined;
  let lines: string[] = [];
  afterEach(async () => {
    expectPrivateLogs(lines);
    await transport?.stop();
    await fake?.close();
  });

  async function setup() {
    fake = await FakeSignal.start({ mode: 'json-rpc' });
    for (const person of [ALICE, BERTHE, CHARLES]) fake.identities.add(person);
    const made = makeTransport(fake);
    transport = made.transport;
    lines = made.logger.lines;
    return { fake, identities: transport.identities };
  }

  it('reports nothing on a quiet baseline, then a changed key once', async () => {
    const { fake, identities } = await setup();
    expect(await identities.check()).toEqual([]);
    const changed = fake.identities.change(BERTHE.uuid);
    expect(await identities.check()).toEqual([{ member: berthe, reason: 'changed', safetyNumber: changed.safety_number, status: 'UNTRUSTED' }]);
    expect(await identities.check()).toEqual([]);
  });

  it('reports a key signal-cli left untrusted even at baseline, and filters by member', async () => {
    const { fake, identities } = await setup();
    fake.identities.change(ALICE.uuid);
    fake.identities.change(BERTHE.uuid);
    const changes = await identities.check([alice]);
    expect(changes.map((c) => [c.member, c.reason])).toEqual([[alice, 'untrusted']]);
  });

  it('verifies a matching safety number and refuses a wrong one', async () => {
    const { fake, identities } = await setup();
    await identities.check();
    const changed = fake.identities.change(ALICE.uuid);
    expect(await identities.verify(alice, '12345 67890')).toEqual({ ok: false, code: 'SIGNAL_TRUST_REJECTED' });
    // Spaces as read aloud from a phone are accepted.
    const spaced = changed.safety_number.replace(/(\d{5})/g, '$1 ').trim();
    expect(await identities.verify(alice, spaced)).toEqual({ ok: true });
    expect(fake.identities.get(ALICE.uuid)?.status).toBe('TRUSTED_VERIFIED');
    expect(await identities.check()).toEqual([]);
  });

  it('watches on an interval and calls back with changes', async () => {
    const { fake, identities } = await setup();
    const seen: IdentityChange[] = [];
    await identities.check();
    const stop = identities.watch((changes) => {
      seen.push(...changes);
    }, 50);
    fake.identities.change(CHARLES.uuid);
    await waitFor(() => seen.length >= 1, 'a reported change');
    stop();
    expect(seen[0]).toMatchObject({ member: memberAddress('signal', CHARLES.uuid), reason: 'changed' });
  });
});
