/** Exponential backoff with full jitter: 2 s, 4 s, 8 s … capped at 10 minutes. */
export function backoffMs(attempts: number, random: () => number = Math.random, baseMs = 2_000, capMs = 600_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempts, 20));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
