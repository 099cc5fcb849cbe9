// The stats table written out (#16): a CSV (one row per month, one column per count) and one
// self-contained SVG chart per month — no script, no link, no external reference, every text
// escaped — that a collective can print or put in a report as it is.

import type { StatsMessages } from '../i18n/stats-en.js';
import type { Cell, MedianCell, StatsRow, StatsTable } from './table.js';

const csvCell = (cell: Cell): string => (cell.kind === 'count' ? String(cell.n) : cell.kind === 'small' ? '<5' : '>=5');
const csvMedian = (cell: MedianCell): string => (cell.kind === 'hours' ? String(cell.hours) : cell.kind === 'small' ? '<5' : '');
/** Quoted when it holds a comma, a quote or a line break (RFC 4180). */
const csvField = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

export function toCsv(table: StatsTable): string {
  const header = ['month', 'centre', ...table.columns.map((c) => c.id), 'lawyer_median_hours'];
  const lines = table.rows.map((row) =>
    [row.month, table.centre ?? 'all', ...row.cells.map(csvCell), csvMedian(row.lawyerMedian)].map(csvField).join(','),
  );
  return `${[header.map(csvField).join(','), ...lines].join('\r\n')}\r\n`;
}

/** Text made safe inside an XML element or a double-quoted attribute. */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

const WIDTH = 760;
const LABEL_W = 300;
const BAR_MAX = 360;
const ROW_H = 22;
const TOP = 52;

export function toSvg(table: StatsTable, row: StatsRow, text: StatsMessages): string {
  const title = text.chartTitle({ month: row.month, ...(table.centre !== undefined ? { centre: table.centre } : {}) });
  const exact = row.cells.flatMap((c) => (c.kind === 'count' ? [c.n] : []));
  const max = Math.max(1, ...exact);
  const bars = table.columns.map((column, i) => {
    const cell = row.cells[i]!;
    const y = TOP + i * ROW_H;
    const value = cell.kind === 'count' ? String(cell.n) : cell.kind === 'small' ? '<5' : '≥5';
    const width = cell.kind === 'count' ? Math.round((cell.n / max) * BAR_MAX) : 0;
    return [
      `<text x="16" y="${y + 15}">${xmlEscape(text.chartColumn({ id: column.id }))}</text>`,
      width > 0 ? `<rect x="${LABEL_W}" y="${y + 4}" width="${width}" height="14" fill="#3b6ea5"/>` : '',
      `<text x="${LABEL_W + width + 6}" y="${y + 15}">${xmlEscape(value)}</text>`,
    ].join('');
  });
  const median = row.lawyerMedian;
  const medianText = text.chartMedian(median.kind === 'hours' ? { hours: median.hours } : median.kind === 'small' ? { small: true } : {});
  const bottom = TOP + table.columns.length * ROW_H;
  const height = bottom + 80;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="13" fill="#222">`,
    `<title>${xmlEscape(title)}</title>`,
    `<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="30" font-size="17" font-weight="bold">${xmlEscape(title)}</text>`,
    ...bars,
    `<text x="16" y="${bottom + 24}">${xmlEscape(medianText)}</text>`,
    `<text x="16" y="${bottom + 48}" font-size="11" fill="#555">${xmlEscape(text.chartNoteSmall())}</text>`,
    `<text x="16" y="${bottom + 64}" font-size="11" fill="#555">${xmlEscape(text.chartNoteWithheld())}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
