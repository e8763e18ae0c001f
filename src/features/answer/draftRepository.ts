/**
 * Drafts in the store: `drafts/<dnr>` is the head (conditional writes by eTag), and
 * `draft-history/<dnr>/<time>-<id>` keeps each submission. A marker record changes whenever a draft is
 * created or changes step, so that views derived from drafts (the due list's "Fortsätt") can be cached safely.
 */
import { randomUUID } from 'node:crypto';
import type { Draft, DraftSubmission } from '../../domain/draft.js';
import { getMany, type RecordStore, type StoredValue } from '../../storage/store.js';
import { answerKeys } from './index.js';

export class DraftRepository {
  constructor(private readonly store: RecordStore) {}

  get(dnr: string): Promise<StoredValue<Draft> | undefined> {
    return this.store.get<Draft>(answerKeys.draft(dnr));
  }

  /** Creates the draft; StoreConflictError when someone else started it first. */
  async create(draft: Draft): Promise<string> {
    const eTag = await this.store.create(answerKeys.draft(draft.dnr), draft);
    await this.touch(draft);
    return eTag;
  }

  /**
   * Replaces the head if it is still at `eTag`; StoreConflictError otherwise. The marker moves only when
   * the step changes, since that is all views outside the form show of a draft.
   */
  async replace(
    draft: Draft,
    eTag: string,
    options: { stepChanged: boolean } = { stepChanged: true },
  ): Promise<string> {
    const next = await this.store.put(answerKeys.draft(draft.dnr), draft, { ifMatch: eTag });
    if (options.stepChanged) await this.touch(draft);
    return next;
  }

  /** Removes the head if it is still at `eTag` (its history stays); false when it had changed or was gone. */
  async remove(draft: Draft, eTag: string, now: Date): Promise<boolean> {
    const removed = await this.store.delete(answerKeys.draft(draft.dnr), { ifMatch: eTag });
    if (removed) await this.touch({ ...draft, updatedAt: now.toISOString() });
    return removed;
  }

  /** Written before the head, so a submission survives even if the head write loses a race or the process dies. */
  async recordSubmission(submission: DraftSubmission): Promise<void> {
    await this.store.create(`${answerKeys.history(submission.dnr)}${submission.at}-${randomUUID()}`, submission);
  }

  async history(dnr: string): Promise<DraftSubmission[]> {
    const keys = await this.store.list(answerKeys.history(dnr));
    const found = await getMany<DraftSubmission>(this.store, keys);
    return found.filter((x) => x !== undefined).map((x) => x.value);
  }

  /** Changes whenever any draft changes. */
  async marker(): Promise<string> {
    return (await this.store.get(answerKeys.marker))?.eTag ?? 'none';
  }

  /** The marker's time is the draft's own (set on the writer's clock), so no clock is read here. */
  private async touch(draft: Draft): Promise<void> {
    await this.store.put(answerKeys.marker, { schemaVersion: 1, at: draft.updatedAt });
  }
}
