/**
 * Moves a remiss to a new status with its history entry, as a conditional write retried on conflict (the
 * import, a decision and the outbox may change the same remiss at once). With `forwardOnly`, a status
 * already at or past the target is left alone.
 */
import { statusRank, type HistoryEntry, type RemissStatus } from '../domain/remiss.js';
import { StoreConflictError } from '../storage/store.js';
import type { RemissRepository } from './remissRepository.js';

const MAX_ATTEMPTS = 10;

export async function changeStatus(
  register: RemissRepository,
  dnr: string,
  to: RemissStatus,
  change: { at: string; by: string; entry?: HistoryEntry; forwardOnly?: boolean },
): Promise<void> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await register.get(dnr);
    if (!current) return;
    const r = current.remiss;
    if (change.forwardOnly && statusRank(r.status) >= statusRank(to)) return;
    const moved: HistoryEntry[] =
      r.status === to ? [] : [{ at: change.at, kind: 'statusChanged', from: r.status, to, by: change.by }];
    try {
      await register.save(
        { ...r, status: to, history: [...r.history, ...moved, ...(change.entry ? [change.entry] : [])] },
        current.version,
      );
      return;
    } catch (err) {
      if (!(err instanceof StoreConflictError)) throw err;
    }
  }
  throw new StoreConflictError(`remisser/${dnr}`, 'etag-mismatch');
}
