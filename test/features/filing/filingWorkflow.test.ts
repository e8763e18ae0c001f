/**
 * Filing in process: the filing job (files once, the PDF made once, metadata the archive refused, a failure
 * that persists), the registrator's card, and "Markera som diariefört och skickat" with who may press it. Real
 * FileStore, outbox and local archive in a temp dir; the Teams side is featureContextStub and a recording Messenger.
 */
import { exampleOrganisation } from '../../support/answerFixtures.js';
import { OrganisationDirectory } from '../../../src/domain/organisations.js';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { refusalOf } from '../../../src/cards/messageCard.js';
import type { Draft } from '../../../src/domain/draft.js';
import { formatDateTime } from '../../../src/domain/swedishDates.js';
import { DraftRepository } from '../../../src/features/answer/draftRepository.js';
import { ApprovalStore } from '../../../src/features/approval/approvalStore.js';
import type { DocumentArchive, FiledFile, FilingRequest } from '../../../src/features/filing/archive.js';
import { filingKey, registrationKey, type FilingRecord } from '../../../src/features/filing/filingRecords.js';
import { FilingWorkflow } from '../../../src/features/filing/filingWorkflow.js';
import { FILING_JOB, FILING_PREFIXES, FILING_VERBS, filingModule } from '../../../src/features/filing/index.js';
import { LocalFolderArchive } from '../../../src/features/filing/localFolderArchive.js';
import { registratorsOf } from '../../../src/features/filing/registrator.js';
import type { Asker, FeatureContext } from '../../../src/features/featureContext.js';
import { PeopleDirectory } from '../../../src/features/people/peopleDirectory.js';
import { messages } from '../../../src/i18n/messages.js';
import { createLogger } from '../../../src/logging/logger.js';
import { deliveryJobs } from '../../../src/messaging/deliveryJobs.js';
import type { ConversationTarget, Messenger } from '../../../src/messaging/messenger.js';
import { Outbox, RetryLater } from '../../../src/outbox/outbox.js';
import { LocalRemissRepository } from '../../../src/register/localRemissRepository.js';
import { FileStore } from '../../../src/storage/fileStore.js';
import { featureContextStub } from '../../support/featureContextStub.js';
import { remiss } from '../../support/remissFixtures.js';

const DNR = 'SBR 201.3.1-389/2026';
const TITLE = 'Näringslivspolicy';
const V1 = { dnr: DNR, version: 1 };
const NOW = new Date('2026-11-24T13:03:00Z');
const CHANNEL = '19:registratur@thread.tacv2';
const IN_CHANNEL = `channel:19:team@thread.tacv2/${CHANNEL}`;
const sv = messages('sv');
const anna = { teamsUserId: '29:anna', name: 'Anna Andersson', email: 'anna@stad.se' };
const rut: Asker = { teamsUserId: '29:rut', name: 'Rut Registrator', email: 'Rut@Stad.se' };
const mallory: Asker = { teamsUserId: '29:mallory', name: 'Mallory', email: 'mallory@stad.se' };
const annaChat = { serviceUrl: 'https://smba.example/', channelId: 'msteams', conversationId: 'a:anna', botId: '28:b' };

/** An archive of our DocumentArchive interface that keeps files in memory and can refuse columns or fail. */
class MemoryArchive implements DocumentArchive {
  readonly filed: FilingRequest[] = [];
  readonly statuses: string[] = [];

  constructor(
    private readonly refuse: Partial<Pick<FiledFile, 'missingColumn' | 'metadataRefused'>> = {},
    readonly failure?: Error,
  ) {}

  async file(request: FilingRequest): Promise<FiledFile> {
    if (this.failure) throw this.failure;
    this.filed.push(request);
    const url = `https://arkiv.example/${request.year}/${request.folder}/${request.fileName}`;
    return { id: url, url, hash: `hash-${this.filed.length}`, name: request.fileName, ...this.refuse };
  }

  async setStatus(file: FiledFile, status: string): Promise<void> {
    this.statuses.push(`${file.name}: ${status}`);
  }
}

let dir: string;
let store: FileStore;
let register: LocalRemissRepository;
let posted: { to: ConversationTarget; card: Record<string, unknown> }[];
let texts: string[], shownFiled: string[], logLines: string[];
let conversions: number;
let outbox: Outbox;
let workflow: FilingWorkflow;
let filing: ReturnType<typeof filingModule>;

