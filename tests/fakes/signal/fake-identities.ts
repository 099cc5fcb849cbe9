// GET /v1/identities/{number} and PUT /v1/identities/{number}/trust/{numberToTrust}, with the
// wrapper's exact validation messages (NOTES §4). Safety numbers are 60 invented digits.
// Upstream: bbernhard/signal-cli-rest-api src/api/api.go (ListIdentities, TrustIdentity) and
// src/client/client.go (the identity list it builds); signal-cli's IdentityVerificationCode.java
// (spaces in a safety number do not count).

import { randomBytes, randomInt } from 'node:crypto';
import type { ServerResponse } from 'node:http';

export interface FakeIdentity {
  number: string;
  uuid: string;
  status: 'TRUSTED_UNVERIFIED' | 'TRUSTED_VERIFIED' | 'UNTRUSTED';
  fingerprint: string;
  safety_number: string;
  added: string;
}

const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
};

/** signal-cli prints safety numbers as 12 groups of 5 digits separated by spaces. */
function safetyNumber(): string {
  return Array.from({ length: 12 }, () => String(randomInt(0, 100_000)).padStart(5, '0')).join(' ');
}

function fingerprint(): string {
  return [...randomBytes(33)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
}

export class FakeIdentities {
  private readonly byUuid = new Map<string, FakeIdentity>();

  add(person: { readonly number: string | null; readonly uuid: string }): FakeIdentity {
    const identity: FakeIdentity = {
      // signal-cli gives null for a hidden number; the wrapper's Go string makes it "".
      number: person.number ?? '',
      uuid: person.uuid,
      status: 'TRUSTED_UNVERIFIED',
      fingerprint: fingerprint(),
      safety_number: safetyNumber(),
      added: String(Date.now()),
    };
    this.byUuid.set(person.uuid, identity);
    return identity;
  }

  get(uuid: string): FakeIdentity | undefined {
    return this.byUuid.get(uuid);
  }

  /** By UUID or number, as a send recipient or group member is written. */
  find(target: string): FakeIdentity | undefined {
    return this.byUuid.get(target) ?? [...this.byUuid.values()].find((i) => i.number !== '' && i.number === target);
  }

  /** The person reinstalled Signal (or someone else took the number): new key, untrusted. */
  change(uuid: string): FakeIdentity {
    const identity = this.byUuid.get(uuid);
    if (!identity) throw new Error('unknown identity');
    Object.assign(identity, { fingerprint: fingerprint(), safety_number: safetyNumber(), status: 'UNTRUSTED', added: String(Date.now()) });
    return identity;
  }

  list(): FakeIdentity[] {
    return [...this.byUuid.values()].map((i) => ({ ...i }));
  }

  trust(numberToTrust: string, raw: string, res: ServerResponse): void {
    let req: { verified_safety_number?: unknown; trust_all_known_keys?: unknown };
    try {
      req = JSON.parse(raw) as typeof req;
      if (typeof req !== 'object' || req === null) throw new Error('not an object');
      if (req.verified_safety_number != null && typeof req.verified_safety_number !== 'string') throw new Error('type');
      if (req.trust_all_known_keys != null && typeof req.trust_all_known_keys !== 'boolean') throw new Error('type');
    } catch {
      return json(res, 400, { error: "Couldn't process request - invalid request" });
    }
    const safety = req.verified_safety_number ?? undefined;
    const all = req.trust_all_known_keys ?? undefined;
    if ((safety === undefined && all === undefined) || (safety === undefined && all === false)) {
      return json(res, 400, { error: "Couldn't process request - please either provide a safety number (preferred & more secure) or set 'trust_all_known_keys' to true" });
    }
    if (safety !== undefined && all === true) {
      return json(res, 400, { error: "Couldn't process request - please either provide a safety number or set 'trust_all_known_keys' to true. But do not set both parameters at once!" });
    }
    if (safety === '') return json(res, 400, { error: "Couldn't process request - please provide a valid safety number" });
    const identity = this.find(numberToTrust);
    // approximation: signal-cli's wording for these two failures.
    if (!identity) return json(res, 400, { error: 'Failed to set the trust for this number: Unknown recipient' });
    // signal-cli IdentityVerificationCode.parse: the digits count, not the spaces.
    if (safety !== undefined && safety.replace(/\s+/g, '') !== identity.safety_number.replace(/\s+/g, '')) {
      return json(res, 400, { error: "Failed to set the trust for this number: The safety number doesn't match" });
    }
    identity.status = safety !== undefined ? 'TRUSTED_VERIFIED' : 'TRUSTED_UNVERIFIED';
    res.writeHead(204).end();
  }
}
