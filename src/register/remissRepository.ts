/**
 * The remiss register as features see it. The local implementation keeps one record per remiss in the
 * RecordStore; a SharePoint list can implement the same interface (REMISS_SOURCE=sharepoint).
 */
import type { Remiss, VersionedRemiss } from '../domain/remiss.js';

export interface RemissRepository {
  /**
   * Every remiss, open or closed. While the register is unchanged an implementation may return the same
   * (read-only) array again, which lets callers cache what they derive from it.
   */
  listAll(): Promise<readonly VersionedRemiss[]>;
  get(dnr: string): Promise<VersionedRemiss | undefined>;
  /**
   * Writes a remiss. With `expectedVersion` the write happens only if the stored version still matches
   * (else StoreConflictError); without it the remiss must not exist yet. Returns the new version.
   */
  save(remiss: Remiss, expectedVersion?: string): Promise<string>;
}
