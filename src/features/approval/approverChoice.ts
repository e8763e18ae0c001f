/**
 * The approver the compose form names, as the party stored on the version: a person the card names
 * (people/chosenPerson), named from the people directory, else the organisation's list of approvers; anything
 * else is no approver, and the form asks again.
 */
import type { ApprovalParty } from '../../domain/approval.js';
import type { Organisation } from '../../domain/organisation.js';
import { chosenPerson } from '../people/chosenPerson.js';
import type { PeopleDirectory } from '../people/peopleDirectory.js';

export async function resolveApprover(
  people: PeopleDirectory,
  organisation: Organisation,
  value: string,
): Promise<ApprovalParty | undefined> {
  const person = await chosenPerson(people, value);
  if (!person) return undefined;
  const configured = person.email && organisation.approvers?.find((a) => a.email.toLowerCase() === person.email);
  return { ...person, name: person.name ?? (configured || undefined)?.name };
}
