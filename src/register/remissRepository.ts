/**
 * The remiss register as features see it. The local implementation keeps one record per remiss in the
 * RecordStore; a SharePoint list can implement the same interface (REMISS_SOURCE=sharepoint).
 */
import { isAssignedTo, type Remiss, type VersionedRemiss } from '../domain/remiss.js';

export interface RemissRepository {
  /**
   * Every remiss, open or closed. While the register is unchanged an implementation may return the same
   * (read-only) array again, which lets callers cache what they derive from it.
   */
  listAll(): Promise<readonly VersionedRemiss[]>;
  /** Remisser not yet closed (Besvarad, Avstår); the same caching promise as listAll. */
  listOpen(): Promise<readonly VersionedRemiss[]>;
  get(dnr: string): Promise<VersionedRemiss | undefined>;
  /**
   * Writes a remiss. With `expectedVersion` the write happens only if the stored version still matches
   * (else StoreConflictError); without it the remiss must not exist yet. Returns the new version.
   */
  save(remiss: Remiss, expectedVersion?: string): Promise<string>;
}

/** Open remisser assigned to a handläggare, by e-mail or Entra object id. */
export async function listOpenFor(
  register: RemissRepository,
  who: { email?: string; aadObjectId?: string },
): Promise<VersionedRemiss[]> {
  return (await register.listOpen()).filter((v) => isAssignedTo(v.remiss, who));
}
