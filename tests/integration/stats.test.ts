// `npx parloir stats` (#16) against a history made by the real engine: two linked groups at two
// centres create and close visits, packages, lawyer requests and cases across months (manual
// clock), housekeeping expires and purges; then the CLI runs (as a function, and as a process).

import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/commands.js';
import { purgeExpired } from '../../src/engine/housekeeping.js';
import { allElements, parseXml } from '../support/xml.js';
import { parloirCli } from '../support/cli.js';
import { centres, type Harness, parisTime, startHarness, tempDir } from '../support/harness.js';

const HOUR = 3_600_000;
const B = { group: 'fiche-group' };
const zoneOf = (id: string) => centres.get(id)?.timezone;

async function at(h: Harness, iso: string, member: string, lines: string[], options: { group?: string } = {}): Promise<void> {
  h.clock.set(parisTime(iso));
  for (const line of lines) await h.local.say(member, line, options);
  await h.settle();
}

const times = (n: number, line: string) => Array.from({ length: n }, () => line);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * Group A (French) follows the test centre, group B (English) "CRA de la Fiche". What happens:
 * August — A: 5 visits done, 1 refused for papers, 5 packages, 7 lawyer requests (5 in time
 * after 2, 5, 10, 20 and 30 h, 1 late after 50 h, 1 never done), a hearing attended, cases
 * released (picked up at the exit) / deported / transferred to B; B: 1 visit done. September — A: a visit refused at 00:30 on the 1st (Paris;
 * still August in UTC) with no reason; B: 1 visit done, 1 refused (name), the transferred case released.
 */
async function history(): Promise<Harness> {
  const h = await startHarness({ now: parisTime('2026-08-03T09:00') });
  await h.link('sam');
  const { code } = h.store.write(() => h.store.invites.create('card-centre', h.clock.now()));
  await h.local.say('lou', `/link ${code}`, B);
  await h.settle();

  await at(h, '2026-08-03T09:30', 'sam', times(6, '/visite 05/08 14h'));
  await at(h, '2026-08-03T09:40', 'lou', ['/visit Aug 4th 2pm'], B);
  await at(h, '2026-08-05T18:00', 'lou', ['/done 1'], B);
  await at(h, '2026-08-05T18:00', 'sam', [...range(1, 5).map((n) => `/fait ${n}`), "/refuse 6 pas de pièce d'identité", ...times(5, '/colis 07/08 pull')]);
  await at(h, '2026-08-07T12:00', 'sam', range(7, 11).map((n) => `/fait ${n}`));
  await at(h, '2026-08-10T10:00', 'sam', times(7, '/avocat 48h R-9'));
  const start = h.clock.now();
  for (const [n, hours] of [[12, 2], [13, 5], [14, 10], [15, 20], [16, 30], [17, 50]] as const) {
    h.clock.set(start + hours * HOUR);
    await h.local.say('sam', `/fait ${n}`);
  }
  await h.settle();
  // #18 expires: 2 days past its deadline, housekeeping closes it as missed.
  h.clock.set(parisTime('2026-08-15T00:00'));
  expect(purgeExpired(h.store, h.clock.now(), 30, 90, undefined, zoneOf).expired).toBe(1);

  await at(h, '2026-08-20T10:00', 'sam', [
    '/dossier R-1 placé 18/08 9h30',
    '/dossier R-2 placé 18/08 9h30',
    '/dossier R-3 placé 18/08 9h30',
    '/visite 31/08 20h',
    '/audience R-1 21/08 10h TJ Test',
  ]);
  await at(h, '2026-08-21T12:00', 'sam', [
    '/fait 20',
    '/dossier R-1 libéré',
    '/dossier R-2 expulsé',
    '/dossier R-3 transféré fiche',
  ]);
  await at(h, '2026-08-21T23:00', 'sam', ['/fait 21']); // R-1's pick-up at the exit
  await at(h, '2026-09-01T00:30', 'sam', ['/refuse 19']);
  await at(h, '2026-09-08T10:00', 'lou', times(2, '/visit Sep 10th 2pm'), B);
  await at(h, '2026-09-10T18:00', 'lou', ['/done 2', '/refused 3 they said the name was unknown', '/case R-3 released'], B);
  return h;
}

/** The CSV as { month: { column: value } }. */
function readCsv(path: string): Record<string, Record<string, string>> {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\r\n');
  const names = header!.split(',');
  return Object.fromEntries(lines.map((line) => {
    const values = line.split(',');
    return [values[0]!, Object.fromEntries(names.map((name, i) => [name, values[i]!]))];
  }));
}

