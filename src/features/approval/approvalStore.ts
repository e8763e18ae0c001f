/**
 * Approval records (`approvals/<dnr>`, written conditionally) and the exact .docx bytes of each sent version
 * (`approval-documents/<dnr>/v<N>`, written once).
 */
import { createHash } from 'node:crypto';
import type { ApprovalRecord, ApprovalVersion } from '../../domain/approval.js';
import { retryOnConflict } from '../../storage/conditionalUpdate.js';
import type { RecordStore, StoredValue } from '../../storage/store.js';

interface StoredDocument {
  schemaVersion: 1;
  hash: string;
  base64: string;
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class ApprovalStore {
  constructor(private readonly store: RecordStore) {}

  get(dnr: string): Promise<StoredValue<ApprovalRecord> | undefined> {
    return this.store.get<ApprovalRecord>(`approvals/${dnr}`);
  }

  /** Creates the record when `eTag` is undefined; otherwise replaces it only if unchanged since read. */
  save(record: ApprovalRecord, eTag: string | undefined): Promise<string> {
    const key = `approvals/${record.dnr}`;
    return eTag === undefined ? this.store.create(key, record) : this.store.put(key, record, { ifMatch: eTag });
  }

  /**
   * Changes one version (where its card was posted, that the handläggare was told): again on fresh data when
   * another writer got there first, and given up after the default attempts, as it only records a fact.
   */
  async changeVersion(dnr: string, version: number, change: (v: ApprovalVersion) => ApprovalVersion): Promise<void> {
    await retryOnConflict(
      async () => {
        const stored = await this.get(dnr);
        if (!stored) return;
        const versions = stored.value.versions.map((v) => (v.version === version ? change(v) : v));
        await this.save({ ...stored.value, versions }, stored.eTag);
      },
      { exhausted: () => undefined },
    );
  }

  /**
   * Filing claims the approved version before it files: true while the decision taken at `decidedAt` stands
   * (and from then on it cannot be undone), false once it was undone. A conditional write, like the undo.
   */
  claimFiling(dnr: string, version: number, decidedAt: string, at: string): Promise<boolean> {
    return retryOnConflict(async () => {
      const stored = await this.get(dnr);
      const v = stored?.value.versions.find((x) => x.version === version);
      if (!stored || !v || v.decision?.kind !== 'approved' || v.decision.at !== decidedAt) return false;
      if (v.filingClaimedAt) return true;
      const versions = stored.value.versions.map((x) => (x === v ? { ...v, filingClaimedAt: at } : x));
      await this.save({ ...stored.value, versions }, stored.eTag);
      return true;
    });
  }

  async putDocument(dnr: string, version: number, bytes: Buffer): Promise<string> {
    const hash = sha256(bytes);
    await this.store.put<StoredDocument>(`approval-documents/${dnr}/v${version}`, {
      schemaVersion: 1,
      hash,
      base64: bytes.toString('base64'),
    });
    return hash;
  }

  async getDocument(dnr: string, version: number): Promise<{ bytes: Buffer; hash: string } | undefined> {
    const stored = (await this.store.get<StoredDocument>(`approval-documents/${dnr}/v${version}`))?.value;
    return stored && { bytes: Buffer.from(stored.base64, 'base64'), hash: stored.hash };
  }
}
