// npx parloir groups / shred: the linked groups, and destroying them from the server.

import type { OpenOptions } from '../bootstrap.js';
import { openAll } from '../bootstrap.js';
import type { Settings } from '../config.js';
import { ControlSocketError, sendControl } from '../control-socket.js';
import { shredGroups } from '../store/shred.js';
import { cliText } from '../i18n/index.js';
import type { Out } from './commands.js';
import type { PassphraseReader } from './passphrase.js';

export async function groups(settings: Settings, out: Out, ask: OpenOptions): Promise<number> {
  const opened = await openAll(settings, ask);
  try {
    const text = cliText(settings.lang);
    const list = opened.store.groups.summaries();
    if (list.length === 0) out(text.groupsNone());
    else {
      out(text.groupsHeader());
      for (const g of list) out(`${g.id} — ${g.transport}, ${g.centreId}, ${new Date(g.linkedAt).toISOString().slice(0, 10)}`);
    }
    return 0;
  } finally {
    opened.store.close();
  }
}

/** The word an operator types at a terminal to confirm a shred. */
const CONFIRM_WORD = 'SHRED';

/**
 * shred --group <id> [--group <id>…] | --all. A running service does it itself over the control
 * socket (so the group keys in its memory go too); otherwise the database is opened here.
 */
export async function shred(args: readonly string[], settings: Settings, out: Out, err: Out, reader: PassphraseReader | undefined, ask: OpenOptions): Promise<number> {
  const text = cliText(settings.lang);
  const which = shredTargets(args);
  if (!which) {
    err(text.shredUsage());
    return 1;
  }
  if (reader?.interactive && (await reader.read(text.shredConfirm({ word: CONFIRM_WORD }))).trim().toUpperCase() !== CONFIRM_WORD) {
    err(text.shredNotConfirmed());
    return 1;
  }
  let count: number | undefined;
  try {
    const reply = await sendControl(settings.controlSocket, { op: 'shred', groups: which }, 60_000);
    if (reply.ok) count = reply.shredded ?? 0;
  } catch (error) {
    if (!(error instanceof ControlSocketError)) throw error;
    // No service running (or it is sealed): do it here.
  }
  if (count === undefined) {
    const opened = await openAll(settings, ask);
    try {
      count = shredGroups(opened.store, which);
    } finally {
      opened.store.close();
    }
  }
  if (which !== 'all' && count < which.length) {
    err(text.shredUnknownGroup({ id: args.filter((a) => /^\d+$/.test(a)).join(', ') }));
    if (count === 0) return 1;
  }
  out(text.shredDone({ count }));
  return 0;
}

function shredTargets(args: readonly string[]): number[] | 'all' | undefined {
  if (args.length === 1 && args[0] === '--all') return 'all';
  const ids: number[] = [];
  for (let i = 0; i < args.length; i += 2) {
    const id = Number(args[i + 1]);
    if (args[i] !== '--group' || !Number.isSafeInteger(id) || id <= 0) return undefined;
    ids.push(id);
  }
  return ids.length > 0 ? ids : undefined;
}
