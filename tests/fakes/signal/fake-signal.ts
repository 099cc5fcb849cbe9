// A fake signal-cli-rest-api 0.100 on 127.0.0.1 (random port): node:http for the REST routes and
// a `ws` server on the receive path in json-rpc modes. It follows upstream's code, not only its
// spec (each behaviour names the upstream file it follows):
// - normal/native: every call is one signal-cli process with a start cost, one at a time per
//   account, killed after 120 s (cli-process.ts); receive ends `timeout` seconds after the last
//   envelope or at `max_messages` (poll-inbox.ts); sends answer per recipient (send-failures.ts).
// - json-rpc: frames pushed to connected websockets, dropped when nobody listens.
// `timeScale` shrinks every upstream duration (0.02: one upstream second lasts 20 ms).

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { CliProcesses, INSTANT, KILLED_TEXT, type UpstreamCosts } from './cli-process.js';
import { ALICE, BERTHE, BOT, CHARLES, GROUP, type Person, type Received } from './envelopes.js';
import { type RecordedSend, SendDesk } from './fake-send.js';
import type { OutcomeFailure, SendFailure } from './send-failures.js';
import { FakeIdentities } from './fake-identities.js';
import { type FakeGroupMember, groupEntry, json, parseJson, readBody } from './http-util.js';
import { PollInbox } from './poll-inbox.js';

export type { RecordedSend } from './fake-send.js';

export type FakeMode = 'normal' | 'native' | 'json-rpc' | 'json-rpc-native';

export interface FakeSignalOptions {
  readonly mode?: FakeMode;
  /** 'object' = release 0.100 `{"timestamp":"…"}`; 'array' = HEAD `[{"timestamp":"…","errors":…}]`. */
  readonly sendShape?: 'object' | 'array';
  /** HEAD's json-rpc wording for untrusted keys (jsonrpc2.go code -4). */
  readonly head?: boolean;
  /** Server ping interval on websockets (54 s on the real server). */
  readonly pingIntervalMs?: number;
  /** Queue frames while no websocket is connected instead of dropping them (the real one drops). */
  readonly queueWhenDisconnected?: boolean;
  /** Longest real wait of a receive for its next envelope, whatever its `timeout` (quick tests). */
  readonly maxPollMs?: number;
  /** Upstream durations (process start, send, kill); default: no cost. */
  readonly costs?: Partial<UpstreamCosts>;
  /** Real ms per upstream ms (default 1). */
  readonly timeScale?: number;
}

interface Socketed {
  readonly ws: WebSocket;
  readonly number: string;
  stalled: boolean;
  readonly pinger: NodeJS.Timeout;
}

/** One GET /v1/receive as the fake saw it. */
export interface PollRecord {
  readonly timeout: string | null;
  readonly maxMessages: string | null;
  readonly ignoreAttachments: string | null;
  readonly ignoreStories: string | null;
}

const WS_UPGRADE_ERROR = "websocket: the client is not using the websocket protocol: 'upgrade' token not found in 'Connection' header";

export class FakeSignal {
  mode: FakeMode;
  sendShape: 'object' | 'array';
  head: boolean;
  queueWhenDisconnected: boolean;
  costs: UpstreamCosts;
  timeScale: number;
  /** Set by PUT /v1/profiles; without one signal-cli only warns (ManagerImpl.sendMessage). */
  profileName: string | undefined = 'Parloir';
  /** False: the account is not (or no longer) registered, so GET /v1/accounts leaves it out. */
  registered = true;
  readonly number = BOT.number;
  readonly identities = new FakeIdentities();
  /** The bot's group and who is in it (number, or null when hidden, and UUID). */
  readonly groups = new Map<string, { name: string; members: FakeGroupMember[] }>([[GROUP.internalId, { name: GROUP.name, members: [BOT] }]]);
  readonly processes: CliProcesses;
  /** Frames pushed to nobody (json-rpc) — lost, as on the real server. */
  droppedFrames = 0;
  /** Envelopes acknowledged to Signal whose receive output never reached a client (killed, client gone). */
  lostEnvelopes = 0;
  /** Envelopes a websocket request against a normal-mode server received and threw away. */
  eatenByWebsocket = 0;
  /** Attachments and stickers signal-cli downloaded into its volume (no ignore_attachments). */
  attachmentsStored = 0;
  /** Websocket connections accepted so far. */
  socketsOpened = 0;
  /** Pongs answered to client pings. */
  pongsSent = 0;
  readonly polls: PollRecord[] = [];

  /** Normal mode: envelopes waiting for a poll. json-rpc with queueWhenDisconnected: frames waiting for a socket. */
  private readonly inbox = new PollInbox();
  private readonly desk: SendDesk;
  private readonly sockets = new Set<Socketed>();
  private readonly wss = new WebSocketServer({ noServer: true, autoPong: false, maxPayload: 512 });
  private readonly connections = new Set<Socket>();
  private receiveFailure: string | undefined;
  private server: Server;

