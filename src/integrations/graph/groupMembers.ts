/**
 * Who is in an Entra group, for the organisations' `groups` (issue 19): GET /groups/{id}/transitiveMembers/
 * microsoft.graph.user (nested groups included), every page, each user's mail and UPN in lower case. Needs the
 * application permissions GroupMember.Read.All (the members) and User.ReadBasic.All (their addresses: without it
 * Graph returns the users with every property null). A group's members are kept for a while (ttlMs) and asked
 * for once however many ask at the same time; when Graph fails, the members last read are used until it answers.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Settings } from '../../config/settings.js';
import type { GroupMembers } from '../../domain/organisations.js';
import type { Logger } from '../../logging/logger.js';
import { createGraphClient, graphFailure } from './graphClient.js';
import { createGraphCredential } from './graphCredential.js';

export const GROUP_MEMBERS_TTL_MS = 10 * 60_000;
/** The most Graph gives in one page of directory objects. */
const PAGE_SIZE = 999;

export type GroupMembersErrorCode =
  'GROUP_NOT_FOUND' | 'GROUP_MEMBERS_FORBIDDEN' | 'GROUP_MEMBERS_UNREADABLE' | 'GROUP_MEMBERS_FAILED';

export class GroupMembersError extends Error {
  constructor(
    readonly code: GroupMembersErrorCode,
    readonly groupId: string,
    message: string,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'GroupMembersError';
  }
}

export interface GroupMembersOptions {
  ttlMs?: number;
  /** Milliseconds, as Date.now. */
  now?: () => number;
  logger?: Logger;
}

interface GraphUser {
  mail?: string | null;
  userPrincipalName?: string | null;
}
interface Page {
  value: GraphUser[];
  '@odata.nextLink'?: string;
}
interface Cached {
  members?: readonly string[];
  readAt: number;
  reading?: Promise<readonly string[]>;
}

export class GraphGroupMembers {
  private readonly cache = new Map<string, Cached>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly client: Client,
    private readonly options: GroupMembersOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? GROUP_MEMBERS_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  /**
   * The domain's view: a group's members' addresses (OrganisationDirectory's GroupMembers). A group Graph cannot
   * read now gives no one a role through it (logged with its code), rather than failing the person's turn.
   */
  get resolve(): GroupMembers {
    return (groupId) =>
      this.members(groupId).catch((err: unknown) => {
        const code = err instanceof GroupMembersError ? err.code : 'GROUP_MEMBERS_FAILED';
        this.options.logger?.warn({ event: 'groups.unresolved', code, groupId }, 'group members could not be read');
        return undefined;
      });
  }

  /** The lower-case mail and UPN of every user in the group, nested groups included; a GroupMembersError if not. */
  async members(groupId: string): Promise<readonly string[]> {
    const key = groupId.toLowerCase();
    const entry = this.cache.get(key) ?? { readAt: 0 };
    if (entry.members && this.now() - entry.readAt < this.ttlMs) return entry.members;
    this.cache.set(key, entry);
    entry.reading ??= this.read(groupId)
      .then((members) => Object.assign(entry, { members, readAt: this.now() }).members!)
      .finally(() => (entry.reading = undefined));
    try {
      return await entry.reading;
    } catch (err) {
      const gone = err instanceof GroupMembersError && err.code === 'GROUP_NOT_FOUND';
      if (gone) this.cache.delete(key);
      if (gone || !entry.members) throw err;
      this.options.logger?.warn(
        { event: 'graph.groupMembers.stale', groupId, code: (err as GroupMembersError).code },
        'the members of an Entra group could not be read again; the members last read are used',
      );
      return entry.members;
    }
  }

  private async read(groupId: string): Promise<readonly string[]> {
    const addresses = new Set<string>();
    try {
      let page = (await this.client
        .api(`/groups/${encodeURIComponent(groupId)}/transitiveMembers/microsoft.graph.user`)
        .select(['mail', 'userPrincipalName'])
        .top(PAGE_SIZE)
        .get()) as Page;
      for (;;) {
        for (const user of page.value) {
          if (!user.userPrincipalName) throw unreadable(groupId);
          for (const a of [user.mail, user.userPrincipalName]) if (a) addresses.add(a.trim().toLowerCase());
        }
        const next = page['@odata.nextLink'];
        if (!next) return [...addresses];
        page = (await this.client.api(next).get()) as Page;
      }
    } catch (err) {
      throw err instanceof GroupMembersError ? err : refusal(groupId, err);
    }
  }
}

/** Group members through Graph when Graph is configured (the GRAPH_* settings); otherwise undefined. */
export function graphGroupMembers(
  settings: Settings,
  options: GroupMembersOptions = {},
): GraphGroupMembers | undefined {
  if (!settings.sharePoint) return undefined;
  const client = createGraphClient(
    createGraphCredential(settings.sharePoint.credential, settings.AZURE_AUTHORITY_HOST),
    settings.GRAPH_BASE_URL,
    settings.OUTBOUND_TIMEOUT_SECONDS * 1000,
  );
  return new GraphGroupMembers(client, options);
}

function unreadable(groupId: string): GroupMembersError {
  return new GroupMembersError(
    'GROUP_MEMBERS_UNREADABLE',
    groupId,
    `the members of Entra group ${groupId} came without their addresses: grant the app User.ReadBasic.All ` +
      '(application permission, with admin consent)',
  );
}

function refusal(groupId: string, err: unknown): GroupMembersError {
  const { status, code, requestId } = graphFailure(err);
  const said =
    `Graph answered ${status ?? 'nothing'}${code ? ` ${code}` : ''}` + (requestId ? `, request id ${requestId}` : '');
  if (status === 404)
    return new GroupMembersError('GROUP_NOT_FOUND', groupId, `Entra group ${groupId} does not exist (${said})`);
  if (status === 403)
    return new GroupMembersError(
      'GROUP_MEMBERS_FORBIDDEN',
      groupId,
      `the app may not read the members of Entra group ${groupId}: grant it GroupMember.Read.All (application ` +
        `permission, with admin consent) (${said})`,
      requestId,
    );
  const reason = status ? said : `${said}: ${(err as Error).message}`;
  return new GroupMembersError(
    'GROUP_MEMBERS_FAILED',
    groupId,
    `the members of Entra group ${groupId} could not be read (${reason})`,
    requestId,
  );
}
