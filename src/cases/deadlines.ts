// The rules engine: a case's events in, its deadlines out. Pure: the rules, the centre's zone
// and the time are parameters. Days are counted in the centre's zone, DST included.

import { DateTime } from 'luxon';
import { type CaseEvent, isStale, type JurisdictionRules, type Rule } from './rules.js';

export interface CaseFacts {
  /** The centre's time zone: calendar days and holidays are local. */
  readonly zone: string;
  readonly events: Partial<Record<CaseEvent, number>>;
  /** Belgium: the removal measure is the second one (5 days instead of 10 at the CCE). */
  readonly secondMeasure: boolean;
}

export interface Deadline {
  readonly rule: Rule;
  readonly event: CaseEvent;
  readonly start: number;
  readonly at: number;
  /** Started from a fallback event (e.g. the placement for the measure): to be checked. */
  readonly assumed: boolean;
  /** Moved to the next working day because the last day was a weekend day or a holiday. */
  readonly shifted: boolean;
  /** The bot must say "check with the lawyer or the association". */
  readonly check: boolean;
  /** The rule was last checked more than six months ago. */
  readonly stale: boolean;
}

export interface Timeline {
  readonly deadlines: readonly Deadline[];
  /** Events given for which no rule is valid at their date (e.g. a placement before 2024). */
  readonly unknown: readonly CaseEvent[];
}

export function computeDeadlines(rules: JurisdictionRules, facts: CaseFacts, now: number): Timeline {
  const deadlines: Deadline[] = [];
  const covered = new Set<CaseEvent>();
  for (const rule of rules.rules) {
    if (rule.condition === 'second-measure' && !facts.secondMeasure) continue;
    if (rule.condition === 'first-measure' && facts.secondMeasure) continue;
    const index = rule.from.findIndex((event) => facts.events[event] !== undefined);
    const event = rule.from[index];
    if (event === undefined) continue;
    const start = facts.events[event]!;
    if (!validAt(rule, start, facts.zone)) continue;
    covered.add(event);
    const { at, shifted } = endOf(rule, start, facts.zone, rules.holidays);
    const assumed = index > 0;
    deadlines.push({
      rule,
      event,
      start,
      at,
      assumed,
      shifted,
      check: assumed || rule.confidence !== 'high' || rule.unverified !== undefined,
      stale: isStale(rule, now),
    });
  }
  const ruled = new Set(rules.rules.flatMap((r) => r.from));
  const unknown = (Object.keys(facts.events) as CaseEvent[]).filter((e) => facts.events[e] !== undefined && ruled.has(e) && !covered.has(e));
  deadlines.sort((a, b) => a.at - b.at || (a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : 0));
  return { deadlines, unknown };
}

/** Whether the rule applies to an event at `at`: its validity dates are local to the centre. */
function validAt(rule: Rule, at: number, zone: string): boolean {
  if (at < localMidnight(rule.validFrom, zone, 0)) return false;
  return rule.validUntil === undefined || at < localMidnight(rule.validUntil, zone, 1);
}

/**
 * The instant a local date (plus `days`) begins in `zone`, remembered: zone conversions are the
 * engine's main cost, and rules have a handful of distinct dates.
 */
const midnights = new Map<string, number>();
function localMidnight(date: string, zone: string, days: number): number {
  const key = `${zone}|${date}|${days}`;
  let at = midnights.get(key);
  if (at === undefined) {
    at = DateTime.fromISO(date, { zone }).plus({ days }).toMillis();
    midnights.set(key, at);
  }
  return at;
}

/** The last moment of a rule's period started at `start`, before any weekend/holiday shift. */
function endOf(rule: Rule, start: number, zone: string, holidays: ReadonlySet<string>): { at: number; shifted: boolean } {
  const { amount, unit } = rule.duration;
  // Hour by hour: real elapsed time, whatever the clocks do (and no zone conversion to pay).
  if (rule.counting === 'hours') return { at: start + amount * (unit === 'h' ? 3_600_000 : 86_400_000), shifted: false };
  const local = DateTime.fromMillis(start, { zone });
  let end: DateTime;
  switch (rule.counting) {
    case 'days-from-start':
      // The starting day is day 1; the period ends at 24:00 on day N.
      end = local.startOf('day').plus({ days: amount }).minus({ milliseconds: 1 });
      break;
    case 'days-after-start':
      end = local.startOf('day').plus({ days: amount + 1 }).minus({ milliseconds: 1 });
      break;
    case 'months':
      end = local.plus({ months: amount });
      break;
  }
  let shifted = false;
  if (rule.shift === 'next-working-day') {
    while (!isWorkingDay(end, holidays)) {
      end = end.plus({ days: 1 }).endOf('day');
      shifted = true;
    }
  }
  return { at: end.toMillis(), shifted };
}

function isWorkingDay(day: DateTime, holidays: ReadonlySet<string>): boolean {
  return day.weekday <= 5 && !holidays.has(day.toISODate() ?? '');
}