  private constructor(
    readonly port: number,
    server: Server,
    private readonly options: FakeSignalOptions,
  ) {
    this.server = server;
    this.mode = options.mode ?? 'normal';
    this.sendShape = options.sendShape ?? 'object';
    this.head = options.head ?? false;
    this.queueWhenDisconnected = options.queueWhenDisconnected ?? false;
    this.costs = { ...INSTANT, ...options.costs };
    this.timeScale = options.timeScale ?? 1;
    this.processes = new CliProcesses(
      () => this.costs,
      () => this.timeScale,
    );
    for (const person of [ALICE, BERTHE, CHARLES]) this.addMember(person);
    this.desk = new SendDesk({
      number: this.number,
      jsonRpc: () => this.jsonRpc,
      sendShape: () => this.sendShape,
      head: () => this.head,
      groups: this.groups,
      identities: this.identities,
      processes: this.processes,
      costs: () => this.costs,
    });
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

  /** Every /v2/send, in the order answered. */
  get sent(): RecordedSend[] {
    return this.desk.sent;
  }

  /** Open websocket clients (not counting stalled ones). */
  liveSockets(): number {
    return [...this.sockets].filter((s) => !s.stalled).length;
  }

  /** Normal-mode receive processes running right now. */
  pendingPolls(): number {
    return this.inbox.waiting();
  }

  /** Envelopes still waiting on Signal's server (normal mode). */
  queued(): number {
    return this.inbox.size();
  }

  /** The person joins the bot's group (and signal-cli learns their identity). */
  addMember(person: Person): void {
    const members = this.groups.get(GROUP.internalId)!.members;
    if (!members.some((m) => m.uuid === person.uuid)) members.push({ number: person.number, uuid: person.uuid });
    if (!this.identities.get(person.uuid)) this.identities.add(person);
  }

  /** The bot is removed from its group (signal-cli's group state no longer lists it), or added back. */
  setBotInGroup(present: boolean): void {
    const members = this.groups.get(GROUP.internalId)!.members;
    const at = members.findIndex((m) => m.uuid === BOT.uuid);
    if (!present && at >= 0) members.splice(at, 1);
    if (present && at < 0) members.unshift({ number: BOT.number, uuid: BOT.uuid });
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

  /** The next normal-mode receive prints what it read, then fails with `stderr` (exit ≠ 0). */
  failNextReceive(stderr: string): void {
    this.receiveFailure = stderr;
  }

  failNextSend(failure: SendFailure, times = 1): void {
    this.desk.failNext(failure, times);
  }

  /** The next `times` sends that include this member fail for that member only. */
  failMember(uuid: string, failure: OutcomeFailure, times = 1): void {
    this.desk.failMember(uuid, failure, times);
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
    this.inbox.close();
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
    server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => void this.upgrade(req, socket, head));
  }

  private async upgrade(req: IncomingMessage, socket: Socket, head: Buffer): Promise<void> {
    const match = /^\/v1\/receive\/([^/?]+)/.exec(req.url ?? '');
    if (!match) {
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 18\r\n\r\n404 page not found');
      return;
    }
    const number = decodeURIComponent(match[1]!);
    if (!this.jsonRpc) {
      // api.go `Receive` in normal mode ignores the upgrade and runs a real `receive` (timeout 1):
      // what it reads is acknowledged on Signal's server and answered as plain HTTP, which a
      // websocket client throws away. The messages are gone.
      const taken = await this.runReceive(number, { timeout: '1', maxMessages: '0', ignoreAttachments: 'false', ignoreStories: 'false' });
      this.eatenByWebsocket += taken.items.length;
      const body = taken.killed ? JSON.stringify({ error: KILLED_TEXT }) : this.inbox.body(taken.items);
      socket.end(`HTTP/1.1 ${taken.killed ? 400 : 200} OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      return;
    }
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
        // api.go `About`: "json-rpc" for both json-rpc modes.
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
        return this.desk.handle(body, req, res);
      case 'GET /v1/identities/:':
        return this.viaCli(parts[2]!, res, () => json(res, 200, this.identities.list()));
      case 'PUT /v1/identities/:/:/:':
        if (parts[3] !== 'trust') break;
        return this.viaCli(parts[2]!, res, () => this.identities.trust(parts[4]!, body, res));
      case 'PUT /v1/profiles/:': {
        const name = parseJson(body)?.name;
        if (typeof name !== 'string' || name === '') return json(res, 400, { error: "Couldn't process request - profile name missing" });
        this.profileName = name;
        res.writeHead(204).end();
        return;
      }
      case 'GET /v1/groups/:':
      case 'GET /v1/groups/:/:': {
        // src/api/api.go GetGroups/GetGroup: expand must be "true" or "false" (default false).
        const expand = url.searchParams.get('expand') ?? 'false';
        if (expand !== 'true' && expand !== 'false') {
          return json(res, 400, { error: "Couldn't process request - expand parameter needs to be either 'true' or 'false'" });
        }
        const entries = [...this.groups].map(([internalId, g]) => groupEntry(internalId, g, expand === 'true'));
        if (parts.length === 3) return json(res, 200, entries);
        const found = entries.find((e) => e['id'] === parts[3]);
        return found ? json(res, 200, found) : json(res, 404, { error: 'No group with that id found' });
      }
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('404 page not found');
  }

  /** Other signal-cli calls: a process each in normal mode (client.go `ListIdentities`, `TrustIdentity`). */
  private async viaCli(number: string, res: ServerResponse, answer: () => void): Promise<void> {
    if (this.jsonRpc) return answer();
    const ran = await this.processes.exec(number, 'other', async () => ({ exitCode: 0, stdout: '', stderr: '' }));
    if (ran.killed) return json(res, 400, { error: KILLED_TEXT });
    answer();
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
    const q = (name: string): string | null => url.searchParams.get(name);
    const record: PollRecord = { timeout: q('timeout'), maxMessages: q('max_messages'), ignoreAttachments: q('ignore_attachments'), ignoreStories: q('ignore_stories') };
    this.polls.push(record);
    // api.go `Receive`: the query checks, in its order and words.
    if (!/^-?\d+$/.test(record.timeout ?? '1')) return json(res, 400, { error: "Couldn't process request - timeout needs to be numeric!" });
    if (!/^-?\d+$/.test(record.maxMessages ?? '0')) return json(res, 400, { error: "Couldn't process request - max_messages needs to be numeric!" });
    for (const flag of ['ignore_attachments', 'ignore_stories', 'ignore_avatars', 'ignore_stickers', 'send_read_receipts']) {
      const value = q(flag);
      if (value !== null && value !== 'true' && value !== 'false') return json(res, 400, { error: `Couldn't process request - ${flag} parameter needs to be either 'true' or 'false'` });
    }
    let gone = false;
    res.on('close', () => {
      if (!res.writableFinished) gone = true;
    });
    const taken = await this.runReceive(number, {
      timeout: record.timeout ?? '1',
      maxMessages: record.maxMessages ?? '0',
      ignoreAttachments: record.ignoreAttachments ?? 'false',
      ignoreStories: record.ignoreStories ?? 'false',
    });
    if (gone || res.destroyed) {
      // The wrapper still waits for signal-cli and answers nobody: what it read is lost.
      this.lostEnvelopes += taken.items.length;
      return;
    }
    if (taken.killed) return json(res, 400, { error: KILLED_TEXT });
    if (taken.stderr !== undefined) {
      // cli.go: exit ≠ 0 → stdout (the envelopes printed so far, one per line) + stderr as the error.
      return json(res, 400, { error: `${taken.items.map((i) => JSON.stringify(i)).join('\n')}\n${taken.stderr}\n` });
    }
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end(this.inbox.body(taken.items));
  }

  /** One `signal-cli receive` process (client.go `Receive`): what it printed, or killed. */
  private async runReceive(
    number: string,
    query: { timeout: string; maxMessages: string; ignoreAttachments: string; ignoreStories: string },
  ): Promise<{ items: Received[]; killed: boolean; stderr?: string }> {
    let items: Received[] = [];
    const ran = await this.processes.exec(number, 'receive', async (ctx) => {
      const timeoutMs = Number(query.timeout) * 1000;
      const waitMs = Math.min(ctx.scaled(timeoutMs), this.options.maxPollMs ?? Number.POSITIVE_INFINITY);
      const read = timeoutMs <= 0 ? [] : await this.inbox.receive(number, { waitMs, maxMessages: Number(query.maxMessages), ctx });
      items = read.filter((item) => !(query.ignoreStories === 'true' && item.envelope?.storyMessage));
      if (query.ignoreAttachments !== 'true') this.attachmentsStored += items.filter(hasAttachment).length;
      return { exitCode: 0, stdout: '', stderr: '' };
    });
    if (ran.killed) {
      // cli.go kills signal-cli at its timeout; what it had read is acknowledged and dropped.
      this.lostEnvelopes += items.length;
      return { items: [], killed: true };
    }
    const stderr = this.receiveFailure;
    this.receiveFailure = undefined;
    return stderr !== undefined && items.length > 0 ? { items, killed: false, stderr } : { items, killed: false };
  }
}

function hasAttachment(item: Received): boolean {
  const data = item.envelope?.dataMessage as { attachments?: unknown[]; sticker?: unknown } | undefined | null;
  return Boolean(data && ((Array.isArray(data.attachments) && data.attachments.length > 0) || data.sticker));
}
