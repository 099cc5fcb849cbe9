// What of a case's tasks and flight goes with it on a transfer to another group (#16). The
// receiving group gets, open, every task that is still to do at the new centre's side: the lawyer
// and hearing tasks nobody has taken yet, and the airport task of a deportation flight whoever
// joined it (the flight is where the person is, not where the old group is). It also gets the
// flight itself, so its case view and the airport task's post show it. The people of the old
// group who were on a task that moved are told in private and released: they are not members
// of the receiving group, and their names never reach it (#11: nothing about one group goes to
// another beyond what the transfer carries). A lawyer or hearing task someone already took
// stays with them in the old group, as before: they answer its reminders there.

import type { Group, Request } from '../core/domain.js';
import { changed, post, type Reply } from '../commands/reply.js';
import { msg, t } from '../i18n/index.js';
import type { FlightTasks } from '../store/flights.js';
import type { CaseRecord } from './case.js';
import type { CaseContext } from './execute.js';

type MovedRole = 'lawyer' | 'hearing' | 'airport';

export interface MovedTasks {
  /** For the receiving group: the tasks' posts and their reminders planned. */
  readonly inTarget: Reply[];
  /** For the old group: the cancelled posts refreshed, and the people released told. */
  readonly inOld: Reply[];
  /** How many tasks went. */
  readonly count: number;
}

const isActive = (r: Request) => r.state === 'open' || r.state === 'claimed';

/** Whether the task goes: an airport task while it is active; others only while nobody took them. */
function goes(role: MovedRole, request: Request): boolean {
  return role === 'airport' ? isActive(request) : request.state === 'open';
}

export function moveTasks(ctx: CaseContext, record: CaseRecord, target: Group, movedId: number, centreName: string): MovedTasks {
  const { store, group, now } = ctx;
  const flight = store.flights.get(group.id, record.id);
  const inTarget: Reply[] = [];
  const inOld: Reply[] = [];
  const renumbered = new Map<number, number>();
  for (const role of ['lawyer', 'hearing', 'airport'] as const) {
    for (const n of store.cases.requestsOf(group.id, record.id, role)) {
      const request = store.requests.get(group.id, n);
      if (!request || !goes(role, request)) continue;
      const number = store.groups.takeRequestNumber(target.id);
      // The flight's lawyer note is ours, not the member's: say it in the receiving group's language.
      const note = n === flight?.tasks.lawyer ? t(target.lang, 'flightLawyerNote') : request.note;
      store.requests.create(
        target.id,
        number,
        {
          kind: request.kind,
          dueAt: request.dueAt,
          seats: request.seats,
          ...(request.place ? { place: request.place } : {}),
          ...(request.items ? { items: request.items } : {}),
          ...(request.detainee ? { detainee: request.detainee } : {}),
          ...(note ? { note } : {}),
        },
        request.requester,
        now,
      );
      store.cases.attach(target.id, movedId, number, role);
      if (role === 'hearing') store.cases.addHearing(target.id, movedId, request.dueAt, request.place, number, now);
      store.requests.close(group.id, n, 'cancelled', now);
      renumbered.set(n, number);
      inTarget.push(post(number), { kind: 'replan', group: target.id, number });
      inOld.push(...changed(group.id, n), ...released(ctx, request, record.ref, centreName));
    }
  }
  if (flight) {
    const lawyer = flight.tasks.lawyer === undefined ? undefined : renumbered.get(flight.tasks.lawyer);
    const airport = flight.tasks.airport === undefined ? undefined : renumbered.get(flight.tasks.airport);
    const tasks: FlightTasks = { ...(lawyer !== undefined ? { lawyer } : {}), ...(airport !== undefined ? { airport } : {}) };
    // When it was alerted stays true: the same flight given again in the new group alerts nobody.
    store.flights.save(target.id, movedId, flight, tasks, now, flight.alertedAt);
  }
  return { inTarget, inOld, count: renumbered.size };
}

/** Whoever was on a task that moved: told where it went and that they are free of it. */
function released(ctx: CaseContext, request: Request, ref: string, centre: string): Reply[] {
  const people = [...(request.claimer ? [request.claimer] : []), ...request.passengers];
  if (people.length === 0) return [];
  return ctx.store.members.getMany(ctx.group.id, people).map(
    (member): Reply => ({ kind: 'direct', member: member.address, msg: msg('caseTransferTaskReleased', { ref, n: request.number, centre }) }),
  );
}
