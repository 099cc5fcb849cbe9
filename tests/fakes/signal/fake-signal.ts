// A fake signal-cli-rest-api on 127.0.0.1 (random port): node:http for the REST routes and a
// `ws` server on the receive path in json-rpc modes. Built from the spec and NOTES.md §6:
// text/plain receive arrays, frames dropped when nobody listens, pings on an interval, the
// wrapper's /v2/send validation, failure injection, and a record of every send.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { BOT, GROUP, type Received } from './envelopes.js';
import { failureAnswer, type SendFailure } from './send-failures.js';
import { checkSend, type ValidSend } from './send-rules.js';
import { FakeIdentities } from './fake-identities.js';
import { groupEntry, json, parseJson, readBody } from './http-util.js';
import { PollInbox } from './poll-inbox.js';

export type FakeMode = 'normal' | 'native' | 'json-rpc' | 'json-rpc-native';

export interface FakeSignalOptions {
  readonly mode?: FakeMode;
  /** 'object' = release 0.100 `{"timestamp":"…"}`; 'array' = HEAD `[{"timestamp":"…","errors":…}]`. */
  readonly sendShape?: 'object' | 'array';
  /** Server ping interval on websockets (54 s on the real server). */
  readonly pingIntervalMs?: number;
  /** Queue frames while no websocket is connected instead of dropping them (the real one drops). */
  readonly queueWhenDisconnected?: boolean;
  /** Longest a normal-mode poll is held open, whatever its `timeout` (keeps tests quick). */
  readonly maxPollMs?: number;
}

export interface RecordedSend {
  readonly raw: string;
  readonly status: number;
  readonly request?: ValidSend;
  /** The timestamp returned (or that would have been): the message id replies quote. */
  readonly timestamp?: string;
  readonly delivered: boolean;
}

interface Socketed {
  readonly ws: WebSocket;
  readonly number: string;
  stalled: boolean;
  readonly pinger: NodeJS.Timeout;
}

const WS_UPGRADE_ERROR = "websocket: the client is not using the websocket protocol: 'upgrade' token not found in 'Connection' header";

export class FakeSignal {
  mode: FakeMode;
  sendShape: 'object' | 'array';
  queueWhenDisconnected: boolean;
  profileName: string | undefined = 'Parloir';
  /** False: the account is not (or no longer) registered, so GET /v1/accounts leaves it out. */
  registered = true;
  readonly number = BOT.number;
  readonly sent: RecordedSend[] = [];
  readonly identities = new FakeIdentities();
  readonly groups = new Map<string, { name: string; members: string[] }>([[GROUP.internalId, { name: GROUP.name, members: [BOT.number] }]]);
  /** Frames pushed to nobody (json-rpc) — lost, as on the real server. */
  droppedFrames = 0;
  /** Websocket connections accepted so far. */
  socketsOpened = 0;
  /** Pongs answered to client pings. */
  pongsSent = 0;
  readonly polls: { readonly timeout: string | null }[] = [];

  /** Normal mode: envelopes waiting for a poll. json-rpc with queueWhenDisconnected: frames waiting for a socket. */
  private readonly inbox = new PollInbox();
  private readonly sockets = new Set<Socketed>();
  private readonly failures: { failure: SendFailure; remaining: number }[] = [];
  private readonly wss = new WebSocketServer({ noServer: true, autoPong: false, maxPayload: 512 });
  private readonly connections = new Set<Socket>();
  private lastTimestamp = 0;
  private server: Server;

  private constructor(
    readonly port: number,
    server: Server,
    private readonly options: FakeSignalOptions,
  ) {
    this.server = server;
    this.mode = options.mode ?? 'normal';
    this.sendShape = options.sendShape ?? 'object';
    this.queueWhenDisconnected = options.queueWhenDisconnected ?? false;
  }

  static async start(options: FakeSignalOptions = {}): Promise<FakeSignal> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakeSignal((server.address() as AddressInfo).port, server, options);
    fake.attach(server);
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get jsonRpc(): boolean {
    return this.mode === 'json-rpc' || this.mode === 'json-rpc-native';
  }

  /** Open websocket clients (not counting stalled ones). */
  liveSockets(): number {
    return [...this.sockets].filter((s) => !s.stalled).length;
  }

  /** Normal-mode polls being held open right now. */
  pendingPolls(): number {
    return this.inbox.waiting();
  }

  /** Signal delivers an envelope to the bot's account. */
  deliver(item: Received): void {
    if (this.jsonRpc) {
      const account = typeof item.account === 'string' ? item.account : '';
      const targets = [...this.sockets].filter((s) => s.number === account && !s.stalled);
      if (targets.length === 0) {
        if (this.queueWhenDisconnected) this.inbox.push(item);
        else this.droppedFrames += 1;
        return;
      }
      for (const s of targets) s.ws.send(JSON.stringify(item));
      return;
    }
    this.inbox.push(item);
  }

