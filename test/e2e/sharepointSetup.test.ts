/**
 * `npm run sharepoint:setup` prepares the library the bot files into, against the fake Graph over HTTPS: it
 * creates the columns filing sets (with the grant that allows it, and refuses clearly without), and a filing
 * afterwards sets them. A library that lacks a column (setup never run, or a column deleted) still gets the
 * files; the handläggare is told once which column is missing, the log says so with its code, and the job is
 * not retried for ever.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FakeGraph } from '../fakes/fakeGraph.js';
import { personalChat, startHarness, type ChatUser, type Harness } from '../support/botHarness.js';
import { FormDriver } from '../support/formDriver.js';
import { graphEnv, LIBRARY, startFakeGraph } from '../support/graphSetup.js';
import { exampleOrganisation } from '../support/answerFixtures.js';
import { remiss } from '../support/remissFixtures.js';
import { TEST_CERT_PATH } from '../support/testTls.js';
import { DEFAULT_OUTBOX_OPTIONS } from '../../src/outbox/outbox.js';

const run = promisify(execFile);
const DNR = 'KS 2026/412';
const anna = { id: '29:anna', name: 'Anna Andersson', aadObjectId: 'aad-anna', email: 'anna.andersson@stad.se' };
const cecilia = {
  id: '29:cecilia',
  name: 'Cecilia Holm',
  aadObjectId: 'aad-cecilia',
  email: 'cecilia.holm@stad.example.se',
};
const QUICK_OUTBOX = { ...DEFAULT_OUTBOX_OPTIONS, pollMs: 50, baseBackoffMs: 20, maxBackoffMs: 200 };

let graph: FakeGraph;
let h: Harness | undefined;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-spsetup-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(async () => {
  await h?.stop();
  h = undefined;
  await graph?.stop();
});

/** The command as an admin runs it, against the fake Graph. */
function setup(extra: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, NODE_EXTRA_CA_CERTS: TEST_CERT_PATH, ...graphEnv(graph, extra) };
  return run(process.execPath, ['--import', 'tsx', 'src/cli/sharepointSetup.ts'], {
    cwd: path.resolve(__dirname, '../..'),
    env,
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

const libraryColumns = () =>
  [...graph.sharePointLists.list(LIBRARY).columns.values()]
    .filter((c) => c.name !== 'Title')
    .map((c) => [c.name, c.type, c.indexed]);
const columnPosts = () => graph.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/columns'));

test("with an owner grant it creates the library's four columns, typed; run again it changes nothing", async () => {
  graph = await startFakeGraph([]);
  graph.siteRole = 'owner';
  const first = await setup();
  expect(first.code).toBe(0);
  expect(first.stdout).toContain('behöver därför behörigheten owner (eller fullcontrol)');
  expect(first.stdout).toContain(
    `Dokumentbiblioteket ”${LIBRARY}” har fått kolumnerna Diarienummer, Remittent, Svarsdatum, Status.`,
  );
  expect(libraryColumns()).toEqual([
    ['Diarienummer', 'text', true],
    ['Remittent', 'text', false],
    ['Svarsdatum', 'dateTime', false],
    ['Status', 'choice', true],
  ]);
  expect(graph.sharePointLists.list(LIBRARY).columns.get('Status')!.choices).toEqual(
    expect.arrayContaining(['Klar för diarieföring', 'Besvarad']),
  );
  expect(columnPosts().map((r) => r.status)).toEqual([201, 201, 201, 201]);

  const again = await setup();
  expect(again.code).toBe(0);
  expect(again.stdout).toContain('har redan sina kolumner. Ingenting är ändrat.');
  expect(columnPosts()).toHaveLength(4);
}, 60_000);

test(
  'with fullcontrol and REMISS_SOURCE=sharepoint it creates the mapped library columns and the register list in ' +
    'one run',
  async () => {
    graph = await startFakeGraph([]);
    graph.siteRole = 'fullcontrol';
    const org = JSON.parse(await readFile('config/organisation.json', 'utf8')) as Record<string, unknown>;
    const orgFile = path.join(dir, 'mapped-org.json');
    await writeFile(orgFile, JSON.stringify({ ...org, libraryColumns: { Remittent: 'Avs_x00e4_ndare' } }));
    const env = { ORG_CONFIG: orgFile, REMISS_SOURCE: 'sharepoint', SHAREPOINT_REMISS_LIST: 'Remisser' };
    const first = await setup(env);
    expect(first.code).toBe(0);
    expect(libraryColumns().map(([name]) => name)).toEqual(['Diarienummer', 'Avs_x00e4_ndare', 'Svarsdatum', 'Status']);
    expect(graph.sharePointLists.list(LIBRARY).columns.get('Avs_x00e4_ndare')!.displayName).toBe('Avsändare');
    expect(first.stdout).toContain('Listan ”Remisser” är skapad');
    expect(graph.sharePointLists.list('Remisser').columns.get('Status')!.type).toBe('choice');

    const again = await setup(env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('har redan sina kolumner');
    expect(again.stdout).toContain('Listan ”Remisser” finns redan');
    // Four columns and one list.
    expect(graph.requests.filter((r) => r.method === 'POST' && r.path.includes('/lists'))).toHaveLength(5);
  },
  60_000,
);

test(
  'a register list made for one organisation gets the Organisation column when there are two, and only then; ' +
    'run again it changes nothing',
  async () => {
    graph = await startFakeGraph();
    graph.siteRole = 'owner';
    const register = { REMISS_SOURCE: 'sharepoint', SHAREPOINT_REMISS_LIST: 'Remisser' };
    expect((await setup(register)).code).toBe(0);
    const list = () => graph.sharePointLists.list('Remisser');
    expect(list().columns.has('Organisation')).toBe(false);
    graph.sharePointLists.addItem('Remisser', { Title: 'Från förr', Diarienummer: 'KS 2026/1', Status: 'Fördelad' });

    const folder = await mkdtemp(path.join(dir, 'organisationer-'));
    await writeFile(
      path.join(folder, '1-sof.json'),
      JSON.stringify({ ...exampleOrganisation('forvaltning'), id: 'sof' }),
    );
    await writeFile(path.join(folder, '2-sbr.json'), JSON.stringify({ ...exampleOrganisation('bolag'), id: 'sbr' }));
    const grown = await setup({ ...register, ORG_CONFIG: folder });
    expect(grown.code).toBe(0);
    expect(grown.stdout).toContain(
      'Listan ”Remisser” har fått kolumnen Organisation för remissens organisation (dess id), eftersom ' +
        'organisationerna nu är flera; remisserna som redan finns där, utan värde, hör till den första organisationen.',
    );
    expect(list().columns.get('Organisation')).toMatchObject({ type: 'text', indexed: true });
    expect(graph.sharePointLists.items('Remisser').map((i) => i.fields)).toEqual([
      { Title: 'Från förr', Diarienummer: 'KS 2026/1', Status: 'Fördelad' },
    ]);

    const again = await setup({ ...register, ORG_CONFIG: folder });
    expect(again.stdout).toContain('Listan ”Remisser” finns redan och stämmer med inställningarna.');
    expect(columnPosts().filter((r) => r.path.includes(`/lists/${list().id}/`))).toHaveLength(1);
  },
  60_000,
);

test("with only the running bot's write grant it stops, naming the grant it needs, and creates nothing", async () => {
  graph = await startFakeGraph([]);
  const denied = await setup({ REMISS_SOURCE: 'sharepoint', SHAREPOINT_REMISS_LIST: 'Remisser' });
  expect(denied.code).toBe(2);
  expect(denied.stderr).toContain('SharePoint nekade åtkomst (accessDenied)');
  expect(denied.stderr).toContain('behörigheten owner (eller fullcontrol)');
  expect(denied.stderr).toContain('Den körande boten behöver bara write.');
  expect(denied.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(libraryColumns()).toEqual([]);
  expect(columnPosts().map((r) => r.status)).toEqual([403]);
  expect(graph.sharePointLists.list('Remisser')).toBeUndefined();
}, 60_000);

test('a column already there with another type is named, and nothing is changed', async () => {
  graph = await startFakeGraph([
    'Diarienummer',
    { name: 'Svarsdatum', displayName: 'Svarsdatum', type: 'text', indexed: false },
  ]);
  graph.siteRole = 'owner';
  const differs = await setup();
  expect(differs.code).toBe(1);
  expect(differs.stderr).toContain('kolumnen Svarsdatum är av typen text men ska vara dateTime');
  expect(columnPosts()).toEqual([]);
}, 60_000);

async function startBotAndApprove(remittent = 'Kommunstyrelsen'): Promise<{ annaChat: ChatUser }> {
  h = await startHarness({
    now: () => new Date('2026-11-24T13:03:00Z'),
    env: graphEnv(graph),
    outbox: QUICK_OUTBOX,
    dataDir: await mkdtemp(path.join(dir, 'data-')),
    log: (line) => logLines.push(line),
  });
  const d = new FormDriver(h);
  const annaChat = personalChat(h.connector, anna);
  const ceciliaChat = personalChat(h.connector, cecilia);
  await h.bot.register.save(
    remiss({
      dnr: DNR,
      title: 'Trygghetsprogram',
      remittent,
      dueDate: '2026-12-15',
      handlaggare: { email: anna.email },
    }),
  );
  await d.sendAndApprove(annaChat, ceciliaChat, DNR);
  await h.bot.outbox.idle();
  return { annaChat };
}
const logLines: string[] = [];

test('after setup, a filing by the bot (on a write grant) sets the columns setup created', async () => {
  graph = await startFakeGraph([]);
  graph.siteRole = 'owner';
  expect((await setup()).code).toBe(0);
  graph.siteRole = 'write';
  await startBotAndApprove();
  const files = graph.filesIn(LIBRARY);
  expect(files).toHaveLength(2);
  for (const f of files)
    expect(f.fields).toEqual({
      Diarienummer: DNR,
      Remittent: 'Kommunstyrelsen',
      Svarsdatum: '2026-12-15T12:00:00Z',
      Status: 'Besvarad',
    });
  expect(graph.requests.filter((r) => r.status === 403)).toEqual([]);
}, 60_000);

test(
  'a library without the columns: the files are filed, the handläggare is told once which column is missing, and ' +
    'nothing retries',
  async () => {
    graph = await startFakeGraph(['Remittent', 'Svarsdatum', 'Status']);
    logLines.length = 0;
    const { annaChat } = await startBotAndApprove();

    expect(graph.filesIn(LIBRARY).map((f) => f.name)).toEqual([
      expect.stringMatching(/\.docx$/),
      expect.stringMatching(/\.pdf$/),
    ]);
    expect((await h!.bot.register.get(DNR))!.remiss.status).toBe('Besvarad');
    const texts = () => h!.connector.sentTo(annaChat.conversationId).map((a) => String(a.body.text ?? ''));
    expect(texts().filter((t) => t.includes('saknar kolumnen Diarienummer'))).toHaveLength(1);
    expect(texts().filter((t) => t.includes('sparandet i SharePoint har inte lyckats'))).toEqual([]);

    // The filing job is done, not waiting: time passing brings no more uploads, PATCHes or messages.
    const job = (await h!.bot.store.list('outbox/')).find((k) => k.includes('filing-'))!;
    expect((await h!.bot.store.get<{ state: string }>(job))!.value.state).toBe('done');
    const requestsBefore = graph.requests.length;
    await h!.bot.outbox.idle();
    await new Promise((r) => setTimeout(r, 300)); // several of the quick outbox's polls and backoffs
    expect(graph.requests.length).toBe(requestsBefore);
    expect(texts().filter((t) => t.includes('saknar kolumnen'))).toHaveLength(1);

    const logged = logLines.filter((l) => l.includes('"event":"filing.metadata.columnMissing"'));
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0]!)).toMatchObject({ code: 'LIBRARY_COLUMN_MISSING', column: 'Diarienummer' });
  },
  60_000,
);

test(
  'a value SharePoint refuses for good (a remittent over 255 characters): filed, told once, logged, not ' + 'retried',
  async () => {
    graph = await startFakeGraph();
    logLines.length = 0;
    const { annaChat } = await startBotAndApprove(`Kommunstyrelsen ${'och dess beredningar '.repeat(13)}`);

    expect(graph.filesIn(LIBRARY).map((f) => f.fields)).toEqual([{}, {}]);
    const patches = () => graph.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith('/listItem/fields'));
    expect(patches().map((r) => r.status)).toEqual([400, 400]);
    expect((await h!.bot.register.get(DNR))!.remiss.status).toBe('Besvarad');
    const texts = () => h!.connector.sentTo(annaChat.conversationId).map((a) => String(a.body.text ?? ''));
    expect(
      texts().filter((t) => t.includes('SharePoint tog inte emot dem') && t.includes('invalidRequest')),
    ).toHaveLength(1);
    expect(texts().filter((t) => t.includes('sparandet i SharePoint har inte lyckats'))).toEqual([]);

    const job = (await h!.bot.store.list('outbox/')).find((k) => k.includes('filing-'))!;
    expect((await h!.bot.store.get<{ state: string }>(job))!.value.state).toBe('done');
    await new Promise((r) => setTimeout(r, 300));
    await h!.bot.outbox.idle();
    expect(patches()).toHaveLength(2);

    const logged = logLines.filter((l) => l.includes('"event":"filing.metadata.refused"'));
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0]!)).toMatchObject({ code: 'LIBRARY_METADATA_REFUSED', graphCode: 'invalidRequest' });
    expect(logged[0]).not.toContain('beredningar');
  },
  60_000,
);
