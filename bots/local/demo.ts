// The terminal demo: `npm start` with no settings. The user speaks as simulated members of one
// group linked to a fictional centre, writes to the bot privately, presses buttons and moves
// time on, and sees exactly what the group and each member would see.

import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { DateTime } from 'luxon';
import { formatDuration, parseDuration } from '../../src/core/duration.js';
import { cliText } from '../../src/i18n/index.js';
import type { Lang } from '../../src/i18n/lang.js';
import { normaliseWords } from '../../src/i18n/words.js';
import type { Store } from '../../src/store/store.js';
import type { ButtonAction } from '../../src/core/transport.js';
import type { LocalMessage, LocalTransport } from './local-transport.js';

export const DEMO_MEMBERS = ['sam', 'alex', 'noor'] as const;
export const DEMO_CENTRE = 'demo';

/** What sam asks for on a first start, so the examples point at a real post of this run. */
const EXAMPLE: Record<Lang, string> = {
  fr: '/visite demain 14h places 2 rdv 12h30 gare de Calais',
  en: '/visit tomorrow 2pm seats 2 meet 12:30 Calais station',
};
const FIVE_MINUTES = 5 * 60_000;

export interface DemoOptions {
  readonly transport: LocalTransport;
  readonly store: Store;
  readonly lang: Lang;
  readonly centreName: string;
  readonly input: Readable;
  readonly output: Writable;
  readonly now: () => number;
  /** Resolves when the outbox has sent what is due, so output follows input in order. */
  readonly settle: () => Promise<unknown>;
  /** Moves the demo's clock on and fires what fell due (reminders, alerts, the digest), in order. */
  readonly advance: (ms: number) => Promise<void>;
  /** Reminder lead times (ms, largest first): the /clock example jumps to the next one. */
  readonly leads: readonly number[];
  readonly timezone: string;
}

export async function runDemo(options: DemoOptions): Promise<void> {
  const { transport, output, store } = options;
  const text = cliText(options.lang);
  const print = (line: string) => output.write(`${line}\n`);
  transport.onMessage((message) => print(formatMessage(message, transport.chat)));

  print(text.demoIntro({ centre: options.centreName, members: DEMO_MEMBERS.join(', ') }));
  if (!store.groups.findByChat(transport.chat)) {
    print(text.demoLinking());
    const { code } = store.write(() => store.invites.create(DEMO_CENTRE, options.now()));
    await transport.say('sam', `/lier ${code}`);
    await options.settle();
  }
  const group = store.groups.findByChat(transport.chat);
  const active = group ? store.requests.active(group.id, { details: false }) : [];
  let post: number | undefined;
  if (active.length === 0) {
    print(text.demoExample());
    await transport.say('sam', EXAMPLE[options.lang]);
    await options.settle();
    post = [...transport.messages].reverse().find((m) => m.from === 'bot' && (m.actions?.length ?? 0) > 0)?.number;
  } else {
    print(text.demoWelcomeBack({ open: active.length }));
    await transport.say('sam', options.lang === 'fr' ? '/liste' : '/list');
    await options.settle();
  }
  const target = group ? store.requests.active(group.id, { details: false }).at(-1) : undefined;
  print(text.demoTry({ ...(post !== undefined ? { post } : {}), n: target?.number ?? 1, clock: clockHint(target?.dueAt, options) }));

  let speaker: string = DEMO_MEMBERS[0];
  const lines = createInterface({ input: options.input, terminal: false });
  const prompt = () => output.write(`${speaker}> `);
  prompt();
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === 'quit' || line === 'exit') break;
    const parsed = parseDemoLine(line, speaker);
    switch (parsed.kind) {
      case 'unknown-member':
        print(text.demoUnknownMember({ members: DEMO_MEMBERS.join(', ') }));
        break;
      case 'bad-reply':
        print(text.demoBadReply());
        break;
      case 'bad-press':
        print(text.demoBadPress());
        break;
      case 'bad-clock':
        print(text.demoBadClock());
        break;
      case 'empty':
        break;
      case 'clock':
        await options.advance(parsed.ms);
        print(text.demoClock({ now: DateTime.fromMillis(options.now(), { zone: options.timezone }).setLocale(options.lang).toFormat('cccc d LLLL HH:mm') }));
        await options.settle();
        break;
      default: {
        speaker = parsed.member;
        if (parsed.kind === 'say') await transport.say(parsed.member, parsed.text);
        if (parsed.kind === 'dm') await transport.say(parsed.member, parsed.text, { direct: true });
        if (parsed.kind === 'reply') await transport.say(parsed.member, parsed.text, { replyTo: parsed.to });
        if (parsed.kind === 'react') await transport.react(parsed.member, parsed.to);
        if (parsed.kind === 'press') {
          const button = findButton(transport.byNumber(parsed.to), parsed.button);
          if (!button) print(text.demoBadPress());
          else {
            // Telegram shows a button's answer to the presser only (answerCallbackQuery).
            const outcome = await transport.press(parsed.member, parsed.to, button.action);
            print(text.demoPressed({ member: parsed.member, label: button.label, ...(outcome.notice ? { notice: outcome.notice } : {}) }));
          }
        }
        await options.settle();
      }
    }
    prompt();
  }
  output.write('\n');
}

