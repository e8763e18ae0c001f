/**
 * Who owns which store keys, and how long their records are kept. Every key the bot writes starts with a
 * declared prefix; retention purges each keyspace by its own rule, so no prefix grows without an owner.
 */

/** When a record may be removed (milliseconds since the epoch), or undefined to keep it for now. */
export type ExpiresAt = (value: Record<string, unknown>) => number | undefined;

export interface KeySpace {
  /** Every key of the keyspace starts with this (and ends with `suffix`, when given). */
  prefix: string;
  /** For prefixes shared by several owners (users/<id>/language, users/<id>/profile). */
  suffix?: string;
  /** The feature or module that writes these keys. */
  owner: string;
  /** 'kept' records stay until their owner removes them (drafts, approvals, the register). */
  retention: 'kept' | ExpiresAt;
  /** Why the records exist and why they are kept as long as they are. */
  purpose: string;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Expires `afterMs` after the timestamp in the record's `field`. */
export function expiresAfter(field: string, afterMs: number): ExpiresAt {
  return (value) => {
    const at = value[field];
    return typeof at === 'string' ? Date.parse(at) + afterMs : undefined;
  };
}

/**
 * Keyspaces whose records stay until their owner removes them, as `pattern → purpose`; a pattern is a prefix,
 * or `prefix*suffix` for keys shared under one prefix (each user's profile and language under users/).
 */
export function keptKeys(owner: string, purposes: Readonly<Record<string, string>>): KeySpace[] {
  return Object.entries(purposes).map(([pattern, purpose]) => {
    const [prefix, suffix] = pattern.split('*') as [string, string | undefined];
    return { prefix, ...(suffix ? { suffix } : {}), owner, retention: 'kept', purpose };
  });
}

export function ownerOf(keyspaces: readonly KeySpace[], key: string): KeySpace | undefined {
  return keyspaces.find((k) => key.startsWith(k.prefix) && (!k.suffix || key.endsWith(k.suffix)));
}
