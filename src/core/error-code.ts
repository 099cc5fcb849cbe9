/** A stable code for logs: never an error's message, which could carry user text. */
export function errorCode(error: unknown, fallback = 'UNKNOWN'): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error && error.name !== 'Error' ? error.name : fallback;
}
