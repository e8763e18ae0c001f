/**
 * The approver the compose form names, as the party stored on the version: an e-mail address (named from
 * the people directory, else the organisation's list of approvers) or an Entra object id; anything else is
 * no approver, and the form asks again.
 */
import type { ApprovalParty } from '../../domain/approval.js';
import type { Organisation } from '../../domain/organisation.js';
import type { PeopleDirectory } from '../people/peopleDirectory.js';

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function resolveApprover(
  people: PeopleDirectory,
  organisation: Organisation,
  value: string,
): Promise<ApprovalParty | undefined> {
  const v = value.trim();
  if (EMAIL.test(v)) {
    const email = v.toLowerCase();
    const person = await people.findByEmail(email);
    const configured = organisation.approvers?.find((a) => a.email.toLowerCase() === email);
    const { aadObjectId, teamsUserId } = person ?? {};
    return { email, name: person?.name ?? configured?.name, aadObjectId, teamsUserId };
  }
  if (GUID.test(v)) {
    const person = await people.get(v);
    return { aadObjectId: v, email: person?.email, name: person?.name, teamsUserId: person?.teamsUserId };
  }
  return undefined;
}
