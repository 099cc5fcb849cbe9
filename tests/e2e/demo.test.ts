// The terminal demo as a newcomer runs it (`npm start`, no settings), typed line by line on
// stdin: take the example visit by reply, a seat by button, a private /mes, the clock moved to
// the reminder, OK to it; then a second start continues the same group.

import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDemoLine } from '../../bots/local/demo.js';
import { tempDir } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

const root = join(import.meta.dirname, '..', '..');

/** `npm start` from the sources in `cwd`; `until` waits for stdout to match, after `from`. */
function start(cwd: string) {
  const child: ChildProcessWithoutNullStreams = spawn(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'src', 'main.ts')], {
    cwd,
    env: { PATH: process.env['PATH'] ?? '', PARLOIR_CENTRES: join(root, 'config', 'centres.yaml') },
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return {
    child,
    exited,
    output: () => out,
    type: (line: string) => child.stdin.write(`${line}\n`),
    until: (pattern: RegExp, from = 0) => waitFor(() => pattern.exec(out.slice(from)) ?? undefined, `demo output ${pattern}`, 30_000),
  };
}

describe('the terminal demo', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it('reaches a reminder and its OK within a few lines, and a second start continues the group', async () => {
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    const demo = start(temp.dir);
    cleanups.push(() => demo.child.kill());

    // The intro's examples point at this run's post and at the next reminder.
    const reply = await demo.until(/@alex >(\d+) je prends/);
    const post = reply[1]!;
    expect(demo.output()).toMatch(new RegExp(`\\[${post}\\] 🤖 Parloir ↪\\[\\d+\\]: #1 Visite — .+ à 14h00 — CRA de démonstration \\(fictif\\)`));
    expect(demo.output()).toContain(`@noor !${post} Je viens`);
    const clock = (await demo.until(/\/clock \+(\S+)\s+avancer le temps/))[1]!;
    await demo.until(/sam> $/);

    let mark = demo.output().length;
    demo.type(`@alex >${post} je prends`);
    await demo.until(/✅ #1 : Alex conduit\./, mark);
    await demo.until(/alex> $/, mark);

    mark = demo.output().length;
    demo.type(`@noor !${post} Je viens`);
    await demo.until(/noor appuie sur \[ Je viens \] — seul·e noor voit : ✅ #1 : Noor prend une place \(1 place libre\)\./, mark);
    await demo.until(/noor> $/, mark);

    mark = demo.output().length;
    demo.type('@alex dm /mes');
    await demo.until(/alex \(DM → 🤖\): \/mes\n\[\d+\] 🤖 Parloir \(DM → alex\) ↪\[\d+\]: Tes demandes :\n {4}#1 Visite/, mark);
    await demo.until(/alex> $/, mark);

    mark = demo.output().length;
    demo.type(`/clock +${clock}`);
    await demo.until(/🤖 Parloir \(DM → alex\): ⏰ Rappel — #1 Visite[^\n]*\n {4}Tu y vas comme conducteur·ice\. Avec toi : Noor \(passager·e\)\. Demandé par Sam\./, mark);
    await demo.until(/⏩ Il est maintenant/, mark);

    mark = demo.output().length;
    demo.type('@alex dm OK');
    await demo.until(/🤖 Parloir \(DM → alex\) ↪\[\d+\]: 👍 Merci, #1 \(visite .+ à 14h00\) est confirmée\./, mark);
    await demo.until(/alex> $/, mark);
    demo.type('quit');
    expect(await demo.exited).toBe(0);

    // A second start: no new link, no second example; the group and its request are there.
    const again = start(temp.dir);
    cleanups.push(() => again.child.kill());
    await again.until(/Le groupe de démo reprend là où tu l’as laissé : 1 demande\(s\)/);
    await again.until(/Demandes ouvertes et prises :\n {4}#1 Visite .+ — prise par Alex, 1 place libre sur 2/);
    await again.until(/@alex \/prendre 1 /);
    expect(again.output()).not.toContain('/lier PRLR');
    again.type('quit');
    expect(await again.exited).toBe(0);
  });
});

describe('demo input', () => {
  it('reads private messages, button presses and clock moves', () => {
    expect(parseDemoLine('@alex dm /mes', 'sam')).toEqual({ kind: 'dm', member: 'alex', text: '/mes' });
    expect(parseDemoLine('dm OK', 'alex')).toEqual({ kind: 'dm', member: 'alex', text: 'OK' });
    expect(parseDemoLine('@noor !4 Je viens', 'sam')).toEqual({ kind: 'press', member: 'noor', to: 4, button: 'Je viens' });
    expect(parseDemoLine('!4', 'sam')).toEqual({ kind: 'bad-press' });
    expect(parseDemoLine('/clock +2h', 'sam')).toEqual({ kind: 'clock', ms: 7_200_000 });
    expect(parseDemoLine('/clock +1h30m', 'sam')).toEqual({ kind: 'clock', ms: 5_400_000 });
    expect(parseDemoLine('/clock soon', 'sam')).toEqual({ kind: 'bad-clock' });
  });
});
