// Webhook mode: setWebhook with a secret token, then updates POSTed by Telegram to our server.
// 200 only once the core took the update; 401 without the right secret; 500 makes Telegram retry.

import type { Update } from 'grammy/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TelegramTransport } from '../../bots/telegram/telegram-transport.js';
import type { ChatAddress } from '../../src/core/ids.js';
import { FakeTelegram } from '../fakes/telegram/fake-telegram.js';
import { chats, people } from '../fakes/telegram/objects.js';
import { makeTransport, type Recorder, recorder, waitFor } from './support.js';

const SECRET = 'invented-webhook-secret_0123456789';
const SECRET_HEADER = 'X-Telegram-Bot-Api-Secret-Token';

describe('telegram webhook mode', () => {
  let fake: FakeTelegram;
  let rec: Recorder;
  let transport: TelegramTransport;

  const post = async (update: Update | undefined, secret?: string, method = 'POST'): Promise<number> => {
    const response = await fetch(`http://127.0.0.1:${transport.webhookPort()}/telegram`, {
      method,
      headers: { 'content-type': 'application/json', ...(secret !== undefined ? { [SECRET_HEADER]: secret } : {}) },
      ...(update ? { body: JSON.stringify(update) } : {}),
    });
    await response.arrayBuffer();
    return response.status;
  };
  const nextUpdate = (): Update => {
    const [update] = fake.takeQueued();
    if (!update) throw new Error('no queued update');
    return update;
  };

  beforeEach(async () => {
    fake = await FakeTelegram.start();
    rec = recorder();
    ({ transport } = makeTransport(fake, { webhook: { url: 'https://bot.example.org/telegram', secret: SECRET, port: 0 } }));
    await transport.start(rec.handler);
  });

  afterEach(async () => {
    await transport.stop();
    await fake.close();
  });

  it('sets the webhook with the secret token and does not poll', () => {
    expect(fake.sent('setWebhook')).toEqual([
      {
        url: 'https://bot.example.org/telegram',
        secret_token: SECRET,
        allowed_updates: ['message', 'callback_query', 'my_chat_member', 'chat_member', 'message_reaction'],
        drop_pending_updates: false,
      },
    ]);
    expect(fake.callsTo('getUpdates')).toEqual([]);
    expect(fake.callsTo('deleteWebhook')).toEqual([]);
    expect(fake.sent('setMyCommands')).toHaveLength(3);
  });

  it('refuses updates without the right secret header', async () => {
    fake.groupMessage('/list');
    const update = nextUpdate();
    expect(await post(update)).toBe(401);
    expect(await post(update, 'wrong-secret-wrong-secret-000000000')).toBe(401);
    expect(await post(undefined, SECRET, 'GET')).toBe(405);
    expect(rec.attempts).toEqual([]);
  });

  it('hands an update with the right secret to the core, then answers 200', async () => {
    const { updateId } = fake.groupMessage('/visit@ParloirBot 2026-12-01 14:00', { from: people.sam });
    expect(await post(nextUpdate(), SECRET)).toBe(200);
    expect(rec.taken).toEqual([
      expect.objectContaining({ kind: 'message', dedupeKey: `telegram:update:${updateId}`, text: '/visit 2026-12-01 14:00', chatKind: 'group' }),
    ]);
  });

  it('answers 500 when the core fails, so Telegram delivers the update again', async () => {
    rec.failNext(1);
    fake.groupMessage('/list');
    const update = nextUpdate();
    expect(await post(update, SECRET)).toBe(500);
    expect(rec.taken).toEqual([]);
    expect(await post(update, SECRET)).toBe(200);
    expect(rec.taken).toHaveLength(1);
    // A second redelivery is fine: the core dedupes on the update id.
    expect(await post(update, SECRET)).toBe(200);
    expect(rec.taken).toHaveLength(1);
  });

  it('answers a button press after the core handled it', async () => {
    fake.groupMessage('/list');
    fake.takeQueued();
    const receipt = await transport.send({
      id: 1,
      to: `telegram:${chats.collective.id}` as ChatAddress,
      text: 'Invented post',
      buttons: [{ action: 'join', label: 'Join' }],
    });
    rec.notice = 'Invented notice';
    const { queryId } = fake.pressButton(chats.collective.id, Number(receipt.messageRef), 'join');
    expect(await post(nextUpdate(), SECRET)).toBe(200);
    expect(rec.taken[0]).toMatchObject({ kind: 'button', action: 'join', target: receipt.messageRef });
    await waitFor(() => fake.sent('answerCallbackQuery').length === 1, 'answer');
    expect(fake.sent('answerCallbackQuery')).toEqual([{ callback_query_id: queryId, text: 'Invented notice' }]);
  });
});
