/**
 * The organisations of one deployment and who acts in which (issue 19): every förvaltning, bolag and the kansli
 * of a city in one bot, each with its own template, register share, people and approvers. A deployment with one
 * organisation file and no members is the single organisation of before: everyone in the tenant may answer.
 * Pure: the members of Entra groups are resolved by the caller (integrations/graph) and handed in.
 */
import { ROLE_NAMES, type Organisation } from './organisation.js';
import { isPerson, type Remiss } from './remiss.js';

export const ROLES = ROLE_NAMES;
export type Role = (typeof ROLES)[number];

/** The id of the organisation of a single-file deployment that names none. */
export const DEFAULT_ORGANISATION_ID = 'default';

/** A person as far as membership goes: their e-mail or UPN (either may be what a member list names). */
export interface Member {
  email?: string;
  userPrincipalName?: string;
}

export interface Membership {
  organisation: Organisation;
  roles: ReadonlySet<Role>;
}

/** The e-mail addresses (lower case) of an Entra group's members, or undefined when groups are not resolved. */
export type GroupMembers = (groupId: string) => Promise<readonly string[] | undefined>;

const NO_GROUPS: GroupMembers = async () => undefined;

function addressesOf(who: Member): string[] {
  return [who.email, who.userPrincipalName].filter((x): x is string => !!x).map((x) => x.trim().toLowerCase());
}

export class OrganisationDirectory {
  private readonly byIdMap: ReadonlyMap<string, Organisation>;

  constructor(
    readonly organisations: readonly Organisation[],
    private readonly groupMembers: GroupMembers = NO_GROUPS,
  ) {
    if (organisations.length === 0) throw new Error('an organisation directory needs at least one organisation');
    this.byIdMap = new Map(organisations.map((o) => [idOf(o), o]));
  }

  /** One organisation and nobody listed: the deployment of before, where membership is not checked. */
  get single(): boolean {
    return this.organisations.length === 1 && !hasMembers(this.organisations[0]!);
  }

  /** The organisation a remiss without one belongs to: the first (the only one, in a single-file deployment). */
  get defaultOrganisation(): Organisation {
    return this.organisations[0]!;
  }

  byId(id: string): Organisation | undefined {
    return this.byIdMap.get(id);
  }

  /** The organisation that answers the remiss; a record from before organisations belongs to the default. */
  of(remiss: Pick<Remiss, 'organisation'>): Organisation {
    return (remiss.organisation && this.byIdMap.get(remiss.organisation)) || this.defaultOrganisation;
  }

  /** The id stored on a remiss of `organisation`, or none in a single-organisation deployment. */
  idFor(organisation: Organisation): string {
    return idOf(organisation);
  }

  /** The person's roles in one organisation: listed by address or by an Entra group. */
  async rolesIn(organisation: Organisation, who: Member): Promise<ReadonlySet<Role>> {
    if (this.single)
      return new Set<Role>(['handlaggare', ...(isListedManager(organisation, who) ? ['chef' as const] : [])]);
    const addresses = addressesOf(who);
    const roles = new Set<Role>();
    for (const role of ROLES) {
      const listed = (organisation.members?.[role] ?? []).map((m) => m.toLowerCase());
      if (addresses.some((a) => listed.includes(a))) roles.add(role);
    }
    if (isListedManager(organisation, who)) roles.add('chef');
    for (const role of ROLES) {
      if (roles.has(role)) continue;
      for (const group of organisation.groups?.[role] ?? []) {
        const members = await this.groupMembers(group);
        if (members && addresses.some((a) => members.includes(a))) {
          roles.add(role);
          break;
        }
      }
    }
    return roles;
  }

