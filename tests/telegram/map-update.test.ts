// The pure mapping and the retry delays, without a server.

import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { mapUpdate, stripBotMention } from '../../bots/telegram/map-update.js';
import { validCommands } from '../../bots/telegram/command-menu.js';
import { backoff } from '../../bots/telegram/timing.js';
import { chats, people } from '../fakes/telegram/objects.js';

describe('stripBotMention', () => {
  it.each([
    ['/visit@ParloirBot 2026-12-01 14:00', '/visit 2026-12-01 14:00'],
    ['/list@ParloirBot', '/list'],
    ['/LIST@parloirbot', '/LIST'],
    ['/lâcher@ParloirBot 3', '/lâcher 3'],
    ['/visit 2026-12-01 write to @ParloirBot', '/visit 2026-12-01 write to @ParloirBot'],
    ['me', 'me'],
    ['/visit@ParloirBotX 1', undefined],
    ['/visit@OtherHelperBot', undefined],
  ])('%s → %s', (text, expected) => {
    expect(stripBotMention(text, 'ParloirBot')).toBe(expected);
  });
});

describe('mapUpdate', () => {
  const base = { message_id: 5, date: 1_790_000_000, chat: chats.collective, from: people.sam };

  it('maps a reaction change (admin bots only) to the emoji added, else the one taken back; custom emoji, anonymous admins and bots to nothing', () => {
    const emoji = (...list: string[]) => list.map((e) => ({ type: 'emoji', emoji: e }));
    const reaction = (extra: object) => ({ update_id: 30, message_reaction: { chat: chats.collective, message_id: 8, date: 1_790_000_000, user: people.sam, ...extra } }) as Update;
    expect(mapUpdate(reaction({ old_reaction: [], new_reaction: emoji('👍') }), 'ParloirBot')).toMatchObject({
      kind: 'event',
      event: { kind: 'reaction', emoji: '👍', removed: false, target: '8', sender: `telegram:${people.sam.id}`, chatKind: 'group' },
    });
    expect(mapUpdate(reaction({ old_reaction: emoji('👍'), new_reaction: emoji('❤') }), 'ParloirBot')).toMatchObject({ event: { emoji: '❤', removed: false } });
    expect(mapUpdate(reaction({ old_reaction: emoji('❤', '👍'), new_reaction: emoji('❤') }), 'ParloirBot')).toMatchObject({ event: { emoji: '👍', removed: true } });
    const custom = [{ type: 'custom_emoji', custom_emoji_id: '5368324170671202286' }];
    expect(mapUpdate(reaction({ old_reaction: [], new_reaction: custom }), 'ParloirBot')).toEqual({ kind: 'ignored', reason: 'other-update' });
    expect(mapUpdate(reaction({ user: undefined, actor_chat: chats.collective, old_reaction: [], new_reaction: emoji('👍') }), 'ParloirBot')).toEqual({ kind: 'ignored', reason: 'no-sender' });
    expect(mapUpdate(reaction({ user: people.otherBot, old_reaction: [], new_reaction: emoji('👍') }), 'ParloirBot')).toEqual({ kind: 'ignored', reason: 'from-bot' });
  });

  it('keeps a first name alone when there is no last name, and reply_to_message as replyTo', () => {
    const update = { update_id: 9, message: { ...base, text: 'me', reply_to_message: { ...base, message_id: 3, text: 'x' } } } as Update;
    expect(mapUpdate(update, 'ParloirBot')).toMatchObject({ kind: 'event', event: { senderName: 'Sam', replyTo: '3', messageRef: '5' } });
  });

  it('points at the author of the message replied to, unless it is a bot', () => {
    const toAlex = { update_id: 20, message: { ...base, text: '/coord add', reply_to_message: { ...base, from: people.alex, message_id: 4, text: 'x' } } } as Update;
    expect(mapUpdate(toAlex, 'ParloirBot')).toMatchObject({
      kind: 'event',
      event: { replyTo: '4', replyToAuthor: { address: `telegram:${people.alex.id}`, name: 'Alex Testperson' } },
    });
    const toBot = { update_id: 21, message: { ...base, text: '/coord add', reply_to_message: { ...base, from: people.otherBot, message_id: 6, text: 'x' } } } as Update;
    const mapped = mapUpdate(toBot, 'ParloirBot');
    expect(mapped.kind === 'event' && mapped.event.kind === 'message' && mapped.event.replyToAuthor).toBe(undefined);
  });

  it('maps a member leaving or removed (service message, chat_member) to member-left, never the bot itself', () => {
    const leftMsg = { update_id: 30, message: { ...base, left_chat_member: people.noor } } as Update;
    expect(mapUpdate(leftMsg, 'ParloirBot')).toEqual({
      kind: 'event',
      event: { kind: 'member-left', dedupeKey: 'telegram:update:30', transport: 'telegram', chat: `telegram:${chats.collective.id}`, members: [`telegram:${people.noor.id}`] },
    });
    const botLeft = { update_id: 31, message: { ...base, left_chat_member: people.otherBot } } as Update;
    expect(mapUpdate(botLeft, 'ParloirBot')).toMatchObject({ kind: 'ignored' });
    const member = (status: string) => ({ user: people.alex, status }) as never;
    const kicked = { update_id: 32, chat_member: { chat: chats.collective, from: people.sam, date: 1, old_chat_member: member('member'), new_chat_member: member('kicked') } } as Update;
    expect(mapUpdate(kicked, 'ParloirBot')).toMatchObject({ kind: 'event', event: { kind: 'member-left', members: [`telegram:${people.alex.id}`] } });
    const promoted = { update_id: 33, chat_member: { chat: chats.collective, from: people.sam, date: 1, old_chat_member: member('member'), new_chat_member: member('administrator') } } as Update;
    expect(mapUpdate(promoted, 'ParloirBot')).toMatchObject({ kind: 'ignored' });
  });

  it('does not take the opening message of a forum topic as the message replied to', () => {
    const opening = { ...base, message_id: 2, forum_topic_created: { name: 'Visits', icon_color: 0 } };
    const update = { update_id: 12, message: { ...base, text: '/list', message_thread_id: 2, is_topic_message: true, reply_to_message: opening } } as Update;
    const mapped = mapUpdate(update, 'ParloirBot');
    expect(mapped.kind === 'event' && mapped.event.kind === 'message' && mapped.event.replyTo).toBe(undefined);
  });

  it('ignores a button under an inline-mode message and unknown updates', () => {
    const inline = { update_id: 10, callback_query: { id: 'q', from: people.sam, chat_instance: '1', data: 'claim', inline_message_id: 'i' } } as Update;
    expect(mapUpdate(inline, 'ParloirBot')).toEqual({ kind: 'ignored', reason: 'inline-button', callbackQueryId: 'q' });
    expect(mapUpdate({ update_id: 11 } as Update, 'ParloirBot')).toEqual({ kind: 'ignored', reason: 'other-update' });
  });
});

describe('validCommands', () => {
  it('drops entries Telegram would refuse instead of failing the whole menu', () => {
    expect(
      validCommands([
        { command: 'visit', description: 'Ask for a visit' },
        { command: 'lâcher', description: 'not ascii' },
        { command: 'Upper', description: 'upper case' },
        { command: 'empty', description: '' },
      ]),
    ).toEqual([{ command: 'visit', description: 'Ask for a visit' }]);
  });
});

describe('backoff', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4, 10, 100].map((n) => backoff(n, 100, 1_000))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });
});