const recording: Messenger = {
  post: async (to, card) => (posted.push({ to, card }), { ...to, activityId: 'act-1' }),
  postText: async (_to, text) => void texts.push(text),
  update: async () => undefined,
  openPersonalChat: async () => annaChat,
};

async function setup(options: { registrator?: string; archive?: DocumentArchive } = {}): Promise<void> {
  [posted, texts, shownFiled, conversions, logLines] = [[], [], [], 0, []];
  dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-filing-'));
  store = new FileStore(path.join(dir, 'data'));
  register = new LocalRemissRepository(store);
  await register.save(remiss({ dnr: DNR, title: TITLE, dueDate: '2026-12-15', status: 'Godkänd' }));
  const drafts = new DraftRepository(store);
  const [at, formMessage] = [NOW.toISOString(), { ...annaChat, activityId: 'form-1' }];
  const draft = { schemaVersion: 1, dnr: DNR, owner: anna, step: 7, revision: 9, answer: {}, formMessage };
  await drafts.create({ ...draft, createdAt: at, updatedAt: at } as Draft);
  const approvals = new ApprovalStore(store);
  const hash = await approvals.putDocument(DNR, 1, Buffer.from('the approved docx'));
  const by = { name: 'Cecilia Holm', email: 'cecilia@stad.se' };
  const approved = { kind: 'approved' as const, by, at: NOW.toISOString() };
  const version = { version: 1, hash, documentDate: '2026-11-24', sentAt: NOW.toISOString(), sentBy: anna };
  const versions = [{ ...version, approver: by, message: '', decision: approved }];
  await approvals.save({ schemaVersion: 1, dnr: DNR, versions }, undefined);
  const people = new PeopleDirectory(store);
  await people.remember({ ...rut, email: 'rut@stad.se', personalChat: { ...annaChat, conversationId: 'a:rut' } }, NOW);
  const logger = createLogger('info', { write: (line: string) => void logLines.push(line) });
  outbox = new Outbox(store, () => NOW, logger);
  const registrators = registratorsOf(new OrganisationDirectory([exampleOrganisation('bolag')]), options.registrator);
  workflow = new FilingWorkflow({
    ...{ register, approvals, drafts, people, store, outbox, logger, registrators, messenger: recording },
    folderOf: () => undefined,
    archive: options.archive ?? new LocalFolderArchive(path.join(dir, 'arkiv')),
    pdf: { toPdf: async () => Buffer.from(`%PDF converted ${++conversions}`) },
    clock: () => NOW,
    approvalCards: { showFiled: async (_dnr, version, filed) => void shownFiled.push(`v${version} ${filed.name}`) },
  });
  filing = filingModule(workflow, registrators);
  outbox.registerAll({ ...filing.jobs, ...deliveryJobs(recording, async () => false) });
}

afterEach(async () => {
  await outbox.stop();
  await rm(dir, { recursive: true, force: true });
});

const fileVersion1 = async () => {
  await outbox.enqueue(FILING_JOB, V1, { id: 'filing-v1' });
  await outbox.idle();
};
const filingRecord = async () => (await store.get<FilingRecord>(filingKey(V1)))?.value;
const status = async () => (await register.get(DNR))!.remiss.status;
const filedFiles = async () => readdir(path.join(dir, 'arkiv', '2026', 'SBR 201.3.1-389-2026 Näringslivspolicy'));
const inChannel = (asker: Asker, channel = CHANNEL) =>
  featureContextStub(asker, {
    now: NOW,
    conversationKind: 'channel',
    conversation: { ...annaChat, conversationId: `${channel};messageid=1700000000000` },
  });
const press = (turn: { ctx: FeatureContext }, data: unknown = V1) =>
  filing.verbs![FILING_VERBS.registered]!(turn.ctx, data);

