/**
 * The answer form of remittering vidare (issue 21) through the real HTTP server, in the test city: a unit's
 * handläggare answers the remiss the kansli sent on and chooses a position (the preview and approval refuse an
 * answer without one); the kansli's handläggare starts the city's answer from the units' answers (Ärendet and
 * Bilagor prefilled, the missing unit named on the preview, the .docx listing the answer under Bilagor) and
 * updates it when another answer arrives. The register is seeded as the lead's fan-out and filing leave it.
 */
import { rm } from 'node:fs/promises';
import { cardOf, cardText } from '../fakes/fakeConnector.js';
import { personalChat, startHarness, type ChatUser, type Harness } from '../support/botHarness.js';
import { readDocx } from '../support/docxText.js';
import { button, FormDriver, hasButton, input, type Card } from '../support/formDriver.js';
import { remiss } from '../support/remissFixtures.js';
import { people, writeTestCity } from '../support/testCity.js';
import { refusalOf } from '../../src/cards/messageCard.js';
import { withUnitAnswer, type ReferredUnit, type UnitDocument } from '../../src/domain/referral.js';
import { DraftRepository } from '../../src/features/answer/draftRepository.js';

const KANSLI_DNR = 'KS 2026/500';
const NORR_DNR = `${KANSLI_DNR}-NORR`;
const MESSAGE = 'Vi vill särskilt veta hur förslaget påverkar stadsdelarnas budget.';
const UPDATE = 'Uppdatera med enheternas svar';
const ARENDET =
  'Ärendet har remitterats till Socialnämnden, Stockholm Business Region och Norrmalms stadsdelsnämnd. ' +
  'Stockholm Business Region har avstått från yttrande.';

let configDir: string;
let h: Harness;
let nils: ChatUser;
let kerstin: ChatUser;
const d = () => new FormDriver(h);

const documentOf = (unit: string): UnitDocument => ({
  dnr: `${KANSLI_DNR}-${unit}`,
  version: 1,
  hash: 'c'.repeat(64),
  url: `https://stad.sharepoint.com/sites/remisser/${unit}.docx`,
  name: `${unit}.docx`,
});
const unit = (organisation: string, shortName: string, over: Partial<ReferredUnit> = {}): ReferredUnit => ({
  organisation,
  dnr: `${KANSLI_DNR}-${shortName}`,
  dueDate: '2027-01-15',
  sentAt: '2026-11-20T09:00:00.000Z',
  by: people.kerstin.email,
  ...over,
});

beforeAll(async () => {
  configDir = await writeTestCity();
  h = await startHarness({ now: new Date('2026-11-24T09:00:00Z'), env: { ORG_CONFIG: configDir } });
  nils = personalChat(h.connector, people.nils);
  kerstin = personalChat(h.connector, people.kerstin);
  const title = 'Nationell strategi för hållbar stadsutveckling';
  await h.bot.register.save(
    remiss({
      dnr: KANSLI_DNR,
      title,
      remittent: 'Regeringskansliet',
      received: '2026-11-02',
      dueDate: '2027-02-15',
      organisation: 'kansliet',
      handlaggare: { email: people.kerstin.email },
      referral: {
        units: [
          unit('sof', 'SOF', {
            answer: { at: '2026-11-23T10:00:00.000Z', position: 'tillstyrker', document: documentOf('SOF') },
          }),
          unit('sbr', 'SBR', { answer: { at: '2026-11-23T11:00:00.000Z', position: 'avstar' } }),
          unit('norr', 'NORR'),
        ],
      },
    }),
  );
  const referredBy = { dnr: KANSLI_DNR, organisation: 'kansliet' };
  const unitRemiss = (shortName: string, organisation: string, status: 'Besvarad' | 'Avstår') =>
    remiss({ dnr: `${KANSLI_DNR}-${shortName}`, title, dueDate: '2027-01-15', organisation, status, referredBy });
  await h.bot.register.save(unitRemiss('SOF', 'sof', 'Besvarad'));
  await h.bot.register.save(unitRemiss('SBR', 'sbr', 'Avstår'));
  await h.bot.register.save(
    remiss({
      dnr: NORR_DNR,
      title,
      remittent: 'Kommunstyrelsen',
      remittentDnr: KANSLI_DNR,
      dueDate: '2027-01-15',
      organisation: 'norr',
      handlaggare: { email: people.nils.email },
      referredBy: { ...referredBy, message: MESSAGE },
    }),
  );
}, 30_000);

afterAll(async () => {
  await h?.stop();
  await rm(configDir, { recursive: true, force: true });
});

const post = (who: ChatUser, verb: string, data: object) => d().invoke(who, verb, data);
const textOf = (card: Card) => input(card, 'text')!.value as string;

