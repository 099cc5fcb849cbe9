// Reading a passphrase: on a terminal, typed without echo; otherwise the first line of stdin
// (for scripts: `printf '%s\n' "$PASS" | npx parloir unlock`). PARLOIR_PASSPHRASE_FILE, read by
// bootstrap, takes precedence for unattended setups.

import type { Readable, Writable } from 'node:stream';

export class PassphraseInputError extends Error {
  constructor(readonly code: 'PASSPHRASE_EMPTY' | 'PASSPHRASE_CANCELLED') {
    super(code);
  }
}

/** What a terminal input offers beyond a stream. */
interface TtyInput extends Readable {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

/** Longest line read: a passphrase, not a file. */
const MAX_CHARS = 1_024;

export interface PassphraseReader {
  /** Asks once (`prompt` is shown on a terminal only). */
  read(prompt: string): Promise<string>;
  /** True when a person is typing: keygen then asks twice. */
  readonly interactive: boolean;
}

export function passphraseReader(input: TtyInput, output: Writable): PassphraseReader {
  const interactive = input.isTTY === true && typeof input.setRawMode === 'function';
  let lines: Promise<string[]> | undefined;
  let nextLine = 0;
  return {
    interactive,
    async read(prompt) {
      if (interactive) return readHidden(input, output, prompt);
      lines ??= readAll(input).then((text) => text.split(/\r?\n/));
      const line = (await lines)[nextLine] ?? '';
      nextLine += 1;
      if (line === '') throw new PassphraseInputError('PASSPHRASE_EMPTY');
      return line;
    },
  };
}

async function readAll(input: Readable): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    // Only the first lines matter; stop reading a stream that never ends.
    if (text.length > 4 * MAX_CHARS) break;
  }
  return text;
}

function readHidden(input: TtyInput, output: Writable, prompt: string): Promise<string> {
  output.write(prompt);
  input.setRawMode?.(true);
  input.resume();
  input.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: PassphraseInputError) => {
      input.off('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else if (typed === '') reject(new PassphraseInputError('PASSPHRASE_EMPTY'));
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003' || char === '\u0004') return finish(new PassphraseInputError('PASSPHRASE_CANCELLED')); // Ctrl-C, Ctrl-D
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ' && typed.length < MAX_CHARS) typed += char;
      }
    };
    input.on('data', onData);
  });
}
