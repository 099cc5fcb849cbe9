// The legal clock's rules, read from config/jurisdictions/*.yaml: data with a source, a validity
// period, a last-checked date and a confidence, never conditions spread through the code. Every
// problem of a file is reported at once, and a bad file stops the start.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { parse } from 'yaml';
import { packageRoot } from '../paths.js';

export const CASE_EVENTS = ['placement', 'oqtf', 'asylum-rights', 'order', 'measure'] as const;
export type CaseEvent = (typeof CASE_EVENTS)[number];

/** What a rule is about: the locale files word each of these. */
export const RULE_TOPICS = [
  'placement-contest',
  'judge-seized',
  'first-hearing',
  'period-end',
  'retention-max',
  'oqtf-contest',
  'asylum-request',
  'order-appeal',
  'cce-urgent',
  'order-appeal-be',
  'detention-period-be',
] as const;
export type RuleTopic = (typeof RULE_TOPICS)[number];

export const COUNTINGS = ['hours', 'days-from-start', 'days-after-start', 'months'] as const;
export type Counting = (typeof COUNTINGS)[number];
export const CONFIDENCES = ['high', 'medium-high', 'medium', 'low', 'derived', 'unverified'] as const;
export type Confidence = (typeof CONFIDENCES)[number];
export const ACTORS = ['association', 'lawyer', 'group'] as const;
export type Actor = (typeof ACTORS)[number];
export type Jurisdiction = 'fr' | 'be';

export interface Rule {
  readonly id: string;
  readonly jurisdiction: Jurisdiction;
  readonly what: RuleTopic;
  readonly meaning: string;
  /** Events it can start from, first present wins; a later one makes the deadline assumed. */
  readonly from: readonly CaseEvent[];
  readonly condition?: 'first-measure' | 'second-measure';
  readonly duration: { readonly amount: number; readonly unit: 'h' | 'd' | 'mo' };
  readonly counting: Counting;
  readonly shift: 'none' | 'next-working-day';
  readonly kind: 'deadline' | 'limit';
  readonly who: readonly Actor[];
  readonly article: string;
  readonly sources: readonly string[];
  /** Local dates (YYYY-MM-DD) of the starting event, inclusive. */
  readonly validFrom: string;
  readonly validUntil?: string;
  readonly lastChecked: string;
  readonly confidence: Confidence;
  readonly unverified?: string;
}

export interface ReminderPlan {
  /** Fractions of the window (0.5 = half time). */
  readonly fractions: readonly number[];
  /** Lead times before the deadline (ms). */
  readonly leads: readonly number[];
}

export interface JurisdictionRules {
  readonly jurisdiction: Jurisdiction;
  readonly law: string;
  readonly reminders: ReminderPlan;
  /** Public holidays as local dates (YYYY-MM-DD). */
  readonly holidays: ReadonlySet<string>;
  readonly holidaysSource: string;
  readonly rules: readonly Rule[];
}

export class RuleBook {
  constructor(private readonly byJurisdiction: ReadonlyMap<Jurisdiction, JurisdictionRules>) {}

  get(jurisdiction: Jurisdiction): JurisdictionRules | undefined {
    return this.byJurisdiction.get(jurisdiction);
  }

  all(): JurisdictionRules[] {
    return [...this.byJurisdiction.values()];
  }
}

export class RulesError extends Error {
  readonly code = 'RULES_INVALID';
  constructor(
    readonly path: string,
    readonly problems: readonly string[],
  ) {
    super(`${path}: ${problems.join('; ')}`);
  }
}

export const defaultRulesDir = (): string => join(packageRoot(), 'config', 'jurisdictions');

let cached: RuleBook | undefined;

/** The shipped rule files, read once per process. */
export function defaultRuleBook(): RuleBook {
  cached ??= loadRuleBook(defaultRulesDir());
  return cached;
}

export function loadRuleBook(dir: string): RuleBook {
  const map = new Map<Jurisdiction, JurisdictionRules>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const path = join(dir, file);
    let raw: unknown;
    try {
      raw = parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new RulesError(path, [error instanceof Error ? (error.message.split('\n')[0] ?? 'unreadable') : 'unreadable']);
    }
    const rules = validateJurisdiction(raw, path);
    map.set(rules.jurisdiction, rules);
  }
  return new RuleBook(map);
}