describe('npx parloir stats', () => {
  let h: Harness | undefined;
  let cleanup = () => {};
  afterEach(async () => {
    await h?.close();
    h = undefined;
    cleanup();
  });

  it('exports counts from a seeded history, small cells hidden, per centre and for all, after the requests are purged', async () => {
    h = await history();
    const temp = tempDir();
    cleanup = temp.cleanup;
    const env = { PARLOIR_DB: h.dbPath, PARLOIR_LANG: 'en' };
    const now = () => parisTime('2026-11-15T10:00');
    const stats = async (...args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(['stats', '--from', '2026-08', '--to', '2026-10', '--out', temp.dir, ...args], env, (l) => out.push(l), (l) => err.push(l), { now });
      return { code, out, err };
    };

    // The counts table itself: exact, by month in the centre's zone, and nothing else.
    const raw = h.store.counts.between('2026-08', '2026-09');
    const get = (month: string, centre: string, kind: string, bucket: string) =>
      raw.find((r) => r.month === month && r.centreId === centre && r.kind === kind && r.bucket === bucket)?.n ?? 0;
    // the hearing attendance and the pick-up (tasks of kind visit) apart:
    expect(get('2026-08', 'test-centre', 'visit', 'done')).toBe(5);
    expect(get('2026-08', 'test-centre', 'hearing', 'done')).toBe(1);
    expect(get('2026-08', 'test-centre', 'pickup', 'done')).toBe(1);
    expect(get('2026-08', 'test-centre', 'visit', 'refused-none')).toBe(0);
    expect(get('2026-09', 'test-centre', 'visit', 'refused-none')).toBe(1);
    expect(get('2026-08', 'test-centre', 'lawyer', 'missed')).toBe(1);
    expect(raw.filter((r) => r.kind === 'lawyer-hours').map((r) => [r.bucket, r.n])).toEqual([['10', 1], ['2', 1], ['20', 1], ['30', 1], ['5', 1], ['50', 1]]);
    const columns = (h.store.db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('counts') as string[]).sort();
    expect(columns).toEqual(['bucket', 'centre_id', 'kind', 'month', 'n']);

    const all = await stats();
    expect(all.code).toBe(0);
    expect(all.err).toEqual([expect.stringMatching(/^4 file\(s\) written in /)]);
    expect(all.out.map((p) => p.slice(temp.dir.length + 1))).toEqual([
      'parloir-stats-2026-08-2026-10.csv',
      'parloir-stats-2026-08.svg',
      'parloir-stats-2026-09.svg',
      'parloir-stats-2026-10.svg',
    ]);
    const csv = readCsv(all.out[0]!);
    expect(csv['2026-08']).toMatchObject({
      centre: 'all',
      visit_done: '>=5', // 5 at the test centre and 1 at the other: exact, it would give the 1 away
      visit_refused_papers: '<5',
      visit_refused_none: '0',
      package_done: '5',
      hearing_done: '<5',
      airport_done: '0',
      pickup_done: '<5',
      lawyer_in_time: '5',
      lawyer_late: '<5',
      lawyer_missed: '<5',
      case_released: '<5',
      case_deported: '<5',
      case_transferred: '<5',
      lawyer_median_hours: '15',
    });
    expect(csv['2026-09']).toMatchObject({ visit_done: '<5', visit_refused_none: '<5', visit_refused_name: '<5', case_released: '<5', lawyer_median_hours: '' });
    expect(Object.values(csv['2026-10']!).filter((v) => v !== '0')).toEqual(['2026-10', 'all', '']);

    const a = readCsv((await stats('--centre', 'test-centre')).out[0]!);
    expect(a['2026-08']).toMatchObject({ centre: 'test-centre', visit_done: '5', package_done: '5', lawyer_in_time: '5', lawyer_median_hours: '15' });
    const b = readCsv((await stats('--centre', 'card-centre')).out[0]!);
    expect(b['2026-08']).toMatchObject({ centre: 'card-centre', visit_done: '<5', package_done: '0', lawyer_median_hours: '' });

    // Nothing personal: no reference, no reason text, no member, no group in any file.
    const files = readdirSync(temp.dir).map((f) => readFileSync(join(temp.dir, f), 'utf8')).join('\n');
    for (const secret of ['R-1', 'R-3', 'R-9', 'pièce', 'unknown', 'sam', 'lou', 'fiche-group', 'test-group', 'pull']) expect(files).not.toContain(secret);

    // Each month's chart parses as XML and says the same as the CSV.
    const svg = parseXml(readFileSync(join(temp.dir, 'parloir-stats-2026-08-test-centre.svg'), 'utf8'));
    const texts = allElements(svg).filter((e) => e.name === 'text').map((e) => e.text);
    expect(texts).toContain('Parloir — 2026-08 — test-centre');
    expect(texts).toContain('Median time to reach a lawyer: 15 h');
    expect(texts.filter((t) => t === '<5').length).toBeGreaterThanOrEqual(5);

    // Purged requests and cases are still counted: the counts do not depend on them.
    h.clock.set(parisTime('2026-11-10T10:00'));
    const purged = purgeExpired(h.store, h.clock.now(), 30, 90, undefined, zoneOf);
    expect(purged.requests).toBeGreaterThan(15);
    expect(h.store.db.prepare('SELECT COUNT(*) FROM requests WHERE closed_at < ?').pluck().get(parisTime('2026-10-01T00:00'))).toBe(0);
    expect(h.store.db.prepare('SELECT COUNT(*) FROM cases WHERE closed_at < ?').pluck().get(parisTime('2026-10-01T00:00'))).toBe(0);
    const again = await stats();
    expect(readFileSync(again.out[0]!, 'utf8')).toBe(readFileSync(all.out[0]!, 'utf8'));
  });

  it('answers bad arguments, unknown centres and months not over yet clearly', async () => {
    h = await history();
    const temp = tempDir();
    cleanup = temp.cleanup;
    const run = async (args: string[], lang = 'en') => {
      const err: string[] = [];
      const code = await runCli(['stats', ...args, '--out', temp.dir], { PARLOIR_DB: h!.dbPath, PARLOIR_LANG: lang }, () => {}, (l) => err.push(l), {
        now: () => parisTime('2026-11-15T10:00'),
      });
      return { code, err };
    };
    expect(await run(['--from', '2026-08', '--to', '2026-12', '--centre', 'atlantis'])).toEqual({
      code: 1,
      err: ['Left out, not over yet: 2026-11, 2026-12.', 'No centre "atlantis". The ids: npx parloir centres'],
    });
    expect(await run(['--from', '2026-11', '--to', '2026-12'])).toEqual({
      code: 1,
      err: ['2026-11 is not over yet: only months that are over are exported (their counts no longer change).'],
    });
    expect(await run(['--from', '2026-01', '--to', '2031-12'])).toEqual({ code: 1, err: ['At most 60 months at a time.'] });
    // --out names a file, not a folder
    const file = join(temp.dir, 'a-file');
    writeFileSync(file, '');
    const told: string[] = [];
    expect(await runCli(['stats', '--from', '2026-08', '--to', '2026-08', '--out', file], { PARLOIR_DB: h.dbPath, PARLOIR_LANG: 'en' }, () => {}, (l) => told.push(l), { now: () => parisTime('2026-11-15T10:00') })).toBe(1);
    expect(told).toEqual([`Cannot write in ${file} (EEXIST): give --out a folder you can write to.`]);
    rmSync(file);
    const missing = await runCli(['stats', '--from', '2026-01', '--to', '2026-02'], { PARLOIR_DB: join(temp.dir, 'none.db'), PARLOIR_LANG: 'en' }, () => {}, () => {}, {});
    expect(missing).toBe(1);
    expect(readdirSync(temp.dir)).toEqual([]);
    // Not a database: the operator's message, not a crash.
    const junk = join(temp.dir, 'junk.db');
    writeFileSync(junk, 'not a database, just text that is long enough to look like a header. '.repeat(20));
    const err: string[] = [];
    expect(await runCli(['stats', '--from', '2026-01', '--to', '2026-02'], { PARLOIR_DB: junk, PARLOIR_LANG: 'en' }, () => {}, (l) => err.push(l), {})).toBe(2);
    expect(err.join('\n')).toContain(junk);
    rmSync(junk);

    // As an operator runs it: a process, in French, on the same database.
    const env = { PARLOIR_DB: h.dbPath, PARLOIR_LANG: 'fr' };
    const bad = await parloirCli(['stats', '--from', '2026-06', '--to', '2026-02'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--from 2026-06 est après --to 2026-02 : donner d’abord le mois le plus ancien.');
    const ok = await parloirCli(['stats', '--from', '2026-09', '--to', '2026-09', '--centre', 'card-centre', '--out', temp.dir], env);
    expect(ok.code).toBe(0);
    const written = ok.stdout.trim().split('\n');
    expect(written).toEqual([join(temp.dir, 'parloir-stats-2026-09-2026-09-card-centre.csv'), join(temp.dir, 'parloir-stats-2026-09-card-centre.svg')]);
    expect(readCsv(written[0]!)['2026-09']).toMatchObject({ visit_done: '<5', visit_refused_name: '<5', case_released: '<5' });
    expect(allElements(parseXml(readFileSync(written[1]!, 'utf8'))).some((e) => e.text === 'Visites faites')).toBe(true);
  });
});
