/** ORG_CONFIG as one organisation, a file of several or a folder, and what it refuses, naming file and field. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  loadOrganisationDirectory,
  loadOrganisationFile,
  loadOrganisationSources as loadOrganisations,
} from '../../src/config/organisationConfig.js';
import { OrganisationFileError } from '../../src/config/organisationFile.js';

const ROOT = path.resolve(__dirname, '../..');
const BASE = {
  genitive: 'Förvaltningens',
  shortName: 'F',
  kind: 'forvaltning',
  board: 'Nämnden',
  signatories: [{ name: 'Karin Ek', role: 'Förvaltningschef' }],
};
const organisation = (id: string | undefined, more: Record<string, unknown> = {}) => ({
  ...(id ? { id } : {}),
  name: `Organisation ${id ?? ''}`.trim(),
  ...BASE,
  ...more,
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'remissbot-orgs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, json: unknown): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json));
  return file;
}

function refusal(configPath: string): OrganisationFileError {
  try {
    loadOrganisations(configPath);
  } catch (err) {
    if (err instanceof OrganisationFileError) return err;
    throw err;
  }
  throw new Error(`${configPath} was accepted`);
}

test('one organisation file is the single organisation of before, id "default", everyone a member', async () => {
  const file = path.join(ROOT, 'config/organisation.json');
  const [only, ...rest] = loadOrganisations(file);
  expect(rest).toEqual([]);
  expect(only).toEqual({ organisation: loadOrganisationFile(file), source: file });
  const directory = loadOrganisationDirectory(file);
  expect(directory.single).toBe(true);
  expect(directory.idFor(directory.defaultOrganisation)).toBe('default');
  expect((await directory.membershipsOf({ email: 'vem.som.helst@stad.se' })).map((m) => [...m.roles])).toEqual([
    ['handlaggare'],
  ]);
});

test('a file of several keeps their order; a folder reads its *.json files in name order', () => {
  const several = write('city.json', { organisations: [organisation('sbr'), organisation('kansliet')] });
  expect(loadOrganisations(several).map((l) => [l.organisation.id, l.source])).toEqual([
    ['sbr', `${several} (organisations.0)`],
    ['kansliet', `${several} (organisations.1)`],
  ]);
  const folder = path.join(dir, 'orgs');
  write('orgs/sbr.json', organisation('sbr'));
  write('orgs/kansliet.json', organisation('kansliet'));
  write('orgs/README.md', '# not an organisation');
  write('orgs/.draft.json', '{');
  expect(loadOrganisations(folder).map((l) => [l.organisation.id, l.source])).toEqual([
    ['kansliet', path.join(folder, 'kansliet.json')],
    ['sbr', path.join(folder, 'sbr.json')],
  ]);
  expect(loadOrganisationDirectory(folder).single).toBe(false);
});

test('every invalid field of every file is named with its file', () => {
  const folder = path.join(dir, 'orgs');
  write('orgs/sbr.json', organisation('sbr', { members: { chef: ['inte en adress'] } }));
  write('orgs/sof.json', organisation('sof', { members: { kassor: ['a@stad.se'] }, kind: 'nämnd' }));
  const err = refusal(folder);
  expect(err.code).toBe('ORGANISATION_FILE_INVALID');
  expect(err.problems).toEqual([
    `${path.join(folder, 'sbr.json')}: members.chef.0: must be an e-mail address`,
    expect.stringMatching(new RegExp(`^${path.join(folder, 'sof.json')}: kind: `)),
    `${path.join(folder, 'sof.json')}: members: unknown role "kassor" (the roles are handlaggare, chef, registrator)`,
  ]);
  const several = write('city.json', { organisations: [organisation('a'), organisation('b', { groups: 'x' })] });
  expect(refusal(several).problems).toEqual([expect.stringMatching(/city\.json: organisations\.1\.groups: /)]);
  const broken = write('orgs2/trasig.json', '{ "name": ');
  expect(refusal(path.dirname(broken)).message).toMatch(/trasig\.json: cannot be read as JSON/);
});

test('ids: required among several, and never the same twice (naming both files)', () => {
  write('orgs/a.json', organisation('sbr'));
  write('orgs/b.json', organisation('sbr'));
  const repeated = refusal(path.join(dir, 'orgs'));
  expect(repeated.code).toBe('ORGANISATION_ID_DUPLICATE');
  expect(repeated.message).toBe(
    `${path.join(dir, 'orgs/b.json')}: id: "sbr" is already the id of ${path.join(dir, 'orgs/a.json')}`,
  );
  const several = write('city.json', { organisations: [organisation('sbr'), organisation(undefined)] });
  const missing = refusal(several);
  expect(missing.code).toBe('ORGANISATION_ID_MISSING');
  expect(missing.message).toMatch(/city\.json: organisations\.1\.id: required when there are several organisations/);
  const twice = write('twice.json', { organisations: [organisation('x'), organisation('x')] });
  expect(refusal(twice).message).toBe(
    `${twice}: organisations.1.id: "x" is already the id of ${twice} (organisations.0)`,
  );
});

test('an empty configuration, a stray key and a missing path are refused', () => {
  mkdirSync(path.join(dir, 'empty'));
  expect(refusal(path.join(dir, 'empty'))).toMatchObject({ code: 'ORGANISATION_CONFIG_EMPTY' });
  expect(refusal(write('none.json', { organisations: [] }))).toMatchObject({ code: 'ORGANISATION_CONFIG_EMPTY' });
  expect(refusal(write('stray.json', { organisations: [organisation('a')], default: 'a' })).message).toMatch(
    /stray\.json: \(file\): Unrecognized key: "default"/,
  );
  expect(refusal(path.join(dir, 'saknas.json')).message).toMatch(/saknas\.json: cannot be read as JSON \(ENOENT/);
});

test("a channel is REGISTRATOR's channel: a Teams link is decoded, a person or a bad id is refused", () => {
  const team = '19:team-kansliet@thread.tacv2';
  const channel = '19:channel-remisser@thread.tacv2';
  const link =
    `https://teams.microsoft.com/l/channel/${encodeURIComponent(channel)}/Remisser` +
    `?groupId=6c4f2a58-3a55-4c3e-9d54-2f3c6b1b8a01&tenantId=x`;
  const file = write('c.json', organisation('k', { channel: `channel:${link}` }));
  expect(loadOrganisations(file)[0]!.organisation.channel).toBe(
    `channel:6c4f2a58-3a55-4c3e-9d54-2f3c6b1b8a01/${channel}`,
  );
  expect(
    loadOrganisations(write('d.json', organisation('k', { channel: `channel:${team}/${channel}` })))[0]!.organisation
      .channel,
  ).toBe(`channel:${team}/${channel}`);
  expect(refusal(write('e.json', organisation('k', { channel: 'channel:fel' }))).message).toMatch(
    /e\.json: channel: must be channel:<team id>\/<channel id> as in REGISTRATOR/,
  );
  expect(refusal(write('f.json', organisation('k', { channel: 'person:a@stad.se' }))).message).toMatch(
    /f\.json: channel: must be channel:/,
  );
});

describe('referral: how the kansli sends a remiss on (issue 21)', () => {
  const kansli = (referral: unknown) => organisation('kansliet', { referral });
  const first = (file: string) => loadOrganisations(file)[0]!.organisation;

  test('none, or its defaults: ten working days before, ten at least, no groups', () => {
    expect(first(write('a.json', organisation('kansliet')))).not.toHaveProperty('referral');
    expect(first(write('b.json', kansli({}))).referral).toEqual({
      workingDaysBefore: 10,
      minimumWorkingDays: 10,
      groups: [],
    });
    expect(first(write('c.json', kansli({ workingDaysBefore: 0, minimumWorkingDays: 120 }))).referral).toEqual({
      workingDaysBefore: 0,
      minimumWorkingDays: 120,
      groups: [],
    });
  });

  test('the example city: the kansli sends to "Alla stadsdelsförvaltningar", Norrmalm among them', () => {
    const city = loadOrganisations(path.join(ROOT, 'config/city'));
    const kansliet = city.find((l) => l.organisation.id === 'kansliet')!.organisation;
    expect(kansliet.referral).toEqual({
      workingDaysBefore: 10,
      minimumWorkingDays: 10,
      groups: [{ name: 'Alla stadsdelsförvaltningar', organisations: ['norrmalm'] }],
    });
    expect(city.filter((l) => l.organisation.id !== 'kansliet' && l.organisation.referral)).toEqual([]);
  });

  test.each<[string, unknown, RegExp]>([
    ['an unknown setting', { workingDays: 5 }, /: referral: Unrecognized key: "workingDays"/],
    ['an unknown key in a group', { groups: [{ name: 'A', organisations: ['x'], members: [] }] }, /groups\.0: Unr/],
    ['negative days', { workingDaysBefore: -1 }, /: referral\.workingDaysBefore: /],
    ['more than 120 days', { minimumWorkingDays: 121 }, /: referral\.minimumWorkingDays: /],
    ['half a day', { workingDaysBefore: 2.5 }, /: referral\.workingDaysBefore: /],
    ['days as text', { workingDaysBefore: '10' }, /: referral\.workingDaysBefore: /],
    ['a group of none', { groups: [{ name: 'Inga', organisations: [] }] }, /: referral\.groups\.0\.organisations: /],
    ['a group without a name', { groups: [{ name: '  ', organisations: ['x'] }] }, /: referral\.groups\.0\.name: /],
    ['a name of 101', { groups: [{ name: 'n'.repeat(101), organisations: ['x'] }] }, /referral\.groups\.0\.name: /],
    ['an empty id', { groups: [{ name: 'A', organisations: [' '] }] }, /referral\.groups\.0\.organisations\.0: /],
    ['51 groups', { groups: Array.from({ length: 51 }, () => ({ name: 'A', organisations: ['x'] })) }, /groups: /],
    ['a list', [], /: referral: /],
  ])('%s is refused, naming file and field', (_what, referral, message) => {
    const file = write('k.json', kansli(referral));
    const err = refusal(file);
    expect(err.code).toBe('ORGANISATION_FILE_INVALID');
    expect(err.problems).toEqual([expect.stringMatching(message)]);
    expect(err.problems[0]!.startsWith(`${file}: `)).toBe(true);
  });

  test("a group's organisations are the configuration's others: an unknown id and the kansli itself are named", () => {
    const folder = path.join(dir, 'orgs');
    write('orgs/kansliet.json', kansli({ groups: [{ name: 'A', organisations: ['sof', 'okand'] }] }));
    write('orgs/sbr.json', organisation('sbr', { referral: { groups: [{ name: 'B', organisations: ['sbr'] }] } }));
    write('orgs/sof.json', organisation('sof'));
    const err = refusal(folder);
    expect(err.code).toBe('ORGANISATION_REFERRAL_GROUP_UNKNOWN');
    const field = (file: string) => `${path.join(folder, file)}: referral.groups.0.organisations`;
    expect(err.problems).toEqual([
      `${field('kansliet.json')}: "okand" is the id of no organisation here`,
      `${field('sbr.json')}: "sbr" is the organisation itself`,
    ]);
    const several = write('city.json', {
      organisations: [
        organisation('sof'),
        kansli({
          groups: [
            { name: 'A', organisations: ['sof'] },
            { name: 'B', organisations: ['kansliet'] },
          ],
        }),
      ],
    });
    expect(refusal(several)).toMatchObject({
      code: 'ORGANISATION_REFERRAL_GROUP_UNKNOWN',
      problems: [`${several}: organisations.1.referral.groups.1.organisations: "kansliet" is the organisation itself`],
    });
    const alone = write(
      'alone.json',
      organisation(undefined, { referral: { groups: [{ name: 'A', organisations: ['sof'] }] } }),
    );
    expect(refusal(alone).problems).toEqual([
      `${alone}: referral.groups.0.organisations: "sof" is the id of no organisation here`,
    ]);
  });
});
