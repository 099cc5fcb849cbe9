// Small HTTP helpers for the fake: gin-style JSON answers, body reading, group entries.

import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
};

/** A group member as the fake stores it: number (null when hidden) and ACI. */
export interface FakeGroupMember {
  readonly number: string | null;
  readonly uuid: string;
}

/**
 * client.GroupEntry, or with `expand` client.ExpandedGroupEntry (bbernhard/signal-cli-rest-api
 * src/client/client.go: GetGroups flattens each member to its number, else its uuid; the
 * expanded form keeps {number, uuid}, with "" for a hidden number).
 */
export function groupEntry(internalId: string, group: { name: string; members: readonly FakeGroupMember[] }, expand = false): Record<string, unknown> {
  return {
    name: group.name,
    description: '',
    id: `group.${Buffer.from(internalId, 'utf8').toString('base64')}`,
    internal_id: internalId,
    members: group.members.map((m) => (expand ? { number: m.number ?? '', uuid: m.uuid } : m.number || m.uuid)),
    blocked: false,
    pending_invites: [],
    pending_requests: [],
    invite_link: '',
    admins: [],
    permissions: { add_members: 'every-member', edit_group: 'every-member', send_messages: 'every-member' },
  };
}

export function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

/** A random 32-byte group id in internal form. */
export function randomInternalGroupId(): string {
  return randomBytes(32).toString('base64');
}
