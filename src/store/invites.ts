// One-time link codes. Only a blind index of the code is stored: a seized database does not
// reveal codes still valid.

import { randomInt } from 'node:crypto';
import type { Db } from './database.js';
import type { Vault } from './vault.js';

/** Crockford base32 without I, L, O, U: nothing to misread when a code is typed from a screen. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 10; // 50 bits: far beyond guessing within 24 hours
export const INVITE_TTL_MS = 24 * 3_600_000;

export type ConsumeResult = { ok: true; centreId: string } | { ok: false; reason: 'unknown' | 'expired' | 'used' };

export class InviteRepository {
  private readonly insert;
  private readonly select;
  private readonly markUsed;
  private readonly purge;

  constructor(
    db: Db,
    private readonly vault: Vault,
  ) {
    this.insert = db.prepare('INSERT INTO invites (code_bidx, centre_id, created_at, expires_at) VALUES (?, ?, ?, ?)');
    this.select = db.prepare('SELECT centre_id, expires_at, used_at FROM invites WHERE code_bidx = ?');
    this.markUsed = db.prepare('UPDATE invites SET used_at = ? WHERE code_bidx = ? AND used_at IS NULL');
    this.purge = db.prepare('DELETE FROM invites WHERE expires_at < ?');
  }

  /** A new code, shown once as PRLR-XXXXX-XXXXX. */
  create(centreId: string, now: number): { code: string; expiresAt: number } {
    const raw = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    const expiresAt = now + INVITE_TTL_MS;
    this.insert.run(this.bidx(raw), centreId, now, expiresAt);
    return { code: `PRLR-${raw.slice(0, 5)}-${raw.slice(5)}`, expiresAt };
  }

  /** Uses a code once. Accepts any case, spaces or dashes as typed. */
  consume(typed: string, now: number): ConsumeResult {
    const raw = normalise(typed);
    if (raw === undefined) return { ok: false, reason: 'unknown' };
    const bidx = this.bidx(raw);
    const row = this.select.get(bidx) as { centre_id: string; expires_at: number; used_at: number | null } | undefined;
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.used_at !== null) return { ok: false, reason: 'used' };
    if (row.expires_at < now) return { ok: false, reason: 'expired' };
    this.markUsed.run(now, bidx);
    return { ok: true, centreId: row.centre_id };
  }

  purgeExpired(before: number): number {
    return this.purge.run(before).changes;
  }

  private bidx(raw: string): Uint8Array {
    return this.vault.blindIndex('invite', raw);
  }
}

function normalise(typed: string): string | undefined {
  let raw = typed.toUpperCase().replace(/[\s-]/g, '');
  if (raw.startsWith('PRLR')) raw = raw.slice(4);
  raw = raw.replace(/O/g, '0').replace(/[IL]/g, '1');
  return raw.length === CODE_LENGTH && [...raw].every((c) => ALPHABET.includes(c)) ? raw : undefined;
}
