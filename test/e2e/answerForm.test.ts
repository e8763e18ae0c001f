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
import { button, FormDriver, hasButton, input, type Card } from '../support/formDriver.js';
import { refusalOf } from '../../src/cards/messageCard.js';
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
  // Nothing here for the checks to warn of.
  expect(text).not.toContain('⚠ ');
  // Bilagor was left empty: no such heading in the document (the step list still names the step).
  expect(documentText(preview)).not.toContain('Bilagor');

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
  await click(annaChat, step2, 'Nästa', { text: 'Nyare text från datorn.' });
  // The phone still shows the step-2 card from before that save.
  const stale = await click(annaChat, step2, 'Nästa', { text: 'Äldre text från mobilen.' });
  expect(cardText(stale)).toContain('Svaret har ändrats på en annan enhet sedan du öppnade formuläret');
  expect(cardText(stale)).toContain('Steg 3 av 7: Bakgrund');
  const drafts = new DraftRepository(createStore({ STORAGE: 'file', DATA_DIR: h.dataDir }));
  expect((await drafts.get(DNR))!.value.answer).toMatchObject({
    sections: { sammanfattning: 'Nyare text från datorn.' },
  });
  const history = await drafts.history(DNR);
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
  const tooLong = await click(annaChat, step2, 'Nästa', { text: 'x'.repeat(20_001) });
  expect(cardText(tooLong)).toContain('Texten får vara högst 20');
  expect(cardText(tooLong)).toContain('Steg 2 av 7');
  const cleaned = await click(annaChat, step2, 'Nästa', { text: 'Ren\u0000 text\u0007 med\ttabb' });
  const back = await click(annaChat, cleaned, 'Föregående', { text: 'Bakgrund.' });
  expect(input(back, 'text')!.value).toBe('Ren text med tabb');
});

test('a meeting after the svarsdatum is warned of; the preview, words and years that do not belong', async () => {
  await h.bot.register.save(
    remiss({
      dnr: 'SBR 2026/90',
      title: 'Sent sammanträde',
      received: '2026-11-02',
      dueDate: '2026-12-15',
      meetingDate: '2027-02-09',
      handlaggare: { email: anna.email },
    }),
  );
  const posted = await say(annaChat, 'besvara SBR 2026/90');
  let card = cardOf(posted)!;
  const late =
    'Sammanträdet den 9 februari 2027 är efter svarsdatumet den 15 december 2026. Begär anstånd hos ' +
    'remittenten, välj ett tidigare sammanträde eller låt ärendet avgöras på delegation.';
  expect(cardText(card)).toContain('Steg 1 av 7: Kontaktuppgifter och sammanträde');
  expect(cardText(card)).toContain(late);
  const d = { name: 'Anna Andersson', email: anna.email, phone: '08-508 000 00' };
  // Choosing the meeting before the svarsdatum takes the warning away.
  card = await click(annaChat, card, 'Nästa', { ...d, meeting: '2026-12-08' }, posted.id);
  card = await click(annaChat, card, 'Föregående', {}, posted.id);
  expect(cardText(card)).not.toContain(late);
  card = await click(annaChat, card, 'Nästa', { ...d, meeting: '2027-02-09' }, posted.id);
  card = await click(annaChat, card, 'Nästa', { text: 'Nämnden tillstyrker förslaget.' }, posted.id);
  card = await click(annaChat, card, 'Nästa', { text: 'Policyn antogs den 15 december 2019.' }, posted.id);
  card = await click(annaChat, card, 'Nästa', { text: 'Programmet föreslår tre strategier.' }, posted.id);
  card = await click(annaChat, card, 'Nästa', { text: 'SBR tillstyrker.' }, posted.id);
  const preview = await click(annaChat, card, 'Nästa', { text: '' }, posted.id);
  const text = cardText(preview);
  expect(text).toContain('Steg 7 av 7: Förhandsgranskning');
  expect(text).toContain(late);
  expect(text).toContain(
    'Texten innehåller ”Nämnden”, som hör till en annan sorts organisation än ett bolag. Kontrollera att texten ' +
      'inte är kopierad från ett annat svar.',
  );
  expect(text).toContain('Bakgrunden nämner 2019, före 2026 då remissen kom in.');
  // A warning, not a stop: the answer can still be sent.
  expect(hasButton(preview, 'Skicka för godkännande')).toBe(true);
});

