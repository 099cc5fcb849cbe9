// npx parloir verify [<group> <tag>]: the operator's way to lift a safety-number hold when the
// group has no other coordinator who could /verify. Without arguments, lists the holds (group,
// centre, member tag, since when: no names); with them, lifts one and tells the group.

import { DateTime } from 'luxon';
import { type OpenOptions, openAll } from '../bootstrap.js';
import type { Settings } from '../config.js';
import { groupId } from '../core/ids.js';
import { liftHoldByOperator, listHolds } from '../engine/identity.js';
import { cliText } from '../i18n/index.js';

type Out = (line: string) => void;

export async function verify(args: readonly string[], settings: Settings, out: Out, err: Out, ask: OpenOptions = {}): Promise<number> {
  const text = cliText(settings.lang);
  const [group, tag] = args;
  const opened = await openAll(settings, ask);
  try {
    opened.warnings.forEach(err);
    const { store } = opened;
    if (group === undefined) {
      const holds = listHolds(store);
      if (holds.length === 0) out(text.verifyNoHolds());
      for (const hold of holds) {
        const centre = opened.centres.get(hold.centreId)?.name ?? hold.centreId;
        const since = DateTime.fromMillis(hold.heldAt).setLocale(settings.lang).toFormat('d LLL yyyy HH:mm');
        out(text.verifyHold({ group: hold.group, centre, tag: hold.tag, since }));
      }
      return 0;
    }
    const id = Number(group);
    if (!Number.isSafeInteger(id) || id <= 0 || tag === undefined) {
      err(text.verifyUsage());
      return 1;
    }
    const result = store.write(() => liftHoldByOperator(store, groupId(id), tag, Date.now()));
    if (result !== 'lifted') {
      err(result === 'ambiguous' ? text.verifyAmbiguous({ tag }) : text.verifyNotFound({ group: id, tag }));
      return 1;
    }
    out(text.verifyLifted({ group: id, tag }));
    return 0;
  } finally {
    opened.store.close();
  }
}
