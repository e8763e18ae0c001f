/**
 * Remittering vidare through the real HTTP server (issue 21), in a test city of a kansli and three units: the
 * kansli's registrator sends its remiss on to two units and a group; each unit gets its own remiss, linked back, and
 * its registrator (or channel) is told; two units answer (one with its position, one avstår), their filed answers
 * flow back to the kansli's remiss once, and the third is late and reminded once. The kansli's answer starts from
 * theirs: Ärendet names the units and who avstod, in the real phrasing, and Bilagor lists the answer. Forged and
 * repeated presses change nothing.
 */
import { ApprovalStore, sha256 } from '../../src/features/approval/approvalStore.js';
import { refusalOf } from '../../src/cards/messageCard.js';
import type { Remiss } from '../../src/domain/remiss.js';
import { cardOf, cardText } from '../fakes/fakeConnector.js';
import type { ChatUser, Harness } from '../support/botHarness.js';
import { readDocx } from '../support/docxText.js';
import { FormDriver, hasButton, input, type Card } from '../support/formDriver.js';
import { remiss } from '../support/remissFixtures.js';
import { people, SOF_CHANNEL, startCity, type CityHarness, type CityPerson } from '../support/testCity.js';

let city: CityHarness;
let h: Harness;
let now = new Date('2026-11-24T09:00:00Z');
let chats: Record<CityPerson, ChatUser>;
const d = () => new FormDriver(h);
const DNR = 'KS 2026/500';
const TITLE = 'Betänkandet En ny kommunallag';
const DIGEST_SECRET = 'referral-digest-secret-0123456789abcdef';
const textOf = (card: Card) => String(input(card, 'text')?.value ?? '');

beforeAll(async () => {
  city = await startCity({ now: () => now, env: { DIGEST_TRIGGER_SECRET: DIGEST_SECRET } });
  ({ h, chats } = city);
  h.connector.addConversation(SOF_CHANNEL, [people.doris]);
  await h.bot.register.save(
    remiss({
      dnr: DNR,
      title: TITLE,
      remittent: 'Finansdepartementet',
      remittentDnr: 'Fi2026/03121',
      dueDate: '2027-01-29',
      organisation: 'kansliet',
      handlaggare: { email: people.kerstin.email, name: people.kerstin.name },
      links: { missive: 'https://www.regeringen.se/remisser/2026/11/missiv.pdf' },
    }),
  );
  for (const who of [chats.kerstin, chats.rut, chats.anna, chats.doris, chats.bertil, chats.erik])
    await d().say(who, 'hej');
}, 30_000);

afterAll(async () => {
  await city?.stop();
});

const post = (who: ChatUser, verb: string, data: object): Promise<Card> => city.press(who, verb, data);
const stored = async (dnr = DNR): Promise<Remiss | undefined> => (await h.bot.register.get(dnr))?.remiss;
const cardsTo = (conversationId: string) =>
  h.connector
    .sentTo(conversationId)
    .map((a) => cardOf(a))
    .filter((c): c is Card => !!c);
const choicesOf = (card: Card) =>
  ((input(card, 'units')?.choices ?? []) as { title: string; value: string }[]).map((c) => c.title);

