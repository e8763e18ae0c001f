/**
 * Filing in SharePoint through Microsoft Graph: the whole journey against the fake Graph and token endpoint
 * over HTTPS: the approved .docx and Graph's PDF of it land in <library>/<year>/<dnr> <titel>/ with the
 * library's columns set, exactly once, the approver's card and the handläggare's chat show the link, and the
 * registrator's card moves the remiss to Besvarad.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { cardOf, cardText } from '../fakes/fakeConnector.js';
import type { FakeGraph } from '../fakes/fakeGraph.js';
import {
  GRAPH_CLIENT_ID as CLIENT_ID,
  GRAPH_SECRET as SECRET,
  graphEnv,
  LIBRARY,
  startFakeGraph,
} from '../support/graphSetup.js';
import { channelOf, personalChat, startHarness, type ChatUser, type Harness } from '../support/botHarness.js';
import { button, FormDriver, type Card } from '../support/formDriver.js';
import { remiss } from '../support/remissFixtures.js';
import { ApprovalStore, sha256 } from '../../src/features/approval/approvalStore.js';
import { createStore } from '../../src/storage/createStore.js';
import { DEFAULT_OUTBOX_OPTIONS } from '../../src/outbox/outbox.js';

const DNR = 'SBR 201.3.1-389/2026';
const TITLE = 'Näringslivspolicy: "remissversion"';
const FOLDER = '2026/SBR 201.3.1-389-2026 Näringslivspolicy remissversion';
const DOCX = 'SBR 201.3.1-389-2026 Svar på remiss - Näringslivspolicy remissversion.docx';
const PDF = DOCX.replace('.docx', '.pdf');
const anna = { id: '29:anna', name: 'Anna Andersson', aadObjectId: 'aad-anna', email: 'anna.andersson@stad.se' };
const cecilia = {
  id: '29:cecilia',
  name: 'Cecilia Holm',
  aadObjectId: 'aad-cecilia',
  email: 'cecilia.holm@stad.example.se',
};
/** Fast retries: the outbox's backoff is the same code, only shorter. */
const QUICK_OUTBOX = { ...DEFAULT_OUTBOX_OPTIONS, pollMs: 50, baseBackoffMs: 20, maxBackoffMs: 200 };

let graph: FakeGraph;
let h: Harness;
let d: FormDriver;
let annaChat: ChatUser;
let ceciliaChat: ChatUser;
let orgDir: string;

const logLines: string[] = [];

async function start(env: Record<string, string> = {}, libraryColumns?: string[]): Promise<void> {
  graph = await startFakeGraph(libraryColumns);
  await startBot(env);
  await h.bot.register.save(
    remiss({
      dnr: DNR,
      title: TITLE,
      remittent: 'Stockholms Stadshus AB',
      dueDate: '2026-12-15',
      handlaggare: { email: anna.email },
    }),
  );
}

/** The bot on the test's data folder (kept across a restart), against the running fake Graph. */
async function startBot(env: Record<string, string> = {}, dataDir?: string): Promise<void> {
  h = await startHarness({
    now: () => new Date('2026-11-24T13:03:00Z'),
    env: graphEnv(graph, env),
    outbox: QUICK_OUTBOX,
    dataDir: dataDir ?? (await mkdtemp(path.join(orgDir, 'data-'))),
    log: (line) => logLines.push(line),
  });
  d = new FormDriver(h);
  annaChat = personalChat(h.connector, anna);
  ceciliaChat = personalChat(h.connector, cecilia);
}

beforeAll(async () => {
  orgDir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-org-'));
});
afterAll(async () => {
  await rm(orgDir, { recursive: true, force: true });
});
afterEach(async () => {
  await h?.stop();
  await graph?.stop();
});

const approve = () => d.sendAndApprove(annaChat, ceciliaChat, DNR);
const graphCalls = (method: string, pattern: RegExp) =>
  graph.requests.filter((r) => r.method === method && pattern.test(r.path));

