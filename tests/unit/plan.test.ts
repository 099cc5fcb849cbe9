import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadCentres } from '../../src/core/centres.js';
import type { MemberKey, Request } from '../../src/core/domain.js';
import { parseDurationList } from '../../src/core/duration.js';
import { groupId } from '../../src/core/ids.js';
import { DEFAULT_PLAN, planDigest, planRequest } from '../../src/scheduler/plan.js';
import { leadsFor } from '../../src/scheduler/replan.js';

const zone = 'Europe/Paris';
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toMillis();
const local = (ms: number) => DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true });
const HOUR = 3_600_000;

const visit = (dueIso: string, state: Request['state'] = 'claimed'): Request => ({
  groupId: groupId(1),
  number: 1,
  kind: 'visit',
  state,
  dueAt: at(dueIso),
  seats: 1,
  requester: 'aa' as MemberKey,
  ...(state === 'claimed' ? { claimer: 'bb' as MemberKey } : {}),
  passengers: [],
  createdAt: at('2027-01-01T00:00'),
});

describe('planning across a week with both DST changes', () => {
  const settings = { ...DEFAULT_PLAN, leads: [24 * HOUR, 2 * HOUR] };

  it('counts lead times in real hours, shown in local time', () => {
    // spring forward: Sunday 2027-03-28 02:00 → 03:00
    const spring = planRequest(visit('2027-03-28T09:00'), settings, at('2027-03-20T12:00'));
    expect(spring.filter((j) => j.kind === 'remind').map((j) => local(j.dueAt))).toEqual(['2027-03-27T08:00:00+01:00', '2027-03-28T07:00:00+02:00']);
    // fall back: Sunday 2027-10-31 03:00 → 02:00
    const autumn = planRequest(visit('2027-10-31T09:00'), settings, at('2027-10-25T12:00'));
    expect(autumn.filter((j) => j.kind === 'remind').map((j) => local(j.dueAt))).toEqual(['2027-10-30T10:00:00+02:00', '2027-10-31T07:00:00+01:00']);
    expect(autumn.find((j) => j.kind === 'followup') && local(autumn.find((j) => j.kind === 'followup')!.dueAt)).toBe('2027-10-31T11:00:00+01:00');
  });

  it('plans the daily digest at the same local hour every day of that week', () => {
    let now = at('2027-03-25T10:00');
    const seen: string[] = [];
    for (let day = 0; day < 7; day++) {
      const job = planDigest('09:00', zone, now)!;
      seen.push(local(job.dueAt)!);
      now = job.dueAt;
    }
    expect(seen.map((s) => s.slice(11, 16))).toEqual(Array(7).fill('09:00'));
    expect(seen[3]).toBe('2027-03-29T09:00:00+02:00');
  });

  it('plans nothing for closed requests and only what is still ahead', () => {
    expect(planRequest(visit('2027-03-28T09:00', 'done'), settings, at('2027-03-20T12:00'))).toEqual([]);
    const late = planRequest(visit('2027-03-28T09:00'), settings, at('2027-03-28T06:00'));
    expect(late.filter((j) => j.kind === 'remind')).toHaveLength(1);
  });
});

describe('per-centre lead times', () => {
  it('a centre may override PARLOIR_REMINDERS in centres.yaml', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parloir-centres-'));
    try {
      const file = join(dir, 'centres.yaml');
      writeFileSync(
        file,
        'centres:\n  - id: far\n    name: Centre lointain\n    country: FR\n    timezone: Europe/Paris\n    jurisdiction: fr\n    reminders: "48h,3h"\n',
      );
      const centre = loadCentres(file, parseDurationList).get('far');
      const settings = leadsFor(centre, { ...DEFAULT_PLAN, leads: [24 * HOUR] });
      expect(settings.leads).toEqual([48 * HOUR, 3 * HOUR]);
      writeFileSync(file, 'centres:\n  - id: bad\n    name: X\n    timezone: Europe/Paris\n    jurisdiction: fr\n    reminders: "soon"\n');
      expect(() => loadCentres(file, parseDurationList)).toThrow(/reminders must be durations/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
