/**
 * Moves a remiss to a new status with its history entry, as a conditional write retried on conflict (the
 * import, a decision and the outbox may change the same remiss at once). With `forwardOnly`, a status
 * already at or past the target is left alone.
 */
import { statusRank, type HistoryEntry, type RemissStatus } from '../domain/remiss.js';
import { retryOnConflict } from '../storage/conditionalUpdate.js';
import type { RemissRepository } from './remissRepository.js';

const MAX_ATTEMPTS = 10;
/** A short random pause between attempts, so that writers racing for the remiss spread out. */
const JITTER_MS = 20;

export async function changeStatus(
  register: RemissRepository,
  dnr: string,
  to: RemissStatus,
  change: { at: string; by: string; entry?: HistoryEntry; forwardOnly?: boolean },
): Promise<void> {
  // Once every attempt has lost the race, the last conflict is thrown to the caller.
  await retryOnConflict(
    async () => {
      const current = await register.get(dnr);
      if (!current) return;
      const r = current.remiss;
      if (change.forwardOnly && statusRank(r.status) >= statusRank(to)) return;
      const moved: HistoryEntry[] =
        r.status === to ? [] : [{ at: change.at, kind: 'statusChanged', from: r.status, to, by: change.by }];
      await register.save(
        { ...r, status: to, history: [...r.history, ...moved, ...(change.entry ? [change.entry] : [])] },
        current.version,
      );
    },
    { attempts: MAX_ATTEMPTS, jitterMs: JITTER_MS },
  );
}