describe('the filing job', () => {
  test('files the .docx and its PDF once, Besvarad without a registrator, the handläggare told', async () => {
    await setup();
    await fileVersion1();
    await workflow.fileReportingFailures(V1, 1);
    await outbox.idle();
    expect((await filedFiles()).sort()).toEqual([
      'SBR 201.3.1-389-2026 Svar på remiss - Näringslivspolicy.docx',
      'SBR 201.3.1-389-2026 Svar på remiss - Näringslivspolicy.pdf',
    ]);
    const record = (await filingRecord())!;
    expect(record).toMatchObject({ done: NOW.toISOString(), docx: { name: expect.stringMatching(/\.docx$/) } });
    expect(await status()).toBe('Besvarad');
    expect(shownFiled).toEqual([`v1 ${record.docx!.name}`]);
    expect(texts).toEqual([sv.filed(TITLE, record.docx!.url, record.pdf!.url)]);
    expect(conversions).toBe(1);
  });

  test('resumed after a crash (uploaded, not recorded): nothing filed twice, the kept PDF matches', async () => {
    await setup();
    await fileVersion1();
    await store.put(filingKey(V1), { schemaVersion: 1, ...V1 });
    await workflow.fileReportingFailures(V1, 1);
    await outbox.idle();
    expect(await filedFiles()).toHaveLength(2);
    expect(conversions).toBe(1);
    expect(texts).toHaveLength(1);
  });

  test.each([
    [
      { missingColumn: 'Remittent' },
      sv.filedWithoutDetails(TITLE, sv.missingColumn('Remittent')),
      'LIBRARY_COLUMN_MISSING',
    ],
    [
      { metadataRefused: 'badValue' },
      sv.filedWithoutDetails(TITLE, sv.refusedDetails('badValue')),
      'LIBRARY_METADATA_REFUSED',
    ],
  ])('metadata refused (%j): filed all the same, logged with its code, told once', async (refuse, told, code) => {
    const archive = new MemoryArchive(refuse);
    await setup({ archive });
    await fileVersion1();
    await store.put(filingKey(V1), { ...(await filingRecord())!, done: undefined });
    await workflow.fileReportingFailures(V1, 1);
    await outbox.idle();
    expect(archive.filed.map((f) => f.metadata)).toEqual([
      expect.objectContaining({ Diarienummer: DNR, Status: 'Besvarad' }),
      expect.objectContaining({ Diarienummer: DNR, Status: 'Besvarad' }),
    ]);
    expect(texts.filter((t) => t === told)).toHaveLength(1);
    expect(logLines.join('')).toContain(`"code":"${code}"`);
  });

  test('a failure that persists: told once after four attempts, the job waits half an hour, for good', async () => {
    const archive = new MemoryArchive({}, Object.assign(new Error('denied'), { code: 'GRAPH_ACCESS_DENIED' }));
    await setup({ archive });
    await expect(workflow.fileReportingFailures(V1, 3)).rejects.toBe(archive.failure);
    for (const attempts of [4, 5]) {
      const waiting = await workflow.fileReportingFailures(V1, attempts).catch((err: unknown) => err);
      expect(waiting).toBeInstanceOf(RetryLater);
      expect((waiting as RetryLater).delayMs).toBe(30 * 60_000);
    }
    await outbox.idle();
    expect(texts).toEqual([sv.filingFailing(TITLE, 'GRAPH_ACCESS_DENIED')]);
    expect(await status()).toBe('Godkänd');
  });
});

describe('the registrator', () => {
  test('in a channel: "Klar för diarieföring", and the card is posted in their channel once', async () => {
    await setup({ registrator: IN_CHANNEL });
    await fileVersion1();
    await workflow.fileReportingFailures(V1, 1);
    await outbox.idle();
    expect(await status()).toBe('Klar för diarieföring');
    expect(posted.map((p) => p.to)).toEqual([expect.objectContaining({ conversationId: CHANNEL })]);
    expect(JSON.stringify(posted[0]!.card)).toContain(sv.registeredButton);
  });

  test('a person who has not opened Remissbot yet: the notice waits and is retried', async () => {
    await setup({ registrator: 'person:nobody@stad.se' });
    await fileVersion1();
    await expect(workflow.notifyRegistrator(V1)).rejects.toBeInstanceOf(RetryLater);
    expect(posted).toEqual([]);
  });

  test('a person: their card is posted in their 1:1 chat', async () => {
    await setup({ registrator: 'person:rut@stad.se' });
    await fileVersion1();
    expect(posted.map((p) => p.to.conversationId)).toEqual(['a:rut']);
  });
});

