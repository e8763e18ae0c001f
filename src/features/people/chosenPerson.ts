/**
 * A person a card names (the approver in the compose form, the handläggare in fördelning): an e-mail address,
 * typed or chosen, or the Entra object id Teams' people picker gives, with what the people directory knows of
 * them. Anything else names no one, and the form asks again.
 */
import type { PeopleDirectory } from './peopleDirectory.js';

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ChosenPerson {
  email?: string;
  name?: string;
  aadObjectId?: string;
  teamsUserId?: string;
}

export async function chosenPerson(people: PeopleDirectory, value: string): Promise<ChosenPerson | undefined> {
  const v = value.trim();
  if (EMAIL.test(v)) {
    const email = v.toLowerCase();
    const known = await people.findByEmail(email);
    return { email, name: known?.name, aadObjectId: known?.aadObjectId, teamsUserId: known?.teamsUserId };
  }
  if (!GUID.test(v)) return undefined;
  const known = await people.get(v);
  return { aadObjectId: v, email: known?.email, name: known?.name, teamsUserId: known?.teamsUserId };
}
