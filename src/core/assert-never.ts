/** Ends exhaustive switches: adding a union member without handling it fails the type check. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value)}`);
}
