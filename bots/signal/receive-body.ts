// Normal-mode receive bodies are "[line1,line2,…]" joined by the wrapper from signal-cli's
// output, and a Java stack trace can end up in the middle (issue #680), which breaks JSON.parse
// for the whole batch although the envelopes were already acked on Signal's server. So when
// the whole body does not parse, cut it into top-level objects and keep every one that parses.

import { isRecord, type WireReceived } from './wire-types.js';

export interface ParsedBody {
  readonly items: readonly WireReceived[];
  /** Stretches of the body that were not a valid object (junk lines, truncated objects). */
  readonly junk: number;
}

export function parseReceiveBody(body: string): ParsedBody {
  const trimmed = body.trim();
  if (trimmed === '') return { items: [], junk: 0 };
  try {
    const whole: unknown = JSON.parse(trimmed);
    if (Array.isArray(whole)) return { items: whole.filter(isRecord), junk: whole.filter((x) => !isRecord(x)).length };
    if (isRecord(whole)) return { items: [whole], junk: 0 };
  } catch {
    // fall through to the salvage scan
  }
  return salvage(trimmed);
}

function salvage(text: string): ParsedBody {
  const items: WireReceived[] = [];
  let junk = 0;
  let from = 0;
  for (;;) {
    const start = text.indexOf('{', from);
    if (start < 0) break;
    const end = matchingBrace(text, start);
    const candidate = end < 0 ? undefined : tryParse(text.slice(start, end + 1));
    if (candidate && ('envelope' in candidate || 'error' in candidate || 'exception' in candidate)) {
      items.push(candidate);
      from = end + 1;
    } else {
      // A junk "{" (or quote) may have swallowed good objects: resume just after it.
      junk += 1;
      from = candidate ? end + 1 : start + 1;
    }
  }
  return { items, junk };
}

/** Index of the "}" closing the object opened at `start`, string-aware; -1 if unbalanced. */
function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth += 1;
    else if (c === '}') {
      depth -= 1;
      if (depth === 0) return i;
    } else if (c === '\n' && depth === 1 && text.startsWith('\tat ', i + 1)) {
      // A stack trace line inside an object cannot be JSON: give up on this start early.
      return -1;
    }
  }
  return -1;
}

function tryParse(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
