// Safety-number holds that hold: per group, never lifted by the held member, nothing about a
// group by direct message while held there, changes refused; with no other coordinator, the
// group is told the two ways out (a fresh /link code, or the operator's `npx parloir verify`).

import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/commands.js';
import type { GroupId, MemberAddress } from '../../src/core/ids.js';
import { type Harness, startHarness } from '../support/harness.js';

const GOOD = '1'.repeat(30) + '2'.repeat(30);
const SECOND = 'second-group';

describe('safety-number holds', () => {
  let h: Harness;
  afterEach(async () => h.close());

  const bot = (to: string) => h.local.messages.filter((m) => m.from === 'bot' && m.to === to).map((m) => m.text);
  const inSecond = () => bot(`local:${SECOND}`);
  const code = () => h.store.write(() => h.store.invites.create('test-centre', h.clock.now())).code;

  async function world(): Promise<void> {
    h = await startHarness({ verifyIdentity: async (member, number) => member === 'local:alex' && number === GOOD });
    await h.link('sam');
    await h.local.say('cora', 'salut');
    await h.local.say('sam', '/coord ajouter', { replyTo: h.local.messages.length });
    await h.local.say('sam', '/visite 05/12 14h depuis gare de Calais');
    await h.local.say('alex', '/prendre 1');
    // Alex alone coordinates a second group.
    await h.local.say('alex', `/lier ${code()}`, { group: SECOND });
    await h.settle();
    await h.service.parloir.handle({ kind: 'identity-changed', dedupeKey: 'holds:alex', transport: 'local', member: 'local:alex' as MemberAddress });
    await h.settle();
  }

  it('tells the other coordinators, or the group when there is none, and refuses changes', async () => {
    await world();
    expect(bot('local:sam').at(-1)).toContain('Le numéro de sécurité de Alex a changé');
    expect(bot('local:cora').at(-1)).toContain('Le numéro de sécurité de Alex a changé');
    expect(inSecond().at(-1)).toContain('aucun·e autre coordinateur·ice ne peut le vérifier');
    expect(inSecond().at(-1)).toContain('npx parloir verify');

    await h.local.say('alex', '/visite 06/12 10h');
    await h.local.say('alex', '/lacher 1');
    await h.settle();
    expect(h.botTexts().slice(-2)).toEqual([expect.stringContaining('Ton numéro de sécurité a changé'), expect.stringContaining('Ton numéro de sécurité a changé')]);
    const first = h.store.groups.list()[0]!.id;
    expect(h.store.requests.get(first, 1)?.claimer).toBe(h.store.members.keyOf(first, 'local:alex' as MemberAddress));
    await h.local.say('alex', '/liste');
    await h.settle();
    expect(h.botTexts().at(-1)).toContain('#1 Visite');

    // Nothing about a group by direct message: /mes in the group and in the direct chat.
    await h.local.say('alex', '/mes');
    await h.local.say('alex', '/mes', { direct: true });
    await h.settle();
    expect(h.botTexts().at(-1)).toContain('Ton numéro de sécurité a changé');
    expect(bot('local:alex').at(-1)).toBe('Tu n’as aucune demande en cours.');
    expect(bot('local:alex').some((t) => t.includes('gare de Calais'))).toBe(false);
  });

  it('lifts per group, never by the held member; a fresh code or the operator is the way out', async () => {
    await world();
    await h.local.say('alex', `/verifier ${GOOD}`, { group: SECOND });
    await h.settle();
    expect(inSecond().at(-1)).toContain('Ton numéro de sécurité a changé');

    await h.local.say('sam', `/verifier ${GOOD}`);
    await h.settle();
    expect(h.botTexts().at(-1)).toBe('✅ Le nouveau numéro de sécurité de Alex est vérifié : cette personne reçoit de nouveau ses messages.');
    const [first, second] = h.store.groups.list();
    const alex = (id: GroupId) => h.store.members.keyOf(id, 'local:alex' as MemberAddress);
    expect(h.store.members.isHeld(first!.id, alex(first!.id))).toBe(false);
    expect(h.store.members.isHeld(second!.id, alex(second!.id))).toBe(true);
    await h.local.say('alex', '/mes', { direct: true });
    await h.settle();
    expect(bot('local:alex').at(-1)).toContain('#1 Visite');

    // In the second group, Noor re-links with a fresh code from the operator and verifies.
    await h.local.say('noor', `/lier ${code()}`, { group: SECOND });
    await h.settle();
    expect(inSecond().at(-1)).toBe('Code accepté : Noor est maintenant coordinateur·ice de ce groupe (CRA de Test).');
    await h.local.say('noor', `/verifier ${GOOD}`, { group: SECOND });
    await h.settle();
    expect(inSecond().at(-1)).toContain('est vérifié');
    expect(h.store.members.isHeld(second!.id, alex(second!.id))).toBe(false);
  });

  it('the operator lists holds without names and lifts one with npx parloir verify', async () => {
    await world();
    const env = { PARLOIR_DB: h.dbPath, PARLOIR_KEY: Buffer.from(h.key).toString('base64'), PARLOIR_LANG: 'en' };
    const lines: string[] = [];
    const errors: string[] = [];
    expect(await runCli(['verify'], env, (l) => lines.push(l), (l) => errors.push(l))).toBe(0);
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).not.toContain('Alex');
    const [, second] = h.store.groups.list();
    const line = lines.find((l) => l.startsWith(`group ${second!.id} `))!;
    const tag = /member (\w+)/.exec(line)![1]!;
    expect(await runCli(['verify', String(second!.id), 'zz99'], env, (l) => lines.push(l), (l) => errors.push(l))).toBe(1);
    expect(errors.at(-1)).toContain('No held member zz99');
    expect(await runCli(['verify', String(second!.id), tag], env, (l) => lines.push(l), (l) => errors.push(l))).toBe(0);
    expect(lines.at(-1)).toContain('Hold lifted');
    // The CLI writes its announcement at the wall-clock time; the running service sends it.
    h.clock.set(Date.now() + 1_000);
    await h.settle();
    expect(inSecond().at(-1)).toContain('Alex est vérifié');
    expect(h.store.members.isHeld(second!.id, h.store.members.keyOf(second!.id, 'local:alex' as MemberAddress))).toBe(false);
  });
});
