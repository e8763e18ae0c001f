/**
 * The remiss register in a SharePoint list (REMISS_SOURCE=sharepoint) against the fake Graph: the same
 * journeys as with the local register, edits made "in the browser" shown in the next answer and never
 * overwritten, person columns, paging, the setup and import commands, and the organisation column of a
 * deployment with several organisations.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { cardOf, cardText } from '../fakes/fakeConnector.js';
import type { FakeGraph } from '../fakes/fakeGraph.js';
import { personalChat, startHarness, type ChatUser, type Harness } from '../support/botHarness.js';
import { FormDriver } from '../support/formDriver.js';
import { graphEnv, GRAPH_CLIENT_ID, GRAPH_SECRET, GRAPH_TENANT_ID, startFakeGraph } from '../support/graphSetup.js';
import { createGraphClient } from '../../src/integrations/graph/graphClient.js';
import { createGraphCredential } from '../../src/integrations/graph/graphCredential.js';
import { exampleOrganisation } from '../support/answerFixtures.js';
import { remiss } from '../support/remissFixtures.js';
import { TEST_CERT_PATH } from '../support/testTls.js';

const run = promisify(execFile);
const LIST = 'Remisser';
const anna = { id: '29:anna', name: 'Anna Andersson', aadObjectId: 'aad-anna', email: 'anna.andersson@stad.se' };
const cecilia = {
  id: '29:cecilia',
  name: 'Cecilia Holm',
  aadObjectId: 'aad-cecilia',
  email: 'cecilia.holm@stad.example.se',
};
const NOW = new Date('2026-11-24T09:00:00Z');

let graph: FakeGraph | undefined;
let h: Harness;
let d: FormDriver;
let annaChat: ChatUser;
let ceciliaChat: ChatUser;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-splist-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(async () => {
  await h?.stop();
  await graph?.stop();
  graph = undefined;
});

/** The CLI commands, run as an admin runs them, against the fake Graph. */
function cli(script: string, args: string[], env: Record<string, string>) {
  return run(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: path.resolve(__dirname, '../..'),
    env: { ...process.env, NODE_EXTRA_CA_CERTS: TEST_CERT_PATH, ...env },
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

/** The setup command as the admin runs it once, with the site grant it needs (owner); the bot then runs on write. */
async function runSetup(env: Record<string, string>) {
  graph!.siteRole = 'owner';
  const result = await cli('src/cli/sharepointSetup.ts', [], env);
  graph!.siteRole = 'write';
  return result;
}

async function start(source: 'local' | 'sharepoint', extra: Record<string, string> = {}): Promise<void> {
  const env: Record<string, string> = {};
  if (source === 'sharepoint') {
    graph = await startFakeGraph();
    Object.assign(env, graphEnv(graph, { REMISS_SOURCE: 'sharepoint', SHAREPOINT_REMISS_LIST: LIST, ...extra }));
    const setup = await runSetup(env);
    expect(setup).toMatchObject({ code: 0, stdout: expect.stringContaining('är skapad') as unknown });
  }
  h = await startHarness({ now: NOW, env });
  d = new FormDriver(h);
  annaChat = personalChat(h.connector, anna);
  ceciliaChat = personalChat(h.connector, cecilia);
  await h.bot.register.save(
    remiss({ dnr: 'KS 2026/1', title: 'Trygghetsprogram', dueDate: '2026-11-27', handlaggare: { email: anna.email } }),
  );
  await h.bot.register.save(
    remiss({
      dnr: 'KS 2026/2',
      title: "Näringslivspolicy 'remissversion'",
      dueDate: '2026-12-10',
      handlaggare: { email: 'erik@stad.se' },
    }),
  );
  await h.bot.register.save(
    remiss({
      dnr: 'KS 2026/3',
      title: 'Redan besvarad',
      dueDate: '2026-11-20',
      handlaggare: { email: anna.email },
      status: 'Besvarad',
    }),
  );
}

const lastCard = async (chat: ChatUser, text: string) => cardText(cardOf(await d.say(chat, text))!);

describe.each(['local', 'sharepoint'] as const)('the same journeys with REMISS_SOURCE=%s', (source) => {
  test('the due list, "mina remisser", the form and the approval', async () => {
    await start(source);
    const due = await lastCard(annaChat, 'vilka remisser har vi?');
    expect(due).toContain('Trygghetsprogram');
    expect(due).toContain("Näringslivspolicy 'remissversion'");
    expect(due).toContain('26 nov'); // klart senast, a working day before the svarsdatum 27 November
    expect(due).not.toContain('Redan besvarad');
    const mine = await lastCard(annaChat, 'mina remisser');
    expect(mine).toContain('Trygghetsprogram');
    expect(mine).not.toContain('Näringslivspolicy');

    await d.sendAndApprove(annaChat, ceciliaChat, 'KS 2026/1');
    const after = (await h.bot.register.get('KS 2026/1'))!.remiss;
    expect(['Godkänd', 'Besvarad']).toContain(after.status);
    expect(after.history.map((e) => e.kind)).toEqual(expect.arrayContaining(['approvalRequested', 'approved']));
    expect(after.dueDate).toBe('2026-11-27');
    if (graph) expect(graph.sharePointLists.blindWrites).toEqual([]);
  }, 90_000);
});

describe('REMISS_SOURCE=sharepoint', () => {
  test('dates are calendar days in Stockholm: written as Stockholm midnight, read back the same day', async () => {
    await start('sharepoint');
    const item = graph!.sharePointLists.items(LIST).find((i) => i.fields.Diarienummer === 'KS 2026/1')!;
    expect(item.fields.Svarsdatum).toBe('2026-11-26T23:00:00Z');
    // One organisation: no organisation column, and the fake refuses a write naming one, as SharePoint does.
    expect(graph!.sharePointLists.list(LIST).columns.has('Organisation')).toBe(false);
    // A date entered in the browser on a site in another time zone (UTC) still reads as its own day.
    graph!.sharePointLists.editItem(LIST, item.id, { Svarsdatum: '2026-12-01T00:00:00Z' });
    expect((await h.bot.register.get('KS 2026/1'))!.remiss.dueDate).toBe('2026-12-01');
  }, 60_000);

  test(
    'changes made in SharePoint show in the next answer: a new remiss, a changed svarsdatum, a reassigned ' +
      'handläggare',
    async () => {
      await start('sharepoint');
      expect(await lastCard(annaChat, 'mina remisser')).not.toContain('Ny i listan');
      const lists = graph!.sharePointLists;
      lists.addItem(LIST, {
        Title: 'Ny i listan',
        Diarienummer: 'KS 2026/9',
        Remittent: 'KS',
        Svarsdatum: '2026-11-29T23:00:00Z',
        Handl_x00e4_ggare: anna.email,
        Status: 'Fördelad',
      });
      const erik = lists.items(LIST).find((i) => i.fields.Diarienummer === 'KS 2026/2')!;
      lists.editItem(LIST, erik.id, { Handl_x00e4_ggare: anna.email, Svarsdatum: '2026-12-04T23:00:00Z' });
      const mine = await lastCard(annaChat, 'mina remisser');
      expect(mine).toContain('Ny i listan');
      expect(mine).toContain('27 nov'); // svarsdatum Monday 30 November
      expect(mine).toContain("Näringslivspolicy 'remissversion'");
      expect(mine).toContain('4 dec'); // svarsdatum Saturday 5 December
    },
    60_000,
  );

  test(
    'an edit in the browser between the bot reading and writing an item is kept: 412, read again, ' + 're-apply',
    async () => {
      await start('sharepoint');
      const lists = graph!.sharePointLists;
      const item = lists.items(LIST).find((i) => i.fields.Diarienummer === 'KS 2026/1')!;
      let edited = false;
      graph!.failNext((r) => {
        if (edited || r.method !== 'PATCH' || !r.path.endsWith(`/items/${item.id}/fields`)) return false;
        edited = true;
        lists.editItem(LIST, item.id, { Title: 'Trygghetsprogram (rättad titel)', Svarsdatum: '2026-12-03T23:00:00Z' });
        return false;
      }, '503');
      const { card: preview } = await d.answerToPreview(annaChat, 'KS 2026/1', anna.email);
      await d.click(annaChat, await d.click(annaChat, preview, 'Skicka för godkännande'), 'Skicka', {
        approver: cecilia.email,
      });
      const patches = graph!.requests.filter(
        (r) => r.method === 'PATCH' && r.path.endsWith(`/items/${item.id}/fields`),
      );
      expect(patches.map((r) => r.status)).toEqual([412, ...patches.slice(1).map(() => 200)]);
      expect(patches.length).toBeGreaterThanOrEqual(2);
      expect(item.fields).toMatchObject({
        Title: 'Trygghetsprogram (rättad titel)',
        Svarsdatum: '2026-12-03T23:00:00Z',
        Status: 'För godkännande',
      });
      expect(lists.blindWrites).toEqual([]);
    },
    60_000,
  );

  test('person columns: the handläggare as a SharePoint person (lookup id) through the mapping', async () => {
    const org = JSON.parse(await readFile('config/organisation.json', 'utf8')) as Record<string, unknown>;
    const orgFile = path.join(dir, 'person-org.json');
    await writeFile(orgFile, JSON.stringify({ ...org, remissListColumns: { handlaggareKind: 'person' } }));
    graph = await startFakeGraph();
    const lists = graph.sharePointLists;
    const env = graphEnv(graph, { REMISS_SOURCE: 'sharepoint', SHAREPOINT_REMISS_LIST: LIST, ORG_CONFIG: orgFile });
    expect((await runSetup(env)).code).toBe(0);
    const annaId = lists.addUser(anna.email, anna.name);
    lists.addItem(LIST, {
      Title: 'Personkolumn',
      Diarienummer: 'KS 2026/5',
      Remittent: 'KS',
      Svarsdatum: '2026-11-30T23:00:00Z',
      Handl_x00e4_ggareLookupId: String(annaId),
      Status: 'Fördelad',
    });
    h = await startHarness({ now: NOW, env });
    d = new FormDriver(h);
    annaChat = personalChat(h.connector, anna);
    expect(await lastCard(annaChat, 'mina remisser')).toContain('Personkolumn');
    await h.bot.register.save(
      remiss({ dnr: 'KS 2026/6', title: 'Skapad av boten', dueDate: '2026-12-01', handlaggare: { email: anna.email } }),
    );
    expect(lists.items(LIST).find((i) => i.fields.Diarienummer === 'KS 2026/6')!.fields.Handl_x00e4_ggareLookupId).toBe(
      String(annaId),
    );
  }, 60_000);

  test(
    'lists longer than a page are read to the end, and every filtered read says Prefer for non-indexed ' + 'columns',
    async () => {
      await start('sharepoint');
      graph!.sharePointLists.pageSize = 2;
      for (let i = 10; i < 15; i++)
        await h.bot.register.save(
          remiss({
            dnr: `KS 2026/${i}`,
            title: `Remiss ${i}`,
            dueDate: '2026-12-15',
            handlaggare: { email: anna.email },
          }),
        );
      graph!.failNext((r) => r.method === 'GET' && r.path.endsWith('/items') && r.query.has('$skiptoken'), '429');
      const mine = await lastCard(annaChat, 'mina remisser');
      for (let i = 10; i < 15; i++) expect(mine).toContain(`Remiss ${i}`);
      expect(graph!.requests.filter((r) => r.method === 'GET' && r.query.$skiptoken).length).toBeGreaterThanOrEqual(3);
      expect(graph!.requests.filter((r) => r.status === 429)).toHaveLength(1);
      expect(graph!.requests.filter((r) => r.status === 400)).toEqual([]);
      // The fake refuses, as SharePoint does, a filter on a column that is not indexed without that header.
      const client = createGraphClient(
        createGraphCredential(
          { kind: 'secret', tenantId: GRAPH_TENANT_ID, clientId: GRAPH_CLIENT_ID, secret: GRAPH_SECRET },
          graph!.authorityHost,
        ),
        graph!.baseUrl,
        30_000,
      );
      await expect(
        client.api(`/sites/${graph!.site}/lists/${LIST}/items`).filter("fields/Remittent eq 'Kommunstyrelsen'").get(),
      ).rejects.toMatchObject({
        statusCode: 400,
        message: expect.stringContaining('HonorNonIndexedQueriesWarningMayFailRandomly') as unknown,
      });
    },
    60_000,
  );

  test(
    'npm run sharepoint:setup: run again it changes nothing; a list that differs is left alone and the ' +
      'differences named',
    async () => {
      graph = await startFakeGraph();
      const env = graphEnv(graph, { REMISS_SOURCE: 'sharepoint', SHAREPOINT_REMISS_LIST: LIST });
      expect((await runSetup(env)).code).toBe(0);
      const again = await runSetup(env);
      expect(again).toMatchObject({ code: 0, stdout: expect.stringContaining('Ingenting är ändrat') as unknown });
      graph.sharePointLists.createList('Gammal lista', [
        { name: 'Diarienummer', displayName: 'Diarienummer', type: 'text', indexed: true },
        { name: 'Status', displayName: 'Status', type: 'text', indexed: false },
      ]);
      const differs = await runSetup({ ...env, SHAREPOINT_REMISS_LIST: 'Gammal lista' });
      expect(differs.code).toBe(1);
      expect(differs.stderr).toContain('kolumnen Status är av typen text men ska vara choice');
      expect(differs.stderr).toContain('kolumnen Svarsdatum (Svarsdatum) saknas');
      expect(graph.sharePointLists.list('Gammal lista').columns.size).toBe(3);
    },
    60_000,
  );

  test('npm run import writes to the list when it is the source', async () => {
    graph = await startFakeGraph();
    const env = graphEnv(graph, {
      REMISS_SOURCE: 'sharepoint',
      SHAREPOINT_REMISS_LIST: LIST,
      DATA_DIR: path.join(dir, 'import-data'),
    });
    expect((await runSetup(env)).code).toBe(0);
    const csv = path.join(dir, 'export.csv');
    await writeFile(
      csv,
      'diarienummer;titel;remittent;inkom;svarsdatum;handlaggare\nKS 2026/20;Från ' +
        'diariet;Kommunstyrelsen;2026-11-01;2026-12-15;anna.andersson@stad.se\n',
    );
    const first = await cli('src/cli/import.ts', [csv], env);
    expect(first.code).toBe(0);
    const items = graph.sharePointLists.items(LIST);
    expect(items.map((i) => [i.fields.Diarienummer, i.fields.Title, i.fields.Svarsdatum])).toEqual([
      ['KS 2026/20', 'Från diariet', '2026-12-14T23:00:00Z'],
    ]);
    await writeFile(
      csv,
      'diarienummer;titel;remittent;inkom;svarsdatum;handlaggare\nKS 2026/20;Från ' +
        'diariet;Kommunstyrelsen;2026-11-01;2026-12-18;anna.andersson@stad.se\n',
    );
    expect((await cli('src/cli/import.ts', [csv], env)).code).toBe(0);
    expect(graph.sharePointLists.items(LIST)).toHaveLength(1);
    expect(graph.sharePointLists.items(LIST)[0]!.fields.Svarsdatum).toBe('2026-12-17T23:00:00Z');
    expect(graph.sharePointLists.blindWrites).toEqual([]);
  }, 90_000);
});

describe('REMISS_SOURCE=sharepoint with two organisations (issue 19)', () => {
  const bertil = { id: '29:bertil', name: 'Bertil Berg', aadObjectId: 'aad-bertil', email: 'bertil.berg@stad.se' };

  test(
    'the list gets an Organisation column; the import and the bot write it, and an item without a value is the ' +
      "first organisation's",
    async () => {
      const folder = path.join(dir, 'organisationer');
      await mkdir(folder, { recursive: true });
      const write = (name: string, json: object) => writeFile(path.join(folder, name), JSON.stringify(json));
      await write('1-sof.json', {
        ...exampleOrganisation('forvaltning'),
        id: 'sof',
        members: { handlaggare: [anna.email] },
      });
      await write('2-sbr.json', {
        ...exampleOrganisation('bolag'),
        id: 'sbr',
        members: { handlaggare: [bertil.email] },
      });
      graph = await startFakeGraph();
      const lists = graph.sharePointLists;
      const env = graphEnv(graph, { REMISS_SOURCE: 'sharepoint', SHAREPOINT_REMISS_LIST: LIST, ORG_CONFIG: folder });
      const setup = await runSetup(env);
      expect(setup.code).toBe(0);
      expect(setup.stdout).toContain(`Listan ”${LIST}” har kolumnen Organisation för remissens organisation (dess id)`);
      expect(lists.list(LIST).columns.get('Organisation')).toMatchObject({ type: 'text', indexed: true });

      // An item from before there were several organisations: no value, so the first organisation's.
      lists.addItem(LIST, {
        Title: 'Från förr',
        Diarienummer: 'SOF 2026/1',
        Remittent: 'KS',
        Svarsdatum: '2026-11-30T23:00:00Z',
        Handl_x00e4_ggare: anna.email,
        Status: 'Fördelad',
      });
      const csv = path.join(dir, 'organisationer.csv');
      await writeFile(
        csv,
        'diarienummer;titel;remittent;inkom;svarsdatum;handlaggare;organisation\n' +
          'SBR 2026/1;Bolagets remiss;KS;2026-11-01;2026-12-15;bertil.berg@stad.se;SBR\n' +
          'SBR 2026/2;Utan organisation;KS;2026-11-01;2026-12-15;bertil.berg@stad.se;\n',
      );
      const imported = await cli('src/cli/import.ts', [csv], { ...env, DATA_DIR: path.join(dir, 'org-import') });
      expect(imported).toMatchObject({ code: 1, stderr: 'rad 3: organisation: saknas\n' });
      const fieldsOf = (dnr: string) => lists.items(LIST).find((i) => i.fields.Diarienummer === dnr)?.fields;
      expect(fieldsOf('SBR 2026/1')).toMatchObject({ Title: 'Bolagets remiss', Organisation: 'sbr' });
      expect(fieldsOf('SBR 2026/2')).toBeUndefined();

      h = await startHarness({ now: NOW, env });
      d = new FormDriver(h);
      annaChat = personalChat(h.connector, anna);
      const bertilChat = personalChat(h.connector, bertil);
      expect(await lastCard(annaChat, 'mina remisser')).toContain('Från förr');
      const bertils = await lastCard(bertilChat, 'vilka remisser har vi?');
      expect(bertils).toContain('Bolagets remiss');
      expect(bertils).not.toContain('Från förr');
      expect((await h.bot.register.get('SOF 2026/1'))!.remiss).not.toHaveProperty('organisation');
      expect((await h.bot.register.get('SBR 2026/1'))!.remiss.organisation).toBe('sbr');

      await h.bot.register.save(
        remiss({ dnr: 'SBR 2026/3', dueDate: '2026-12-01', organisation: 'sbr', handlaggare: { email: bertil.email } }),
      );
      expect(fieldsOf('SBR 2026/3')).toMatchObject({ Organisation: 'sbr' });
      expect(lists.blindWrites).toEqual([]);
    },
    90_000,
  );
});
