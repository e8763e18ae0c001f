import type { Remiss, VersionedRemiss } from '../domain/remiss.js';
import type { RecordStore } from '../storage/store.js';
import type { RemissRepository } from './remissRepository.js';

const PREFIX = 'remisser/';

/** The embedded register: one store record per remiss, keyed by its diarienummer. */
export class LocalRemissRepository implements RemissRepository {
  constructor(private readonly store: RecordStore) {}

  async listAll(): Promise<VersionedRemiss[]> {
    const keys = await this.store.list(PREFIX);
    const found = await Promise.all(keys.map((key) => this.store.get<Remiss>(key)));
    return found.filter((x) => x !== undefined).map((x) => ({ remiss: x.value, version: x.eTag }));
  }

  async get(dnr: string): Promise<VersionedRemiss | undefined> {
    const stored = await this.store.get<Remiss>(keyOf(dnr));
    return stored && { remiss: stored.value, version: stored.eTag };
  }

  save(remiss: Remiss, expectedVersion?: string): Promise<string> {
    const key = keyOf(remiss.dnr);
    return expectedVersion === undefined
      ? this.store.create(key, remiss)
      : this.store.put(key, remiss, { ifMatch: expectedVersion });
  }
}

function keyOf(dnr: string): string {
  return PREFIX + dnr.trim();
}
