// The bot removed from a Signal group: signal-cli refuses the next send to it ("User is not a
// member in group", as SendHelper.getGroupForSending does), the group is paused and its
// coordinators told by direct message; the post waits. Added back, the next group update (whose
// member list holds the bot) resumes it and the post goes out. A paused group is then subject
// to PARLOIR_GROUP_RETENTION_DAYS (tests/integration/group-retention.test.ts).

import { afterEach, describe, expect, it } from 'vitest';
import * as env from '../fakes/signal/envelopes.js';
import { ALICE } from '../fakes/signal/envelopes.js';
import { parisTime } from '../support/harness.js';
import { eventually, GROUP_RECIPIENT, textsTo, type World, startWorld } from './core-support.js';

describe('signal: the bot removed from the group', () => {
  let w: World | undefined;
  afterEach(async () => {
    await w?.h.close();
    await w?.fake.close();
    w = undefined;
  });

  for (const mode of ['normal', 'json-rpc'] as const) {
    it(`pauses the group at the refused send and resumes it when added back (${mode})`, async () => {
      w = await startWorld(mode);
      await w.link(ALICE);
      await w.say(env.text(ALICE, '/visite 05/12 14h depuis gare de Calais'));
      await w.botSaid(GROUP_RECIPIENT, /^#1 Visite/);
      const group = w.h.store.groups.list()[0]!;

      w.fake.setBotInGroup(false);
      // The next morning's digest is the first thing the bot tries to post there: refused.
      w.h.clock.set(parisTime('2026-11-24T09:00'));
      w.h.service.scheduler.tick();
      await w.botSaid(ALICE.uuid, /^Je ne suis plus dans le groupe lié à CRA de Test/);
      expect(w.h.store.pauses.isPaused(group.id)).toBe(true);
      expect(w.fake.sent.filter((s) => s.status === 400)).toHaveLength(1);
      expect(textsTo(w.fake, GROUP_RECIPIENT).some((t) => t.startsWith('☀'))).toBe(false);
      // Held, not dropped.
      expect(w.h.store.outbox.pendingCount()).toBe(1);

      w.fake.setBotInGroup(true);
      await w.say(env.groupUpdate(ALICE));
      // Nobody left (nothing for member-left to commit): the bot's own presence resumes the group.
      await eventually(async () => !w!.h.store.pauses.isPaused(group.id) || undefined, 'the group resumed');
      await w.botSaid(ALICE.uuid, /^Je suis de retour dans le groupe lié à CRA de Test/);
      await w.botSaid(GROUP_RECIPIENT, /^☀ Aujourd’hui et demain/);
    });
  }
});