test("a unit answers the kansli's remiss: its message, a position in one word, required to send", async () => {
  const posted = await d().say(nils, `besvara ${NORR_DNR}`);
  let card = cardOf(posted)!;
  expect(cardText(card)).toContain(
    'Stadsledningskontoret har skickat remissen vidare till er. När ert svar är godkänt och sparat i ' +
      'dokumentbiblioteket går det tillbaka till Stadsledningskontoret.',
  );
  expect(cardText(card)).toContain('Meddelande från Stadsledningskontoret:');
  expect(cardText(card)).toContain(MESSAGE);
  const details = { name: people.nils.name, email: people.nils.email, phone: '08-508 100 00', meeting: 'none' };
  card = await d().click(nils, card, 'Nästa', details, posted.id);
  expect(cardText(card)).not.toContain('Stadsledningskontoret har skickat');
  expect(input(card, 'position')).toBeUndefined();
  card = await d().click(nils, card, 'Nästa', { text: 'Förvaltningen har synpunkter på avsnitt 5.' });
  card = await d().click(nils, card, 'Nästa', { text: textOf(card) });
  card = await d().click(nils, card, 'Nästa', { text: 'Strategin föreslår nya mål för stadsdelarna.' });
  expect(cardText(card)).toContain('Steg 5 av 7: Förvaltningens synpunkter');
  const position = input(card, 'position')!;
  expect(position.label).toBe('Ert ställningstagande i ett ord');
  expect((position.choices as { title: string; value: string }[]).map((c) => [c.title, c.value])).toEqual([
    ['Tillstyrker', 'tillstyrker'],
    ['Avstyrker', 'avstyrker'],
    ['Har synpunkter', 'synpunkter'],
  ]);
  expect(cardText(card)).toContain('Stadsledningskontoret får ert ställningstagande tillsammans med svaret.');
  const analys = 'Förvaltningen avstyrker förslaget i avsnitt 5.2.';

  // No position: on to Bilagor, but the preview leads back to the step, saying why.
  card = await d().click(nils, card, 'Nästa', { text: analys, position: '' });
  card = await d().click(nils, card, 'Nästa', { text: '' });
  expect(cardText(card)).toContain('Steg 5 av 7: Förvaltningens synpunkter');
  expect(cardText(card)).toContain(
    'Välj ert ställningstagande (tillstyrker, avstyrker eller har synpunkter) innan förhandsgranskningen. ' +
      'Stadsledningskontoret får det tillsammans med svaret.',
  );
  expect(textOf(card)).toBe(analys);
  expect(hasButton(card, 'Skicka för godkännande')).toBe(false);

  // Forged: a position not offered is refused and stores nothing; approval refuses an answer without one.
  const drafts = new DraftRepository(h.bot.store);
  const before = (await drafts.get(NORR_DNR))!.value;
  const forged = await post(nils, 'answer.save', { ...button(card, 'Nästa').data, text: analys, position: 'kanske' });
  expect(refusalOf(forged as never)).toBe('INVALID_SUBMISSION');
  for (const verb of ['approval.compose', 'approval.send']) {
    const refused = await post(nils, verb, { dnr: NORR_DNR, revision: before.revision, approver: 'chef@stad.se' });
    expect(refusalOf(refused as never)).toBe('POSITION_MISSING');
    expect(cardText(refused)).toContain('förrän ert ställningstagande är valt');
  }
  expect((await drafts.get(NORR_DNR))!.value).toEqual(before);

  card = await d().click(nils, card, 'Nästa', { text: analys, position: 'avstyrker' });
  card = await d().click(nils, card, 'Nästa', { text: '' });
  expect(cardText(card)).toContain('Steg 7 av 7: Förhandsgranskning');
  expect(cardText(card)).toContain('Ert ställningstagande till Stadsledningskontoret: avstyrker');
  expect(hasButton(card, 'Skicka för godkännande')).toBe(true);
  expect((await drafts.get(NORR_DNR))!.value.answer.details.position).toBe('avstyrker');
  // Back on the step the choice stands as saved.
  card = await d().click(nils, card, 'Föregående', {});
  card = await d().click(nils, card, 'Föregående', { text: '' });
  expect(input(card, 'position')!.value).toBe('avstyrker');
});

/** The preview's document (its emphasis container), without the form's own lines around it. */
const documentLines = (card: Card): string[] =>
  (card.body as { style?: string; items?: { inlines?: { text: string }[] }[] }[])
    .filter((e) => e.style === 'emphasis')
    .flatMap((e) => e.items ?? [])
    .flatMap((i) => (i.inlines ?? []).map((r) => r.text));

