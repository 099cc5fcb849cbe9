// Texts of `npx parloir stats` (#16): its answers and the words of its charts. stats-fr.ts must match.

/** Chart labels of the count columns; a column not listed here shows its CSV name. */
const COLUMNS: Readonly<Record<string, string>> = {
  visit_done: 'Visits done',
  visit_refused_absent: 'Refused: person not available',
  visit_refused_name: 'Refused: name not found',
  visit_refused_papers: "Refused: visitor's papers",
  visit_refused_hours: 'Refused: hours, full, appointment',
  visit_refused_centre: "Refused: centre's decision",
  visit_refused_other: 'Refused: other reason',
  visit_refused_none: 'Refused: no reason given',
  package_done: 'Packages delivered',
  credit_done: 'Phone credit delivered',
  hearing_done: 'Hearings attended',
  airport_done: 'Airport presence before a flight',
  pickup_done: 'Pick-ups at release',
  lawyer_in_time: 'Lawyer reached in time',
  lawyer_late: 'Lawyer reached late',
  lawyer_missed: 'Lawyer deadline missed',
  case_released: 'Cases: released',
  case_deported: 'Cases: deported',
  case_transferred: 'Cases: transferred',
};

export const statsEn = {
  statsUsage: () =>
    'Usage: npx parloir stats --from 2026-01 --to 2026-12 [--centre <id>] [--out <folder>]   (counts only; months as YYYY-MM)',
  statsBadMonth: (p: { option: string; value: string }) => `${p.option} "${p.value}" is not a month: write it as YYYY-MM, e.g. 2026-01.`,
  statsFromAfterTo: (p: { from: string; to: string }) => `--from ${p.from} is after --to ${p.to}: give the earlier month first.`,
  statsUnknownOption: (p: { option: string }) => `Unknown option "${p.option}".`,
  statsMissingValue: (p: { option: string }) => `${p.option} needs a value.`,
  statsUnknownCentre: (p: { id: string }) => `No centre "${p.id}". The ids: npx parloir centres`,
  statsTooLong: (p: { max: number }) => `At most ${p.max} months at a time.`,
  statsNothingEnded: (p: { first: string }) => `${p.first} is not over yet: only months that are over are exported (their counts no longer change).`,
  statsLeftOut: (p: { months: string }) => `Left out, not over yet: ${p.months}.`,
  statsNoDatabase: (p: { path: string }) => `No database at ${p.path} (PARLOIR_DB). Nothing to count.`,
  statsCannotWrite: (p: { folder: string; code: string }) => `Cannot write in ${p.folder} (${p.code}): give --out a folder you can write to.`,
  statsWritten: (p: { files: number; folder: string }) => `${p.files} file(s) written in ${p.folder}.`,
  chartTitle: (p: { month: string; centre?: string }) => `Parloir — ${p.month} — ${p.centre ?? 'all centres'}`,
  chartColumn: (p: { id: string }) => COLUMNS[p.id] ?? p.id,
  chartMedian: (p: { hours?: number; small?: boolean }) =>
    `Median time to reach a lawyer: ${p.small ? '<5 requests, not shown' : p.hours === undefined ? 'none this month' : `${p.hours} h`}`,
  chartNoteSmall: () => '<5: between 1 and 4, not shown so that no one can be picked out.',
  chartNoteWithheld: () => '≥5: 5 or more, withheld so that a small figure elsewhere cannot be worked out from it.',
} as const;

export type StatsMessages = { readonly [K in keyof typeof statsEn]: (typeof statsEn)[K] };
