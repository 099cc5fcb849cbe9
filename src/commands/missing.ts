// /missing (FR /disparu, #16): a friend has disappeared. Answers the collectives' procedure
// with the centres to call, nearest first from the group's centre (or the centre named, or in
// a direct chat the centre of the member's one group). Nothing about the person is stored:
// the executor reads the centres and the member's groups, and writes nothing.

import type { Centre, CentreDirectory } from '../core/centres.js';
import type { MemberAddress } from '../core/ids.js';
import { nearestCentres } from '../core/nearest.js';
import { msg } from '../i18n/index.js';
import type { MissingView } from '../i18n/missing-en.js';
import type { Store } from '../store/store.js';
import { findCentre } from '../cases/transfer.js';
import { answer, type Reply } from './reply.js';

/** Distances come from town-level positions: show them to the nearest 10 km. */
const roundKm = (km: number): number => (km < 10 ? km : Math.round(km / 10) * 10);

/** In a group: from the centre named, else the group's centre. */
export function missingInGroup(centres: CentreDirectory, centre: Centre, words: string): Reply[] {
  const named = words.trim() === '' ? undefined : findCentre(centres, words);
  return [answer(msg('missing', { view: missingView(centres, named ?? centre, words.trim() !== '' && !named) }))];
}

/** In a direct chat: the centre named, else the centre of the member's one group, else ask. */
export function missingDirect(store: Store, centres: CentreDirectory, sender: MemberAddress, words: string): Reply[] {
  const named = words.trim() === '' ? undefined : findCentre(centres, words);
  const unmatched = words.trim() !== '' && !named;
  if (named) return [answer(msg('missing', { view: missingView(centres, named, false) }))];
  const followed = [
    ...new Set(
      store.members
        .groupsOfMember(sender)
        .map((id) => store.groups.get(id)?.centreId)
        .filter((id): id is string => id !== undefined),
    ),
  ]
    .map((id) => centres.get(id))
    .filter((c): c is Centre => c !== undefined);
  const [only] = followed;
  if (followed.length === 1 && only) return [answer(msg('missing', { view: missingView(centres, only, unmatched) }))];
  if (followed.length > 1) {
    const names = followed.map((c) => c.name);
    return [answer(msg('missingWhich', { centres: names, example: followed[0]?.id ?? '' }))];
  }
  return [answer(msg('missing', { view: { centres: [], fr: false, be: false, unmatched } }))];
}

function missingView(centres: CentreDirectory, origin: Centre, unmatched: boolean): MissingView {
  const near = nearestCentres(centres, origin);
  const association = origin.card.association?.value;
  return {
    centres: near.map(({ centre, km }) => ({
      name: centre.name,
      ...(km !== undefined ? { km: roundKm(km) } : {}),
      abroad: centre.country !== origin.country,
      ...(centre.card.phone ? { phone: centre.card.phone.value } : {}),
    })),
    fr: near.some((n) => n.centre.jurisdiction === 'fr'),
    be: near.some((n) => n.centre.jurisdiction === 'be'),
    ...(association ? { association } : {}),
    unmatched,
  };
}
