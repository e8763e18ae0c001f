/**
 * Records that only serve for a while are removed when their time is up, so the store does not grow without
 * end. What expires, and when, is declared by each keyspace's owner (src/storage/keyspace.ts); keyspaces
 * declared 'kept' (drafts, approvals, the register) are never touched here.
 */
import type { Logger } from '../logging/logger.js';
import type { KeySpace } from '../storage/keyspace.js';
import { ownerOf } from '../storage/keyspace.js';
import type { RecordStore } from '../storage/store.js';

/** Deletes the expired records; each deletion is conditional, so a record changed meanwhile is kept. */
export async function purgeExpired(
  store: RecordStore,
  keyspaces: readonly KeySpace[],
  now: Date,
  logger: Logger,
): Promise<number> {
  let removed = 0;
  for (const keyspace of keyspaces) {
    const expiresAt = keyspace.retention;
    if (expiresAt === 'kept') continue;
    for (const key of await store.list(keyspace.prefix)) {
      // A shared prefix (users/) holds other owners' keys too.
      if (ownerOf(keyspaces, key) !== keyspace) continue;
      const stored = await store.get<Record<string, unknown>>(key);
      const expires = stored && expiresAt(stored.value);
      if (!stored || expires === undefined || Number.isNaN(expires) || expires > now.getTime()) continue;
      try {
        if (await store.delete(key, { ifMatch: stored.eTag })) removed++;
      } catch {
        // Changed since it was read: no longer expired, or someone else removed it.
      }
    }
  }
  logger.info({ event: 'retention.purged', removed }, 'expired records removed');
  return removed;
}
