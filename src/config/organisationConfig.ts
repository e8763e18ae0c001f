/**
 * Reads ORG_CONFIG as the organisations of one deployment (issue 19). It may be
 * - a file with one organisation (the single organisation of before; without an id it is "default"),
 * - a file { "organisations": [ … ] }, the city's organisations in the order given, or
 * - a folder of *.json files, one organisation each, read in the order of their names.
 * With several, each needs an id of its own. Every problem is reported at once, each naming the file and the
 * field; an unreadable file, a missing or repeated id and an empty configuration stop the start.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Organisation } from '../domain/organisation.js';
import { OrganisationDirectory, type GroupMembers } from '../domain/organisations.js';
import { OrganisationFileError, parseOrganisationAt, readJsonFile } from './organisationFile.js';
import { normaliseRegistrator } from './settingFields.js';

/** An organisation and where it was read: "config/city/sbr.json" or "config/city.json (organisations.1)". */
export interface LoadedOrganisation {
  organisation: Organisation;
  source: string;
}

interface Candidate {
  json: unknown;
  file: string;
  /** Its place in a file of several: "organisations.1". */
  at?: string;
}

const severalSchema = z.object({ organisations: z.array(z.unknown()) }).strict();

/** Every organisation of ORG_CONFIG (a path), in file (or file name) order. */
export function loadOrganisations(configPath: string): Organisation[] {
  return loadOrganisationSources(configPath).map((l) => l.organisation);
}

/** The first organisation of ORG_CONFIG: the one of a single file, for the CLIs that need no more. */
export function loadOrganisationFile(configPath: string): Organisation {
  return loadOrganisations(configPath)[0]!;
}

/** The organisations with where each was read; throws an OrganisationFileError listing every problem. */
export function loadOrganisationSources(configPath: string): LoadedOrganisation[] {
  const candidates = candidatesIn(configPath);
  const problems: string[] = [];
  const loaded: LoadedOrganisation[] = [];
  for (const c of candidates) {
    try {
      const organisation = withChannel(parseOrganisationAt(c.file, c.json, c.at), c);
      loaded.push({ organisation, source: c.at ? `${c.file} (${c.at})` : c.file });
    } catch (err) {
      if (!(err instanceof OrganisationFileError)) throw err;
      problems.push(...err.problems);
    }
  }
  if (problems.length > 0) throw new OrganisationFileError(problems);
  if (loaded.length > 1) checkIds(loaded, candidates);
  checkReferralGroups(loaded, candidates);
  return loaded;
}

/** The organisations as the directory that decides who acts where; `groupMembers` resolves Entra groups. */
export function loadOrganisationDirectory(configPath: string, groupMembers?: GroupMembers): OrganisationDirectory {
  return new OrganisationDirectory(loadOrganisations(configPath), groupMembers);
}

function candidatesIn(configPath: string): Candidate[] {
  if (isFolder(configPath)) {
    const files = readdirSync(configPath)
      .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
      .sort()
      .map((name) => path.join(configPath, name));
    if (files.length === 0)
      throw new OrganisationFileError(
        `${configPath}: the folder holds no organisation files (*.json)`,
        'ORGANISATION_CONFIG_EMPTY',
      );
    return files.map((file) => ({ json: readJsonFile(file), file }));
  }
  const json = readJsonFile(configPath);
  if (!json || typeof json !== 'object' || !('organisations' in json)) return [{ json, file: configPath }];
  const several = severalSchema.safeParse(json);
  if (!several.success)
    throw new OrganisationFileError(
      several.error.issues.map((i) => `${configPath}: ${i.path.join('.') || '(file)'}: ${i.message}`),
    );
  if (several.data.organisations.length === 0)
    throw new OrganisationFileError(`${configPath}: organisations: lists none`, 'ORGANISATION_CONFIG_EMPTY');
  return several.data.organisations.map((organisation, i) => ({
    json: organisation,
    file: configPath,
    at: `organisations.${i}`,
  }));
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false; // reading it as a file reports the problem
  }
}

/** The channel as REGISTRATOR takes it: a Teams link decoded to channel:<team id>/<channel id>. */
function withChannel(organisation: Organisation, c: Candidate): Organisation {
  if (organisation.channel === undefined) return organisation;
  const checked = z.string().transform(normaliseRegistrator).safeParse(organisation.channel);
  if (!checked.success)
    throw new OrganisationFileError(
      `${fieldAt(c, 'channel')}: must be channel:<team id>/<channel id> as in REGISTRATOR (both from Teams' ` +
        '"Get link to channel"), or channel:<that link>',
    );
  return { ...organisation, channel: checked.data };
}

function fieldAt(c: Candidate, field: string): string {
  return `${c.file}: ${c.at ? `${c.at}.` : ''}${field}`;
}

function checkIds(loaded: LoadedOrganisation[], candidates: Candidate[]): void {
  const missing: string[] = [];
  const repeated: string[] = [];
  const seen = new Map<string, string>();
  loaded.forEach(({ organisation, source }, i) => {
    const field = fieldAt(candidates[i]!, 'id');
    if (!organisation.id) {
      missing.push(`${field}: required when there are several organisations (e.g. "sbr" or "stadsbyggnad")`);
      return;
    }
    const first = seen.get(organisation.id);
    if (first) repeated.push(`${field}: "${organisation.id}" is already the id of ${first}`);
    else seen.set(organisation.id, source);
  });
  if (missing.length > 0) throw new OrganisationFileError([...missing, ...repeated], 'ORGANISATION_ID_MISSING');
  if (repeated.length > 0) throw new OrganisationFileError(repeated, 'ORGANISATION_ID_DUPLICATE');
}

/** A referral group names organisations of this configuration, and only others than its own. */
function checkReferralGroups(loaded: LoadedOrganisation[], candidates: Candidate[]): void {
  const ids = new Set(loaded.map((l) => l.organisation.id));
  const problems: string[] = [];
  loaded.forEach(({ organisation }, i) => {
    organisation.referral?.groups.forEach((group, g) => {
      for (const id of group.organisations) {
        const field = fieldAt(candidates[i]!, `referral.groups.${g}.organisations`);
        if (!ids.has(id)) problems.push(`${field}: "${id}" is the id of no organisation here`);
        else if (id === organisation.id) problems.push(`${field}: "${id}" is the organisation itself`);
      }
    });
  });
  if (problems.length > 0) throw new OrganisationFileError(problems, 'ORGANISATION_REFERRAL_GROUP_UNKNOWN');
}
