// A key file for collectives where no single person should hold the key: the master key is split
// into n Shamir shares (k of them recombine it) with `shamir-secret-sharing` (audited by Cure53
// and Zellic). The file holds NO share: only n, k, each share's fingerprint (to answer "not a
// share of this key" and "already given") and a check value that tells a right recombination
// from a wrong one. Shares are printed once, as typed-friendly text, and live only with people.

import { randomBytes } from 'node:crypto';
import sodium from 'libsodium-wrappers-sumo';
import { combine, split } from 'shamir-secret-sharing';

export const SHARED_FORMAT = 'parloir-shared-key';
const KEY_BYTES = 32;
const SHARE_BYTES = KEY_BYTES + 1; // the library appends the share's x coordinate
const FINGERPRINT_BYTES = 16;
const CHECKSUM_BYTES = 2;
/** Given shares are forgotten this long after the first one, if the key is not open by then. */
export const SHARE_WINDOW_MS = 15 * 60_000;

export interface SharedKey {
  readonly shares: number;
  readonly threshold: number;
  readonly fingerprints: readonly string[];
  readonly check: string;
}

export class ShareError extends Error {
  constructor(readonly code: 'NOT_A_SHARE' | 'SHARE_ALREADY_GIVEN' | 'SHARES_MISMATCH' | 'SHARES_BAD_PARAMETERS') {
    super(code);
  }
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
// Domain-separated keyed BLAKE2b: the fingerprint of a share says nothing about its value.
const fingerprint = (share: Uint8Array) => hex(sodium.crypto_generichash(FINGERPRINT_BYTES, share, sodium.from_string('parloir-share-fingerprint-v1')));
const checkOf = (master: Uint8Array) => hex(sodium.crypto_generichash(32, sodium.from_string('parloir-shared-key-check-v1'), master));

/** Splits a new master key; returns the key file's text and the shares' texts (to print once). */
export async function createSharedKey(shares: number, threshold: number): Promise<{ file: string; shareTexts: string[]; master: Uint8Array }> {
  if (!Number.isInteger(shares) || !Number.isInteger(threshold) || threshold < 2 || shares < threshold || shares > 255) {
    throw new ShareError('SHARES_BAD_PARAMETERS');
  }
  await sodium.ready;
  const master = new Uint8Array(randomBytes(KEY_BYTES));
  const parts = await split(master, shares, threshold);
  const key: SharedKey = { shares, threshold, fingerprints: parts.map(fingerprint), check: checkOf(master) };
  const file = `${JSON.stringify({ format: SHARED_FORMAT, version: 1, ...key })}\n`;
  const shareTexts = parts.map((part, i) => encodeShare(i + 1, part));
  parts.forEach((p) => sodium.memzero(p));
  return { file, shareTexts, master };
}

export function parseSharedKey(text: string): SharedKey | undefined {
  let o: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    o = parsed as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (o['format'] !== SHARED_FORMAT || o['version'] !== 1) return undefined;
  const { shares, threshold, fingerprints, check } = o;
  if (!Number.isInteger(shares) || !Number.isInteger(threshold) || typeof check !== 'string') return undefined;
  if (!Array.isArray(fingerprints) || !fingerprints.every((f) => typeof f === 'string') || fingerprints.length !== shares) return undefined;
  if ((threshold as number) < 2 || (threshold as number) > (shares as number)) return undefined;
  return { shares: shares as number, threshold: threshold as number, fingerprints: fingerprints as string[], check };
}

// ---- share text: base32 (no 0/1/8 confusion with letters), grouped by 4, with a checksum ----

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function unbase32(text: string): Uint8Array | undefined {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) return undefined;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return new Uint8Array(out);
}

const checksum = (body: Uint8Array) => sodium.crypto_generichash(CHECKSUM_BYTES, body, null);

/** "share number" byte + share + 2-byte checksum, base32, in groups of 4 letters. */
export function encodeShare(number: number, share: Uint8Array): string {
  const body = new Uint8Array([number, ...share]);
  const text = base32(new Uint8Array([...body, ...checksum(body)]));
  return text.match(/.{1,4}/g)!.join('-');
}

/** The share in a typed text (spaces, dashes and case ignored), or undefined for a typo. */
export function decodeShare(text: string): { number: number; share: Uint8Array } | undefined {
  const bytes = unbase32(text.toUpperCase().replace(/[\s-]/g, ''));
  if (!bytes || bytes.length !== 1 + SHARE_BYTES + CHECKSUM_BYTES) return undefined;
  const body = bytes.subarray(0, 1 + SHARE_BYTES);
  if (!sodium.memcmp(checksum(body), bytes.subarray(1 + SHARE_BYTES))) return undefined;
  return { number: body[0]!, share: new Uint8Array(body.subarray(1)) };
}

export type ShareOffer =
  | { readonly kind: 'open'; readonly master: Uint8Array }
  | { readonly kind: 'more'; readonly given: number; readonly needed: number };

/**
 * Collects shares in memory until `threshold` of them recombine the key. Shares are forgotten
 * after SHARE_WINDOW_MS from the first, after a wrong combination, and once the key is open.
 */
export class ShareCollector {
  private given: Uint8Array[] = [];
  private fingerprintsGiven = new Set<string>();
  private firstAt = 0;

  constructor(
    private readonly key: SharedKey,
    private readonly now: () => number,
  ) {}

  async offer(text: string): Promise<ShareOffer> {
    await sodium.ready;
    if (this.given.length > 0 && this.now() - this.firstAt >= SHARE_WINDOW_MS) this.forget();
    const decoded = decodeShare(text);
    if (!decoded) throw new ShareError('NOT_A_SHARE');
    const print = fingerprint(decoded.share);
    if (!this.key.fingerprints.includes(print)) throw new ShareError('NOT_A_SHARE');
    if (this.fingerprintsGiven.has(print)) throw new ShareError('SHARE_ALREADY_GIVEN');
    if (this.given.length === 0) this.firstAt = this.now();
    this.given.push(decoded.share);
    this.fingerprintsGiven.add(print);
    if (this.given.length < this.key.threshold) return { kind: 'more', given: this.given.length, needed: this.key.threshold };
    try {
      const master = await combine(this.given);
      if (!sodium.memcmp(sodium.from_hex(checkOf(master)), sodium.from_hex(this.key.check))) {
        sodium.memzero(master);
        throw new ShareError('SHARES_MISMATCH');
      }
      return { kind: 'open', master };
    } catch (error) {
      throw error instanceof ShareError ? error : new ShareError('SHARES_MISMATCH');
    } finally {
      this.forget();
    }
  }

  /** How many shares are held now (after the time limit, none). */
  count(): number {
    if (this.given.length > 0 && this.now() - this.firstAt >= SHARE_WINDOW_MS) this.forget();
    return this.given.length;
  }

  forget(): void {
    this.given.forEach((s) => sodium.memzero(s));
    this.given = [];
    this.fingerprintsGiven.clear();
  }
}

/** Recombines the key from `threshold` share texts at once (CLI commands reading stdin). */
export async function openSharedKey(key: SharedKey, texts: readonly string[]): Promise<Uint8Array> {
  const collector = new ShareCollector(key, () => 0);
  for (const text of texts) {
    const result = await collector.offer(text);
    if (result.kind === 'open') return result.master;
  }
  throw new ShareError('SHARES_MISMATCH');
}
