/**
 * The members of Entra groups through the real Graph client against the fake Graph over HTTPS: every page, nested
 * groups, the cache, and each refusal with its code and the permission to grant.
 */
import { loadSettings } from '../../src/config/settings.js';
import { OrganisationDirectory } from '../../src/domain/organisations.js';
import { GraphGroupMembers, graphGroupMembers } from '../../src/integrations/graph/groupMembers.js';
import type { FakeGraph } from '../fakes/fakeGraph.js';
import { exampleOrganisation } from '../support/answerFixtures.js';
import { graphEnv, startFakeGraph } from '../support/graphSetup.js';

const CHEFER = '6c4f2a58-3a55-4c3e-9d54-2f3c6b1b8a01';
const NESTED = '0d8e7f60-1a2b-4c3d-8e9f-a0b1c2d3e4f5';
const UNKNOWN = '11111111-2222-4333-8444-555555555555';

let graph: FakeGraph;
let now: number;

beforeAll(async () => {
  graph = await startFakeGraph();
});
afterAll(() => graph.stop());
beforeEach(() => {
  now = 1_000_000;
  graph.requests.length = 0;
  graph.appRoles = ['Sites.Selected', 'GroupMember.Read.All', 'User.ReadBasic.All'];
  graph.entraGroups.maxPageSize = undefined;
  graph.entraGroups.setGroup(NESTED, [{ userPrincipalName: 'Kerstin.Chef@stad.se', mail: 'kerstin.chef@stad.se' }]);
  graph.entraGroups.setGroup(CHEFER, [
    { userPrincipalName: 'cecilia.holm@stad.se', mail: 'Cecilia.Holm@stad.example.se' },
    { userPrincipalName: 'utan.post@stad.se', mail: null },
    { group: NESTED },
  ]);
});

function members(ttlMs = 60_000): GraphGroupMembers {
  return graphGroupMembers(loadSettings(graphEnv(graph)), { ttlMs, now: () => now })!;
}
const memberRequests = () => graph.requests.filter((r) => r.path.includes('/transitiveMembers/'));

test('every page is read: mail and UPN in lower case, nested groups too, asked with $select and $top', async () => {
  graph.entraGroups.maxPageSize = 2;
  expect([...(await members().members(CHEFER))].sort()).toEqual([
    'cecilia.holm@stad.example.se',
    'cecilia.holm@stad.se',
    'kerstin.chef@stad.se',
    'utan.post@stad.se',
  ]);
  const requests = memberRequests();
  expect(requests.map((r) => r.status)).toEqual([200, 200]);
  expect(requests[0]).toMatchObject({
    path: `/v1.0/groups/${CHEFER}/transitiveMembers/microsoft.graph.user`,
    query: { $select: 'mail,userPrincipalName', $top: '999' },
    authorization: true,
  });
  expect(requests[1]!.query.$skiptoken).toBe('2');
});

test('the members are kept for the TTL, read once for callers at the same time, then read again', async () => {
  const groups = members(60_000);
  await Promise.all([groups.members(CHEFER), groups.members(CHEFER), groups.members(CHEFER.toUpperCase())]);
  expect(memberRequests()).toHaveLength(1);
  now += 59_000;
  await groups.members(CHEFER);
  expect(memberRequests()).toHaveLength(1);
  now += 2_000;
  graph.entraGroups.setGroup(CHEFER, [{ userPrincipalName: 'ny.chef@stad.se' }]);
  expect(await groups.members(CHEFER)).toEqual(['ny.chef@stad.se']);
  expect(memberRequests()).toHaveLength(2);
});

test('when Graph fails after a read, the members last read are used; a deleted group is forgotten', async () => {
  const groups = members(1_000);
  await groups.members(CHEFER);
  now += 5_000;
  graph.failNext((r) => r.path.includes(CHEFER), { status: 500, code: 'generalException', message: 'Boom' });
  expect(await groups.members(CHEFER)).toContain('kerstin.chef@stad.se');
  graph.entraGroups.removeGroup(CHEFER);
  await expect(groups.members(CHEFER)).rejects.toMatchObject({ code: 'GROUP_NOT_FOUND' });
});

test('refusals carry a code and say what to do', async () => {
  await expect(members().members(UNKNOWN)).rejects.toMatchObject({
    code: 'GROUP_NOT_FOUND',
    groupId: UNKNOWN,
    message: expect.stringMatching(/Entra group .* does not exist \(Graph answered 404 Request_ResourceNotFound/),
  });
  graph.appRoles = ['Sites.Selected', 'User.ReadBasic.All'];
  await expect(members().members(CHEFER)).rejects.toMatchObject({
    code: 'GROUP_MEMBERS_FORBIDDEN',
    message: expect.stringMatching(/grant it GroupMember\.Read\.All .*403 Authorization_RequestDenied/),
  });
  graph.appRoles = ['Sites.Selected', 'GroupMember.Read.All'];
  await expect(members().members(CHEFER)).rejects.toMatchObject({
    code: 'GROUP_MEMBERS_UNREADABLE',
    message: expect.stringMatching(/grant the app User\.ReadBasic\.All/),
  });
});

test('the directory gives roles by group through Graph; without Graph settings there is no resolver', async () => {
  const kansli = { ...exampleOrganisation('kontor'), id: 'kansliet', groups: { chef: [CHEFER] } };
  const city = new OrganisationDirectory([kansli], members().resolve);
  expect([...(await city.rolesIn(kansli, { userPrincipalName: 'KERSTIN.chef@stad.se' }))]).toEqual(['chef']);
  expect([...(await city.rolesIn(kansli, { email: 'okand@stad.se' }))]).toEqual([]);
  // A group Graph cannot read gives no one a role, and the person's turn goes on.
  const gone = { ...kansli, groups: { chef: [UNKNOWN] } };
  const withGone = new OrganisationDirectory([gone], members().resolve);
  expect([...(await withGone.rolesIn(gone, { email: 'kerstin.chef@stad.se' }))]).toEqual([]);
  expect(graphGroupMembers(loadSettings({}))).toBeUndefined();
});