  /** The next normal-mode poll body gets this text spliced between its elements. */
  junkInNextPoll(text: string): void {
    this.inbox.junk = text;
  }

  failNextSend(failure: SendFailure, times = 1): void {
    this.failures.push({ failure, remaining: times });
  }

  /** Closes every websocket (the container restarted, a proxy cut it). */
  dropSockets(): void {
    for (const s of this.sockets) s.ws.terminate();
  }

  /** Current websockets go silent: no frames, no pings, no pongs, but the TCP link stays up. */
  stallSockets(): void {
    for (const s of this.sockets) s.stalled = true;
  }

  /** Stops listening (connection refused) and cuts every open connection. */
  async stopListening(): Promise<void> {
    this.dropSockets();
    for (const c of this.connections) c.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Listens again on the same port. */
  async resumeListening(): Promise<void> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.server = server;
    this.attach(server);
  }

  async close(): Promise<void> {
    this.inbox.wakeAll();
    await this.stopListening().catch(() => undefined);
    this.wss.close();
  }

  private attach(server: Server): void {
    server.on('connection', (socket: Socket) => {
      this.connections.add(socket);
      socket.on('close', () => this.connections.delete(socket));
    });
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      void this.route(req, res).catch(() => {
        if (!res.headersSent) json(res, 500, { error: 'fake crashed' });
      });
    });
    server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => this.upgrade(req, socket, head));
  }

  private upgrade(req: IncomingMessage, socket: Socket, head: Buffer): void {
    const match = /^\/v1\/receive\/([^/?]+)/.exec(req.url ?? '');
    if (!match || !this.jsonRpc) {
      // Normal mode: the route is a plain GET handler and answers an empty batch.
      socket.end(match ? 'HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 2\r\n\r\n[]' : 'HTTP/1.1 404 Not Found\r\nContent-Length: 18\r\n\r\n404 page not found');
      return;
    }
    const number = decodeURIComponent(match[1]!);
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.socketsOpened += 1;
      const entry: Socketed = {
        ws,
        number,
        stalled: false,
        pinger: setInterval(() => {
          if (!entry.stalled) ws.ping();
        }, this.options.pingIntervalMs ?? 54_000),
      };
      this.sockets.add(entry);
      ws.on('ping', (data) => {
        if (entry.stalled) return;
        this.pongsSent += 1;
        ws.pong(data);
      });
      ws.on('error', () => undefined);
      ws.on('close', () => {
        clearInterval(entry.pinger);
        this.sockets.delete(entry);
      });
      if (this.queueWhenDisconnected) {
        for (const item of this.inbox.drain()) this.deliver(item);
      }
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const body = await readBody(req);
    const key = `${req.method} /${parts.map((p, i) => (i >= 2 ? ':' : p)).join('/')}`;
    switch (key) {
      case 'GET /v1/about':
        return json(res, 200, { versions: ['v1', 'v2'], build: 2, mode: this.jsonRpc ? 'json-rpc' : this.mode, version: '0.100', capabilities: { 'v2/send': ['quotes', 'mentions'] } });
      case 'GET /v1/health':
        res.writeHead(204).end();
        return;
      case 'GET /v1/accounts':
        return json(res, 200, this.registered ? [this.number] : []);
      case 'GET /v1/contacts/:/:':
        return this.contact(parts[2]!, parts[3]!, url, res);
      case 'GET /v1/receive/:':
        return this.receive(parts[2]!, url, res);
      case 'POST /v2/send':
        return this.send(body, req, res);
      case 'GET /v1/identities/:':
        return json(res, 200, this.identities.list());
      case 'PUT /v1/identities/:/:/:':
        if (parts[3] !== 'trust') break;
        return this.identities.trust(parts[4]!, body, res);
      case 'PUT /v1/profiles/:': {
        const name = parseJson(body)?.name;
        if (typeof name !== 'string' || name === '') return json(res, 400, { error: "Couldn't process request - profile name missing" });
        this.profileName = name;
        res.writeHead(204).end();
        return;
      }
      case 'GET /v1/groups/:':
        return json(res, 200, [...this.groups].map(([internalId, g]) => groupEntry(internalId, g)));
      case 'GET /v1/groups/:/:': {
        const found = [...this.groups].find(([internalId]) => groupEntry(internalId, { name: '', members: [] }).id === parts[3]);
        return found ? json(res, 200, groupEntry(found[0], found[1])) : json(res, 404, { error: 'No group with that id found' });
      }
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('404 page not found');
  }

  /**
   * One recipient as signal-cli knows it. api.go ListContact validates all_recipients, then
   * client.go ListContacts runs `listContacts <recipient>`; an empty result is a 404
   * "No user with that id (<id>) found"; the profile's given name is under profile.given_name.
   * Only the bot's own entry is modelled.
   */
  private contact(number: string, id: string, url: URL, res: ServerResponse): void {
    const all = url.searchParams.get('all_recipients') ?? 'false';
    if (all !== 'true' && all !== 'false') return json(res, 400, { error: "Couldn't process request - all_recipients parameter needs to be either 'true' or 'false'" });
    if (number !== this.number || !this.registered) return json(res, 400, { error: 'Specified account does not exist' });
    // The bot's own entry is a recipient, not a contact: listed only with all_recipients (ListContactsCommand: getRecipients(!allRecipients, …)).
    if (id !== this.number || all !== 'true') return json(res, 404, { error: `No user with that id (${id}) found` });
    return json(res, 200, {
      number: this.number,
      uuid: BOT.uuid,
      name: '',
      profile_name: this.profileName ?? '',
      username: '',
      color: '',
      blocked: false,
      message_expiration: '0',
      note: '',
      profile: { given_name: this.profileName ?? '', family_name: '', about: '', has_avatar: false, last_updated_timestamp: 0 },
      given_name: '',
      nickname: { name: '', given_name: '', family_name: '' },
    });
  }

  private async receive(number: string, url: URL, res: ServerResponse): Promise<void> {
    if (this.jsonRpc) return json(res, 400, { error: WS_UPGRADE_ERROR });
    const timeout = url.searchParams.get('timeout');
    this.polls.push({ timeout });
    // approximation: wording not quoted in NOTES.
    if (timeout !== null && !/^\d+$/.test(timeout)) return json(res, 400, { error: "Couldn't process request - timeout needs to be numeric!" });
    for (const flag of ['ignore_attachments', 'ignore_stories', 'ignore_avatars', 'ignore_stickers', 'send_read_receipts']) {
      const value = url.searchParams.get(flag);
      if (value !== null && value !== 'true' && value !== 'false') return json(res, 400, { error: `Couldn't process request - ${flag} parameter needs to be either 'true' or 'false'` });
    }
    const waitMs = Math.min(Number(timeout ?? '1') * 1000, this.options.maxPollMs ?? 2_000);
    const body = await this.inbox.take(number, waitMs, () => res.destroyed);
    if (body !== undefined) res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end(body);
  }

  private nextTimestamp(): string {
    this.lastTimestamp = Math.max(Date.now(), this.lastTimestamp + 1);
    return String(this.lastTimestamp);
  }

  private async send(raw: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    let injected = this.takeFailure();
    if (injected?.kind === 'reset') {
      this.sent.push({ raw, status: 0, delivered: false });
      req.socket.destroy();
      return;
    }
    if (injected?.kind === 'slow') {
      await new Promise((resolve) => setTimeout(resolve, injected && injected.kind === 'slow' ? injected.ms : 0));
      injected = undefined;
    }
    if (injected?.kind === 'server-error') {
      this.sent.push({ raw, status: 500, delivered: false });
      return json(res, 500, { error: 'Internal Server Error' });
    }
    const reject = (error: string, request?: ValidSend): void => {
      this.sent.push({ raw, status: 400, delivered: false, ...(request ? { request } : {}) });
      json(res, 400, { error });
    };
    const check = checkSend(raw);
    if (!check.ok) return reject(check.error);
    if (check.number !== this.number) return reject('Specified account does not exist', check);
    if (check.quoteTimestamp !== undefined && !check.quoteAuthor) return reject('Quote author parameter is missing', check);
    const group = check.recipients.find((r) => r.kind === 'group');
    // approximation: signal-cli's wording for an unknown group.
    if (group && !this.groups.has(group.internalId!)) return reject('Failed to send message: Group not found', check);
    if (group && !this.profileName) return reject('Cannot send message to group - please first update your profile.', check);

    const timestamp = this.nextTimestamp();
    if (injected) {
      const answer = failureAnswer(injected, { jsonRpc: this.jsonRpc, account: this.number, recipient: check.recipients[0]!.value, timestamp, arrayShape: this.sendShape === 'array' });
      this.sent.push({ raw, status: answer.status, request: check, delivered: answer.delivered, ...(answer.delivered ? { timestamp } : {}) });
      return json(res, answer.status, answer.body);
    }
    this.sent.push({ raw, status: 201, request: check, timestamp, delivered: true });
    json(res, 201, this.sendShape === 'array' ? [{ timestamp }] : { timestamp });
  }

  private takeFailure(): SendFailure | undefined {
    const next = this.failures[0];
    if (!next) return undefined;
    next.remaining -= 1;
    if (next.remaining <= 0) this.failures.shift();
    return next.failure;
  }
}
