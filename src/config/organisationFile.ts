/**
 * Reads ORG_CONFIG (default config/organisation.json): one organisation file as before, a file with
 * `{ "organisations": [ … ] }`, or a folder of organisation files (*.json, one organisation each). An unreadable
 * or invalid file stops the start with a message naming the file and each bad field.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { OrganisationError, parseOrganisation, type Organisation } from '../domain/organisation.js';
import { OrganisationDirectory, type GroupMembers } from '../domain/organisations.js';
import { normaliseRegistrator } from './settingFields.js';

export class OrganisationFileError extends Error {
  readonly code = 'ORGANISATION_FILE_INVALID';
}

/** The single organisation of ORG_CONFIG (a file of one organisation): the CLIs that need no more. */
export function loadOrganisationFile(file: string): Organisation {
  return loadOrganisations(file)[0]!;
}

/** Every organisation of ORG_CONFIG, in file (or file name) order. */
export function loadOrganisations(configPath: string): Organisation[] {
  const files = isFolder(configPath)
    ? readdirSync(configPath)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => path.join(configPath, f))
    : [configPath];
  if (files.length === 0) throw new OrganisationFileError(`${configPath}: the folder holds no organisation (*.json)`);
  const organisations: { organisation: Organisation; file: string }[] = [];
  for (const file of files) {
    const json = readJson(file);
    const several = typeof json === 'object' && json !== null && 'organisations' in json;
    const entries: unknown[] = several ? listIn(file, json) : [json];
    entries.forEach((entry, i) =>
      organisations.push({ organisation: parseIn(several ? `${file}: organisations.${i}` : file, entry), file }),
    );
  }
  if (organisations.length > 1) {
    for (const { organisation, file } of organisations)
      if (!organisation.id)
        throw new OrganisationFileError(`${file}: id: required when there are several organisations`);
    const seen = new Map<string, string>();
    for (const { organisation, file } of organisations) {
      const first = seen.get(organisation.id!);
      if (first) throw new OrganisationFileError(`${file}: id: "${organisation.id}" is also the id in ${first}`);
      seen.set(organisation.id!, file);
    }
  }
  return organisations.map((o) => o.organisation);
}

/** The deployment's organisations as a directory; `groupMembers` resolves Entra groups where Graph is set up. */
export function loadOrganisationDirectory(configPath: string, groupMembers?: GroupMembers): OrganisationDirectory {
  return new OrganisationDirectory(loadOrganisations(configPath), groupMembers);
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new OrganisationFileError(`${file}: cannot be read as JSON (${(err as Error).message})`);
  }
}

function listIn(file: string, json: object): unknown[] {
  const list = (json as { organisations: unknown }).organisations;
  const keys = Object.keys(json).filter((k) => k !== 'organisations');
  if (keys.length > 0) throw new OrganisationFileError(`${file}: ${keys[0]}: not a field of an organisations file`);
  if (!Array.isArray(list) || list.length === 0)
    throw new OrganisationFileError(`${file}: organisations: must be a list of at least one organisation`);
  return list;
}

function parseIn(where: string, json: unknown): Organisation {
  try {
    const organisation = parseOrganisation(json);
    return organisation.channel
      ? { ...organisation, channel: normalisedChannel(where, organisation.channel) }
      : organisation;
  } catch (err) {
    if (err instanceof OrganisationError) throw new OrganisationFileError(`${where}: ${err.problems.join('; ')}`);
    throw err;
  }
}

/** The channel in the REGISTRATOR setting's normal form, so that both are read by one parser. */
function normalisedChannel(where: string, channel: string): string {
  const parsed = z.string().transform(normaliseRegistrator).safeParse(channel);
  if (!parsed.success) throw new OrganisationFileError(`${where}: channel: ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}
