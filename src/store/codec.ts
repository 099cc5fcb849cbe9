// Small conversions shared by the repositories.

import type { MemberKey } from '../core/domain.js';

export const toMemberKey = (bidx: Uint8Array): MemberKey => Buffer.from(bidx).toString('hex') as MemberKey;
export const fromMemberKey = (key: MemberKey): Buffer => Buffer.from(key, 'hex');
export const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