const DURATION = /^(\d{1,5})(h|d|mo)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function validateJurisdiction(raw: unknown, path: string): JurisdictionRules {
  const problems: string[] = [];
  if (!isRecord(raw)) throw new RulesError(path, ['expected a mapping with jurisdiction, holidays and rules']);
  const jurisdiction = raw['jurisdiction'];
  if (jurisdiction !== 'fr' && jurisdiction !== 'be') problems.push('jurisdiction must be fr or be');
  const reminders = parseReminders(str(raw['reminders']) ?? '50%, 12h, 2h');
  if (!reminders) problems.push('reminders must be fractions and durations such as "50%, 12h, 2h"');

  const holidaysRaw = isRecord(raw['holidays']) ? raw['holidays'] : {};
  const dates = Array.isArray(holidaysRaw['dates']) ? holidaysRaw['dates'].map(str) : [];
  const holidays = new Set<string>();
  dates.forEach((d, i) => (d && DATE.test(d) ? holidays.add(d) : problems.push(`holidays.dates[${i}] must be a date YYYY-MM-DD`)));
  const holidaysSource = str(holidaysRaw['source']);
  if (!holidaysSource) problems.push('holidays.source is missing');

  const list = Array.isArray(raw['rules']) ? (raw['rules'] as unknown[]) : [];
  if (list.length === 0) problems.push('rules: expected a list');
  const seen = new Set<string>();
  const rules: Rule[] = [];
  list.forEach((entry, index) => {
    const where = `rules[${index}]`;
    if (!isRecord(entry)) return problems.push(`${where} is not a mapping`);
    const bad = (field: string, expected: string) => problems.push(`${where}.${field} ${expected}`);
    const id = str(entry['id']);
    if (!id || !/^[a-z0-9-]+$/.test(id)) bad('id', 'must be lowercase letters, digits and dashes');
    else if (seen.has(id)) bad('id', `"${id}" is used twice`);
    const what = oneOf(entry['what'], RULE_TOPICS);
    if (!what) bad('what', `must be one of ${RULE_TOPICS.join(', ')}`);
    const from = Array.isArray(entry['from']) ? entry['from'].map((e) => oneOf(e, CASE_EVENTS)) : [];
    if (from.length === 0 || from.some((e) => e === undefined)) bad('from', `must list events among ${CASE_EVENTS.join(', ')}`);
    const condition = entry['condition'] === undefined ? undefined : oneOf(entry['condition'], ['first-measure', 'second-measure'] as const);
    if (entry['condition'] !== undefined && !condition) bad('condition', 'must be first-measure or second-measure');
    const duration = DURATION.exec(str(entry['duration']) ?? '');
    if (!duration) bad('duration', 'must be like 96h, 5d or 2mo');
    const counting = oneOf(entry['counting'], COUNTINGS);
    if (!counting) bad('counting', `must be one of ${COUNTINGS.join(', ')}`);
    const unit = duration?.[2] as 'h' | 'd' | 'mo' | undefined;
    if (counting && unit && !countingFits(counting, unit)) bad('counting', `does not fit a duration in ${unit}`);
    const shift = oneOf(entry['shift'] ?? 'none', ['none', 'next-working-day'] as const);
    if (!shift) bad('shift', 'must be none or next-working-day');
    const kind = oneOf(entry['kind'], ['deadline', 'limit'] as const);
    if (!kind) bad('kind', 'must be deadline or limit');
    const who = Array.isArray(entry['who']) ? entry['who'].map((w) => oneOf(w, ACTORS)) : undefined;
    if (!who || who.some((w) => w === undefined)) bad('who', `must list actors among ${ACTORS.join(', ')}`);
    const sources = Array.isArray(entry['sources']) ? entry['sources'].map(str).filter((s): s is string => s !== undefined) : [];
    if (sources.length === 0) bad('sources', 'must list at least one source');
    const article = str(entry['article']);
    if (!article) bad('article', 'is missing');
    const meaning = str(entry['meaning']);
    if (!meaning) bad('meaning', 'is missing');
    const validFrom = str(entry['valid_from']);
    if (!validFrom || !DATE.test(validFrom)) bad('valid_from', 'must be a date YYYY-MM-DD');
    const validUntil = str(entry['valid_until']);
    if (entry['valid_until'] !== undefined && (!validUntil || !DATE.test(validUntil))) bad('valid_until', 'must be a date YYYY-MM-DD');
    const lastChecked = str(entry['last_checked']);
    if (!lastChecked || !DATE.test(lastChecked)) bad('last_checked', 'must be a date YYYY-MM-DD');
    const confidence = oneOf(entry['confidence'], CONFIDENCES);
    if (!confidence) bad('confidence', `must be one of ${CONFIDENCES.join(', ')}`);
    const unverified = str(entry['unverified']);
    if (id) seen.add(id);
    if (!id || !what || !duration || !unit || !counting || !shift || !kind || !who || !article || !meaning || !validFrom || !lastChecked || !confidence) return undefined;
    if (jurisdiction !== 'fr' && jurisdiction !== 'be') return undefined;
    rules.push({
      id,
      jurisdiction,
      what,
      meaning,
      from: from as CaseEvent[],
      ...(condition ? { condition } : {}),
      duration: { amount: Number(duration[1]), unit },
      counting,
      shift,
      kind,
      who: who as Actor[],
      article,
      sources,
      validFrom,
      ...(validUntil ? { validUntil } : {}),
      lastChecked,
      confidence,
      ...(unverified ? { unverified } : {}),
    });
    return undefined;
  });
  problems.push(...overlaps(rules));
  if (problems.length > 0 || (jurisdiction !== 'fr' && jurisdiction !== 'be') || !reminders || !holidaysSource) throw new RulesError(path, problems);
  return { jurisdiction, law: str(raw['law']) ?? '', reminders, holidays, holidaysSource, rules };
}

