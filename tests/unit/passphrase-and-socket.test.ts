// The passphrase reader on a terminal (raw mode, nothing echoed, backspace, Ctrl-C) and on a
// pipe (first line only); the control socket's 0600 mode and a stale socket left by a power cut.

import { writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { PassphraseInputError, passphraseReader } from '../../src/cli/passphrase.js';
import { ControlSocketError, listenControl, sendControl } from '../../src/control-socket.js';
import { tempDir } from '../support/harness.js';

/** A stream that says it is a terminal, recording raw-mode switches. */
function fakeTty(): PassThrough & { isTTY: boolean; rawModes: boolean[]; setRawMode(mode: boolean): void } {
  const stream = new PassThrough() as PassThrough & { isTTY: boolean; rawModes: boolean[]; setRawMode(mode: boolean): void };
  stream.isTTY = true;
  stream.rawModes = [];
  stream.setRawMode = (mode: boolean) => stream.rawModes.push(mode);
  return stream;
}

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString('utf8')));
  return { stream, text: () => text };
}

describe('passphrase reader', () => {
  it('on a terminal: raw mode, no echo, backspace works, raw mode is left afterwards', async () => {
    const input = fakeTty();
    const output = capture();
    const reader = passphraseReader(input, output.stream);
    expect(reader.interactive).toBe(true);
    const read = reader.read('Passphrase: ');
    input.write('correct horsX\u007fe battery\r');
    expect(await read).toBe('correct horse battery');
    expect(output.text()).toBe('Passphrase: \n');
    expect(input.rawModes).toEqual([true, false]);
  });

  it('on a terminal: Ctrl-C cancels', async () => {
    const input = fakeTty();
    const read = passphraseReader(input, capture().stream).read('Passphrase: ');
    input.write('abc\u0003');
    await expect(read).rejects.toBeInstanceOf(PassphraseInputError);
  });

  it('on a pipe: the first line, then the next line for the next question', async () => {
    const input = new PassThrough();
    const reader = passphraseReader(input, capture().stream);
    expect(reader.interactive).toBe(false);
    input.end('first line passphrase\nsecond\n');
    expect(await reader.read('ignored')).toBe('first line passphrase');
    expect(await reader.read('ignored')).toBe('second');
    await expect(reader.read('ignored')).rejects.toBeInstanceOf(PassphraseInputError);
  });
});

describe('control socket', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('is 0600, replaces a stale socket file, and refuses to take over a live one', async () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const path = join(temp.dir, 'parloir.sock');
    writeFileSync(path, ''); // left behind by a power cut: nobody answers there
    const server = await listenControl(path, async () => ({ ok: true, state: 'sealed' }));
    try {
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(await sendControl(path, { op: 'status' })).toEqual({ ok: true, state: 'sealed' });
      await expect(listenControl(path, async () => ({ ok: true, state: 'running' }))).rejects.toBeInstanceOf(ControlSocketError);
    } finally {
      await server.close();
    }
    await expect(sendControl(path, { op: 'status' }, 1_000)).rejects.toBeInstanceOf(ControlSocketError);
  });
});
