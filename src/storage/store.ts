/**
 * Our own storage contract. Features and the register depend on this interface only, so the file store
 * (the embedded default) and Azure Blob Storage are interchangeable.
 *
 * Semantics:
 * - Keys are arbitrary non-empty strings (å/ä/ö, '/', spaces, up to 500 characters).
 * - Values are JSON-serialisable objects; each write stores the whole value.
 * - An eTag is an opaque string that changes on every write of a key.
 * - `put` with `ifMatch` writes only when the stored eTag equals it (else StoreConflictError);
 *   without `ifMatch` it writes unconditionally (create or replace).
 * - `create` writes only when the key is absent (else StoreConflictError).
 * - `delete` with `ifMatch` deletes only on a matching eTag; deleting an absent key returns false.
 * - `list(prefix)` returns every key starting with prefix, sorted.
 */
export interface StoredValue<T> {
  value: T;
  eTag: string;
}

export interface RecordStore {
  get<T>(key: string): Promise<StoredValue<T> | undefined>;
  put<T>(key: string, value: T, options?: { ifMatch?: string }): Promise<string>;
  create<T>(key: string, value: T): Promise<string>;
  delete(key: string, options?: { ifMatch?: string }): Promise<boolean>;
  list(prefix: string): Promise<string[]>;
}

/** A conditional write lost: someone else changed (or created) the record first. */
export class StoreConflictError extends Error {
  readonly code = 'STORE_CONFLICT';
  constructor(
    readonly key: string,
    reason: 'etag-mismatch' | 'already-exists' | 'missing',
  ) {
    super(`Conditional write on "${key}" refused: ${reason}`);
    this.name = 'StoreConflictError';
  }
}

/** Reads at most this many records at once: a register of 100,000 would otherwise open as many files. */
const READ_CONCURRENCY = 64;

/** The records under `keys`, in order (undefined where one has gone since it was listed). */
export async function getMany<T>(store: RecordStore, keys: readonly string[]): Promise<(StoredValue<T> | undefined)[]> {
  const found: (StoredValue<T> | undefined)[] = [];
  for (let i = 0; i < keys.length; i += READ_CONCURRENCY) {
    found.push(...(await Promise.all(keys.slice(i, i + READ_CONCURRENCY).map((key) => store.get<T>(key)))));
  }
  return found;
}