test("the kansli's answer starts from its units': Ärendet and Bilagor prefilled, the missing unit named", async () => {
  const posted = await d().say(kerstin, `besvara ${KANSLI_DNR}`);
  let card = cardOf(posted)!;
  expect(cardText(card)).not.toContain('har skickat remissen vidare');
  const details = { name: people.kerstin.name, email: people.kerstin.email, phone: '08-508 200 00', meeting: 'none' };
  card = await d().click(kerstin, card, 'Nästa', details, posted.id);
  card = await d().click(kerstin, card, 'Nästa', { text: 'Staden tillstyrker strategin.' });
  card = await d().click(kerstin, card, 'Nästa', { text: textOf(card) });
  expect(cardText(card)).toContain('Steg 4 av 7: Ärendet');
  expect(textOf(card)).toBe(ARENDET);
  expect(hasButton(card, UPDATE)).toBe(false);
  card = await d().click(kerstin, card, 'Nästa', { text: `Strategin föreslår nya mål.\n\n${textOf(card)}` });
  // The kansli's own remiss was not sent to it: no position to choose.
  expect(input(card, 'position')).toBeUndefined();
  card = await d().click(kerstin, card, 'Nästa', { text: 'Kontoret delar Socialnämndens bedömning.' });
  expect(cardText(card)).toContain('Steg 6 av 7: Bilagor');
  expect(textOf(card)).toBe('Bilaga 1. Socialnämndens yttrande');
  expect(hasButton(card, UPDATE)).toBe(false);
  card = await d().click(kerstin, card, 'Nästa', { text: textOf(card) });

  const text = cardText(card);
  expect(text).toContain('Steg 7 av 7: Förhandsgranskning');
  expect(text).toContain('Svar saknas från Norrmalms stadsdelsnämnd (svarsdatum 15 januari 2027).');
  expect(text).toContain('Enheternas svar');
  expect(text).toContain('Socialnämnden: tillstyrker');
  expect(text).toContain('Stockholm Business Region: avstår');
  expect(text).toContain('Norrmalms stadsdelsnämnd: pågår, svarsdatum 15 januari 2027');
  expect(button(card, 'Öppna svaret från Socialnämnden')).toMatchObject({ url: documentOf('SOF').url });
  // A warning, never a stop.
  expect(hasButton(card, 'Skicka för godkännande')).toBe(true);
  const lines = documentLines(card);
  expect(lines).toContain(`Strategin föreslår nya mål.`);
  expect(lines.slice(lines.indexOf('Bilagor'))).toEqual(['Bilagor', 'Bilaga 1. Socialnämndens yttrande']);

  const downloaded = await d().click(kerstin, card, 'Ladda ned utkast');
  const link = (downloaded.actions as { type: string; url?: string }[]).find((a) => a.type === 'Action.OpenUrl')!.url!;
  const res = await fetch(`${h.baseUrl}${new URL(link).pathname}`);
  expect(res.status).toBe(200);
  const paragraphs = (await readDocx(Buffer.from(await res.arrayBuffer()))).paragraphs.map((p) => p.text);
  expect(paragraphs).toContain(ARENDET);
  expect(paragraphs.slice(paragraphs.indexOf('Bilagor'))).toEqual(['Bilagor', 'Bilaga 1. Socialnämndens yttrande']);
});

test("another unit's answer arrives: Bilagor offers it, and the update keeps what the handläggare wrote", async () => {
  const stored = (await h.bot.register.get(KANSLI_DNR))!;
  const answer = { at: '2026-11-24T08:00:00.000Z', position: 'synpunkter' as const, document: documentOf('NORR') };
  await h.bot.register.save(withUnitAnswer(stored.remiss, 'norr', answer), stored.version);

  const posted = await d().say(kerstin, `besvara ${KANSLI_DNR}`);
  let card = cardOf(posted)!;
  expect(cardText(card)).toContain('Steg 7 av 7: Förhandsgranskning');
  expect(cardText(card)).not.toContain('Svar saknas');
  expect(cardText(card)).toContain('Norrmalms stadsdelsnämnd: har synpunkter');
  card = await d().click(kerstin, card, 'Föregående', {}, posted.id);
  expect(cardText(card)).toContain('Steg 6 av 7: Bilagor');
  expect(cardText(card)).toContain('Enheternas svar har ändrats sedan texten om dem fylldes i.');
  expect(cardText(card)).toContain('Bilaga 1. Socialnämndens yttrande\nBilaga 2. Norrmalms stadsdelsnämnds yttrande');
  const offered = card;
  // What she has typed and not yet saved goes with the update.
  const typed = 'Bilaga 1. Socialnämndens yttrande\nKarta över stadsdelarna';
  card = await d().click(kerstin, card, UPDATE, { text: typed }, posted.id);
  expect(cardText(card)).toContain('Steg 6 av 7: Bilagor');
  expect(cardText(card)).toContain('Uppdaterat med enheternas svar. Det du själv skrev ligger kvar.');
  expect(textOf(card)).toBe(
    'Bilaga 1. Socialnämndens yttrande\nBilaga 2. Norrmalms stadsdelsnämnds yttrande\nKarta över stadsdelarna',
  );
  expect(hasButton(card, UPDATE)).toBe(false);

  // The same button on the older copy changes nothing: the newest version is shown.
  const stale = await d().click(kerstin, offered, UPDATE, { text: 'Bilaga 1. Socialnämndens yttrande' });
  expect(cardText(stale)).toContain('Svaret har ändrats på en annan enhet');
  expect(textOf(stale)).toBe(textOf(card));

  // Ärendet's paragraph is the same (Norrmalm did not avstå): nothing to offer there.
  card = await d().click(kerstin, card, 'Föregående', { text: textOf(card) });
  card = await d().click(kerstin, card, 'Föregående', { text: textOf(card) });
  expect(cardText(card)).toContain('Steg 4 av 7: Ärendet');
  expect(hasButton(card, UPDATE)).toBe(false);
});
