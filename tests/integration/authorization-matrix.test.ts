// Reads the authorization matrix of SECURITY.md and walks every cell against the real engine
// over the local transport: one world per role, a fresh request #N (asked by Rita, taken by
// Carl) for every cell. A cell is "no" when the bot answered only with refusals (or nothing),
// "yes" otherwise. The document and the engine cannot drift apart without this test failing.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES, type Action } from '../../src/commands/authorization.js';
import type { MemberAddress } from '../../src/core/ids.js';
import { DEFAULT_LIMITS } from '../../src/core/limits.js';
import { msg, render, type Msg } from '../../src/i18n/index.js';
import { type Harness, parisTime, startHarness } from '../support/harness.js';

const ROLES = ['coordinator', 'claimer', 'requester', 'member', 'held member', 'stranger (direct)', 'unlinked group'] as const;
type Role = (typeof ROLES)[number];

/** Who acts for each role, and where they speak. */
const ACTOR: Record<Role, string> = {
  coordinator: 'cora',
  claimer: 'carl',
  requester: 'rita',
  member: 'mia',
  'held member': 'hugo',
  'stranger (direct)': 'sue',
  'unlinked group': 'una',
};

interface Cell {
  readonly h: Harness;
  readonly actor: string;
  readonly role: Role;
  /** The request of this cell and the number of the bot's post of it. */
  readonly n: number;
  readonly post: number;
  /** A message of Zoe, a plain member (the target of /coord add and remove). */
  readonly zoe: number;
}

function say(c: Cell, text: string, options: { replyTo?: number; direct?: boolean } = {}) {
  const where = c.role === 'stranger (direct)' ? { direct: true } : c.role === 'unlinked group' ? { group: 'unlinked-group' } : {};
  return c.h.local.say(c.actor, text, { ...where, ...options });
}

/** How each row of the table is performed, and which rule of RULES it exercises. */
const PERFORM: Record<string, { action: Action; run: (c: Cell) => Promise<unknown> }> = {
  '`/help`': { action: 'help', run: (c) => say(c, '/aide') },
  '`/link CODE`': { action: 'link', run: (c) => say(c, '/lier PRLR-AAAAA-BBBBB') },
  '`/info`': { action: 'info', run: (c) => say(c, '/info') },
  '`/list`': { action: 'list', run: (c) => say(c, '/liste') },
  '`/coord`': { action: 'coord', run: (c) => say(c, '/coord') },
  '`/mine`': { action: 'mine', run: (c) => say(c, '/mes') },
  '`/visit`': { action: 'visit', run: (c) => say(c, '/visite 06/12 15h') },
  '`/package`': { action: 'package', run: (c) => say(c, '/colis 06/12 pull') },
  '`/credit`': { action: 'credit', run: (c) => say(c, '/recharge 06/12 carte 10 € R-1') },
  '`/lawyer`': { action: 'lawyer', run: (c) => say(c, '/avocat 48h R-1') },
  '`/claim N`': { action: 'claim', run: (c) => say(c, `/prendre ${c.n}`) },
  '`/join N`': { action: 'join', run: (c) => say(c, `/rejoindre ${c.n}`) },
  '`/release N`': { action: 'release', run: (c) => say(c, `/lacher ${c.n}`) },
  '`/done N`': { action: 'done', run: (c) => say(c, `/fait ${c.n}`) },
  '`/refused N reason`': { action: 'refused', run: (c) => say(c, `/refuse ${c.n} fermé`) },
  '`/cancel N`': { action: 'cancel', run: (c) => say(c, `/annuler ${c.n}`) },
  '`/move N date`': { action: 'move', run: (c) => say(c, `/decaler ${c.n} 07/12 16h`) },
  '`/lang`': { action: 'lang', run: (c) => say(c, '/langue fr') },
  '`/digest`': { action: 'digest', run: (c) => say(c, '/resume 09:00') },
  '`/coord add`': { action: 'coord-add', run: (c) => say(c, '/coord ajouter', { replyTo: c.zoe }) },
  '`/coord remove`': { action: 'coord-remove', run: (c) => say(c, '/coord retirer', { replyTo: c.zoe }) },
  '`/verify`': { action: 'verify', run: (c) => say(c, `/verifier ${'1'.repeat(60)}`) },
  '`/case`': { action: 'case', run: (c) => say(c, `/dossier R-${c.n} placé 22/11 9h30`) },
  // Rita opened case R-90 (beforeAll): only she or a coordinator may say where it went.
  '`/case R-12 transferred <centre>`': { action: 'case', run: (c) => say(c, '/dossier R-90 transféré fiche') },
  '`/cases`': { action: 'cases', run: (c) => say(c, '/dossiers') },
  '`/hearing`': { action: 'hearing', run: (c) => say(c, '/audience R-1 05/12 10h TJ') },
  // a stranger's direct chat reaches the executor, which finds no case of theirs
  '`/details`': { action: 'details', run: (c) => say(c, '/details R-1') },
  // Asking only: the bot answers with the confirmation word, nothing is destroyed.
  '`/wipe`': { action: 'wipe', run: (c) => say(c, '/effacer') },
  // Reads only: a held member and a stranger in a direct chat get the procedure too.
  '`/missing`': { action: 'missing', run: (c) => say(c, '/disparu') },
  // Rita's case R-90: the first alert posts, later ones answer that it was already alerted.
  '`/flight`': { action: 'flight', run: (c) => say(c, '/vol R-90 20/12 7h15 CDG AF1234') },
  '`/network on`': { action: 'network', run: (c) => say(c, '/reseau oui') },
  'reply "je prends" to a post': { action: 'claim', run: (c) => say(c, 'je prends', { replyTo: c.post }) },
  'reply "je viens" to a post': { action: 'join', run: (c) => say(c, 'je viens', { replyTo: c.post }) },
  'reply "je lâche" to a post': { action: 'release', run: (c) => say(c, 'je lâche', { replyTo: c.post }) },
  '👍 on a post': { action: 'claim', run: (c) => c.h.local.react(c.actor, c.post) },
  '👍 taken back': { action: 'release', run: (c) => c.h.local.react(c.actor, c.post, '👍', true) },
  'button "Je conduis"': { action: 'claim', run: (c) => c.h.local.press(c.actor, c.post, 'claim') },
  'button "Je lâche"': { action: 'release', run: (c) => c.h.local.press(c.actor, c.post, 'release') },
  '`/release N` in a direct chat': { action: 'release', run: (c) => c.h.local.say(c.actor, `/lacher ${c.n}`, { direct: true }) },
  'OK in a direct chat (after a reminder)': { action: 'confirm', run: (c) => c.h.local.say(c.actor, 'OK', { direct: true }) },
};

