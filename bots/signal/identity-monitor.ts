// Safety-number monitoring through signal-cli's identity store: GET /v1/identities/{number}
// lists the current key of everyone the bot talks to; a changed fingerprint (or a key left
// UNTRUSTED by signal-cli) is reported, and `verify` marks a safety number a coordinator
// checked in person as trusted. What to do about a change (alert, pause a member) is the core's.

import { isAxiosError } from 'axios';
import { errorCode } from '../../src/core/error-code.js';
import { memberAddress, splitAddress, type MemberAddress } from '../../src/core/ids.js';
import type { Logger } from '../../src/logger.js';
import type { SignalRestClient } from './rest-client.js';
import type { WireIdentity } from './wire-types.js';

export interface IdentityChange {
  readonly member: MemberAddress;
  /** 'changed': the key differs from the last one seen; 'untrusted': signal-cli will not send to it. */
  readonly reason: 'changed' | 'untrusted';
  /** The new safety number, to compare with the one read on the member's phone. */
  readonly safetyNumber: string;
  readonly status: string;
}

export type VerifyResult = { readonly ok: true } | { readonly ok: false; readonly code: string };

export interface IdentityMonitor {
  /** One look at the identity store; the first call records a baseline (reporting only untrusted keys). */
  check(members?: readonly MemberAddress[]): Promise<readonly IdentityChange[]>;
  /** Checks every `intervalMs` and calls `onChange` with any changes; returns a stop function. */
  watch(onChange: (changes: readonly IdentityChange[]) => void | Promise<void>, intervalMs: number): () => void;
  /** Trusts the member's current key if `safetyNumber` matches it (PUT …/trust with verified_safety_number). */
  verify(member: MemberAddress, safetyNumber: string): Promise<VerifyResult>;
}

export function createIdentityMonitor(client: SignalRestClient, logger: Logger): IdentityMonitor {
  /** uuid → key last seen; "uuid|key" already reported, so each new key is reported once. */
  const seen = new Map<string, string>();
  const reported = new Set<string>();

  const keyOf = (entry: WireIdentity): string => `${entry.fingerprint ?? ''}|${entry.safety_number ?? ''}`;

  const monitor: IdentityMonitor = {
    async check(members) {
      const entries = await client.identities();
      const wanted = members ? new Set(members.map((m) => splitAddress(m).localId.toLowerCase())) : undefined;
      const changes: IdentityChange[] = [];
      for (const entry of entries) {
        const uuid = entry.uuid?.toLowerCase();
        if (!uuid || (wanted && !wanted.has(uuid))) continue;
        const key = keyOf(entry);
        const before = seen.get(uuid);
        let reason: IdentityChange['reason'] | undefined;
        if (before !== undefined && before !== key) reason = 'changed';
        else if (entry.status === 'UNTRUSTED' && !reported.has(`${uuid}|${key}`)) reason = 'untrusted';
        seen.set(uuid, key);
        if (reason) reported.add(`${uuid}|${key}`);
        if (reason) {
          changes.push({ member: memberAddress('signal', uuid), reason, safetyNumber: entry.safety_number ?? '', status: entry.status ?? '' });
        }
      }
      if (changes.length > 0) logger.warn('SIGNAL_IDENTITY_CHANGED', { count: changes.length });
      return changes;
    },

    watch(onChange, intervalMs) {
      let running = false;
      const timer = setInterval(() => {
        if (running) return;
        running = true;
        monitor
          .check()
          .then((changes) => (changes.length > 0 ? onChange(changes) : undefined))
          .catch((error: unknown) => logger.warn('SIGNAL_IDENTITY_CHECK_FAILED', { error: errorCode(error) }))
          .finally(() => {
            running = false;
          });
      }, intervalMs);
      return () => clearInterval(timer);
    },

    async verify(member, safetyNumber) {
      const { transport, localId } = splitAddress(member);
      if (transport !== 'signal') return { ok: false, code: 'SIGNAL_FOREIGN_ADDRESS' };
      try {
        await client.trust(localId, safetyNumber.replace(/\s+/g, ''));
        logger.info('SIGNAL_IDENTITY_VERIFIED');
        // The next check re-reads the key; it is trusted now, so stop reporting it.
        seen.delete(localId.toLowerCase());
        return { ok: true };
      } catch (error) {
        const status = isAxiosError(error) ? error.response?.status : undefined;
        const code = status === 400 ? 'SIGNAL_TRUST_REJECTED' : status ? `SIGNAL_HTTP_${status}` : 'SIGNAL_API_UNREACHABLE';
        logger.warn('SIGNAL_IDENTITY_VERIFY_FAILED', { code });
        return { ok: false, code };
      }
    },
  };
  return monitor;
}