describe('"Markera som diariefört och skickat"', () => {
  const registeredText = (by: string) => sv.registeredBy(by, formatDateTime(NOW, 'sv'));

  test('in the registrator’s channel: Besvarad, the files’ Status follows, the handläggare told', async () => {
    const archive = new MemoryArchive();
    await setup({ registrator: IN_CHANNEL, archive });
    await fileVersion1();
    texts = [];
    const turn = inChannel(mallory);
    const card = await press(turn);
    expect(turn.refusals).toEqual([]);
    expect(JSON.stringify(card)).toContain(registeredText('Mallory'));
    expect(await status()).toBe('Besvarad');
    await outbox.idle();
    expect(archive.statuses).toEqual([expect.stringMatching(/\.docx: Besvarad$/), expect.stringMatching(/\.pdf:/)]);
    expect(texts).toEqual([sv.toldRegistered(TITLE, 'Mallory')]);
  });

  test('pressed by the registrator person, matched by e-mail whatever its case, or by UPN', async () => {
    await setup({ registrator: 'person:rut@stad.se' });
    await fileVersion1();
    const turn = featureContextStub(rut, { now: NOW });
    expect(JSON.stringify(await press(turn))).toContain(registeredText('Rut Registrator'));
    const byUpn = featureContextStub({ teamsUserId: '29:rut', userPrincipalName: 'rut@stad.se' }, { now: NOW });
    expect(JSON.stringify(await press(byUpn))).toContain(registeredText('Rut Registrator'));
    expect(byUpn.refusals).toEqual([]);
  });

  test('pressed twice: recorded once, the first press is shown, the handläggare told once', async () => {
    await setup({ registrator: IN_CHANNEL });
    await fileVersion1();
    texts = [];
    await Promise.all([press(inChannel(rut)), press(inChannel(rut))]);
    const later = await press(inChannel(mallory));
    expect(JSON.stringify(later)).toContain(registeredText('Rut Registrator'));
    await outbox.idle();
    expect(texts).toEqual([sv.toldRegistered(TITLE, 'Rut Registrator')]);
    expect(await store.get(registrationKey(V1))).toMatchObject({ value: { by: 'Rut Registrator' } });
  });

  test.each([
    ['outside the registrator’s channel', IN_CHANNEL, () => inChannel(rut, '19:x')],
    ['in a personal chat, with a channel registrator', `channel:t/${CHANNEL}`, () => featureContextStub(rut)],
    ['by someone other than the registrator person', 'person:rut@stad.se', () => featureContextStub(mallory)],
  ])('refused %s: NOT_REGISTRATOR, nothing recorded', async (_case, registrator, turnOf) => {
    await setup({ registrator });
    await fileVersion1();
    const turn = turnOf();
    expect(refusalOf(await press(turn))).toBe('NOT_REGISTRATOR');
    expect(turn.refusals).toEqual(['NOT_REGISTRATOR']);
    expect(await store.get(registrationKey(V1))).toBeUndefined();
    expect(await status()).toBe('Klar för diarieföring');
  });

  test('without a registrator configured: NO_REGISTRATOR', async () => {
    await setup();
    await fileVersion1();
    expect(refusalOf(await press(featureContextStub(rut)))).toBe('NO_REGISTRATOR');
  });

  test.each([[null], [{}], [{ dnr: DNR }], [{ dnr: '', version: 1 }], [{ dnr: DNR, version: 0 }], ['x']])(
    'data %j that the verb does not take: INVALID_SUBMISSION',
    async (data) => {
      await setup({ registrator: 'person:rut@stad.se' });
      expect(refusalOf(await press(featureContextStub(rut), data))).toBe('INVALID_SUBMISSION');
    },
  );

  test('a version that was never filed: FILING_NOT_FOUND, nothing recorded', async () => {
    await setup({ registrator: 'person:rut@stad.se' });
    const turn = featureContextStub(rut);
    expect(refusalOf(await press(turn))).toBe('FILING_NOT_FOUND');
    await fileVersion1();
    expect(refusalOf(await press(turn, { dnr: DNR, version: 2 }))).toBe('FILING_NOT_FOUND');
    expect(await store.list(FILING_PREFIXES.registrations)).toEqual([]);
  });
});