/** The refusals the engine gives, in both languages, for request `n`. */
function refusals(n: number): Set<string> {
  const all: Msg[] = [
    msg('coordinatorOnly'),
    msg('heldRefused'),
    msg('doneNotAllowed', { n }),
    msg('cancelNotAllowed', { n }),
    msg('moveNotAllowed', { n }),
    msg('releaseNotYours', { n }),
    msg('verifyNotCoordinator'),
    msg('noPrompt'),
    msg('groupOnly'),
    msg('linkDirect'),
    msg('notLinked'),
    msg('caseCloseNotAllowed', { ref: 'R-90' }),
  ];
  return new Set(all.flatMap((m) => [render('fr', m), render('en', m)]));
}

interface Row {
  readonly label: string;
  readonly cells: Record<Role, 'yes' | 'no' | '—'>;
}

function readMatrix(): { header: string[]; rows: Row[] } {
  const text = readFileSync(new URL('../../SECURITY.md', import.meta.url), 'utf8');
  const section = text.split('## Authorization matrix')[1]?.split('\n## ')[0] ?? '';
  const lines = section.split('\n').filter((l) => l.startsWith('|'));
  const split = (line: string) => line.split('|').slice(1, -1).map((c) => c.trim());
  const header = split(lines[0] ?? '');
  const rows = lines.slice(2).map((line) => {
    const [label = '', ...values] = split(line);
    const cells = Object.fromEntries(ROLES.map((role, i) => [role, values[i] as 'yes' | 'no' | '—'])) as Row['cells'];
    return { label, cells };
  });
  return { header, rows };
}

const matrix = readMatrix();

describe('the authorization matrix of SECURITY.md', () => {
  it('has one column per role and one row per way to act, covering every rule', () => {
    expect(matrix.header).toEqual(['Action', ...ROLES]);
    expect(matrix.rows.map((r) => r.label).sort()).toEqual(Object.keys(PERFORM).sort());
    for (const row of matrix.rows) for (const role of ROLES) expect(['yes', 'no', '—']).toContain(row.cells[role]);
    expect(new Set(Object.values(PERFORM).map((p) => p.action))).toEqual(new Set(Object.keys(RULES)));
  });

  for (const role of ROLES) {
    describe(`as ${role}`, () => {
      let h: Harness;
      let zoe = 0;

      beforeAll(async () => {
        // Cells are an hour apart; a stranger's chat is answered once per window (limits.test.ts):
        // a one-minute window here, so every cell of theirs is answered.
        h = await startHarness({ verifyIdentity: async () => false, now: parisTime('2026-11-23T10:00'), limits: { ...DEFAULT_LIMITS, strangerMs: 60_000 } });
        await h.link('cora');
        // Hugo acts once, then his safety number changes; Zoe says something to be pointed at.
        await h.local.say('hugo', '/colis 05/12 pull');
        await h.local.say('zoe', 'bonjour tout le monde');
        await h.local.say('rita', '/dossier R-90 placé 22/11 9h30');
        zoe = h.local.messages.length;
        await h.service.parloir.handle({ kind: 'identity-changed', dedupeKey: 'matrix:hugo', transport: 'local', member: 'local:hugo' as MemberAddress });
        // Carl gets a reminder for a visit tomorrow, so an OK in his direct chat answers something.
        await h.local.say('rita', '/visite 24/11 14h');
        await h.local.say('carl', '/prendre 2');
        await h.settle();
        h.clock.set(parisTime('2026-11-23T14:01'));
        h.service.scheduler.tick();
        await h.settle();
      });
      afterAll(async () => h.close());

      for (const row of matrix.rows) {
        const expected = row.cells[role];
        if (expected === '—' || expected === undefined) continue;
        it(`${row.label}: ${expected}`, async () => {
          // An hour apart, so Rita stays under the limit of new requests per hour.
          h.clock.advance(3_600_001);
          await h.local.say('rita', '/visite 05/12 14h places 2 depuis gare');
          await h.settle();
          const post = h.local.messages.at(-1)!;
          const n = Number(/^#(\d+) /.exec(post.text)?.[1]);
          expect(post.from).toBe('bot');
          await h.local.say('carl', `/prendre ${n}`);
          await h.settle();

          const before = h.local.messages.length;
          await PERFORM[row.label]!.run({ h, actor: ACTOR[role], role, n, post: post.number, zoe });
          await h.settle();
          // Answers in a direct chat name the centre first ("CRA de Test · …").
          const answers = h.local.messages.slice(before).filter((m) => m.from === 'bot').map((m) => m.text.replace(/^CRA de Test · /, ''));
          const refused = refusals(n);
          const outcome = answers.every((text) => refused.has(text)) ? 'no' : 'yes';
          expect({ outcome, answers }).toMatchObject({ outcome: expected });
        });
      }
    });
  }
});
