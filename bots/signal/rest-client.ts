// The HTTP side of signal-cli-rest-api through one axios instance. It only moves bytes:
// deciding what a status means is delivery-errors.ts's job, and it never retries (the outbox
// and the receive loops do).

import axios, { type AxiosInstance } from 'axios';
import type { SendMessageBody, WireAbout, WireIdentity } from './wire-types.js';

export interface SendResponse {
  readonly status: number;
  readonly data: unknown;
}

export interface SignalRestClient {
  about(): Promise<WireAbout>;
  /** POST /v2/send; resolves on 2xx, rejects with the AxiosError otherwise. */
  send(body: SendMessageBody): Promise<SendResponse>;
  /** Normal mode: GET /v1/receive/{number}; the raw text/plain body. */
  receive(query: ReceiveQuery, signal: AbortSignal): Promise<string>;
  /** GET /v1/accounts: the numbers signal-cli has registered or linked. */
  accounts(): Promise<readonly string[]>;
  identities(): Promise<readonly WireIdentity[]>;
  trust(uuid: string, verifiedSafetyNumber: string): Promise<void>;
  /** GET /v1/groups/{number}/{group.…}?expand=true: the members as {number, uuid}; undefined on 404. */
  groupMembers(restGroupId: string): Promise<readonly unknown[] | undefined>;
  /** ws://…/v1/receive/{number} for json-rpc modes. */
  readonly receiveSocketUrl: string;
}

export interface ReceiveQuery {
  readonly timeoutSeconds: number;
  readonly maxMessages: number;
}

export function createRestClient(options: { apiUrl: string; number: string; requestTimeoutMs: number; pollGraceMs: number }): SignalRestClient {
  const base = options.apiUrl.replace(/\/+$/, '');
  const number = encodeURIComponent(options.number);
  const http: AxiosInstance = axios.create({
    baseURL: base,
    timeout: options.requestTimeoutMs,
    headers: { 'Content-Type': 'application/json' },
    // Never follow proxies from the environment: the API sits on a private network.
    proxy: false,
  });

  return {
    receiveSocketUrl: `${base.replace(/^http/, 'ws')}/v1/receive/${number}`,

    async about() {
      const response = await http.get<WireAbout>('/v1/about');
      return response.data;
    },

    async send(body) {
      const response = await http.post<unknown>('/v2/send', body);
      return { status: response.status, data: response.data };
    },

    async receive(query, signal) {
      const response = await http.get<string>(`/v1/receive/${number}`, {
        params: {
          timeout: query.timeoutSeconds,
          ...(query.maxMessages > 0 ? { max_messages: query.maxMessages } : {}),
          // Without these signal-cli downloads every photo and sticker the groups share into its
          // volume (privacy, disk) and keeps stories the bot never reads.
          ignore_attachments: true,
          ignore_stories: true,
        },
        timeout: query.timeoutSeconds * 1000 + options.pollGraceMs,
        signal,
        // The body is a JSON array sent as text/plain and may carry junk lines: parse it ourselves.
        responseType: 'text',
        transformResponse: (data: unknown) => data,
      });
      return typeof response.data === 'string' ? response.data : '';
    },

    async accounts() {
      const response = await http.get<unknown>('/v1/accounts');
      return Array.isArray(response.data) ? response.data.filter((a): a is string => typeof a === 'string') : [];
    },

    async identities() {
      const response = await http.get<unknown>(`/v1/identities/${number}`);
      return Array.isArray(response.data) ? (response.data as WireIdentity[]) : [];
    },

    async groupMembers(restGroupId) {
      const response = await http.get<unknown>(`/v1/groups/${number}/${encodeURIComponent(restGroupId)}`, {
        params: { expand: 'true' },
        validateStatus: (status) => status === 200 || status === 404,
      });
      const data = response.data;
      if (response.status === 404 || typeof data !== 'object' || data === null) return undefined;
      const members = (data as { members?: unknown }).members;
      return Array.isArray(members) ? members : undefined;
    },

    async trust(uuid, verifiedSafetyNumber) {
      await http.put(`/v1/identities/${number}/trust/${encodeURIComponent(uuid)}`, {
        verified_safety_number: verifiedSafetyNumber,
      });
    },
  };
}