/** Two versions of the same topic, start event and condition must not be valid at once. */
function overlaps(rules: readonly Rule[]): string[] {
  const problems: string[] = [];
  rules.forEach((a, i) =>
    rules.slice(i + 1).forEach((b) => {
      if (a.what !== b.what || a.from[0] !== b.from[0] || a.condition !== b.condition || a.what === 'period-end') return;
      const aEnd = a.validUntil ?? '9999-12-31';
      const bEnd = b.validUntil ?? '9999-12-31';
      if (a.validFrom <= bEnd && b.validFrom <= aEnd) problems.push(`rules ${a.id} and ${b.id} are valid at the same time`);
    }),
  );
  return problems;
}

function countingFits(counting: Counting, unit: 'h' | 'd' | 'mo'): boolean {
  if (counting === 'hours') return unit === 'h' || unit === 'd';
  if (counting === 'months') return unit === 'mo';
  return unit === 'd';
}

/** "50%, 12h, 2h" → fractions and lead times; undefined when an item is unreadable. */
export function parseReminders(text: string): ReminderPlan | undefined {
  const fractions: number[] = [];
  const leads: number[] = [];
  for (const item of text.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const percent = /^(\d{1,2})%$/.exec(item);
    const lead = /^(\d{1,3})(h|m)$/.exec(item);
    if (percent) fractions.push(Number(percent[1]) / 100);
    else if (lead) leads.push(Number(lead[1]) * (lead[2] === 'h' ? 3_600_000 : 60_000));
    else return undefined;
  }
  return { fractions, leads };
}

/** True when the rule was last checked more than six months before `now`. */
export function isStale(rule: Rule, now: number): boolean {
  let limit = staleAfter.get(rule.lastChecked);
  if (limit === undefined) {
    limit = DateTime.fromISO(rule.lastChecked, { zone: 'UTC' }).plus({ months: 6 }).toMillis();
    staleAfter.set(rule.lastChecked, limit);
  }
  return limit < now;
}

/** last_checked date → the moment its rules become stale (a handful of distinct dates). */
const staleAfter = new Map<string, number>();

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10); // YAML reads 2026-11-23 as a date
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}
