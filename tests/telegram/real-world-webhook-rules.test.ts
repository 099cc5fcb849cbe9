// Issue 12, point 10 — webhook addresses. Telegram's servers call webhooks over HTTPS on ports
// 443, 80, 88 or 8443 only; a self-hosted Bot API server (--local) also calls http:// and any
// port (telegram-bot-api WebhookActor.cpp). The settings accept exactly that, and a start
// against a self-hosted fake with an http:// URL works.

import { afterEach, describe, expect, it } from 'vitest';
import { parseSettings } from '../../src/config.js';
import { FakeTelegram } from '../fakes/telegram/fake-telegram.js';
import { makeTransport, recorder } from './support.js';

const KEY = Buffer.alloc(32, 7).toString('base64');
const TOKEN = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const SECRET = 'invented-webhook-secret_0123456789';

function webhookProblem(url: string, apiRoot?: string): boolean {
  const r = parseSettings({
    PARLOIR_KEY: KEY,
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_WEBHOOK_URL: url,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    ...(apiRoot ? { TELEGRAM_API_ROOT: apiRoot } : {}),
  });
  return !r.ok && r.problems.some((p) => p.variable === 'TELEGRAM_WEBHOOK_URL');
}

describe('telegram in the real world: webhook addresses', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it("Telegram's servers: HTTPS on 443, 80, 88 or 8443 only", () => {
    for (const ok of ['https://bot.example.org/hook', 'https://bot.example.org:8443/hook', 'https://bot.example.org:88/hook', 'https://bot.example.org:80/hook']) {
      expect(webhookProblem(ok)).toBe(false);
    }
    for (const bad of ['http://bot.example.org/hook', 'https://bot.example.org:8080/hook', 'https://bot.example.org:3000/hook']) {
      expect(webhookProblem(bad)).toBe(true);
    }
  });

  it('a self-hosted Bot API server: http:// and any port are accepted', () => {
    expect(webhookProblem('http://parloir:3000/hook', 'http://127.0.0.1:8081')).toBe(false);
    expect(webhookProblem('https://bot.example.org:8080/hook', 'http://127.0.0.1:8081')).toBe(false);
    expect(webhookProblem('ftp://bot.example.org/hook', 'http://127.0.0.1:8081')).toBe(true);
  });

  it('starts in webhook mode with an http:// URL against a self-hosted server, and the official rules refuse it', async () => {
    const local = await FakeTelegram.start({ local: true });
    const { transport } = makeTransport(local, { webhook: { url: 'http://parloir.internal:3000/telegram', secret: SECRET, port: 0 } });
    cleanups.push(async () => {
      await transport.stop();
      await local.close();
    });
    await transport.start(recorder().handler);
    expect(local.model.webhook?.url).toBe('http://parloir.internal:3000/telegram');

    const official = await FakeTelegram.start();
    const refused = makeTransport(official, { webhook: { url: 'http://parloir.internal:3000/telegram', secret: SECRET, port: 0 } }).transport;
    cleanups.push(async () => {
      await refused.stop();
      await official.close();
    });
    await expect(refused.start(recorder().handler)).rejects.toThrow(/HTTPS URL must be provided/);
  });
});