test('a required section left empty is flagged on its step; "Fortsätt ändå" goes on; the preview waits', async () => {
  const posted = await say(annaChat, `besvara ${DNR}`);
  let card = await click(annaChat, cardOf(posted)!, 'Nästa', {
    name: 'Anna',
    email: anna.email,
    phone: '',
    meeting: 'none',
  });
  card = await click(annaChat, card, 'Nästa', { text: '' });
  card = await click(annaChat, card, 'Nästa', { text: input(card, 'text')!.value });
  expect(cardText(card)).toContain('Steg 4 av 7: Ärendet');
  expect(cardText(card)).toContain('Det här avsnittet ska fyllas i innan svaret kan förhandsgranskas och skickas.');
  // Leaving it empty: the step stays, with a soft warning and the way on.
  card = await click(annaChat, card, 'Nästa', { text: '' });
  expect(cardText(card)).toContain('Steg 4 av 7: Ärendet');
  expect(cardText(card)).toContain('Ärendet är tomt men ska fyllas i innan förhandsgranskningen.');
  card = await click(annaChat, card, 'Fortsätt ändå', { text: '' });
  expect(cardText(card)).toContain('Steg 5 av 7: Bolagets analys och bedömning');
  expect(hasButton(card, 'Fortsätt ändå')).toBe(false);
  card = await click(annaChat, card, 'Nästa', { text: '' });
  card = await click(annaChat, card, 'Fortsätt ändå', { text: '' });
  card = await click(annaChat, card, 'Nästa', { text: '' });
  expect(cardText(card)).toContain(
    'Innan förhandsgranskningen behöver du fylla i: Ärendet, Bolagets analys och bedömning.',
  );
  expect(cardText(card)).toContain('Steg 6 av 7: Bilagor');
});

test('the step list marks filled (✓) and missing required (⚠) steps and jumps to any step, saving', async () => {
  const posted = await say(annaChat, `besvara ${DNR}`);
  const step1 = cardOf(posted)!;
  expect(stepList(step1)).toEqual([
    '✓ Kontaktuppgifter och sammanträde',
    'Sammanfattning',
    '✓ Bakgrund',
    '⚠ Ärendet',
    '⚠ Bolagets analys och bedömning',
    'Bilagor',
    'Förhandsgranskning',
  ]);
  const step2 = await click(annaChat, step1, 'Nästa', { name: 'Anna', email: anna.email, phone: '', meeting: 'none' });
  // From Sammanfattning straight to the analysis: what was typed is saved on the way.
  const analys = await click(annaChat, step2, '⚠ Bolagets analys och bedömning', { text: 'Vi tillstyrker.' });
  expect(cardText(analys)).toContain('Steg 5 av 7: Bolagets analys och bedömning');
  expect(stepList(analys)[1]).toBe('✓ Sammanfattning');
  const filled = await click(annaChat, analys, '⚠ Ärendet', { text: 'SBR tillstyrker.' });
  expect(cardText(filled)).toContain('Steg 4 av 7: Ärendet');
  expect(stepList(filled)[4]).toBe('✓ Bolagets analys och bedömning');
  // The preview still waits for Ärendet; written, the step list goes there directly.
  const warned = await click(annaChat, filled, 'Förhandsgranskning', { text: '' });
  expect(cardText(warned)).toContain('Ärendet är tomt men ska fyllas i innan förhandsgranskningen.');
  const waiting = await click(annaChat, warned, 'Fortsätt ändå', { text: '' });
  expect(cardText(waiting)).toContain('Innan förhandsgranskningen behöver du fylla i: Ärendet.');
  expect(cardText(waiting)).toContain('Steg 4 av 7: Ärendet');
  const preview = await click(annaChat, waiting, 'Förhandsgranskning', { text: 'Programmet har tre delar.' });
  expect(cardText(preview)).toContain('Steg 7 av 7: Förhandsgranskning');
  expect(hasButton(preview, 'Spara')).toBe(false);
  // Every form leads back to the list.
  const list = await click(annaChat, preview, 'Tillbaka till listan');
  expect(cardText(list)).toContain('Näringslivspolicy för Stockholms stad');
  expect(hasButton(list, 'Fortsätt (steg 7 av 7)')).toBe(true);
});

test('a step list jump to a step that does not exist is refused with its code', async () => {
  const posted = await say(annaChat, `besvara ${DNR}`);
  const drafts = new DraftRepository(createStore({ STORAGE: 'file', DATA_DIR: h.dataDir }));
  const before = await drafts.get(DNR);
  const data = { ...button(cardOf(posted)!, 'Sammanfattning').data, to: 99 };
  const res = await h.post(cardActionFrom(h.connector, annaChat, 'answer.save', data));
  expect(refusalOf((res.body as { value: Card }).value as never)).toBe('INVALID_SUBMISSION');
  expect(await drafts.get(DNR)).toEqual(before);
});

