/**
 * `npm run org:check` as an admin runs it: the real CLI process on the example city (config/city, which the
 * Playground's users belong to), on the single file of before, on a broken folder, and with groups resolved
 * through the fake Graph.
 */
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FakeGraph } from '../fakes/fakeGraph.js';
import { graphEnv, startFakeGraph } from '../support/graphSetup.js';
import { startCli } from '../support/importProcess.js';

const ROOT = path.resolve(__dirname, '../..');
const CHEFER = '6c4f2a58-3a55-4c3e-9d54-2f3c6b1b8a01';
const UNKNOWN = '11111111-2222-4333-8444-555555555555';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-orgcheck-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

// In a folder of its own, so that no .env of the checkout is read.
const orgCheck = (env: Record<string, string>) => startCli('orgCheck', dir, [], env).done;
const CITY = path.join(ROOT, 'config/city');

async function writeOrganisation(file: string, more: Record<string, unknown>): Promise<void> {
  const sbr = JSON.parse(await readFile(path.join(ROOT, 'config/city/sbr.json'), 'utf8')) as Record<string, unknown>;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify({ ...sbr, ...more }));
}

test('the example city: each organisation with who belongs and their roles, and who is in two', async () => {
  const run = await orgCheck({ ORG_CONFIG: CITY });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const playground = await readFile(path.join(ROOT, '.m365agentsplayground.yml'), 'utf8');
  const mockUsers = [...playground.matchAll(/^ {2,4}email: (\S+)$/gm)].map((m) => m[1]!);
  expect(mockUsers).toHaveLength(6);
  for (const user of mockUsers) expect(run.stdout).toContain(user);
  expect(run.stdout).toContain(`${CITY}: 4 organisations`);
  expect(run.stdout).toMatch(/^kansliet: Stadsledningskontoret \(kontor\), sees every organisation's remisser$/m);
  expect(run.stdout).toMatch(/^social: Socialförvaltningen \(forvaltning\)$/m);
  expect(run.stdout).toMatch(/^norrmalm: Norrmalms stadsdelsförvaltning \(forvaltning\)$/m);
  expect(run.stdout).toMatch(/^sbr: Stockholm Business Region \(bolag\)$/m);
  expect(run.stdout).toContain(`  read from ${CITY}/sbr.json`);
  expect(run.stdout).toMatch(/^ {2}cecilia\.holm@stad\.example\.se +chef, registrator$/m);
  expect(run.stdout).toContain(
    'In more than one organisation:\n  anna.lindqvist@stad.example.se: sbr (handlaggare), social (handlaggare)',
  );
});

test("the kansli's referral settings: its lead time, and its groups with their organisations' names", async () => {
  const city = await orgCheck({ ORG_CONFIG: CITY });
  expect(city.code).toBe(0);
  expect(city.stdout).toContain(
    `  channel channel:19:team-kansliet@thread.tacv2/19:channel-remisser@thread.tacv2\n` +
      '  sends remisser on: svarsdatum 10 working days before its own, fewer than 10 working days warned of\n' +
      '  referral group "Alla stadsdelsförvaltningar": Norrmalms stadsdelsförvaltning (norrmalm)\n',
  );
  expect(city.stdout.match(/sends remisser on/g)).toHaveLength(1);

  const folder = path.join(dir, 'orgs');
  const groups = [
    { name: 'Bolagen', organisations: ['sbr'] },
    { name: 'Alla', organisations: ['sbr', 'sof'] },
  ];
  await writeOrganisation(path.join(folder, 'kansliet.json'), {
    id: 'kansliet',
    referral: { minimumWorkingDays: 1, groups },
  });
  await writeOrganisation(path.join(folder, 'sbr.json'), { id: 'sbr' });
  await writeOrganisation(path.join(folder, 'sof.json'), { id: 'sof', name: 'Socialförvaltningen', referral: {} });
  const run = await orgCheck({ ORG_CONFIG: folder });
  expect(run).toMatchObject({ code: 0, stderr: '' });
  expect(run.stdout).toContain(
    '  sends remisser on: svarsdatum 10 working days before its own, fewer than 1 working day warned of\n' +
      '  referral group "Bolagen": Stockholm Business Region (sbr)\n' +
      '  referral group "Alla": Stockholm Business Region (sbr), Socialförvaltningen (sof)\n',
  );
  expect(run.stdout).toContain(
    '  sends remisser on: svarsdatum 10 working days before its own, fewer than 10 working days warned of\n' +
      '  no referral groups\n',
  );
});

test('a referral group naming no organisation here exits 1, naming file and field', async () => {
  const folder = path.join(dir, 'orgs');
  const referral = { groups: [{ name: 'Alla', organisations: ['sbr', 'okand'] }] };
  await writeOrganisation(path.join(folder, 'kansliet.json'), { id: 'kansliet', referral });
  await writeOrganisation(path.join(folder, 'sbr.json'), { id: 'sbr' });
  const run = await orgCheck({ ORG_CONFIG: folder });
  expect(run).toMatchObject({ code: 1, stdout: '' });
  expect(run.stderr).toBe(
    `The organisation configuration ${folder} is invalid (ORGANISATION_REFERRAL_GROUP_UNKNOWN):\n` +
      `  ${folder}/kansliet.json: referral.groups.0.organisations: "okand" is the id of no organisation here\n`,
  );
});

test('the single file of before: one organisation, "default", everyone a handläggare', async () => {
  const file = path.join(ROOT, 'config/organisation.json');
  const run = await orgCheck({ ORG_CONFIG: file });
  expect(run).toMatchObject({ code: 0, stderr: '' });
  expect(run.stdout).toContain(`${file}: 1 organisation\n\ndefault: Stockholm Business Region (bolag)`);
  expect(run.stdout).toContain('the single organisation: everyone in the tenant is a handlaggare');
});

test('an invalid configuration exits 1 with every problem, naming file and field', async () => {
  const folder = path.join(dir, 'orgs');
  await writeOrganisation(path.join(folder, 'sbr.json'), { members: { chef: ['inte en adress'] } });
  await writeOrganisation(path.join(folder, 'sof.json'), { members: { kassor: [] } });
  const run = await orgCheck({ ORG_CONFIG: folder });
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(
    `The organisation configuration ${folder} is invalid (ORGANISATION_FILE_INVALID):\n` +
      `  ${folder}/sbr.json: members.chef.0: must be an e-mail address\n` +
      `  ${folder}/sof.json: members: unknown role "kassor" (the roles are handlaggare, chef, registrator)\n`,
  );
});

test('groups: not resolved without Graph; resolved through Graph; an unknown group exits 1', async () => {
  const file = path.join(dir, 'sbr.json');
  await writeOrganisation(file, { groups: { chef: [CHEFER] } });
  const local = await orgCheck({ ORG_CONFIG: file });
  expect(local.code).toBe(0);
  expect(local.stdout).toContain(`  group ${CHEFER} (chef): not resolved (Graph is not configured`);

  const graph: FakeGraph = await startFakeGraph();
  try {
    graph.entraGroups.setGroup(CHEFER, [{ userPrincipalName: 'Kerstin.Chef@stad.example.se' }]);
    const resolved = await orgCheck({ ORG_CONFIG: file, ...graphEnv(graph), NODE_EXTRA_CA_CERTS: certs() });
    expect(resolved.stderr).toBe('');
    expect(resolved.code).toBe(0);
    expect(resolved.stdout).toContain(`  group ${CHEFER} (chef): 1 address`);
    expect(resolved.stdout).toMatch(/^ {2}kerstin\.chef@stad\.example\.se +chef$/m);

    await writeOrganisation(file, { groups: { chef: [CHEFER], registrator: [UNKNOWN] } });
    const unknown = await orgCheck({ ORG_CONFIG: file, ...graphEnv(graph), NODE_EXTRA_CA_CERTS: certs() });
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain(`  group ${UNKNOWN} (registrator): GROUP_NOT_FOUND: Entra group ${UNKNOWN}`);
    expect(unknown.stderr).toMatch(new RegExp(`^GROUP_NOT_FOUND: Entra group ${UNKNOWN} does not exist`));
  } finally {
    await graph.stop();
  }
});

/** The child trusts the fake Graph's certificate as this process does. */
function certs(): string {
  return process.env.NODE_EXTRA_CA_CERTS ?? '';
}