/** How far to move the clock for the example request's next reminder, rounded up to 5 minutes. */
function clockHint(dueAt: number | undefined, options: DemoOptions): string {
  const now = options.now();
  const next = dueAt === undefined ? undefined : options.leads.map((lead) => dueAt - lead).find((at) => at > now);
  const wait = next === undefined ? 3_600_000 : Math.ceil((next - now) / FIVE_MINUTES) * FIVE_MINUTES;
  return formatDuration(wait);
}

/** The button a label (accents and case aside) or a 1-based index names on a bot message. */
function findButton(message: LocalMessage | undefined, button: string): { label: string; action: ButtonAction } | undefined {
  const labels = message?.buttons ?? [];
  const index = /^\d+$/.test(button) ? Number(button) - 1 : labels.findIndex((l) => normaliseWords(l) === normaliseWords(button));
  const action = message?.actions?.[index];
  const label = labels[index];
  return action && label ? { label, action } : undefined;
}

export type DemoLine =
  | { kind: 'empty' }
  | { kind: 'unknown-member' }
  | { kind: 'bad-reply' }
  | { kind: 'bad-press' }
  | { kind: 'bad-clock' }
  | { kind: 'clock'; ms: number }
  | { kind: 'switch'; member: string }
  | { kind: 'say'; member: string; text: string }
  | { kind: 'dm'; member: string; text: string }
  | { kind: 'reply'; member: string; to: number; text: string }
  | { kind: 'react'; member: string; to: number }
  | { kind: 'press'; member: string; to: number; button: string };

/** "@alex >3 je prends" → alex replies to message 3; "+5" → 👍 on message 5; "!4 Je viens" presses a button. */
export function parseDemoLine(line: string, current: string): DemoLine {
  const clock = /^\/clock(?:\s+(.*))?$/i.exec(line);
  if (clock) {
    const ms = parseDuration((clock[1] ?? '').replace(/^\+/, '').replace(/\s+/g, ''));
    return ms === undefined ? { kind: 'bad-clock' } : { kind: 'clock', ms };
  }
  let rest = line;
  let member = current;
  const at = /^@(\w+)\s*/.exec(rest);
  if (at) {
    member = (at[1] ?? '').toLowerCase();
    if (!(DEMO_MEMBERS as readonly string[]).includes(member)) return { kind: 'unknown-member' };
    rest = rest.slice(at[0].length);
  }
  if (rest === '') return at ? { kind: 'switch', member } : { kind: 'empty' };
  const dm = /^dm\s+(.+)$/i.exec(rest);
  if (dm) return { kind: 'dm', member, text: dm[1] ?? '' };
  const react = /^\+(\d+)$/.exec(rest);
  if (react) return { kind: 'react', member, to: Number(react[1]) };
  if (rest.startsWith('!')) {
    const press = /^!(\d+)\s+(.+)$/.exec(rest);
    return press ? { kind: 'press', member, to: Number(press[1]), button: press[2] ?? '' } : { kind: 'bad-press' };
  }
  if (rest.startsWith('>')) {
    const reply = /^>(\d+)\s+(.+)$/.exec(rest);
    return reply ? { kind: 'reply', member, to: Number(reply[1]), text: reply[2] ?? '' } : { kind: 'bad-reply' };
  }
  return { kind: 'say', member, text: rest };
}

function formatMessage(message: LocalMessage, group: string): string {
  const who = message.from === 'bot' ? '🤖 Parloir' : message.from;
  const toMember = message.to.slice('local:'.length);
  const direct = message.to === group ? '' : message.from === 'bot' ? ` (DM → ${toMember})` : ' (DM → 🤖)';
  const reply = message.replyTo ? ` ↪[${message.replyTo}]` : '';
  const edit = message.edits ? ` ✎[${message.edits}]` : '';
  const buttons = message.buttons && message.buttons.length > 0 ? `\n    ${message.buttons.map((b) => `[ ${b} ]`).join(' ')}` : '';
  const body = message.text.replace(/\n/g, '\n    ');
  return `[${message.number}] ${who}${direct}${reply}${edit}: ${body}${buttons}`;
}

