// Signal with the core: coordinators added by quoting a member's message or by @-mention.

import { afterEach, describe, expect, it } from 'vitest';
import * as env from '../fakes/signal/envelopes.js';
import { ALICE, BERTHE, CHARLES } from '../fakes/signal/envelopes.js';
import { dedupeKeyOf, eventually, GROUP_RECIPIENT, startWorld, textsTo, timestampOf, type World } from './core-support.js';

describe('signal with the core: members and roles', () => {
  let w: World | undefined;
  afterEach(async () => {
    await w?.h.close();
    await w?.fake.close();
    w = undefined;
  });

  it('adds a coordinator by quote reply and another by @-mention; each change is announced', async () => {
    w = await startWorld('normal');
    await w.link(ALICE);
    const bertheSaid = await w.say(env.text(BERTHE, 'je peux conduire samedi'));
    await w.say(env.text(ALICE, '/coord ajouter', { quote: { id: timestampOf(bertheSaid), author: BERTHE } }));
    // A quote carries no name, and Berthe's chatter was not kept: she is shown by her pseudonym.
    await w.botSaid(GROUP_RECIPIENT, /^membre \S+ est maintenant coordinateur·ice \(ajouté·e par Alice\)\.$/);
    await w.say(env.text(BERTHE, '/coord add', { mentions: [CHARLES] }));
    const added = await w.botSaid(GROUP_RECIPIENT, /is now a coordinator \(added by Berthe\)\.$/);
    expect(added.text).toMatch(/^member \S+ is now a coordinator/);
    // No link previews: Parloir never asks signal-cli for one (SendMessageV2.link_preview absent).
    expect(w.fake.sent.filter((sent) => 'link_preview' in (JSON.parse(sent.raw) as object))).toEqual([]);
  });

  it('a member whose safety number changed is held: changes refused, nothing direct, lifted by another coordinator', async () => {
    w = await startWorld('normal', { verifyIdentity: true });
    for (const person of [ALICE, BERTHE]) w.fake.identities.add(person);
    await w.transport.identities.check();
    await w.link(ALICE);
    await w.say(env.text(BERTHE, '/visite 05/12 14h depuis gare de Calais'));
    await w.botSaid(GROUP_RECIPIENT, /^#1 Visite/);

    const changed = w.fake.identities.change(BERTHE.uuid);
    // As main.ts does with what the identity monitor finds.
    for (const change of await w.transport.identities.check()) {
      await w.h.service.parloir.handle({ kind: 'identity-changed', dedupeKey: `test:${change.member}`, transport: 'signal', member: change.member });
    }
    await w.botSaid(ALICE.uuid, /^Le numéro de sécurité de Berthe a changé/);
    await w.say(env.text(BERTHE, '/annuler 1'));
    await w.botSaid(GROUP_RECIPIENT, /^Ton numéro de sécurité a changé/);
    await w.say(env.text(BERTHE, `/verifier ${changed.safety_number}`));
    const mine = await w.say(env.text(BERTHE, '/mes', { group: false }));
    await w.handled(mine);
    // signal-cli refuses to send to her new key until it is trusted: the answer waits.
    await w.h.settle();
    expect(textsTo(w.fake, BERTHE.uuid)).toEqual([]);

    await w.say(env.text(ALICE, `/verifier ${changed.safety_number}`));
    await w.botSaid(GROUP_RECIPIENT, /^✅ Le nouveau numéro de sécurité de Berthe est vérifié/);
    await w.drainAll();
    expect(textsTo(w.fake, BERTHE.uuid)).toEqual(['Tu n’as aucune demande en cours.']);
    expect(textsTo(w.fake, BERTHE.uuid).some((t) => t.includes('gare de Calais'))).toBe(false);
    await w.say(env.text(BERTHE, '/annuler 1'));
    await w.botSaid(GROUP_RECIPIENT, /^✖ #1 est annulée\.$/);
    expect(textsTo(w.fake, GROUP_RECIPIENT).filter((t) => t.startsWith('Ton numéro de sécurité a changé'))).toHaveLength(2);
  });

  it('a group update checked against GET /v1/groups: who is gone has their claim released; a list without the bot is not trusted', async () => {
    w = await startWorld('normal');
    const group = w.fake.groups.get(env.GROUP.internalId)!;
    await w.link(ALICE);
    await w.say(env.text(ALICE, '/visite 05/12 14h'));
    await w.botSaid(GROUP_RECIPIENT, /^#1 Visite/);
    await w.say(env.text(BERTHE, '/prendre 1'));
    await w.botSaid(GROUP_RECIPIENT, /^✅ #1 : Berthe conduit\.$/);

    // signal-cli's list not ready yet (no bot in it): nothing is done.
    const saved = [...group.members];
    group.members.splice(0);
    const stale = await w.say(env.groupUpdate(ALICE));
    await eventually(async () => w!.transportLogs.some((l) => l.includes('SIGNAL_GROUP_MEMBERS_UNTRUSTED')) || undefined, 'the untrusted list logged');
    expect(w.h.store.inbox.seen(dedupeKeyOf(stale))).toBe(false);

    // Berthe is removed from the group.
    group.members.push(...saved.filter((m) => m.uuid !== BERTHE.uuid));
    const update = await w.say(env.groupUpdate(ALICE));
    await w.handled(update);
    const told = await w.botSaid(GROUP_RECIPIENT, /^↩ #1 .*est de nouveau ouverte : Berthe ne peut plus/);
    expect(told.text).toContain('Qui peut ?');
    const groupId = w.h.store.groups.list()[0]!.id;
    expect(w.h.store.members.all(groupId).map((m) => m.name)).toEqual(['Alice']);
  });
});
