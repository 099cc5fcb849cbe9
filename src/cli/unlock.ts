// npx parloir unlock: reads the passphrase and hands it to the running, sealed service over
// the control socket (or one share, for a k-of-n key file). Exit 0 once it is unsealed and
// receiving, or a share was accepted; 1 on a wrong passphrase; 2 when
// no service answers or it could not start.

import type { Settings } from '../config.js';
import { ControlSocketError, sendControl } from '../control-socket.js';
import { cliText } from '../i18n/index.js';
import type { Out } from './commands.js';
import type { PassphraseReader } from './passphrase.js';

export async function unlock(settings: Settings, out: Out, err: Out, reader: PassphraseReader | undefined): Promise<number> {
  const text = cliText(settings.lang);
  const socket = settings.controlSocket;
  let needsShare = false;
  try {
    const status = await sendControl(socket, { op: 'status' }, 5_000);
    if (status.ok && status.state === 'running') {
      out(text.unlockAlready());
      return 0;
    }
    needsShare = status.ok && status.needs === 'share';
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
  const passphrase = await reader.read(needsShare ? text.unlockSharePrompt() : text.passphrasePrompt());
  try {
    const reply = await sendControl(socket, { op: 'unlock', passphrase });
    if (reply.ok && reply.state === 'sealed') {
      // A share was accepted; more are needed (exit 0: this step did what was asked).
      out(text.unlockShareAccepted({ given: reply.given ?? 0, needed: reply.needed ?? 0 }));
      return 0;
    }
    if (reply.ok) {
      out(text.unlockDone());
      return 0;
    }
    if (reply.code === 'WRONG_PASSPHRASE') {
      err(text.unlockWrong());
      return 1;
    }
    if (reply.code === 'NOT_A_SHARE' || reply.code === 'SHARE_ALREADY_GIVEN' || reply.code === 'SHARES_MISMATCH') {
      err(text.shareRefused({ code: reply.code }));
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
