/**
 * The guided answer through the real HTTP server: start, every step, preview, download, resume after a
 * restart, and the refusals (older copy, wrong user, bad input, forged data).
 */
import { existsSync } from 'node:fs';
import { cardOf, cardText, type ReceivedActivity } from '../fakes/fakeConnector.js';
import {
  cardActionFrom,
  channelOf,
  personalChat,
  startHarness,
  type ChatUser,
  type Harness,
} from '../support/botHarness.js';
import { readDocx } from '../support/docxText.js';
import { remiss } from '../support/remissFixtures.js';
import { button, FormDriver, input, type Card } from '../support/formDriver.js';
import { DraftRepository } from '../../src/features/answer/draftRepository.js';
import { createStore } from '../../src/storage/createStore.js';
import path from 'node:path';

let now = new Date('2026-11-24T09:00:00Z');
const DNR = 'SBR 201.3.1-389/2026';
const anna = {
  id: '29:anna',
  name: 'Anna Andersson',
  aadObjectId: 'aad-anna',
  email: 'anna.andersson@stad.se',
  userPrincipalName: 'anna.andersson@stad.se',
};
const bertil = { id: '29:bertil', name: 'Bertil Berg', aadObjectId: 'aad-bertil', email: 'bertil.berg@stad.se' };

let h: Harness;
let annaChat: ChatUser;
let bertilChat: ChatUser;

async function start(dataDir?: string) {
  h = await startHarness({ now: () => now, dataDir });
  annaChat = personalChat(h.connector, anna);
  bertilChat = personalChat(h.connector, bertil);
}

beforeEach(async () => {
  now = new Date('2026-11-24T09:00:00Z');
  await start();
  await h.bot.register.save(
    remiss({
      dnr: DNR,
      title: 'Näringslivspolicy för Stockholms stad',
      remittent: 'Stockholms Stadshus AB',
      received: '2026-11-02',
      dueDate: '2026-12-15',
      meetingDate: '2026-12-08',
      handlaggare: { email: anna.email },
    }),
  );
});
afterEach(async () => {
  await h.stop();
});

const driver = () => new FormDriver(h);
const click = (user: ChatUser, card: Card, title: string, inputs: Record<string, unknown> = {}, replyToId?: string) =>
  driver().click(user, card, title, inputs, replyToId);
const say = (user: ChatUser, text: string): Promise<ReceivedActivity> => driver().say(user, text);

async function answerUpToPreview(): Promise<{ card: Card; formId: string }> {
  const posted = await say(annaChat, `besvara ${DNR}`);
  let card = cardOf(posted)!;
  expect(cardText(card)).toContain('Steg 1 av 7: Kontaktuppgifter och sammanträde');
  card = await click(
    annaChat,
    card,
    'Nästa',
    { name: 'Anna Andersson', email: anna.email, phone: '08-508 000 00', meeting: '2026-12-08' },
    posted.id,
  );
  card = await click(annaChat, card, 'Nästa', { text: 'Bolaget tillstyrker förslaget.' }, posted.id);
  expect(cardText(card)).toContain('Steg 3 av 7: Bakgrund');
  card = await click(
    annaChat,
    card,
    'Nästa',
    { text: (input(card, 'text')!.value as string) + '\n\nRemissen kom via stadsledningskontoret.' },
    posted.id,
  );
  card = await click(annaChat, card, 'Nästa', { text: 'Programmet föreslår tre strategier.' }, posted.id);
  card = await click(
    annaChat,
    card,
    'Nästa',
    { text: 'SBR tillstyrker avsnitt 3.\n\nSBR avstyrker avsnitt 4.2.' },
    posted.id,
  );
  card = await click(annaChat, card, 'Nästa', { text: '' }, posted.id);
  return { card, formId: posted.id };
}

