/**
 * Filing to the local folder (the embedded default): the approved version and a PDF of it, exactly once,
 * never overwriting, and the handläggare told where they are.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cardOf, cardText } from '../fakes/fakeConnector.js';
import { personalChat, startHarness, type ChatUser, type Harness } from '../support/botHarness.js';
import { FormDriver } from '../support/formDriver.js';
import { remiss } from '../support/remissFixtures.js';
import { readDocx } from '../support/docxText.js';
import { ApprovalStore, sha256 } from '../../src/features/approval/approvalStore.js';
import { FILING_JOB } from '../../src/features/filing/index.js';
import { createStore } from '../../src/storage/createStore.js';

const DNR = 'SBR 201.3.1-389/2026';
const TITLE = 'Näringslivspolicy: "remissversion"';
const FOLDER = 'SBR 201.3.1-389-2026 Näringslivspolicy remissversion';
const DOCX = 'SBR 201.3.1-389-2026 Svar på remiss - Näringslivspolicy remissversion.docx';
const anna = { id: '29:anna', name: 'Anna Andersson', aadObjectId: 'aad-anna', email: 'anna.andersson@stad.se' };
const cecilia = {
  id: '29:cecilia',
  name: 'Cecilia Holm',
  aadObjectId: 'aad-cecilia',
  email: 'cecilia.holm@stad.example.se',
};

let h: Harness;
let d: FormDriver;
let annaChat: ChatUser;
let ceciliaChat: ChatUser;

async function startWith(env: Record<string, string> = {}): Promise<void> {
  h = await startHarness({ now: () => new Date('2026-11-24T13:03:00Z'), env });
  d = new FormDriver(h);
  annaChat = personalChat(h.connector, anna);
  ceciliaChat = personalChat(h.connector, cecilia);
}

async function restartWith(env: Record<string, string>): Promise<void> {
  await h.stop();
  await startWith(env);
}

beforeEach(async () => {
  await startWith();
  await h.bot.register.save(
    remiss({
      dnr: DNR,
      title: TITLE,
      remittent: 'Stockholms Stadshus AB',
      dueDate: '2026-12-15',
      handlaggare: { email: anna.email },
    }),
  );
});
afterEach(async () => {
  await h.stop();
});

const approve = () => d.sendAndApprove(annaChat, ceciliaChat, DNR);

const folder = () => path.join(h.dataDir, 'arkiv', '2026', FOLDER);

test('the approved version and its PDF land in <year>/<dnr> <titel>/, and the handläggare is told', async () => {
  await approve();
  expect(readdirSync(folder()).sort()).toEqual([DOCX, DOCX.replace('.docx', '.pdf')]);
  const stored = (await new ApprovalStore(createStore({ STORAGE: 'file', DATA_DIR: h.dataDir })).getDocument(DNR, 1))!;
  expect(sha256(readFileSync(path.join(folder(), DOCX)))).toBe(stored.hash);
  expect((await readDocx(readFileSync(path.join(folder(), DOCX)))).paragraphs.map((p) => p.text)).toContain(
    'SBR tillstyrker avsnitt 3.',
  );
  expect(
    readFileSync(path.join(folder(), DOCX.replace('.docx', '.pdf')))
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
  expect((await h.bot.register.get(DNR))!.remiss.status).toBe('Besvarad');
  const told = h.connector
    .sentTo(annaChat.conversationId)
    .map((a) => String(a.body.text ?? ''))
    .filter((t) => t.includes('är sparat i dokumentbiblioteket'));
  expect(told).toHaveLength(1);
  expect(told[0]).toContain(pathToFileURL(path.join(folder(), DOCX)).href);
}, 60_000);

test('a filing job run again (a crash after the upload) files nothing twice', async () => {
  await approve();
  const store = createStore({ STORAGE: 'file', DATA_DIR: h.dataDir });
  const key = `filings/${DNR}/v1`;
  const record = (await store.get<Record<string, unknown>>(key))!.value;
  // As if the process died after the uploads but before the job was marked done.
  await store.put(key, { ...record, done: undefined });
  await h.bot.outbox.enqueue(FILING_JOB, { dnr: DNR, version: 1 });
  await h.bot.outbox.idle();
  // And as if it died before recording them at all.
  await store.put(key, { schemaVersion: 1, dnr: DNR, version: 1 });
  await h.bot.outbox.enqueue(FILING_JOB, { dnr: DNR, version: 1 });
  await h.bot.outbox.idle();
  expect(readdirSync(folder()).sort()).toEqual([DOCX, DOCX.replace('.docx', '.pdf')]);
}, 60_000);

test('a different file already under the name is never overwritten: the new one gets a versioned name', async () => {
  await mkdir(folder(), { recursive: true });
  await writeFile(path.join(folder(), DOCX), 'someone else’s file');
  await approve();
  expect(readFileSync(path.join(folder(), DOCX), 'utf8')).toBe('someone else’s file');
  expect(existsSync(path.join(folder(), DOCX.replace('.docx', ' (2).docx')))).toBe(true);
}, 60_000);

test(
  'with a registrator channel: Klar för diarieföring, a card in the channel, and its button makes it ' + 'Besvarad',
  async () => {
    // The channel's link as Teams' "Get link to channel" copies it, percent-encoded: the card goes to the decoded id.
    const link =
      'https://teams.microsoft.com/l/channel/19%3aregistratur%40thread.tacv2/Registratur' +
      '?groupId=4f1c2a9e-7c1d-4a55-9a0e-5a3f4c2b1d00&tenantId=11111111-2222-3333-4444-555555555555';
    await restartWith({ REGISTRATOR: `channel:${link}` });
    const registrar = { id: '29:rut', name: 'Rut Registrator', aadObjectId: 'aad-rut', email: 'rut@stad.se' };
    h.connector.addConversation('19:registratur@thread.tacv2', [registrar]);
    await h.bot.register.save(
      remiss({
        dnr: DNR,
        title: TITLE,
        remittent: 'Stockholms Stadshus AB',
        dueDate: '2026-12-15',
        handlaggare: { email: anna.email },
      }),
    );
    await approve();
    expect((await h.bot.register.get(DNR))!.remiss.status).toBe('Klar för diarieföring');
    const posted = h.connector.sentTo('19:registratur@thread.tacv2');
    expect(posted).toHaveLength(1);
    const card = cardOf(posted[0]!)!;
    const text = cardText(card);
    for (const expected of [
      'Klart att diarieföra och skicka',
      TITLE,
      DNR,
      'Stockholms Stadshus AB',
      '15 december 2026',
      'Öppna Word-filen',
      'Öppna PDF:en',
      'Markera som diariefört och skickat',
    ])
      expect(text).toContain(expected);
    const urls = (card.actions as { type: string; url?: string }[])
      .filter((a) => a.type === 'Action.OpenUrl')
      .map((a) => a.url);
    expect(urls).toEqual([
      pathToFileURL(path.join(folder(), DOCX)).href,
      pathToFileURL(path.join(folder(), DOCX.replace('.docx', '.pdf'))).href,
    ]);

    // Someone outside the channel cannot mark it.
    const outside = await d.click(annaChat, card, 'Markera som diariefört och skickat');
    expect(cardText(outside)).toContain('Det är bara registratorn');
    expect((await h.bot.register.get(DNR))!.remiss.status).toBe('Klar för diarieföring');

    const channel = { ...registrar, conversationId: '19:registratur@thread.tacv2' };
    const done = await d.click(channel, card, 'Markera som diariefört och skickat');
    expect(cardText(done)).toContain(
      'Diariefört och skickat – markerat av Rut Registrator den 24 november 2026 kl. 14.03',
    );
    const again = await d.click(channel, card, 'Markera som diariefört och skickat');
    expect(cardText(again)).toContain('markerat av Rut Registrator');
    await h.bot.outbox.idle();
    expect((await h.bot.register.get(DNR))!.remiss.status).toBe('Besvarad');
    expect(
      h.connector
        .sentTo(annaChat.conversationId)
        .filter((a) => String(a.body.text).includes('är diariefört och skickat (Rut Registrator)')),
    ).toHaveLength(1);
  },
  60_000,
);

test(
  'with a registrator person: the card reaches their chat once they have spoken to the bot, and only they can ' +
    'mark it',
  async () => {
    await restartWith({ REGISTRATOR: 'person:rut@stad.se' });
    const rut = personalChat(h.connector, {
      id: '29:rut',
      name: 'Rut Registrator',
      aadObjectId: 'aad-rut',
      email: 'rut@stad.se',
    });
    await d.say(rut, 'hej');
    await h.bot.register.save(
      remiss({
        dnr: DNR,
        title: TITLE,
        remittent: 'Stockholms Stadshus AB',
        dueDate: '2026-12-15',
        handlaggare: { email: anna.email },
      }),
    );
    await approve();
    const card = h.connector
      .sentTo(rut.conversationId)
      .map((a) => cardOf(a))
      .filter((c) => c && cardText(c).includes('Klart att diarieföra'))
      .at(-1)!;
    expect(cardText(await d.click(ceciliaChat, card, 'Markera som diariefört och skickat'))).toContain(
      'Det är bara registratorn',
    );
    expect(cardText(await d.click(rut, card, 'Markera som diariefört och skickat'))).toContain(
      'markerat av Rut Registrator',
    );
    expect((await h.bot.register.get(DNR))!.remiss.status).toBe('Besvarad');
  },
  60_000,
);
