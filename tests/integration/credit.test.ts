// /credit (FR /recharge, #16): phone credit or a camera-less phone for a detainee reference,
// claimable like a package — post, claim, /list, reminder, digest, /done with what was handed
// over and the receipt — through the real engine over the local transport, with a manual clock.
// The handed-over record is sealed: a raw scan of the database files finds no plaintext.

import { afterEach, describe, expect, it } from 'vitest';
import { rawBytes } from '../support/raw-scan.js';
import { type Harness, parisTime, startHarness } from '../support/harness.js';

const HOUR = 3_600_000;
const group = (h: Harness) => h.local.messages.filter((m) => m.from === 'bot' && m.to === h.local.chat).map((m) => m.text);
const dms = (h: Harness, member: string) => h.local.messages.filter((m) => m.from === 'bot' && m.to === `local:${member}`).map((m) => m.text);

async function say(h: Harness, member: string, text: string): Promise<string> {
  await h.local.say(member, text);
  await h.settle();
  return group(h).at(-1) ?? '';
}

describe('/credit', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('goes from post to claim, list, reminder and done with the handed-over record, in French', async () => {
    h = await startHarness();
    await h.link('sam');
    const post = await say(h, 'sam', '/recharge 25/11 recharge Lyca 10 € et téléphone sans caméra R-12');
    expect(post.split('\n')[0]).toBe('#1 Recharge — avant mer. 25 nov. à 18h00 — CRA de Test');
    expect(post).toContain('À apporter : recharge Lyca 10 € et téléphone sans caméra');
    expect(post).toContain('Règles du centre pour les objets : Vêtements, tabac fermé');
    expect(post).toContain('Réf : R-12');
    expect(post).toContain('Porteur·euse : personne pour l’instant');
    const request = h.store.requests.get(h.store.groups.findByChat(h.local.chat)!.id, 1)!;
    expect([request.kind, request.state, request.detainee]).toEqual(['credit', 'open', 'R-12']);

    await say(h, 'alex', '/prendre 1');
    expect(group(h).filter((t) => t.startsWith('✅ #1'))).toHaveLength(1);
    expect(h.store.requests.get(request.groupId, 1)?.state).toBe('claimed');
    expect(await say(h, 'noor', '/liste')).toContain('#1 Recharge mer. 25 nov. à 18h00 — prise par Alex');

    h.clock.set(parisTime('2026-11-24T18:00'));
    h.service.scheduler.tick();
    await h.settle();
    const reminder = dms(h, 'alex').find((t) => t.includes('⏰ Rappel'))!;
    expect(reminder).toContain('#1 Recharge — avant mer. 25 nov. à 18h00 — CRA de Test');
    expect(reminder).toContain('Tu y vas comme porteur·euse.');

    const done = await say(h, 'alex', '/fait 1 carte Lyca 10 €, Zanzifone sans caméra reçu oui');
    expect(done).toBe('✔ #1 est faite. Merci !\nRemis : carte Lyca 10 €, Zanzifone sans caméra\nReçu détaillé : oui');
    const closed = h.store.requests.get(h.store.groups.findByChat(h.local.chat)!.id, 1)!;
    expect([closed.state, closed.handedOver, closed.receipt]).toEqual(['done', 'carte Lyca 10 €, Zanzifone sans caméra', 'yes']);
    // counted, never the content: the credit as done and the receipt given
    const counts = h.store.counts.between('2026-01', '2026-12').map((c) => `${c.kind}/${c.bucket}/${c.n}`);
    expect(counts).toEqual(expect.arrayContaining(['credit/done/1', 'receipt/yes/1']));
    expect(counts.join(' ')).not.toContain('Zanzifone');
    // sealed at rest: the record is nowhere in the database files as plaintext
    h.store.checkpoint();
    expect(rawBytes(h.dbPath).includes(Buffer.from('Zanzifone'))).toBe(false);
  });

  it('hints how to note the record when a package is done without it; it can be noted after, by who may mark it done', async () => {
    h = await startHarness();
    await h.link('sam');
    await say(h, 'sam', '/colis 25/11 pull taille M');
    await say(h, 'alex', '/prendre 1');
    expect(await say(h, 'alex', '/fait 1')).toBe(
      '✔ #1 est faite. Merci !\nPour noter ce qui a été remis et si vous avez eu un reçu détaillé, envoyez par ex. /fait 1 pull, carte 10 € reçu oui',
    );
    expect(await say(h, 'noor', '/fait 1 pull reçu non')).toBe('Seule la personne qui a pris #1, celle qui l’a demandée ou un·e coordinateur·ice peut la marquer faite.');
    expect(await say(h, 'alex', '/fait 1 pull gris reçu : non')).toBe('Noté pour #1 :\nRemis : pull gris\nReçu détaillé : non');
    expect(await say(h, 'alex', '/fait 1 reçu non')).toBe('Noté pour #1 :\nRemis : pull gris\nReçu détaillé : non');
    expect(h.store.counts.between('2026-01', '2026-12').filter((c) => c.kind === 'receipt')).toEqual([expect.objectContaining({ bucket: 'no', n: 1 })]);
    // a visit keeps its plain answer
    await say(h, 'sam', '/visite 26/11 14h');
    await say(h, 'alex', '/prendre 2');
    expect(await say(h, 'alex', '/fait 2')).toBe('✔ #2 est faite. Merci !');
  });

  it('answers /credit in English, with an optional description', async () => {
    h = await startHarness();
    await h.link('sam');
    const post = await say(h, 'sam', '/credit friday R-7');
    expect(post.split('\n')[0]).toMatch(/^#1 Phone credit — by Fri 27 Nov, \d\d:\d\d — CRA de Test$/);
    expect(post).toContain('Courier: nobody yet');
    expect(await say(h, 'sam', '/credit')).toBe('When? e.g. /credit friday €10 Lyca top-up R-12');
    h.clock.advance(HOUR);
  });
});
