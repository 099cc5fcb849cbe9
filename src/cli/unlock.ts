// npx parloir unlock: reads the passphrase and hands it to the running, sealed service over
// the control socket. Exit 0 once it is unsealed and receiving; 1 on a wrong passphrase; 2 when
// no service answers or it could not start.

import type { Settings } from '../config.js';
import { ControlSocketError, sendControl } from '../control-socket.js';
import { cliText } from '../i18n/index.js';
import type { Out } from './commands.js';
import type { PassphraseReader } from './passphrase.js';

export async function unlock(settings: Settings, out: Out, err: Out, reader: PassphraseReader | undefined): Promise<number> {
  const text = cliText(settings.lang);
  const socket = settings.controlSocket;
  try {
    const status = await sendControl(socket, { op: 'status' }, 5_000);
    if (status.ok && status.state === 'running') {
      out(text.unlockAlready());
      return 0;
    }
  } catch (error) {
    if (error instanceof ControlSocketError) {
      err(text.unlockNoService({ socket }));
      return 2;
    }
    throw error;
  }
  if (!reader) {
    err(text.passphraseEmpty());
    return 2;
  }
  const passphrase = await reader.read(text.passphrasePrompt());
  try {
    const reply = await sendControl(socket, { op: 'unlock', passphrase });
    if (reply.ok) {
      out(text.unlockDone());
      return 0;
    }
    if (reply.code === 'WRONG_PASSPHRASE') {
      err(text.unlockWrong());
      return 1;
    }
    err(text.unlockFailed({ detail: reply.detail ?? reply.code }));
    return 2;
  } catch (error) {
    if (error instanceof ControlSocketError) {
      err(text.unlockNoService({ socket }));
      return 2;
    }
    throw error;
  }
}
