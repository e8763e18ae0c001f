/**
 * The organisation a person in several acts for (issue 19): chosen on the due list ("Byt till …") and remembered,
 * so that their lists show that organisation's remisser until they switch. A person in one organisation has
 * nothing to choose; a choice of an organisation they no longer belong to is ignored.
 */
import type { Access, Membership } from '../../domain/organisations.js';
import type { RecordStore } from '../../storage/store.js';

interface ActingRecord {
  schemaVersion: 1;
  organisation: string;
}

export const ACTING_KEY_PATTERN = 'users/*/organisation';
const keyOf = (userKey: string) => `users/${userKey}/organisation`;

export class ActingOrganisations {
  constructor(private readonly store: RecordStore) {}

  /** The membership the person acts in: the remembered one while they still have it, else their first. */
  async of(userKey: string, access: Access): Promise<Membership | undefined> {
    const memberships = access.memberships;
    if (memberships.length < 2) return memberships[0];
    const chosen = (await this.store.get<ActingRecord>(keyOf(userKey)))?.value.organisation;
    return memberships.find((m) => m.organisation.id === chosen) ?? memberships[0];
  }

  async choose(userKey: string, organisation: string): Promise<void> {
    await this.store.put<ActingRecord>(keyOf(userKey), { schemaVersion: 1, organisation });
  }
}
