/**
 * Reads ORG_CONFIG (default config/organisation.json). An unreadable or invalid file stops the start with a
 * message naming the file and each bad field.
 */
import { readFileSync } from 'node:fs';
import { OrganisationError, parseOrganisation, type Organisation } from '../domain/organisation.js';

export class OrganisationFileError extends Error {
  readonly code = 'ORGANISATION_FILE_INVALID';
}

export function loadOrganisationFile(file: string): Organisation {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new OrganisationFileError(`${file}: cannot be read as JSON (${(err as Error).message})`);
  }
  try {
    return parseOrganisation(json);
  } catch (err) {
    if (err instanceof OrganisationError) throw new OrganisationFileError(`${file}: ${err.problems.join('; ')}`);
    throw err;
  }
}
