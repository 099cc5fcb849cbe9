// npx parloir status (and the container's healthcheck, health.ts): asks the running service over
// the control socket whether it is unsealed and running. Exit 0 running; 1 sealed, not
// answering, or an unexpected answer (Docker reads any non-zero as unhealthy; 2 is reserved).

import type { Settings } from '../config.js';
import { ControlSocketError, sendControl } from '../control-socket.js';
import { cliText } from '../i18n/index.js';
import type { Out } from './commands.js';

export async function status(settings: Pick<Settings, 'controlSocket' | 'lang'>, out: Out, err: Out, timeoutMs = 5_000): Promise<number> {
  const text = cliText(settings.lang);
  const socket = settings.controlSocket;
  try {
    const reply = await sendControl(socket, { op: 'status' }, timeoutMs);
    if (reply.ok && reply.state === 'running') {
      out(text.statusRunning());
      return 0;
    }
    if (reply.ok) {
      err(text.statusSealed());
      return 1;
    }
    err(text.unlockFailed({ detail: reply.detail ?? reply.code }));
    return 1;
  } catch (error) {
    if (error instanceof ControlSocketError) {
      err(text.statusNoService({ socket }));
      return 1;
    }
    throw error;
  }
}
