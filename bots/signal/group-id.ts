// signal-cli's group id (envelopes, `internal_id`) is base64 of 32 bytes; the REST API wants
// "group." + base64 of that base64 text. Envelopes never carry the REST form, so convert here.

const GROUP_PREFIX = 'group.';

/** Internal id → REST recipient id ("group.…"), standard alphabet with padding. */
export function restGroupId(internalId: string): string {
  return GROUP_PREFIX + Buffer.from(internalId, 'utf8').toString('base64');
}

/** REST id → internal id, or undefined when it is not a well-formed double-base64 group id. */
export function internalGroupId(restId: string): string | undefined {
  if (!restId.startsWith(GROUP_PREFIX)) return undefined;
  const inner = Buffer.from(restId.slice(GROUP_PREFIX.length), 'base64').toString('utf8');
  return Buffer.from(inner, 'base64').length === 32 ? inner : undefined;
}

export function isRestGroupId(localId: string): boolean {
  return localId.startsWith(GROUP_PREFIX);
}
