/**
 * The organisation that answers: set once per deployment in config/organisation.json. Its kind decides the
 * document's headings and fixed phrasing (see the primer); nothing of that is typed per remiss.
 */
import { z } from 'zod';
import { isCalendarDate } from './calendar.js';

const person = z.object({ name: z.string().trim().min(1).max(200), role: z.string().trim().min(1).max(200) });
/** A SharePoint column's internal name: letters, digits, _ and the _x00e4_ escapes, at most 255 characters. */
const columnName = z
  .string()
  .trim()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,254}$/, 'must be a column internal name such as Handl_x00e4_ggare');
const email = z
  .string()
  .trim()
  .regex(/^[^\s@]+@[^\s@]+$/, 'must be an e-mail address');

/** An Entra group's object id. */
const groupId = z
  .string()
  .trim()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    'must be an Entra group object id (a GUID)',
  );
/** The roles a person can have in an organisation (domain/organisations.ts gives them their meaning). */
export const ROLE_NAMES = ['handlaggare', 'chef', 'registrator'] as const;
const roleLists = <T extends z.ZodType>(item: T) =>
  z
    .object(
      {
        handlaggare: z.array(item).max(5000).optional(),
        chef: z.array(item).max(500).optional(),
        registrator: z.array(item).max(100).optional(),
      },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `unknown role ${issue.keys.map((k) => `"${k}"`).join(', ')} (the roles are ${ROLE_NAMES.join(', ')})`
            : undefined,
      },
    )
    .strict();

const organisationSchema = z
  .object({
    /** The organisation's id in a city of several (the register's organisation column): "sbr", "kansliet". */
    id: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and hyphens, like sbr or stadsbyggnad')
      .optional(),
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
    approvers: z
      .array(z.object({ name: z.string().trim().min(1).max(200), email }))
      .max(50)
      .optional(),
    managers: z.array(email).max(200).optional(),
    meetings: z.array(z.string().refine(isCalendarDate, 'must be a date written 2020-12-15')).max(200).default([]),
    /** Who acts in it, by role: e-mail or UPN addresses. */
    members: roleLists(email).optional(),
    /** Who acts in it, by role, through Entra groups (resolved through Graph, GroupMember.Read.All). */
    groups: roleLists(groupId).optional(),
    /** Its Teams channel (the REGISTRATOR setting's shape, channel:19:…/19:…): the registrator's and digests'. */
    channel: z
      .string()
      .trim()
      .startsWith('channel:', 'must be channel:<team id>/<channel id> as in REGISTRATOR')
      .optional(),
    /** The kansli: its members see every organisation's remisser, and may send its remisser on to the units. */
    seesAll: z.boolean().optional(),
    /**
     * How the kansli sends a remiss on (issue 21): the internal svarsdatum it proposes (working days before its
     * own), fewer working days than which is warned of, and named groups of units ("Alla stadsdelsförvaltningar").
     */
    referral: z
      .object({
        workingDaysBefore: z.number().int().min(0).max(120).default(10),
        minimumWorkingDays: z.number().int().min(0).max(120).default(10),
        groups: z
          .array(
            z
              .object({
                name: z.string().trim().min(1).max(100),
                organisations: z.array(z.string().trim().min(1).max(40)).min(1).max(500),
              })
              .strict(),
          )
          .max(50)
          .default([]),
      })
      .strict()
      .optional(),
    /**
     * The SharePoint library's column internal names for the filed file's metadata. SharePoint encodes å/ä/ö
     * in internal names (Handläggare becomes Handl_x00e4_ggare), so they are set here, not guessed.
     */
    libraryColumns: z
      .object({
        Diarienummer: columnName.default('Diarienummer'),
        Remittent: columnName.default('Remittent'),
        Svarsdatum: columnName.default('Svarsdatum'),
        Status: columnName.default('Status'),
      })
      .strict()
      .default({ Diarienummer: 'Diarienummer', Remittent: 'Remittent', Svarsdatum: 'Svarsdatum', Status: 'Status' }),
    /**
     * The register's SharePoint list (REMISS_SOURCE=sharepoint): each field's column internal name, and whether
     * the handläggare and approver are person columns (lookup ids) or e-mail text. The organisation column (the
     * answering organisation's id) is read and written only where the deployment has several organisations.
     */
    remissListColumns: z
      .object({
        dnr: columnName.default('Diarienummer'),
        title: columnName.default('Title'),
        remittentDnr: columnName.default('RemittentensDnr'),
        remittent: columnName.default('Remittent'),
        received: columnName.default('Inkom'),
        dueDate: columnName.default('Svarsdatum'),
        meetingDate: columnName.default('Sammantr_x00e4_de'),
        handlaggare: columnName.default('Handl_x00e4_ggare'),
        handlaggareKind: z.enum(['email', 'person']).default('email'),
        approver: columnName.default('Godk_x00e4_nnare'),
        approverKind: z.enum(['email', 'person']).default('email'),
        status: columnName.default('Status'),
        history: columnName.default('Historik'),
        organisation: columnName.default('Organisation'),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type Organisation = z.infer<typeof organisationSchema>;
export type OrganisationKind = Organisation['kind'];
export type LibraryColumns = Organisation['libraryColumns'];
export type RemissListColumns = Organisation['remissListColumns'];

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
    throw new OrganisationError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(organisation)'}: ${i.message}`),
    );
  }
  return { ...parsed.data, meetings: [...parsed.data.meetings].sort() };
}
