/**
 * The text of `npm run org:check`: each organisation (id, name, kind, where it was read; the kansli's referral lead
 * time and groups), who belongs with which roles (by the same rules as the bot: OrganisationDirectory.rolesIn), what
 * became of each Entra group, and the people who belong to more than one organisation.
 */
import type { LoadedOrganisation } from '../config/organisationConfig.js';
import type { Organisation } from '../domain/organisation.js';
import { OrganisationDirectory, ROLES, type Role } from '../domain/organisations.js';

type Referral = NonNullable<Organisation['referral']>;

/** What reading a group gave: its members, or why not (not resolved, or Graph's refusal). */
export type GroupOutcome = { members: readonly string[] } | { problem: string };

export interface OrganisationReport {
  text: string;
  /** Groups that could not be read although Graph is configured: the configuration does not work as written. */
  groupProblems: string[];
}

export async function organisationReport(
  configPath: string,
  loaded: readonly LoadedOrganisation[],
  readGroup: (groupId: string) => Promise<GroupOutcome>,
): Promise<OrganisationReport> {
  const outcomes = new Map<string, GroupOutcome>();
  const outcomeOf = async (id: string) => {
    if (!outcomes.has(id)) outcomes.set(id, await readGroup(id));
    return outcomes.get(id)!;
  };
  const directory = new OrganisationDirectory(
    loaded.map((l) => l.organisation),
    async (id) => {
      const outcome = await outcomeOf(id);
      return 'members' in outcome ? outcome.members : undefined;
    },
  );
  const lines = [`${configPath}: ${count(loaded.length, 'organisation')}`];
  const belongs = new Map<string, string[]>();
  for (const { organisation, source } of loaded) {
    const id = directory.idFor(organisation);
    const seesAll = organisation.seesAll ? ", sees every organisation's remisser" : '';
    lines.push('', `${id}: ${organisation.name} (${organisation.kind})${seesAll}`);
    lines.push(`  read from ${source}`);
    if (organisation.channel) lines.push(`  channel ${organisation.channel}`);
    if (organisation.referral) lines.push(...referralLines(organisation.referral, loaded));
    if (directory.single) lines.push('  the single organisation: everyone in the tenant is a handlaggare');
    for (const [role, group] of groupsOf(organisation)) {
      const outcome = await outcomeOf(group);
      const found = 'members' in outcome ? count(outcome.members.length, 'address') : outcome.problem;
      lines.push(`  group ${group} (${role}): ${found}`);
    }
    const people = await peopleOf(directory, organisation, outcomes);
    if (people.length === 0) lines.push('  nobody belongs yet');
    const width = Math.max(0, ...people.map((p) => p.address.length));
    for (const { address, roles } of people) {
      lines.push(`  ${address.padEnd(width)}  ${roles.join(', ')}`);
      belongs.set(address, [...(belongs.get(address) ?? []), `${id} (${roles.join(', ')})`]);
    }
  }
  const several = [...belongs].filter(([, where]) => where.length > 1);
  if (several.length > 0) {
    lines.push('', 'In more than one organisation:');
    for (const [address, where] of several) lines.push(`  ${address}: ${where.join(', ')}`);
  }
  const groupProblems = [...outcomes]
    .filter((e): e is [string, { problem: string }] => 'problem' in e[1] && !e[1].problem.startsWith(NOT_RESOLVED))
    .map(([, o]) => o.problem);
  return { text: `${lines.join('\n')}\n`, groupProblems };
}

/** The kansli's settings for sending a remiss on (issue 21): its lead time, and its groups by their names. */
function referralLines(referral: Referral, loaded: readonly LoadedOrganisation[]): string[] {
  const nameOf = (id: string) => loaded.find((l) => l.organisation.id === id)?.organisation.name ?? id;
  const lines = [
    `  sends remisser on: svarsdatum ${count(referral.workingDaysBefore, 'working day')} before its own, ` +
      `fewer than ${count(referral.minimumWorkingDays, 'working day')} warned of`,
  ];
  if (referral.groups.length === 0) lines.push('  no referral groups');
  for (const group of referral.groups) {
    const members = group.organisations.map((id) => `${nameOf(id)} (${id})`);
    lines.push(`  referral group "${group.name}": ${members.join(', ')}`);
  }
  return lines;
}

/** How a group is described when Graph is not configured. */
export const NOT_RESOLVED = 'not resolved';

function groupsOf(organisation: Organisation): [Role, string][] {
  return ROLES.flatMap((role) => (organisation.groups?.[role] ?? []).map((g): [Role, string] => [role, g]));
}

/** Everyone the organisation names, or its groups hold, with their roles there, in address order. */
async function peopleOf(
  directory: OrganisationDirectory,
  organisation: Organisation,
  outcomes: ReadonlyMap<string, GroupOutcome>,
): Promise<{ address: string; roles: Role[] }[]> {
  const named = [
    ...ROLES.flatMap((role) => organisation.members?.[role] ?? []),
    ...(organisation.managers ?? []),
    ...(organisation.approvers ?? []).map((a) => a.email),
    ...(organisation.defaultApprover ? [organisation.defaultApprover] : []),
    ...groupsOf(organisation).flatMap(([, g]) => {
      const outcome = outcomes.get(g);
      return outcome && 'members' in outcome ? outcome.members : [];
    }),
  ];
  const addresses = [...new Set(named.map((a) => a.toLowerCase()))].sort();
  const people = await Promise.all(
    addresses.map(async (address) => ({
      address,
      roles: [...(await directory.rolesIn(organisation, { email: address }))].sort(
        (a, b) => ROLES.indexOf(a) - ROLES.indexOf(b),
      ),
    })),
  );
  return people.filter((p) => p.roles.length > 0);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : noun.endsWith('s') ? 'es' : 's'}`;
}
