// Limits against floods, as the operator sets them (PARLOIR_LIMITS). One member must not be able
// to make the bot post without end, and nobody outside a linked group should make it talk much.
//
// PARLOIR_LIMITS="requests=10/1h, repost=10m, stranger=24h": any item left out keeps its default.

import { formatDuration, parseDuration } from './duration.js';

export interface Limits {
  /** New requests one member may make in one group per window; then one answer and no post. */
  readonly requests: { readonly max: number; readonly windowMs: number };
  /** One request's state is posted again to its group at most once per this interval. */
  readonly repostMs: number;
  /** An unlinked chat or a stranger's direct chat gets at most one answer per this interval. */
  readonly strangerMs: number;
}

const HOUR = 3_600_000;

export const DEFAULT_LIMITS: Limits = Object.freeze({
  requests: Object.freeze({ max: 10, windowMs: HOUR }),
  repostMs: 10 * 60_000,
  strangerMs: 24 * HOUR,
});

/** What an operator writes; shown when a value is refused. */
export const LIMITS_EXAMPLE = 'requests=10/1h,repost=10m,stranger=24h';

type Key = 'requests' | 'repost' | 'stranger';
const KEYS: readonly Key[] = ['requests', 'repost', 'stranger'];
/** Beyond these a "limit" no longer limits anything, or silences the bot for good: refused. */
const MAX_REQUESTS = 1_000;
const MAX_INTERVAL = 7 * 24 * HOUR;
/** No window of PARLOIR_LIMITS is longer: what the limits remember can go after this. */
export const LONGEST_LIMIT_WINDOW_MS = MAX_INTERVAL;

/** The limits, or the list of items that are wrong (each in the operator's own words). */
export function parseLimits(text: string | undefined): { ok: true; limits: Limits } | { ok: false; wrong: string[] } {
  if (text === undefined || text.trim() === '') return { ok: true, limits: DEFAULT_LIMITS };
  const wrong: string[] = [];
  const seen = new Set<Key>();
  let requests = DEFAULT_LIMITS.requests;
  let repostMs = DEFAULT_LIMITS.repostMs;
  let strangerMs = DEFAULT_LIMITS.strangerMs;
  for (const item of text.split(',').map((x) => x.trim()).filter((x) => x !== '')) {
    const [name, value, extra] = item.split('=').map((x) => x.trim().toLowerCase());
    const key = KEYS.find((k) => k === name);
    if (!key || value === undefined || extra !== undefined || seen.has(key)) {
      wrong.push(item);
      continue;
    }
    seen.add(key);
    if (key === 'requests') {
      const match = /^(\d+)\s*\/\s*(\S+)$/.exec(value);
      const max = match ? Number(match[1]) : NaN;
      const windowMs = match ? parseDuration(match[2]!) : undefined;
      if (!Number.isInteger(max) || max < 1 || max > MAX_REQUESTS || !windowMs || windowMs > MAX_INTERVAL) wrong.push(item);
      else requests = { max, windowMs };
      continue;
    }
    const ms = parseDuration(value);
    if (!ms || ms > MAX_INTERVAL) wrong.push(item);
    else if (key === 'repost') repostMs = ms;
    else strangerMs = ms;
  }
  if (wrong.length > 0) return { ok: false, wrong };
  return { ok: true, limits: Object.freeze({ requests: Object.freeze(requests), repostMs, strangerMs }) };
}

/** "requests=10/1h, repost=10m, stranger=1d": for `doctor` and the logs. */
export function describeLimits(limits: Limits): string {
  const { max, windowMs } = limits.requests;
  return `requests=${max}/${formatDuration(windowMs)}, repost=${formatDuration(limits.repostMs)}, stranger=${formatDuration(limits.strangerMs)}`;
}
