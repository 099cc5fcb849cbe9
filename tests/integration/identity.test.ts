// A member whose safety number changed gets nothing sensitive until a coordinator verifies the
// new number; the other coordinators are told.

import { afterEach, describe, expect, it } from 'vitest';
import type { MemberAddress } from '../../src/core/ids.js';
import { type Harness, startHarness } from '../support/harness.js';

const HOUR = 3_600_000;
const GOOD = '1'.repeat(30) + '2'.repeat(30);
const WRONG = '3'.repeat(60);

describe('safety numbers', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('holds a member whose key changed, alerts coordinators, and lifts the hold on /verify', async () => {
    const checked: [string, string][] = [];
    h = await startHarness({
      verifyIdentity: async (member, safetyNumber) => {
        checked.push([member, safetyNumber]);
        return member === 'local:alex' && safetyNumber === GOOD;
      },
    });
    await h.link('sam');
    await h.local.say('sam', '/visite 24/11 14h depuis gare de Calais');
    await h.local.say('alex', '/prendre 1');
    await h.settle();

    const outcome = await h.service.parloir.handle({
      kind: 'identity-changed',
      dedupeKey: 'local:identity:alex:1',
      transport: 'local',
      member: 'local:alex' as MemberAddress,
    });
    expect(outcome.status).toBe('handled');
    await h.settle();
    const toSam = h.local.messages.filter((m) => m.from === 'bot' && m.to === 'local:sam');
    expect(toSam.at(-1)?.text).toContain('Le numéro de sécurité de Alex a changé');

    // the 24 h reminder would name the meeting place: Alex gets the neutral notice instead
    h.clock.set(Date.parse('2026-11-23T13:00:00Z'));
    h.service.scheduler.tick();
    await h.settle();
    const toAlex = h.local.messages.filter((m) => m.from === 'bot' && m.to === 'local:alex');
    expect(toAlex.at(-1)?.text).toContain('ton numéro de sécurité a changé');
    expect(toAlex.some((m) => m.text.includes('gare de Calais'))).toBe(false);

    await h.local.say('alex', `/verifier ${GOOD}`);
    await h.settle();
    // A held member cannot verify their own new number: the neutral refusal, nothing changes.
    expect(h.botTexts().at(-1)).toContain('Ton numéro de sécurité a changé');
    await h.local.say('sam', `/verifier ${WRONG}`);
    await h.settle();
    expect(h.botTexts().at(-1)).toContain('ne correspond à aucun membre');
    await h.local.say('sam', `/verifier ${GOOD.slice(0, 30)} ${GOOD.slice(30)}`);
    await h.settle();
    expect(h.botTexts().at(-1)).toBe('✅ Le nouveau numéro de sécurité de Alex est vérifié : cette personne reçoit de nouveau ses messages.');
    expect(checked.at(-1)).toEqual(['local:alex', GOOD]);

    // the 2 h reminder goes out in full again
    h.clock.advance(22 * HOUR);
    h.service.scheduler.tick();
    await h.settle();
    expect(h.local.messages.filter((m) => m.to === 'local:alex').at(-1)?.text).toContain('RDV gare de Calais → visite');
  });

  it('says plainly where safety numbers do not exist', async () => {
    h = await startHarness();
    await h.link('sam');
    await h.local.say('sam', `/verify ${GOOD}`);
    await h.settle();
    expect(h.botTexts().at(-1)).toBe('Safety numbers are checked on Signal only.');
  });
});
