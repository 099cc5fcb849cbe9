// npx parloir groups / shred: the linked groups, and destroying them from the server.

import type { OpenOptions } from '../bootstrap.js';
import { openAll } from '../bootstrap.js';
import type { Settings } from '../config.js';
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

export async function shred(_args: readonly string[], settings: Settings, _out: Out, err: Out, _reader: PassphraseReader | undefined): Promise<number> {
  err(cliText(settings.lang).shredUsage());
  return 1;
}