test('a handläggare answers through every step, previews and downloads the Word document', async () => {
  const { card: preview, formId } = await answerUpToPreview();
  const text = cardText(preview);
  expect(text).toContain('Steg 7 av 7: Förhandsgranskning');
  for (const expected of [
    'Handläggare: Anna Andersson',
    'Tel: 08-508 000 00',
    'Stockholm Business Regions förslag till beslut',
    'Ärendet anmäls som kontorsyttrande på styrelsens sammanträde den 8 december 2026.',
    'Stockholms Stadshus AB har remitterat ”Näringslivspolicy för Stockholms stad” till Stockholm Business Region ' +
      '(SBR). Svar på remissen ska vara Stockholms Stadshus AB tillhanda senast den 15 december 2026.',
    'Remissen kom via stadsledningskontoret.',
    'Bolagets analys och bedömning',
    'SBR avstyrker avsnitt 4.2.',
  ]) {
    expect(text).toContain(expected);
  }
  expect(text).not.toContain('Bilagor');

  // Every step was answered on the posted card itself: the answer replaced it, and it is not updated a second
  // time (that would wipe what she began typing in the next step). Her other devices refresh it.
  await h.bot.outbox.idle();
  expect(h.connector.received.filter((a) => a.method === 'PUT' && a.id === formId)).toEqual([]);
  expect((preview.refresh as { userIds: string[] }).userIds).toEqual([anna.id]);

  const downloaded = await click(annaChat, preview, 'Ladda ned utkast');
  const link = (downloaded.actions as { type: string; url?: string }[]).find((a) => a.type === 'Action.OpenUrl')!.url!;
  expect(link).toMatch(/^http:\/\/localhost:0\/files\//);
  const res = await fetch(`${h.baseUrl}${new URL(link).pathname}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toContain(
    encodeURIComponent('SBR 201.3.1-389-2026 Svar på remiss - Näringslivspolicy för Stockholms stad.docx'),
  );
  const doc = await readDocx(Buffer.from(await res.arrayBuffer()));
  const paragraphs = doc.paragraphs.map((p) => p.text);
  expect(paragraphs).toContain('Bolaget tillstyrker förslaget.');
  expect(paragraphs).toContain('SBR tillstyrker avsnitt 3.');
  expect(doc.headers.join('')).toContain('2026-11-24');
  expect(
    existsSync(
      path.join(
        h.dataDir,
        'utkast',
        'SBR 201.3.1-389-2026 Svar på remiss - Näringslivspolicy för Stockholms stad.docx',
      ),
    ),
  ).toBe(true);

  // The link lives 15 minutes; a forged one never works.
  now = new Date(now.getTime() + 16 * 60 * 1000);
  const expired = await fetch(`${h.baseUrl}${new URL(link).pathname}`);
  expect(expired.status).toBe(410);
  expect(await expired.text()).toContain('Länken har gått ut');
  const forged = await fetch(`${h.baseUrl}${new URL(link).pathname.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))}`);
  expect(forged.status).toBe(404);
  expect(await forged.text()).toContain('Länken fungerar inte');
  expect((await fetch(`${h.baseUrl}/files/../../etc/passwd`)).status).toBe(404);
});

test('a save from another copy of the form replaces the posted form card, with the newest step', async () => {
  const first = await say(annaChat, `besvara ${DNR}`);
  const step2 = await click(
    annaChat,
    cardOf(first)!,
    'Nästa',
    { name: 'Anna Andersson', email: anna.email, phone: '08-508 000 00', meeting: '2026-12-08' },
    first.id,
  );
  // Asked again, the form is posted anew and that card is now the form; the first copy is still current.
  const second = await say(annaChat, `besvara ${DNR}`);
  expect(cardText(cardOf(second))).toContain('Steg 2 av 7: Sammanfattning');
  const step3 = await click(annaChat, step2, 'Nästa', { text: 'Bolaget tillstyrker förslaget.' }, first.id);
  expect(cardText(step3)).toContain('Steg 3 av 7: Bakgrund');
  await h.bot.outbox.idle();
  const updates = h.connector.received.filter((a) => a.method === 'PUT' && a.id === second.id);
  expect(updates).toHaveLength(1);
  expect(cardText(cardOf(updates[0]!))).toContain('Steg 3 av 7: Bakgrund');
  expect(h.connector.received.filter((a) => a.method === 'PUT' && a.id === first.id)).toEqual([]);
});

test('the due list offers "Besvara", then "Fortsätt (steg N av 7)"; the remiss is Pågår', async () => {
  let list = cardOf(await say(annaChat, 'mina remisser'))!;
  const start = button(list, 'Besvara');
  expect(start).toMatchObject({ verb: 'answer.start', data: { dnr: DNR } });
  const form = await click(annaChat, list, 'Besvara');
  expect(cardText(form)).toContain('Steg 1 av 7: Kontaktuppgifter och sammanträde');
  expect(input(form, 'name')!.value).toBe('Anna Andersson');
  expect(input(form, 'email')!.value).toBe(anna.email);
  expect(input(form, 'meeting')!.value).toBe('2026-12-08');
  const step2 = await click(annaChat, form, 'Nästa', {
    name: 'Anna Andersson',
    email: anna.email,
    phone: '',
    meeting: '2026-12-08',
  });
  await click(annaChat, step2, 'Nästa', { text: 'Kort sammanfattning.' });
  list = cardOf(await say(annaChat, 'mina remisser'))!;
  expect(cardText(list)).toContain('Fortsätt (steg 3 av 7)');
  expect((await h.bot.register.get(DNR))!.remiss.status).toBe('Pågår');
});

test('a restart mid-way resumes at the same step with everything saved', async () => {
  const posted = await say(annaChat, `besvara ${DNR}`);
  const step2 = await click(
    annaChat,
    cardOf(posted)!,
    'Nästa',
    { name: 'Anna Andersson', email: anna.email, phone: '08-1', meeting: 'none' },
    posted.id,
  );
  await click(annaChat, step2, 'Nästa', { text: 'Sparad före omstarten.' }, posted.id);
  const dataDir = h.dataDir;
  await h.bot.close();
  await h.connector.stop();
  await start(dataDir);
  const resumed = cardOf(await say(annaChat, `besvara ${DNR}`))!;
  expect(cardText(resumed)).toContain('Steg 3 av 7: Bakgrund');
  const back = await click(annaChat, resumed, 'Föregående', { text: input(resumed, 'text')!.value });
  expect(input(back, 'text')!.value).toBe('Sparad före omstarten.');
});

test('a submission from an older copy is not applied over newer text, and is kept in the history', async () => {
  const posted = await say(annaChat, `besvara ${DNR}`);
  const step1 = cardOf(posted)!;
  const step2 = await click(annaChat, step1, 'Nästa', {
    name: 'Anna Andersson',
    email: anna.email,
    phone: '',
    meeting: 'none',
  });
  await click(annaChat, step2, 'Spara', { text: 'Nyare text från datorn.' });
  // The phone still shows the step-2 card from before that save.
  const stale = await click(annaChat, step2, 'Spara', { text: 'Äldre text från mobilen.' });
  expect(cardText(stale)).toContain('Svaret har ändrats på en annan enhet sedan du öppnade formuläret');
  expect(input(stale, 'text')!.value).toBe('Nyare text från datorn.');
  const history = await new DraftRepository(createStore({ STORAGE: 'file', DATA_DIR: h.dataDir })).history(DNR);
  expect(history.filter((s) => !s.applied).map((s) => s.fields.text)).toEqual(['Äldre text från mobilen.']);
  expect(history.filter((s) => s.applied)).toHaveLength(2);
});

test('only the handläggare edits: another user gets a read-only view and nothing changes', async () => {
  const posted = await say(annaChat, `besvara ${DNR}`);
  const step1 = cardOf(posted)!;
  const drafts = new DraftRepository(createStore({ STORAGE: 'file', DATA_DIR: h.dataDir }));
  const before = await drafts.get(DNR);
  // Bertil replays Anna's card data with his own identity.
  const b = button(step1, 'Nästa');
  const res = await h.post(
    cardActionFrom(h.connector, bertilChat, b.verb, { ...b.data, name: 'Bertil', email: bertil.email }),
  );
  const text = cardText((res.body as { value: Card }).value);
  expect(text).toContain('Bara Anna Andersson kan redigera det här svaret');
  expect(JSON.stringify((res.body as { value: Card }).value)).not.toContain('"Input.');
  expect(await drafts.get(DNR)).toEqual(before);
  // Nor can he start the answer of a remiss assigned to Anna.
  const refused = cardText(cardOf(await say(bertilChat, `besvara ${DNR}`)));
  expect(refused).toContain('Bara Anna Andersson kan redigera');
});

test('a remiss assigned to someone else cannot be started', async () => {
  await h.bot.register.save(
    remiss({ dnr: 'KS 2026/2', dueDate: '2026-12-20', handlaggare: { email: anna.email, name: 'Anna Andersson' } }),
  );
  expect(cardText(cardOf(await say(bertilChat, 'besvara KS 2026/2')))).toContain(
    'Remissen är fördelad till Anna Andersson. Bara handläggaren kan besvara den.',
  );
});

test('invalid input comes back on the same card with a Swedish error beside the field, unsaved', async () => {
  const posted = await say(annaChat, `besvara ${DNR}`);
  const step1 = cardOf(posted)!;
  const bad = await click(annaChat, step1, 'Nästa', {
    name: '',
    email: 'inte-en-adress',
    phone: '',
    meeting: '1999-01-01',
  });
  const text = cardText(bad);
  expect(text).toContain('Steg 1 av 7');
  expect(text).toContain('Fyll i det här fältet.');
  expect(text).toContain('Skriv en giltig e-postadress.');
  expect(text).toContain('Välj ett av sammanträdena i listan.');
  expect(input(bad, 'email')!.value).toBe('inte-en-adress');
  const step2 = await click(annaChat, step1, 'Nästa', { name: 'Anna', email: anna.email, phone: '', meeting: 'none' });
  const tooLong = await click(annaChat, step2, 'Spara', { text: 'x'.repeat(20_001) });
  expect(cardText(tooLong)).toContain('Texten får vara högst 20');
  const cleaned = await click(annaChat, step2, 'Nästa', { text: 'Ren\u0000 text\u0007 med\ttabb' });
  const back = await click(annaChat, cleaned, 'Föregående', { text: 'Bakgrund.' });
  expect(input(back, 'text')!.value).toBe('Ren text med tabb');
});

test('the preview is reached only when the required sections are filled in', async () => {
  const posted = await say(annaChat, `besvara ${DNR}`);
  let card = await click(annaChat, cardOf(posted)!, 'Nästa', {
    name: 'Anna',
    email: anna.email,
    phone: '',
    meeting: 'none',
  });
  for (let i = 0; i < 5; i++)
    card = await click(annaChat, card, 'Nästa', { text: i === 1 ? (input(card, 'text')!.value as string) : '' });
  expect(cardText(card)).toContain(
    'Innan förhandsgranskningen behöver du fylla i: Ärendet, Bolagets analys och bedömning.',
  );
  expect(cardText(card)).toContain('Steg 6 av 7: Bilagor');
});

test.each([
  ['a string revision', { dnr: DNR, revision: 'x', step: 1, nav: 'next' }],
  ['no dnr', { revision: 0, step: 1 }],
  ['an unknown navigation', { dnr: DNR, revision: 0, step: 1, nav: 'jump' }],
  ['a huge dnr', { dnr: 'x'.repeat(10_000), revision: 0, step: 1 }],
])('forged card data (%s) gets a Swedish answer and changes nothing', async (_name, data) => {
  await say(annaChat, `besvara ${DNR}`);
  const drafts = new DraftRepository(createStore({ STORAGE: 'file', DATA_DIR: h.dataDir }));
  const before = await drafts.get(DNR);
  const res = await h.post(cardActionFrom(h.connector, annaChat, 'answer.save', data));
  expect(res.status).toBe(200);
  expect(cardText((res.body as { value: Card }).value)).toContain('Formuläret skickade något jag inte kunde läsa');
  expect(await drafts.get(DNR)).toEqual(before);
});

test('asked in a channel, the form opens in the 1:1 chat, never in front of everyone', async () => {
  const channel = channelOf(h.connector, annaChat);
  const reply = await say(channel, `<at>Remissbot</at> besvara ${DNR}`);
  expect(reply.conversationId).toBe(channel.conversationId);
  expect(cardText(cardOf(reply))).toContain('Jag har öppnat svarsformuläret i din chatt med Remissbot');
  expect(h.connector.created).toEqual([
    { id: `a:1:created:${anna.id}`, memberId: anna.id, tenantId: expect.any(String) },
  ]);
  const form = h.connector.sentTo(`a:1:created:${anna.id}`);
  expect(form).toHaveLength(1);
  expect(cardText(cardOf(form[0]!))).toContain('Steg 1 av 7: Kontaktuppgifter och sammanträde');
  expect(h.connector.sentTo(channel.conversationId).every((a) => !cardText(cardOf(a)).includes('Steg 1'))).toBe(true);
});

test('Avstå: a one-step form with an optional reason, and an Avstår document', async () => {
  const detail = (await h.post(cardActionFrom(h.connector, annaChat, 'remiss.show', { dnr: DNR }))).body as {
    value: Card;
  };
  const form = await click(annaChat, detail.value, 'Avstå från yttrande');
  expect(cardText(form)).toContain('Steg 1 av 2: Avstå från yttrande');
  const preview = await click(annaChat, form, 'Nästa', { text: 'Remissen berör inte bolagets verksamhet.' });
  expect(cardText(preview)).toContain('Stockholm Business Region avstår från att yttra sig över remissen.');
  const downloaded = await click(annaChat, preview, 'Ladda ned utkast');
  const link = (downloaded.actions as { type: string; url?: string }[]).find((a) => a.type === 'Action.OpenUrl')!.url!;
  const doc = await readDocx(Buffer.from(await (await fetch(`${h.baseUrl}${new URL(link).pathname}`)).arrayBuffer()));
  expect(doc.paragraphs.map((p) => p.text).slice(-2)).toEqual([
    'Stockholm Business Region avstår från att yttra sig över remissen.',
    'Remissen berör inte bolagets verksamhet.',
  ]);
});