test('the kansli sends its remiss on to units and a group: each gets its own remiss once, and is told', async () => {
  const detail = await post(chats.kerstin, 'remiss.show', { dnr: DNR });
  expect(hasButton(detail, 'Remittera vidare')).toBe(true);
  const form = await d().click(chats.kerstin, detail, 'Remittera vidare');
  expect(choicesOf(form)).toEqual([
    'Alla stadsdelsförvaltningar (1 st.)',
    'Socialförvaltningen',
    'Stockholm Business Region',
    'Norrmalms stadsdelsförvaltning',
  ]);
  // Ten working days before the kansli's own svarsdatum (Friday 29 January 2027).
  expect(input(form, 'dueDate')?.value).toBe('2027-01-15');

  const send = (data: Record<string, string>) => d().click(chats.kerstin, form, 'Skicka till enheterna', data);
  expect(cardText(await send({ units: '', dueDate: '2027-01-15' }))).toContain('Välj minst en enhet eller grupp.');
  expect(cardText(await send({ units: 'sof', dueDate: '2027-02-01' }))).toContain(
    'Svarsdatumet får inte vara senare än ert eget, den 29 januari 2027.',
  );
  expect(cardText(await send({ units: 'sof,kansliet', dueDate: '2027-01-15' }))).toContain(
    'Någon av de valda enheterna finns inte längre.',
  );
  const short = await send({ units: 'sof', dueDate: '2026-12-01' });
  expect(cardText(short)).toContain('Enheterna får mindre än 10 arbetsdagar på sig.');
  expect(hasButton(short, 'Skicka ändå')).toBe(true);
  expect((await stored())!.referral).toBeUndefined();

  const sent = await send({ units: 'sof,sbr,group:0', dueDate: '2027-01-15', message: 'Se särskilt kapitel 4.' });
  expect(cardText(sent)).toContain(
    'Remissen skickas till Socialnämnden, Stockholm Business Region och Norrmalms stadsdelsnämnd, med svarsdatum ' +
      'den 15 januari 2027.',
  );
  expect(cardText(sent)).toContain('Svar väntas');
  expect(cardText(sent)).toContain('0 av 3 har svarat.');
  // The same press again (a Teams retry) and a second press for a unit already sent to add nothing.
  await send({ units: 'sof,sbr,group:0', dueDate: '2027-01-15', message: 'Se särskilt kapitel 4.' });
  expect(cardText(await send({ units: 'sof', dueDate: '2027-01-15' }))).toContain(
    'Remissen är redan skickad till alla de valda enheterna.',
  );
  await h.bot.outbox.idle();

  const kansli = (await stored())!;
  expect(kansli.referral!.units.map((u) => [u.organisation, u.dnr, u.dueDate])).toEqual([
    ['sof', 'KS 2026/500-SOF', '2027-01-15'],
    ['sbr', 'KS 2026/500-SBR', '2027-01-15'],
    ['norr', 'KS 2026/500-NORR', '2027-01-15'],
  ]);
  const unit = (await stored('KS 2026/500-SOF'))!;
  expect(unit).toMatchObject({
    title: TITLE,
    remittent: 'Kommunstyrelsen',
    remittentDnr: DNR,
    received: '2026-11-24',
    dueDate: '2027-01-15',
    status: 'Inkommen',
    organisation: 'sof',
    links: { missive: 'https://www.regeringen.se/remisser/2026/11/missiv.pdf' },
    referredBy: { dnr: DNR, organisation: 'kansliet', message: 'Se särskilt kapitel 4.' },
  });
  const unitRemisser = (await h.bot.register.listAll()).filter((v) => v.remiss.referredBy);
  expect(unitRemisser).toHaveLength(3);

  // Socialförvaltningen's channel and Norrmalm's registrator are told, each once, with Fördela.
  const toChannel = cardsTo(SOF_CHANNEL).filter((c) => cardText(c).includes('KS 2026/500-SOF'));
  const toRut = cardsTo(chats.rut.conversationId).filter((c) => cardText(c).includes('KS 2026/500-NORR'));
  for (const told of [toChannel, toRut]) {
    expect(told).toHaveLength(1);
    expect(cardText(told[0]!)).toContain(
      'Stadsledningskontoret har remitterat ärendet vidare till er (deras dnr KS 2026/500). Svara senast den 15 ' +
        'januari 2027.',
    );
    expect(hasButton(told[0]!, 'Fördela')).toBe(true);
  }
  expect(cardText(toRut[0]!)).toContain('Meddelande från Stadsledningskontoret: Se särskilt kapitel 4.');
});

