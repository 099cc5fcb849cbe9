// The local control socket: how `parloir unlock` (and `parloir shred` while the service runs)
// talk to the running service. A Unix socket beside the database, mode 0600: only the service's
// own user can connect. One JSON line each way, then the connection closes. Nothing received
// here is logged (a passphrase passes through).

import { chmodSync, existsSync, unlinkSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export type ControlRequest =
  | { readonly op: 'status' }
  /** `passphrase` carries the passphrase, or one share's text for a shares key file. */
  | { readonly op: 'unlock'; readonly passphrase: string }
  | { readonly op: 'shred'; readonly groups: readonly number[] | 'all' };

export type ControlReply =
  | {
      readonly ok: true;
      readonly state: 'sealed' | 'running';
      readonly shredded?: number;
      /** While sealed: what `unlock` must give, and (shares) how many are held of how many needed. */
      readonly needs?: 'passphrase' | 'share';
      readonly given?: number;
      readonly needed?: number;
    }
  | { readonly ok: false; readonly code: string; readonly detail?: string };

export type ControlHandler = (request: ControlRequest) => Promise<ControlReply>;

/** Longest request line: a passphrase and a few ids, never more. */
const MAX_LINE = 8_192;

export class ControlSocketError extends Error {
  constructor(readonly code: 'CONTROL_UNREACHABLE' | 'CONTROL_BAD_REPLY' | 'CONTROL_IN_USE' | 'CONTROL_LISTEN_FAILED') {
    super(code);
  }
}

export interface ControlServer {
  close(): Promise<void>;
}

/** Listens on `path` (replacing a stale socket left by a power cut, never a live one). */
export async function listenControl(path: string, handle: ControlHandler): Promise<ControlServer> {
  if (existsSync(path)) {
    if (await answers(path)) throw new ControlSocketError('CONTROL_IN_USE');
    unlinkSync(path);
  }
  const server = createServer((socket) => serve(socket, handle));
  await new Promise<void>((resolve, reject) => {
    // A path too long for a Unix socket (about 100 bytes), a missing folder, no permission.
    server.once('error', () => reject(new ControlSocketError('CONTROL_LISTEN_FAILED')));
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  return { close: () => closeServer(server, path) };
}

/** Sends one request and waits for its reply (an unlock takes an Argon2id hash and a pause). */
export async function sendControl(path: string, request: ControlRequest, timeoutMs = 120_000): Promise<ControlReply> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    let buffer = '';
    const timer = setTimeout(() => socket.destroy(new ControlSocketError('CONTROL_UNREACHABLE')), timeoutMs);
    socket.setEncoding('utf8');
    socket.once('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      const end = buffer.indexOf('\n');
      if (end < 0) return;
      clearTimeout(timer);
      socket.end();
      const reply = parseReply(buffer.slice(0, end));
      if (reply) resolve(reply);
      else reject(new ControlSocketError('CONTROL_BAD_REPLY'));
    });
    socket.once('error', () => {
      clearTimeout(timer);
      reject(new ControlSocketError('CONTROL_UNREACHABLE'));
    });
    socket.once('close', () => {
      clearTimeout(timer);
      reject(new ControlSocketError('CONTROL_UNREACHABLE'));
    });
  });
}

function serve(socket: Socket, handle: ControlHandler): void {
  let buffer = '';
  socket.setEncoding('utf8');
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    if (buffer.length > MAX_LINE) return socket.destroy();
    const end = buffer.indexOf('\n');
    if (end < 0) return;
    socket.pause();
    const request = parseRequest(buffer.slice(0, end));
    buffer = '';
    const reply = request ? handle(request) : Promise.resolve<ControlReply>({ ok: false, code: 'BAD_REQUEST' });
    reply
      .catch((): ControlReply => ({ ok: false, code: 'FAILED' }))
      .then((r) => socket.end(`${JSON.stringify(r)}\n`));
  });
}

function parseRequest(line: string): ControlRequest | undefined {
  try {
    const o = JSON.parse(line) as Record<string, unknown>;
    if (o['op'] === 'status') return { op: 'status' };
    if (o['op'] === 'unlock' && typeof o['passphrase'] === 'string') return { op: 'unlock', passphrase: o['passphrase'] };
    const groups = o['groups'];
    if (o['op'] === 'shred' && (groups === 'all' || (Array.isArray(groups) && groups.every((g) => Number.isInteger(g))))) {
      return { op: 'shred', groups: groups as number[] | 'all' };
    }
  } catch {
    // not JSON: a bad request
  }
  return undefined;
}

function parseReply(line: string): ControlReply | undefined {
  try {
    const o = JSON.parse(line) as Record<string, unknown>;
    if (o['ok'] === true && (o['state'] === 'sealed' || o['state'] === 'running')) return o as ControlReply;
    if (o['ok'] === false && typeof o['code'] === 'string') return o as ControlReply;
  } catch {
    // fall through
  }
  return undefined;
}

async function answers(path: string): Promise<boolean> {
  try {
    await sendControl(path, { op: 'status' }, 2_000);
    return true;
  } catch {
    return false;
  }
}

function closeServer(server: Server, path: string): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // The socket file goes with the server; a new start would replace it anyway.
    try {
      if (existsSync(path)) unlinkSync(path);
    } catch {
      // already gone
    }
  });
}