test("someone else's draft: a status header, no writing guidance or step, and a way back to the list", async () => {
  await say(annaChat, `besvara ${DNR}`);
  const card = cardOf(await say(bertilChat, `besvara ${DNR}`))!;
  const text = cardText(card);
  expect(text).toContain('Anna Andersson skriver det här svaret');
  expect(text).not.toMatch(/Steg \d av \d/);
  expect(text).not.toContain('Kontrollera dina kontaktuppgifter');
  expect(hasButton(card, 'Nästa')).toBe(false);
  expect(stepList(card)).toEqual([]);
  const list = await click(bertilChat, card, 'Tillbaka till listan');
  // Bertil's list of what to answer: his own and the unassigned, so not Anna's remiss.
  expect(cardText(list)).toContain('Remisser att besvara');
});

test('a refusal to start leads back to the list it replaced', async () => {
  await h.bot.register.save(
    remiss({ dnr: 'KS 2026/2', dueDate: '2026-12-20', handlaggare: { email: anna.email, name: 'Anna Andersson' } }),
  );
  const res = await h.post(cardActionFrom(h.connector, bertilChat, 'answer.start', { dnr: 'KS 2026/2' }));
  const refused = (res.body as { value: Card }).value;
  expect(refusalOf(refused as never)).toBe('NOT_ASSIGNED');
  expect(hasButton(refused, 'Tillbaka till listan')).toBe(true);
  expect(button(refused, 'Tillbaka till listan').verb).toBe('due.list');
});

test('an Avstå by mistake becomes a full answer with "Byt till fullständigt svar", the reason kept', async () => {
  const drafts = new DraftRepository(createStore({ STORAGE: 'file', DATA_DIR: h.dataDir }));
  const avstar = await click(annaChat, await showDetail(), 'Avstå från yttrande');
  const preview = await click(annaChat, avstar, 'Nästa', { text: 'Berör inte oss.' });
  const back = await click(annaChat, preview, 'Föregående');
  expect(input(back, 'text')!.value).toBe('Berör inte oss.');
  const switched = await click(annaChat, back, 'Byt till fullständigt svar');
  expect(cardText(switched)).toContain('Steg 1 av 7: Kontaktuppgifter och sammanträde');
  expect(cardText(switched)).toContain('Skälet du skrev ligger kvar som sammanfattning.');
  expect((await drafts.get(DNR))!.value.answer).toMatchObject({
    kind: 'answer',
    sections: { sammanfattning: 'Berör inte oss.' },
  });
  // An older copy of the Avstår card changes nothing.
  const stale = await click(annaChat, back, 'Ta bort utkastet');
  expect(cardText(stale)).toContain('Svaret har ändrats på en annan enhet sedan du öppnade formuläret');
  expect((await drafts.get(DNR))!.value.answer.kind).toBe('answer');
});

test('"Ta bort utkastet" removes an Avstår draft (by its owner only), and "Besvara" starts afresh', async () => {
  const drafts = new DraftRepository(createStore({ STORAGE: 'file', DATA_DIR: h.dataDir }));
  const avstar = await click(annaChat, await showDetail(), 'Avstå från yttrande');
  const forged = await h.post(
    cardActionFrom(h.connector, bertilChat, 'answer.discard', button(avstar, 'Ta bort utkastet').data),
  );
  expect(cardText((forged.body as { value: Card }).value)).toContain('Anna Andersson skriver det här svaret');
  expect(await drafts.get(DNR)).toBeDefined();
  const removed = await click(annaChat, avstar, 'Ta bort utkastet');
  expect(cardText(removed)).toContain('Utkastet är borttaget.');
  expect(await drafts.get(DNR)).toBeUndefined();
  const list = await click(annaChat, removed, 'Tillbaka till listan');
  const form = await click(annaChat, list, 'Besvara');
  expect(cardText(form)).toContain('Steg 1 av 7: Kontaktuppgifter och sammanträde');
});

async function showDetail(): Promise<Card> {
  const res = await h.post(cardActionFrom(h.connector, annaChat, 'remiss.show', { dnr: DNR }));
  return (res.body as { value: Card }).value;
}

/** The step list's rows, in order. */
function stepList(card: Card): string[] {
  const list = (card.body as { id?: string; items?: { selectAction: { title: string } }[] }[]).find(
    (e) => e.id === 'step-list',
  );
  return (list?.items ?? []).map((row) => row.selectAction.title);
}

/** The card's text without its step list and buttons: what the preview shows of the document. */
function documentText(card: Card): string {
  const body = (card.body as { id?: string }[]).filter((e) => e.id !== 'step-list');
  return cardText({ ...card, body, actions: [] } as never);
}

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
  // The decision and the reason, then the signatories (name and role each).
  const paragraphs = doc.paragraphs.map((p) => p.text);
  expect(paragraphs.slice(-6, -4)).toEqual([
    'Stockholm Business Region avstår från att yttra sig över remissen.',
    'Remissen berör inte bolagets verksamhet.',
  ]);
  expect(paragraphs.slice(-4)).toEqual(['Staffan Ingvarsson', 'VD', 'Erica Grünewald', 'Avdelningschef']);
});