test("a unit cannot send on, nor see the kansli's remiss or another unit's", async () => {
  const refusal = async (who: ChatUser, verb: string, data: object) =>
    refusalOf((await post(who, verb, data)) as never);
  expect(await refusal(chats.anna, 'remiss.show', { dnr: DNR })).toBe('OTHER_ORGANISATION');
  expect(await refusal(chats.anna, 'referral.send', { dnr: DNR, units: 'sof', dueDate: '2027-01-15' })).toBe(
    'OTHER_ORGANISATION',
  );
  expect(await refusal(chats.anna, 'remiss.show', { dnr: 'KS 2026/500-NORR' })).toBe('OTHER_ORGANISATION');
  // The unit's own remiss cannot be sent on (it is not the kansli's), even by a forged press.
  const own = await post(chats.anna, 'remiss.show', { dnr: 'KS 2026/500-SOF' });
  expect(hasButton(own, 'Remittera vidare')).toBe(false);
  expect(cardText(own)).toContain('Remitterad vidare av Stadsledningskontoret');
  expect(await refusal(chats.anna, 'referral.send', { dnr: 'KS 2026/500-SOF', units: 'sbr' })).toBe(
    'REFERRAL_NOT_ALLOWED',
  );
  // Forged data from the kansli itself: refused or answered on the form, and nothing sent.
  const before = JSON.stringify(await stored());
  const send = (data: object) => post(chats.kerstin, 'referral.send', { dnr: DNR, dueDate: '2027-01-15', ...data });
  expect(refusalOf((await send({ units: 'norr', message: 'x'.repeat(2001) })) as never)).toBe('INVALID_SUBMISSION');
  expect(cardText(await send({ units: 'group:7' }))).toContain('Någon av de valda enheterna finns inte längre.');
  expect(cardText(await send({ units: 42 }))).toContain('Välj minst en enhet eller grupp.');
  expect(cardText(await send({ units: 'norr', dueDate: '15/1' }))).toContain('Välj ett datum.');
  await h.bot.outbox.idle();
  expect(JSON.stringify(await stored())).toBe(before);
});

test('the units answer: each filed answer goes back to the kansli once, with its position and document', async () => {
  // Socialförvaltningen answers in full; Stockholm Business Region avstår.
  await d().sendAndApprove(chats.anna, chats.doris, 'KS 2026/500-SOF');
  const avstar = await d().click(
    chats.bertil,
    await post(chats.bertil, 'remiss.show', { dnr: 'KS 2026/500-SBR' }),
    'Avstå från yttrande',
  );
  const preview = await d().click(chats.bertil, avstar, 'Nästa', { text: 'Berör inte bolagets verksamhet.' });
  const compose = await d().click(chats.bertil, preview, 'Skicka för godkännande');
  // Erik, a colleague at the bolag, approves.
  await d().click(chats.bertil, compose, 'Skicka', { approver: people.erik.email });
  await h.bot.outbox.idle();
  const request = cardsTo(chats.erik.conversationId).at(-1)!;
  await d().click(chats.erik, request, 'Godkänn');
  await h.bot.outbox.idle();

  const units = (await stored())!.referral!.units;
  const sof = units.find((u) => u.organisation === 'sof')!;
  const approved = await h.bot.register.get('KS 2026/500-SOF');
  expect(approved!.remiss.status).toBe('Klar för diarieföring');
  expect(sof.answer).toMatchObject({ position: 'tillstyrker', document: { dnr: 'KS 2026/500-SOF', version: 1 } });
  expect(sof.answer!.document!.name).toMatch(/\.docx$/);
  expect(units.find((u) => u.organisation === 'sbr')!.answer).toMatchObject({ position: 'avstar' });
  expect(units.find((u) => u.organisation === 'norr')!.answer).toBeUndefined();
  // By reference: the hash is that of the very bytes the unit's chef approved.
  const doc = await new ApprovalStore(h.bot.store).getDocument('KS 2026/500-SOF', 1);
  expect(sof.answer!.document!.hash).toBe(sha256(doc!.bytes));

  // The kansli's handläggare is told of each answer once.
  const told = h.connector.sentTo(chats.kerstin.conversationId).map((a) => String(a.body.text ?? ''));
  expect(told.filter((t) => t.startsWith('Socialnämnden har svarat på ”Betänkandet En ny kommunallag”'))).toHaveLength(
    1,
  );
  expect(told.filter((t) => t.startsWith('Stockholm Business Region har svarat'))).toHaveLength(1);

  // Svar väntas: two have answered; after the internal svarsdatum, Norrmalm is late.
  now = new Date('2027-01-19T09:00:00Z');
  const detail = cardText(await post(chats.kerstin, 'remiss.show', { dnr: DNR }));
  expect(detail).toContain('2 av 3 har svarat.');
  expect(detail).toContain('Har svarat den 24 november 2026: avstår');
  expect(detail).toContain('Försenad, svarsdatum den 15 januari 2027');
}, 60_000);