  /**
   * Everyone with `role` in the organisation, by lower-case address: listed, in its groups and, for chef, its
   * managers (or, when it names none, its approvers), as the overview has always been sent.
   */
  async peopleWith(role: Role, organisation: Organisation): Promise<string[]> {
    const people = [...(organisation.members?.[role] ?? [])];
    if (role === 'chef') people.push(...(organisation.managers ?? (organisation.approvers ?? []).map((a) => a.email)));
    for (const group of organisation.groups?.[role] ?? []) people.push(...((await this.groupMembers(group)) ?? []));
    return [...new Set(people.map((p) => p.toLowerCase()))];
  }

  /** Every organisation the person acts in, with their roles there, in the directory's order. */
  async membershipsOf(who: Member): Promise<Membership[]> {
    const memberships: Membership[] = [];
    for (const organisation of this.organisations) {
      const roles = await this.rolesIn(organisation, who);
      if (roles.size > 0) memberships.push({ organisation, roles });
    }
    return memberships;
  }
}

/** What a person may do with remisser, worked out once per turn from their memberships. */
export class Access {
  private readonly roles: ReadonlyMap<string, ReadonlySet<Role>>;
  /**
   * A member of an organisation that sees every organisation's remisser (the kansli). Worked out once: maySee
   * asks it for every remiss of the register (20,000 in a city).
   */
  readonly seesAll: boolean;

  constructor(
    private readonly directory: OrganisationDirectory,
    memberships: readonly Membership[],
    private readonly who: Member & { aadObjectId?: string },
  ) {
    this.roles = new Map(memberships.map((m) => [directory.idFor(m.organisation), m.roles]));
    this.seesAll = memberships.some((m) => m.organisation.seesAll === true);
  }

  static async of(directory: OrganisationDirectory, who: Member & { aadObjectId?: string }): Promise<Access> {
    return new Access(directory, await directory.membershipsOf(who), who);
  }

  get memberships(): Membership[] {
    return this.directory.organisations
      .filter((o) => this.roles.has(this.directory.idFor(o)))
      .map((organisation) => ({ organisation, roles: this.roles.get(this.directory.idFor(organisation))! }));
  }

  /** Whether the person has `role` in the organisation that answers the remiss. */
  has(role: Role, remiss: Pick<Remiss, 'organisation'>): boolean {
    return this.roles.get(this.directory.idFor(this.directory.of(remiss)))?.has(role) ?? false;
  }

  /** Whether the person may take an unassigned remiss: a handläggare or chef of its organisation. */
  mayTake(remiss: Pick<Remiss, 'organisation'>): boolean {
    return this.has('handlaggare', remiss) || this.has('chef', remiss);
  }

  /** Whether the remiss is one that `organisation` answers (all of them, for one that sees all). */
  isOf(remiss: Pick<Remiss, 'organisation'>, organisation: Organisation): boolean {
    return organisation.seesAll === true || this.directory.of(remiss) === organisation;
  }

  /**
   * Whether the person may see the remiss: a member of its organisation, of one that sees all, or the
   * person it is assigned to or sent to for approval.
   */
  maySee(remiss: Remiss): boolean {
    if (this.directory.single) return true;
    if (this.seesAll || this.roles.has(this.directory.idFor(this.directory.of(remiss)))) return true;
    return isPerson(remiss.handlaggare, this.who) || isPerson(remiss.approver, this.who);
  }
}

function idOf(organisation: Organisation): string {
  return organisation.id ?? DEFAULT_ORGANISATION_ID;
}

function hasMembers(organisation: Organisation): boolean {
  const listed = ROLES.some((r) => (organisation.members?.[r] ?? []).length > 0);
  const grouped = ROLES.some((r) => (organisation.groups?.[r] ?? []).length > 0);
  return listed || grouped;
}

function isListedManager(organisation: Organisation, who: Member): boolean {
  const managers = [
    ...(organisation.managers ?? []),
    ...(organisation.approvers ?? []).map((a) => a.email),
    ...(organisation.defaultApprover ? [organisation.defaultApprover] : []),
  ].map((m) => m.toLowerCase());
  return addressesOf(who).some((a) => managers.includes(a));
}
