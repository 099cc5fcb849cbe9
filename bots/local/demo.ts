// The terminal demo: `npm start` with no settings. The user speaks as simulated members of one
// group linked to a fictional centre, and sees exactly what the group would see.

import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { cliText } from '../../src/i18n/index.js';
import type { Lang } from '../../src/i18n/lang.js';
import type { Store } from '../../src/store/store.js';
import type { LocalMessage, LocalTransport } from './local-transport.js';

export const DEMO_MEMBERS = ['sam', 'alex', 'noor'] as const;
export const DEMO_CENTRE = 'demo';

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
}

export async function runDemo(options: DemoOptions): Promise<void> {
  const { transport, output } = options;
  const text = cliText(options.lang);
  const print = (line: string) => output.write(`${line}\n`);
  transport.onMessage((message) => print(formatMessage(message, transport.chat)));

  print(text.demoIntro({ centre: options.centreName, members: DEMO_MEMBERS.join(', ') }));
  if (!options.store.groups.findByChat(transport.chat)) {
    print(text.demoLinking());
    const { code } = options.store.invites.create(DEMO_CENTRE, options.now());
    await transport.say('sam', `/lier ${code}`);
    await options.settle();
  }

  let speaker: string = DEMO_MEMBERS[0];
  const lines = createInterface({ input: options.input, terminal: false });
  const prompt = () => output.write(`${speaker}> `);
  prompt();
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === 'quit' || line === 'exit') break;
    const parsed = parseDemoLine(line, speaker);
    if (parsed.kind === 'unknown-member') print(text.demoUnknownMember({ members: DEMO_MEMBERS.join(', ') }));
    else if (parsed.kind === 'bad-reply') print(text.demoBadReply());
    else if (parsed.kind !== 'empty') {
      speaker = parsed.member;
      if (parsed.kind === 'say') await transport.say(parsed.member, parsed.text);
      if (parsed.kind === 'reply') await transport.say(parsed.member, parsed.text, { replyTo: parsed.to });
      if (parsed.kind === 'react') await transport.react(parsed.member, parsed.to);
      await options.settle();
    }
    prompt();
  }
  output.write('\n');
}

export type DemoLine =
  | { kind: 'empty' }
  | { kind: 'unknown-member' }
  | { kind: 'bad-reply' }
  | { kind: 'switch'; member: string }
  | { kind: 'say'; member: string; text: string }
  | { kind: 'reply'; member: string; to: number; text: string }
  | { kind: 'react'; member: string; to: number };

/** "@alex >3 je prends" → alex replies to message 3; "+5" → 👍 on message 5. */
export function parseDemoLine(line: string, current: string): DemoLine {
  let rest = line;
  let member = current;
  const at = /^@(\w+)\s*/.exec(rest);
  if (at) {
    member = (at[1] ?? '').toLowerCase();
    if (!(DEMO_MEMBERS as readonly string[]).includes(member)) return { kind: 'unknown-member' };
    rest = rest.slice(at[0].length);
  }
  if (rest === '') return at ? { kind: 'switch', member } : { kind: 'empty' };
  const react = /^\+(\d+)$/.exec(rest);
  if (react) return { kind: 'react', member, to: Number(react[1]) };
  if (rest.startsWith('>')) {
    const reply = /^>(\d+)\s+(.+)$/.exec(rest);
    return reply ? { kind: 'reply', member, to: Number(reply[1]), text: reply[2] ?? '' } : { kind: 'bad-reply' };
  }
  return { kind: 'say', member, text: rest };
}

function formatMessage(message: LocalMessage, group: string): string {
  const who = message.from === 'bot' ? '🤖 Parloir' : message.from;
  const direct = message.to !== group ? ` (DM → ${message.to.slice('local:'.length)})` : '';
  const reply = message.replyTo ? ` ↪[${message.replyTo}]` : '';
  const edit = message.edits ? ` ✎[${message.edits}]` : '';
  const buttons = message.buttons && message.buttons.length > 0 ? `\n    ${message.buttons.map((b) => `[ ${b} ]`).join(' ')}` : '';
  const body = message.text.replace(/\n/g, '\n    ');
  return `[${message.number}] ${who}${direct}${reply}${edit}: ${body}${buttons}`;
}
