// The outbox: nothing lost during an outage or across a restart, nothing sent twice, order kept
// per chat, permanent failures marked and turned into alerts.

import { afterEach, describe, expect, it } from 'vitest';
import { LocalTransport } from '../../bots/local/local-transport.js';
import { DeliveryError } from '../../src/core/delivery-error.js';
import type { OutboundMessage, SendReceipt } from '../../src/core/transport.js';
import { type Harness, startHarness, tempDir } from '../support/harness.js';

/** The local transport behind a switch: while down, every send fails like a refused connection. */
class FlakyLocal extends LocalTransport {
  down = false;
  failWith: DeliveryError | undefined;
  /** Fails direct messages only (to a member rather than the group). */
  failDirect: DeliveryError | undefined;
  attempts = 0;
  override async send(message: OutboundMessage): Promise<SendReceipt> {
    this.attempts += 1;
    if (this.down) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    if (this.failWith) throw this.failWith;
    if (this.failDirect && message.to !== this.chat) throw this.failDirect;
    return super.send(message);
  }
}

describe('outbox', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('keeps replies through an outage and delivers each exactly once, in order', async () => {
    const local = new FlakyLocal('g');
    h = await startHarness({ local });
    await h.link();
    local.down = true;
    await local.say('sam', '/visite demain 14h places 2');
    await local.say('alex', '/prendre 1');
    await local.say('noor', '/rejoindre 1');
    await h.settle();
    // 3 answers, the updated card after the claim and after the seat, a first direct message to Alex and to Noor
    expect(h.store.outbox.pendingCount()).toBe(7);
    expect(h.botTexts()).toHaveLength(1); // only the link answer got out
    // retries wait for their backoff
    h.clock.advance(600_000);
    local.down = false;
    await h.settle();
    const texts = h.botTexts().slice(1);
    expect(texts).toHaveLength(5);
    expect(texts[0]).toMatch(/^#1 Visite/);
    expect(texts[1]).toBe('✅ #1 : Alex conduit.');
    expect(texts[2]).toMatch(/^#1 Visite[\s\S]*\nConducteur·ice : Alex\n/);
    expect(texts[3]).toBe('✅ #1 : Noor prend une place (1 place libre).');
    expect(texts[4]).toMatch(/\nPassager·e : Noor\n/);
    expect(h.store.outbox.pendingCount()).toBe(0);
    // the post was recorded when it finally went out: replies to it work
    const post = local.messages.find((m) => m.from === 'bot' && m.text.startsWith('#1'))!;
    await local.say('sam', 'je viens', { replyTo: post.number });
    await h.settle();
    expect(h.botTexts().at(-2)).toContain('Sam prend une place');
  });

  it('survives a restart between receiving a command and sending the reply', async () => {
    const temp = tempDir();
    const first = new FlakyLocal('g');
    const a = await startHarness({ dir: temp.dir, local: first });
    await a.link();
    first.down = true;
    await first.say('sam', '/colis vendredi pull, tabac');
    await a.settle();
    const key = a.key;
    await a.service.stop();
    a.store.close();

    const second = new LocalTransport('g');
    h = await startHarness({ dir: temp.dir, key, local: second, now: a.clock.now() + 3_600_000 });
    await h.settle();
    const posts = second.messages.filter((m) => m.text.startsWith('#1 Colis'));
    expect(posts).toHaveLength(1);
    await h.settle();
    expect(second.messages.filter((m) => m.text.startsWith('#1 Colis'))).toHaveLength(1);
    temp.cleanup();
  });

  it('marks a permanent failure and tells the group how to fix a missing direct chat', async () => {
    const local = new FlakyLocal('g');
    h = await startHarness({ local });
    await h.link('sam');
    // A rate limit makes Parloir write to the coordinator (Sam) directly…
    local.failWith = new DeliveryError({ code: 'TELEGRAM_429', retry: 'later', retryAfterMs: 1_000, alert: 'rate-limited' });
    await local.say('alex', '/liste');
    await h.settle();
    // …but Sam never opened a direct chat with the bot.
    local.failWith = undefined;
    local.failDirect = new DeliveryError({ code: 'TELEGRAM_FORBIDDEN', retry: 'never', alert: 'direct-not-started', hint: 'https://t.me/ParloirBot?start=hello' });
    h.clock.advance(5_000);
    await h.settle();
    expect(h.botTexts().at(-1)).toBe('Sam, je ne peux pas encore t’écrire en privé : ouvre https://t.me/ParloirBot?start=hello et appuie sur Démarrer, pour recevoir les rappels.');
    const failed = h.store.db.prepare("SELECT last_error, length(body_enc) AS body FROM outbox WHERE state = 'failed'").all();
    expect(failed).toEqual([{ last_error: 'TELEGRAM_FORBIDDEN', body: 0 }]);
  });

  it('tells coordinators once about a rate limit, then delivers when it lifts', async () => {
    const local = new FlakyLocal('g');
    h = await startHarness({ local });
    await h.link('sam');
    local.failWith = new DeliveryError({ code: 'SIGNAL_RATE_LIMITED', retry: 'later', retryAfterMs: 1_000, alert: 'captcha-required' });
    for (let i = 0; i < 3; i++) {
      await local.say('alex', '/liste');
      await h.settle();
      h.clock.advance(2_000);
      await h.settle();
    }
    local.failWith = undefined;
    h.clock.advance(2_000);
    await h.settle();
    const toSam = local.messages.filter((m) => m.from === 'bot' && m.to === 'local:sam');
    expect(toSam).toHaveLength(1);
    expect(toSam[0]!.text).toContain('captcha');
    expect(h.botTexts().filter((t) => t.startsWith('Aucune demande'))).toHaveLength(3);
  });

  it('a send held back for pacing waits its time, in order, without counting an attempt or alerting anyone', async () => {
    const local = new FlakyLocal('g');
    h = await startHarness({ local });
    await h.link('sam');
    const sent = h.botTexts().length;
    local.failWith = new DeliveryError({ code: 'TEST_PACED', retry: 'later', retryAfterMs: 5_000, paced: true });
    await local.say('alex', '/liste');
    await local.say('alex', '/info');
    await h.settle();
    const [head] = h.store.outbox.pendingHeads(h.clock.now(), 10);
    expect(head?.at).toBe(h.clock.now() + 5_000);
    expect(h.store.outbox.load(head!.id)?.attempts).toBe(0);
    local.failWith = undefined;
    h.clock.advance(4_999);
    await h.settle();
    expect(h.botTexts()).toHaveLength(sent);
    h.clock.advance(1);
    await h.settle();
    const texts = h.botTexts().slice(sent);
    expect(texts[0]).toMatch(/^Aucune demande/);
    expect(texts).toHaveLength(2);
    expect(h.store.outbox.pendingCount()).toBe(0);
    expect(local.messages.filter((m) => m.from === 'bot' && m.to === 'local:sam')).toEqual([]);
    expect(h.logs.filter((l) => l.includes('OUTBOX_RETRY'))).toEqual([]);
  });
});
