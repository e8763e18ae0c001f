/**
 * One organisation file read and checked, for organisationConfig.ts (which reads ORG_CONFIG): an unreadable or
 * invalid file stops the start with a message naming the file and each bad field.
 */
import { readFileSync } from 'node:fs';
import { OrganisationError, parseOrganisation, type Organisation } from '../domain/organisation.js';

/** Why an organisation configuration was refused; the message names the file and the field. */
export type OrganisationFileErrorCode =
  | 'ORGANISATION_FILE_INVALID'
  | 'ORGANISATION_ID_MISSING'
  | 'ORGANISATION_ID_DUPLICATE'
  | 'ORGANISATION_CONFIG_EMPTY'
  | 'ORGANISATION_REFERRAL_GROUP_UNKNOWN';

export class OrganisationFileError extends Error {
  /** Each problem on its own, "config/city/sbr.json: members.chef.0: must be an e-mail address". */
  readonly problems: string[];

  constructor(
    problems: string | string[],
    readonly code: OrganisationFileErrorCode = 'ORGANISATION_FILE_INVALID',
  ) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(list.join('; '));
    this.name = 'OrganisationFileError';
    this.problems = list;
  }
}

/** The file's JSON, or an OrganisationFileError naming the file. */
export function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new OrganisationFileError(`${file}: cannot be read as JSON (${(err as Error).message})`);
  }
}

/**
 * One organisation's JSON, parsed. Every problem names the file and the field, the field under `at` when the
 * organisation is one of a file's several ("config/city.json: organisations.1.members.chef.0: …").
 */
export function parseOrganisationAt(file: string, json: unknown, at?: string): Organisation {
  try {
    return parseOrganisation(json);
  } catch (err) {
    if (!(err instanceof OrganisationError)) throw err;
    throw new OrganisationFileError(
      err.problems.map((p) => {
        if (!at) return `${file}: ${p}`;
        return p.startsWith(WHOLE) ? `${file}: ${at}${p.slice(WHOLE.length)}` : `${file}: ${at}.${p}`;
      }),
    );
  }
}

/** How parseOrganisation names a problem of the whole organisation rather than of a field. */
const WHOLE = '(organisation)';