test(
  "the approved .docx and Graph's PDF of it are filed with their columns; the approver and the handläggare see " +
    'the link',
  async () => {
    await start();
    await approve();

    const files = graph.filesIn(LIBRARY);
    expect(files.map((f) => f.path)).toEqual([`${FOLDER}/${DOCX}`, `${FOLDER}/${PDF}`]);
    const stored = (await new ApprovalStore(createStore({ STORAGE: 'file', DATA_DIR: h.dataDir })).getDocument(
      DNR,
      1,
    ))!;
    expect(sha256(files[0]!.bytes)).toBe(stored.hash);
    expect(files[1]!.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    for (const f of files)
      expect(f.fields).toEqual({
        Diarienummer: DNR,
        Remittent: 'Stockholms Stadshus AB',
        Svarsdatum: '2026-12-15T12:00:00Z',
        Status: 'Besvarad',
      });

    // The exact requests: one token for Graph's .default scope, the site by URL, the library by name, simple
    // PUTs that refuse to replace, Graph's conversion of the filed .docx, and nothing pre-authenticated with a token.
    expect(graph.tokensIssued).toEqual([{ scope: `${graph.baseUrl}/.default`, clientId: CLIENT_ID }]);
    expect(graphCalls('GET', /^\/v1\.0\/sites\/stad\.sharepoint\.com:\/sites\/remisser$/)).toHaveLength(1);
    const puts = graphCalls('PUT', /\/content$/);
    expect(
      puts.map((r) => [
        r.path.slice(r.path.indexOf('root:/') + 6),
        r.query['@microsoft.graph.conflictBehavior'],
        r.status,
      ]),
    ).toEqual([
      [`${FOLDER}/${DOCX}:/content`, 'fail', 201],
      [`${FOLDER}/${PDF}:/content`, 'fail', 201],
    ]);
    expect(graphCalls('GET', /\/content$/).map((r) => r.query)).toEqual([{ format: 'pdf' }]);
    expect(graph.requests.filter((r) => r.path.startsWith('/download/')).map((r) => [r.host, r.authorization])).toEqual(
      [['127.0.0.1', false]],
    );
    expect(graph.violations).toEqual([]);

    expect((await h.bot.register.get(DNR))!.remiss.status).toBe('Besvarad');
    const docxUrl = `${graph.siteUrl}/${LIBRARY}/${FOLDER}/${DOCX}`
      .split('/')
      .map((s, i) => (i < 3 ? s : encodeURIComponent(s)))
      .join('/');
    const told = h.connector
      .sentTo(annaChat.conversationId)
      .map((a) => String(a.body.text ?? ''))
      .filter((t) => t.includes('är sparat i dokumentbiblioteket'));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(docxUrl);
    const approverCard = h.connector.received
      .filter((a) => a.method === 'PUT' && a.conversationId === ceciliaChat.conversationId)
      .map((a) => cardOf(a)!)
      .at(-1)!;
    expect(button(approverCard, 'Öppna det sparade svaret')).toMatchObject({ type: 'Action.OpenUrl', url: docxUrl });
    expect(cardText(approverCard)).toContain(`Sparat som ${DOCX}.`);
  },
  60_000,
);

test(
  'a different file already under the name (put there in the browser) is never replaced: ours gets the next ' + 'name',
  async () => {
    await start();
    const theirs = graph.addFile(LIBRARY, `${FOLDER}/${DOCX}`, Buffer.from('en annan fil'));
    await approve();
    expect(graph.filesIn(LIBRARY).map((f) => f.path)).toEqual(
      [`${FOLDER}/${DOCX}`, `${FOLDER}/${DOCX.replace('.docx', ' (2).docx')}`, `${FOLDER}/${PDF}`].sort((a, b) =>
        a.localeCompare(b),
      ),
    );
    expect(graph.items.get(theirs.id)!.bytes.toString()).toBe('en annan fil');
    expect(graphCalls('PUT', /\/content$/).map((r) => r.status)).toEqual([409, 201, 201]);
  },
  60_000,
);

test(
  'a filing job run again after a crash (the uploads done, the job not marked) finds its own files and files ' +
    'nothing twice',
  async () => {
    await start();
    await approve();
    await h.stop();
    // As if the process had died after both uploads, before it recorded them or marked the job done.
    const store = createStore({ STORAGE: 'file', DATA_DIR: h.dataDir });
    await store.put(`filings/${DNR}/v1`, { schemaVersion: 1, dnr: DNR, version: 1 });
    const job = (await store.list('outbox/')).find((k) => k.includes('filing-'))!;
    const stored = (await store.get<Record<string, unknown>>(job))!.value;
    await store.put(job, { ...stored, state: 'running', doneAt: undefined, leaseUntil: new Date(0).toISOString() });
    const annaBefore = h.connector
      .sentTo(annaChat.conversationId)
      .filter((a) => String(a.body.text ?? '').includes('är sparat i dokumentbiblioteket'));
    expect(annaBefore).toHaveLength(1);
    await startBot({}, h.dataDir);
    await h.bot.outbox.idle();

    expect(graph.filesIn(LIBRARY).map((f) => f.path)).toEqual([`${FOLDER}/${DOCX}`, `${FOLDER}/${PDF}`]);
    expect(graphCalls('PUT', /\/content$/).map((r) => r.status)).toEqual([201, 201, 409, 409]);
    // The PDF was converted once and kept, so the retry recognised its own upload byte for byte.
    expect(graph.pdfConversions).toBe(1);
    // The handläggare's notice is an outbox job with a fixed id: the rerun's enqueue adds nothing.
    expect(h.connector.sentTo(annaChat.conversationId)).toEqual([]);
  },
  60_000,
);

test('429 and 503 are retried after the Retry-After Graph asked for', async () => {
  await start();
  graph.failNext((r) => r.path.endsWith('/drives'), '429');
  graph.failNext((r) => r.method === 'PUT', '503');
  await approve();
  const drives = graph.requests.filter((r) => r.path.endsWith('/drives'));
  expect(drives.map((r) => r.status)).toEqual([429, 200]);
  expect(drives[1]!.at - drives[0]!.at).toBeGreaterThanOrEqual(1000);
  const puts = graphCalls('PUT', /\/content$/);
  expect(puts.map((r) => r.status)).toEqual([503, 201, 201]);
  expect(puts[1]!.at - puts[0]!.at).toBeGreaterThanOrEqual(1000);
  expect(graph.filesIn(LIBRARY)).toHaveLength(2);
}, 60_000);

test("column names come from the organisation's config (SharePoint's encoded internal names)", async () => {
  const org = JSON.parse(await readFile('config/organisation.json', 'utf8')) as Record<string, unknown>;
  const orgFile = path.join(orgDir, 'organisation.json');
  await writeFile(
    orgFile,
    JSON.stringify({ ...org, libraryColumns: { Remittent: 'Remittent_x00e4_r', Status: 'Remissstatus' } }),
  );
  await start({ ORG_CONFIG: orgFile }, ['Diarienummer', 'Remittent_x00e4_r', 'Svarsdatum', 'Remissstatus']);
  await approve();
  expect(graph.filesIn(LIBRARY)[0]!.fields).toEqual({
    Diarienummer: DNR,
    Remittent_x00e4_r: 'Stockholms Stadshus AB',
    Svarsdatum: '2026-12-15T12:00:00Z',
    Remissstatus: 'Besvarad',
  });
}, 60_000);

test(
  'a failure that persists is told to the handläggare once, in Swedish, and filing keeps being ' + 'retried',
  async () => {
    await start({ GRAPH_CLIENT_SECRET: 'an-expired-secret-0000000000000' });
    await approve();
    for (let i = 0; i < 6; i++) {
      const job = (await h.bot.store.list('outbox/')).find((k) => k.includes('filing-'))!;
      const stored = (await h.bot.store.get<Record<string, unknown>>(job))!.value;
      await h.bot.store.put(job, { ...stored, notBefore: new Date(0).toISOString() });
      await h.bot.outbox.idle();
    }
    const told = h.connector
      .sentTo(annaChat.conversationId)
      .map((a) => String(a.body.text ?? ''))
      .filter((t) => t.includes('sparandet i SharePoint har inte lyckats'));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('be IT kontrollera');
    const job = (await h.bot.store.list('outbox/')).find((k) => k.includes('filing-'))!;
    expect((await h.bot.store.get<{ state: string }>(job))!.value.state).toBe('pending');
    expect(graph.filesIn(LIBRARY)).toEqual([]);
    expect((await h.bot.register.get(DNR))!.remiss.status).toBe('Godkänd');
    // The logs say what failed, never a secret, a token or the document's text.
    const log = logLines.join('\n');
    expect(log).toContain('"outcome":"waiting"');
    for (const secret of ['an-expired-secret-0000000000000', SECRET, 'SBR tillstyrker avsnitt 3.', 'Bearer '])
      expect(log).not.toContain(secret);
  },
  60_000,
);

test(
  'with a registrator channel the status is "Klar för diarieföring" until the registrator\'s card is ' + 'pressed',
  async () => {
    await start({ REGISTRATOR: 'channel:19:team@thread.tacv2/19:registratur@thread.tacv2' });
    const rut = channelOf(
      h.connector,
      personalChat(h.connector, {
        id: '29:rut',
        name: 'Rut Registrator',
        aadObjectId: 'aad-rut',
        email: 'rut@stad.se',
      }),
      '19:registratur@thread.tacv2',
    );
    await approve();
    expect((await h.bot.register.get(DNR))!.remiss.status).toBe('Klar för diarieföring');
    expect(graph.filesIn(LIBRARY)[0]!.fields.Status).toBe('Klar för diarieföring');
    const card = h.connector
      .sentTo(rut.conversationId)
      .map((a) => cardOf(a))
      .find((c): c is Card => !!c && cardText(c).includes('Klart att diarieföra'))!;
    expect(button(card, 'Öppna Word-filen')).toMatchObject({
      url: expect.stringContaining(encodeURIComponent(DOCX)) as unknown,
    });
    await d.click(rut, card, 'Markera som diariefört och skickat');
    expect((await h.bot.register.get(DNR))!.remiss.status).toBe('Besvarad');
    await h.bot.outbox.idle();
    expect(graph.filesIn(LIBRARY).map((f) => f.fields.Status)).toEqual(['Besvarad', 'Besvarad']);
  },
  60_000,
);

test('under 30% injected faults (429, 503, resets) every document is filed exactly once', async () => {
  await start();
  graph.injectFaults(0.3);
  await approve();
  for (let i = 0; i < 40 && (await h.bot.register.get(DNR))!.remiss.status !== 'Besvarad'; i++) {
    await new Promise((r) => setTimeout(r, 250));
    await h.bot.outbox.idle();
  }
  expect(graph.requests.filter((r) => r.fault).length).toBeGreaterThan(0);
  expect(graph.filesIn(LIBRARY).map((f) => f.path)).toEqual([`${FOLDER}/${DOCX}`, `${FOLDER}/${PDF}`]);
  expect((await h.bot.register.get(DNR))!.remiss.status).toBe('Besvarad');
  expect(graph.violations).toEqual([]);
}, 120_000);
