/**
 * Records that only serve for a while are removed when their time is up, so the store does not grow
 * without end: duplicate-activity markers (Teams retries within minutes), expired download links, and
 * finished outbox jobs (kept a week for troubleshooting). Drafts, approvals and the register are never
 * touched here.
 */
import type { Logger } from '../logging/logger.js';
import type { RecordStore } from '../storage/store.js';

const HOUR = 3_600_000;

interface Rule {
  prefix: string;
  /** When the record may go, or undefined to keep it. */
  expiresAt(value: Record<string, unknown>): number | undefined;
}

const RULES: Rule[] = [
  {
    prefix: 'seen-activities/',
    expiresAt: (v) => (typeof v.at === 'string' ? Date.parse(v.at) + 24 * HOUR : undefined),
  },
  { prefix: 'downloads/', expiresAt: (v) => (typeof v.expiresAt === 'string' ? Date.parse(v.expiresAt) : undefined) },
  {
    prefix: 'outbox/',
    expiresAt: (v) => {
      const finished = v.state === 'done' || v.state === 'failed';
      const at = typeof v.doneAt === 'string' ? v.doneAt : typeof v.createdAt === 'string' ? v.createdAt : undefined;
      return finished && at ? Date.parse(at) + 7 * 24 * HOUR : undefined;
    },
  },
];

/** Deletes the expired records; each deletion is conditional, so a record changed meanwhile is kept. */
export async function purgeExpired(store: RecordStore, now: Date, logger: Logger): Promise<number> {
  let removed = 0;
  for (const rule of RULES) {
    for (const key of await store.list(rule.prefix)) {
      const stored = await store.get<Record<string, unknown>>(key);
      const expires = stored && rule.expiresAt(stored.value);
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
