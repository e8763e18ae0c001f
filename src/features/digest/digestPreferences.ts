/**
 * Each person's choice about the digest: on (the default) or off, every working day or once a week. Keyed by
 * e-mail, as the register names handläggare.
 */
import type { RecordStore } from '../../storage/store.js';
import { digestKeys } from './index.js';

export type DigestFrequency = 'daily' | 'weekly';

export interface DigestPreference {
  schemaVersion: 1;
  subscribed: boolean;
  frequency: DigestFrequency;
  updatedAt: string;
}

/** Everyone gets the daily digest until they say otherwise. */
export const DEFAULT_PREFERENCE: Omit<DigestPreference, 'updatedAt'> = {
  schemaVersion: 1,
  subscribed: true,
  frequency: 'daily',
};

export class DigestPreferences {
  constructor(private readonly store: RecordStore) {}

  async get(email: string): Promise<Omit<DigestPreference, 'updatedAt'>> {
    return (await this.store.get<DigestPreference>(digestKeys.preference(email)))?.value ?? DEFAULT_PREFERENCE;
  }

  async set(
    email: string,
    change: Partial<Pick<DigestPreference, 'subscribed' | 'frequency'>>,
    now: Date,
  ): Promise<void> {
    await this.store.put(digestKeys.preference(email), {
      ...(await this.get(email)),
      ...change,
      updatedAt: now.toISOString(),
    });
  }
}
