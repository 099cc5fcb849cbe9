// npx parloir stats --from 2026-01 --to 2026-12 [--centre id] [--out folder] (#16): counts for
// advocacy, as a CSV and one SVG chart per month. It reads only the counts table (no sealed
// field), so it needs no key and no passphrase; months not over yet are left out.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openFailure, readCentres } from '../bootstrap.js';
import type { Settings } from '../config.js';
import { errorCode } from '../core/error-code.js';
import { statsText } from '../i18n/index.js';
import type { StatsMessages } from '../i18n/stats-en.js';
import { monthEnded, monthsBetween, parseMonth } from '../stats/months.js';
import { toCsv, toSvg } from '../stats/render.js';
import { buildTable } from '../stats/table.js';
import { CountRepository, type CountRow } from '../store/counts.js';
import { openDatabase } from '../store/database.js';
import type { Out } from './commands.js';

/** Five years of charts at most in one run. */
export const MAX_MONTHS = 60;

export interface StatsArgs {
  readonly from: string;
  readonly to: string;
  readonly centre?: string;
  readonly out: string;
}

type Parsed = { readonly ok: true; readonly args: StatsArgs } | { readonly ok: false; readonly error: string };

export function parseStatsArgs(args: readonly string[], text: StatsMessages): Parsed {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const option = args[i]!;
    if (!['--from', '--to', '--centre', '--out'].includes(option)) return { ok: false, error: text.statsUnknownOption({ option: option.slice(0, 40) }) };
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--') || value === '') return { ok: false, error: text.statsMissingValue({ option }) };
    values.set(option, value);
  }
  const months: string[] = [];
  for (const option of ['--from', '--to']) {
    const value = values.get(option);
    if (value === undefined) return { ok: false, error: text.statsMissingValue({ option }) };
    const month = parseMonth(value);
    if (!month) return { ok: false, error: text.statsBadMonth({ option, value: value.slice(0, 40) }) };
    months.push(month);
  }
  const [from, to] = months as [string, string];
  if (from > to) return { ok: false, error: text.statsFromAfterTo({ from, to }) };
  const centre = values.get('--centre');
  return { ok: true, args: { from, to, ...(centre !== undefined ? { centre } : {}), out: values.get('--out') ?? '.' } };
}

/** A centre id as part of a file name. */
const fileSafe = (id: string): string => id.replace(/[^A-Za-z0-9-]/g, '_');

export async function stats(args: readonly string[], settings: Settings, out: Out, err: Out, now: number): Promise<number> {
  const text = statsText(settings.lang);
  const parsed = parseStatsArgs(args, text);
  if (!parsed.ok) {
    err(parsed.error);
    err(text.statsUsage());
    return 1;
  }
  const { from, to, centre, out: folder } = parsed.args;
  const asked = monthsBetween(from, to);
  if (asked.length > MAX_MONTHS) {
    err(text.statsTooLong({ max: MAX_MONTHS }));
    return 1;
  }
  const months = asked.filter((m) => monthEnded(m, now));
  if (months.length === 0) {
    err(text.statsNothingEnded({ first: from }));
    return 1;
  }
  if (months.length < asked.length) err(text.statsLeftOut({ months: asked.slice(months.length).join(', ') }));
  if (!existsSync(settings.dbPath)) {
    err(text.statsNoDatabase({ path: settings.dbPath }));
    return 1;
  }
  const counts = readCounts(settings, months[0]!, months.at(-1)!);
  if (centre !== undefined && !readCentres(settings).get(centre) && !counts.some((r) => r.centreId === centre)) {
    err(text.statsUnknownCentre({ id: centre.slice(0, 40) }));
    return 1;
  }
  const table = buildTable(counts, months, centre);
  const suffix = centre === undefined ? '' : `-${fileSafe(centre)}`;
  const files: [string, string][] = [
    [`parloir-stats-${months[0]}-${months.at(-1)}${suffix}.csv`, toCsv(table)],
    ...table.rows.map((row): [string, string] => [`parloir-stats-${row.month}${suffix}.svg`, toSvg(table, row, text)]),
  ];
  try {
    mkdirSync(folder, { recursive: true });
    for (const [name, content] of files) {
      const path = join(folder, name);
      writeFileSync(path, content);
      out(path);
    }
  } catch (error) {
    err(text.statsCannotWrite({ folder, code: errorCode(error) }));
    return 1;
  }
  err(text.statsWritten({ files: files.length, folder: resolve(folder) }));
  return 0;
}

/** Opened without a key: the counts are not sealed (pending migrations apply, as for every command). */
function readCounts(settings: Settings, from: string, to: string): CountRow[] {
  let db;
  try {
    ({ db } = openDatabase(settings.dbPath, undefined));
  } catch (error) {
    // a newer schema, a file that is not a database: said like every command says it
    throw openFailure(settings, error);
  }
  try {
    return new CountRepository(db).between(from, to);
  } finally {
    db.close();
  }
}
