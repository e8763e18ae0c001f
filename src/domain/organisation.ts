/**
 * The organisation that answers: set once per deployment in config/organisation.json. Its kind decides the
 * document's headings and fixed phrasing (see the primer); nothing of that is typed per remiss.
 */
import { z } from 'zod';
import { isCalendarDate } from './calendar.js';

const person = z.object({ name: z.string().trim().min(1).max(200), role: z.string().trim().min(1).max(200) });
const email = z.string().trim().regex(/^[^\s@]+@[^\s@]+$/, 'must be an e-mail address');

const organisationSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    /** The name in genitive: "Stockholm Business Regions". */
    genitive: z.string().trim().min(1).max(200),
    shortName: z.string().trim().min(1).max(50),
    kind: z.enum(['bolag', 'forvaltning', 'kontor']),
    /** The board or nämnd the answer is reported to, in definite form: "styrelsen", "Socialnämnden". */
    board: z.string().trim().min(1).max(200),
    /** The unit shown in a förvaltning's header, e.g. "Avdelningen för stadsutveckling". */
    unit: z.string().trim().max(200).optional(),
    signatories: z.array(person).min(1).max(3),
    defaultApprover: email.optional(),
    approvers: z.array(z.object({ name: z.string().trim().min(1).max(200), email })).max(50).optional(),
    managers: z.array(email).max(200).optional(),
    meetings: z.array(z.string().refine(isCalendarDate, 'must be a date written 2020-12-15')).max(200).default([]),
  })
  .strict();

export type Organisation = z.infer<typeof organisationSchema>;
export type OrganisationKind = Organisation['kind'];

export class OrganisationError extends Error {
  readonly code = 'ORGANISATION_INVALID';
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'OrganisationError';
  }
}

export function parseOrganisation(json: unknown): Organisation {
  const parsed = organisationSchema.safeParse(json);
  if (!parsed.success) {
    throw new OrganisationError(parsed.error.issues.map((i) => `${i.path.join('.') || '(organisation)'}: ${i.message}`));
  }
  return { ...parsed.data, meetings: [...parsed.data.meetings].sort() };
}
