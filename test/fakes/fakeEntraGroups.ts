/**
 * Entra groups as Microsoft Graph serves their members to an app: GET /groups/{id}/transitiveMembers/
 * microsoft.graph.user (nested groups flattened, each user once), $select, $top (default 100, at most 999) and
 * @odata.nextLink paging, and Graph's refusals: 400 Request_BadRequest for an id that is not a GUID, 404
 * Request_ResourceNotFound for an unknown group, 403 Authorization_RequestDenied without GroupMember.Read.All
 * (or a higher permission). Without a permission to read users (User.ReadBasic.All or higher) the members come
 * back with their id and type only, every other property null, as Graph's "limited information" does.
 */
import { randomUUID } from 'node:crypto';
import { graphError, type Answer } from './fakeSharePointLists.js';

export interface FakeUser {
  mail?: string | null;
  userPrincipalName: string;
  displayName?: string;
}
/** A member: a user, or a group whose members belong too. */
export type FakeGroupMember = FakeUser | { group: string };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const READS_MEMBERS = ['GroupMember.Read.All', 'GroupMember.ReadWrite.All', 'Group.Read.All', 'Directory.Read.All'];
const READS_USERS = ['User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All'];

export class FakeEntraGroups {
  private readonly groups = new Map<string, FakeGroupMember[]>();
  private readonly ids = new Map<string, string>();
  /** The most a page holds whatever $top asks (Graph may page sooner than asked); unset: $top or 100. */
  maxPageSize?: number;

  constructor(private readonly baseUrl: () => string) {}

  setGroup(id: string, members: FakeGroupMember[]): void {
    this.groups.set(id.toLowerCase(), members);
  }

  removeGroup(id: string): void {
    this.groups.delete(id.toLowerCase());
  }

  /** Answers a request under /v1.0 (without it) for the app granted `roles`, or undefined when not a group's. */
  route(method: string, path: string, query: URLSearchParams, roles: readonly string[]): Answer | undefined {
    const match = /^\/groups\/([^/]+)\/transitiveMembers\/microsoft\.graph\.user$/.exec(path);
    if (!match) return undefined;
    if (method !== 'GET') return { status: 405, body: graphError('Request_BadRequest', 'Method not allowed.') };
    const id = match[1]!;
    if (!GUID.test(id))
      return { status: 400, body: graphError('Request_BadRequest', `Invalid object identifier '${id}'.`) };
    if (!roles.some((r) => READS_MEMBERS.includes(r)))
      return {
        status: 403,
        body: graphError('Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
      };
    if (!this.groups.has(id.toLowerCase()))
      return {
        status: 404,
        body: graphError(
          'Request_ResourceNotFound',
          `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
        ),
      };
    const users = this.usersOf(id.toLowerCase(), new Set());
    const select = query.get('$select')?.split(',');
    const top = Math.min(Number(query.get('$top') ?? 100) || 100, 999, this.maxPageSize ?? 999);
    const from = Number(query.get('$skiptoken') ?? 0);
    const page = users.slice(from, from + top).map((u) => this.asGraphUser(u, select, roles));
    const next = new URLSearchParams(query);
    next.set('$skiptoken', String(from + top));
    return {
      status: 200,
      body: {
        '@odata.context': `${this.baseUrl()}/v1.0/$metadata#users${select ? `(${select.join(',')})` : ''}`,
        value: page,
        ...(from + top < users.length ? { '@odata.nextLink': `${this.baseUrl()}/v1.0${path}?${next.toString()}` } : {}),
      },
    };
  }

  private usersOf(id: string, visited: Set<string>): (FakeUser & { id: string })[] {
    visited.add(id);
    const found = new Map<string, FakeUser & { id: string }>();
    for (const member of this.groups.get(id) ?? []) {
      if ('group' in member) {
        const nested = member.group.toLowerCase();
        if (!visited.has(nested)) for (const u of this.usersOf(nested, visited)) found.set(u.id, u);
      } else {
        found.set(this.idOf(member.userPrincipalName), { ...member, id: this.idOf(member.userPrincipalName) });
      }
    }
    return [...found.values()];
  }

  private idOf(upn: string): string {
    const key = upn.toLowerCase();
    if (!this.ids.has(key)) this.ids.set(key, randomUUID());
    return this.ids.get(key)!;
  }

  private asGraphUser(
    user: FakeUser & { id: string },
    select: string[] | undefined,
    roles: readonly string[],
  ): Record<string, unknown> {
    const readable = roles.some((r) => READS_USERS.includes(r));
    const full: Record<string, unknown> = {
      id: user.id,
      displayName: readable ? (user.displayName ?? user.userPrincipalName) : null,
      mail: readable ? (user.mail ?? null) : null,
      userPrincipalName: readable ? user.userPrincipalName : null,
    };
    if (!readable) return { '@odata.type': '#microsoft.graph.user', ...full };
    return select ? Object.fromEntries(select.map((k) => [k, full[k] ?? null])) : full;
  }
}
