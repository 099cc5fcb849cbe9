// How much one message may hold on each transport, and long texts (a busy group's /list or
// digest) cut into messages that fit: between lines, so an entry is never cut in two.

import type { TransportName } from './ids.js';

export interface MessageLimit {
  readonly max: number;
  /** The size of a text as the platform counts it. */
  readonly measure: (text: string) => number;
}

const utf16 = (text: string): number => text.length;
const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');

export const MESSAGE_LIMITS: Readonly<Record<TransportName, MessageLimit>> = {
  // Bot API sendMessage: "1-4096 characters after entities parsing" (we send no entities). The
  // Bot API server counts UTF-16 code units; a code point never counts for fewer, so this is safe
  // either way. tests/fakes/telegram/bot-api-model.ts refuses longer texts as Telegram does.
  telegram: { max: 4_096, measure: utf16 },
  // signal-cli sends a body over 2000 UTF-8 bytes as its first 2000 bytes plus a long-text
  // attachment (text/x-signal-plain) the client must fetch — and a receiver ignoring
  // attachments (JSON_RPC_IGNORE_ATTACHMENTS) sees it cut: AsamK/signal-cli
  // lib/src/main/java/org/asamk/signal/manager/internal/ManagerImpl.java applyMessage(),
  // ServiceConfig.MAX_MESSAGE_SIZE_BYTES = 2000. So every part stays within 2000 bytes.
  signal: { max: 2_000, measure: utf8 },
  // The terminal demo and the tests over it: no platform limit; long enough for a case's view.
  local: { max: 3_500, measure: utf16 },
};

/**
 * The text as messages within `limit`, cut between lines. A line that ends with ":" (a
 * heading) stays with the line after it. Only a single line longer than the limit is cut inside,
 * between words where it can.
 */
export function splitMessage(text: string, limit: MessageLimit = MESSAGE_LIMITS.signal): string[] {
  const { max, measure } = limit;
  if (measure(text) <= max) return [text];
  const parts: string[] = [];
  let current: string[] = [];
  const size = (lines: readonly string[]) => measure(lines.join('\n'));
  const flush = () => {
    if (current.length === 0) return;
    // A heading never ends a part: it moves on with its first entry.
    let keep = current.length;
    while (keep > 1 && current[keep - 1]!.endsWith(':')) keep -= 1;
    const carried = current.slice(keep);
    parts.push(current.slice(0, keep).join('\n'));
    current = carried;
  };
  for (const line of text.split('\n')) {
    for (const piece of cutLine(line, limit)) {
      if (current.length > 0 && size([...current, piece]) > max) flush();
      if (current.length > 0 && size([...current, piece]) > max) {
        // Carried headings and this piece do not fit together: the headings go alone.
        parts.push(current.join('\n'));
        current = [];
      }
      current.push(piece);
    }
  }
  if (current.length > 0) parts.push(current.join('\n'));
  return parts;
}

/** One line within the limit: as it is, or cut at the last space that fits (else mid-word). */
function cutLine(line: string, { max, measure }: MessageLimit): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (measure(rest) > max) {
    const chars = Array.from(rest);
    // The longest prefix (whole code points) that fits.
    let low = 1;
    let high = chars.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (measure(chars.slice(0, mid).join('')) <= max) low = mid;
      else high = mid - 1;
    }
    const fit = chars.slice(0, low).join('');
    const space = fit.lastIndexOf(' ');
    const cut = space > fit.length / 2 ? space : fit.length;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^ /, '');
  }
  pieces.push(rest);
  return pieces;
}
