import { isOpen, withCurrentStatusNames, type Remiss, type VersionedRemiss } from '../domain/remiss.js';
import { getMany, StoreConflictError, type RecordStore, type StoredValue } from '../storage/store.js';
import type { RemissRepository } from './remissRepository.js';
import { REGISTER_CHANGE_MARKER as CHANGE_MARKER, REMISS_PREFIX as PREFIX } from './registerKeys.js';

/*
 * The change marker is rewritten after every save, by any process using this repository (the bot, the import
 * CLI). Its eTag changes on each write, so a cached listing is valid exactly while the marker's eTag is the
 * one read before the listing was made.
 */

/** The embedded register: one store record per remiss, keyed by its diarienummer. */
export class LocalRemissRepository implements RemissRepository {
  private cache?: { marker: string; remisser: readonly VersionedRemiss[]; open?: readonly VersionedRemiss[] };

  /** `clock` times the change marker: the bot's injected clock; without one (the import CLI, tests) the system's. */
  constructor(
    private readonly store: RecordStore,
    private readonly clock: () => Date = systemClock,
  ) {}

  async listAll(): Promise<readonly VersionedRemiss[]> {
    const marker = (await this.store.get(CHANGE_MARKER))?.eTag ?? 'none';
    if (this.cache?.marker === marker) return this.cache.remisser;
    const keys = await this.store.list(PREFIX);
    const found = await getMany<Remiss>(this.store, keys);
    const remisser = await Promise.all(found.filter((x) => x !== undefined).map((x) => this.current(x)));
    this.cache = { marker, remisser };
    return remisser;
  }

  async listOpen(): Promise<readonly VersionedRemiss[]> {
    const all = await this.listAll();
    const cache = this.cache!;
    // Derived once per listing, so callers may cache on the array as with listAll.
    if (cache.remisser === all) return (cache.open ??= all.filter((v) => isOpen(v.remiss.status)));
    return all.filter((v) => isOpen(v.remiss.status));
  }

  async get(dnr: string): Promise<VersionedRemiss | undefined> {
    const stored = await this.store.get<Remiss>(keyOf(dnr));
    return stored && this.current(stored);
  }

  /**
   * The migration of former status names: a record stored under one is rewritten once, under today's name, when
   * it is first read (the leader lists every remiss at start). A writer that got there first wins; its record
   * has today's names already.
   */
  private async current(stored: StoredValue<Remiss>): Promise<VersionedRemiss> {
    const remiss = withCurrentStatusNames(stored.value);
    if (remiss === stored.value) return { remiss, version: stored.eTag };
    try {
      return { remiss, version: await this.save(remiss, stored.eTag) };
    } catch (err) {
      if (!(err instanceof StoreConflictError)) throw err;
      return { remiss, version: stored.eTag };
    }
  }

  async save(remiss: Remiss, expectedVersion?: string): Promise<string> {
    const key = keyOf(remiss.dnr);
    const version =
      expectedVersion === undefined
        ? await this.store.create(key, remiss)
        : await this.store.put(key, remiss, { ifMatch: expectedVersion });
    await this.store.put(CHANGE_MARKER, { schemaVersion: 1, at: this.clock().toISOString() });
    return version;
  }
}

function systemClock(): Date {
  return new Date();
}

function keyOf(dnr: string): string {
  return PREFIX + dnr.trim();
}