test("the late unit is reminded once; the kansli's document names the units, the two answers bilagor", async () => {
  // A digest run after the units' svarsdatum: Norrmalm, with no handläggare yet, reminds its registrator, once.
  const reminded = (who: ChatUser) =>
    cardsTo(who.conversationId).filter((c) => cardText(c).includes('väntar på ert remissvar')).length;
  for (let run = 0; run < 2; run++) {
    const headers = { authorization: `Bearer ${DIGEST_SECRET}` };
    expect((await fetch(`${h.baseUrl}/api/digest`, { method: 'POST', headers })).status).toBe(202);
    await h.bot.digest.idle();
  }
  expect(reminded(chats.rut)).toBe(1);
  expect([chats.anna, chats.bertil, chats.kerstin].map(reminded)).toEqual([0, 0, 0]);

  // Kerstin writes the kansli's answer: Ärendet and Bilagor start from the units' answers, in the real phrasing.
  const posted = await d().say(chats.kerstin, `besvara ${DNR}`);
  let card = cardOf(posted)!;
  const details = { name: people.kerstin.name, email: people.kerstin.email, phone: '', meeting: 'none' };
  card = await d().click(chats.kerstin, card, 'Nästa', details, posted.id);
  card = await d().click(chats.kerstin, card, 'Nästa', { text: 'Staden tillstyrker lagförslaget.' });
  card = await d().click(chats.kerstin, card, 'Nästa', { text: textOf(card) });
  expect(textOf(card)).toBe(
    'Ärendet har remitterats till Socialnämnden, Stockholm Business Region och Norrmalms stadsdelsnämnd. ' +
      'Stockholm Business Region har avstått från yttrande.',
  );
  card = await d().click(chats.kerstin, card, 'Nästa', { text: textOf(card) });
  card = await d().click(chats.kerstin, card, 'Nästa', { text: 'Kontoret delar Socialnämndens bedömning.' });
  expect(textOf(card)).toBe('Bilaga 1. Socialnämndens yttrande\nBilaga 2. Stockholm Business Regions yttrande');
  card = await d().click(chats.kerstin, card, 'Nästa', { text: textOf(card) });
  expect(cardText(card)).toContain('Svar saknas från Norrmalms stadsdelsnämnd (svarsdatum 15 januari 2027).');

  const downloaded = await d().click(chats.kerstin, card, 'Ladda ned utkast');
  const link = (downloaded.actions as { type: string; url?: string }[]).find((a) => a.type === 'Action.OpenUrl')!.url!;
  const res = await fetch(`${h.baseUrl}${new URL(link).pathname}`);
  const paragraphs = (await readDocx(Buffer.from(await res.arrayBuffer()))).paragraphs.map((p) => p.text);
  expect(paragraphs).toContain(
    'Ärendet har remitterats till Socialnämnden, Stockholm Business Region och Norrmalms stadsdelsnämnd. ' +
      'Stockholm Business Region har avstått från yttrande.',
  );
  // One line each, in one paragraph (a single line break stays within it).
  expect(paragraphs.slice(paragraphs.indexOf('Bilagor'))).toEqual([
    'Bilagor',
    'Bilaga 1. Socialnämndens yttrande\nBilaga 2. Stockholm Business Regions yttrande',
  ]);
}, 60_000);
