/**
 * Remittering vidare in the local Teams-like client (issue 21), in the example city of `npm run dev`: Göran at the
 * kansli sends its remiss on to Socialförvaltningen, Stockholm Business Region and the group "Alla
 * stadsdelsförvaltningar" (Norrmalm); each unit's registrator (Erik, Cecilia, Ingrid) sees its own remiss arrive;
 * Anna answers Socialförvaltningen's (tillstyrker) and Fatima approves, Anna avstår for Stockholm Business Region
 * and Cecilia approves; Göran sees two of three answered. Norrmalm is late and Ingrid is reminded by a digest run;
 * Göran's answer starts from the units' answers, in the kansli's real phrasing, and says whose is missing.
 */
import type { Browser, Page } from 'playwright-core';
import { addDays, todayIn } from '../../src/domain/calendar.js';
import { formatLongDate } from '../../src/domain/swedishDates.js';
import type { DigestRun } from '../../src/features/digest/digestRunner.js';
import { readDocx } from '../support/docxText.js';
import { journeyShot, startLocalClients, type LocalClients } from '../support/localClient.js';
import {
  approveRequest,
  assignFrom,
  cardWith,
  clickUntil,
  downloadDraft,
  next,
  openChat,
  playgroundConfigAs,
  say,
  sendForApproval,
} from '../support/playground.js';

const SECRET = 'playground-referral-secret-0123456789abcdef';
const PEOPLE = ['goran', 'erik', 'cecilia', 'ingrid', 'anna', 'fatima'] as const;
type Person = (typeof PEOPLE)[number];
let local: LocalClients;
let browser: Browser;
const pages: Partial<Record<Person, Page>> = {};

beforeAll(async () => {
  local = await startLocalClients(
    PEOPLE.map((p) => (p === 'anna' ? undefined : playgroundConfigAs(`user-${p}`))),
    {
      ORG_CONFIG: 'config/city',
      // Filing waits for the approver's undo window to close: without one, the answers go back at once.
      APPROVAL_UNDO_MINUTES: '0',
      // Digests run when the journey triggers them over HTTP, as an external timer does.
      DIGEST_TRIGGER_SECRET: SECRET,
      DIGEST_SCHEDULER: 'off',
    },
  );
  browser = local.browser;
}, 120_000);

afterAll(async () => {
  await local?.stop();
});

/** The example city's kansli remiss (scripts/exampleRemisser.ts), Göran's. */
const KANSLI_DNR = 'KS 2026/0820';
const TITLE = 'Betänkandet Kommunernas ansvar för bostadsförsörjningen (SOU 2026:58)';
const ANNA = { email: 'anna.lindqvist@stad.example.se', name: 'Anna Lindqvist' };
const ARRIVED = `Stadsledningskontoret har remitterat ärendet vidare till er (deras dnr ${KANSLI_DNR}).`;
/** The units as the kansli's notice named them when it sent the remiss on, in the order they were sent to. */
let sentTo = '';

function page(who: Person): Page {
  const found = pages[who];
  if (!found) throw new Error(`${who} has not opened Remissbot`);
  return found;
}

/** "visa <dnr>" of the kansli's remiss, and the new detail card it brings (not an earlier one in the chat). */
async function showKansliRemiss(p: Page) {
  const details = p.locator('.ac-adaptiveCard', { hasText: 'Remittentens dnr' }).filter({ hasText: 'Fi2026/03121' });
  const before = await details.count();
  await say(p, `visa ${KANSLI_DNR}`);
  await details.nth(before).waitFor({ timeout: 15_000 });
  return details.nth(before);
}

test('the kansli sends its remiss on; each unit sees its own arrive', async () => {
  // Everyone opens Remissbot first, so that what is sent to them can reach their chat.
  for (const [i, who] of PEOPLE.entries()) {
    const opened = await openChat(browser, local.clients[i]!.url);
    await say(opened, 'hej');
    await cardWith(opened, 'Det förstod jag inte').waitFor({ timeout: 15_000 });
    pages[who] = opened;
  }
  const goran = page('goran');
  const detail = await showKansliRemiss(goran);
  const form = await clickUntil(
    goran,
    () => detail.getByRole('button', { name: 'Remittera vidare' }).click(),
    'Remittera vidare till enheterna',
  );
  // The multi-select is a combobox whose options (checkboxes) open in a list of their own, outside the card.
  await form.getByPlaceholder('Välj enheter eller en grupp').click();
  for (const unit of ['Stockholm Business Region', 'Socialförvaltningen', 'Alla stadsdelsförvaltningar (1 st.)'])
    await goran.getByRole('menuitemcheckbox', { name: unit }).click();
  await goran.keyboard.press('Escape');
  await form.getByLabel('Meddelande till enheterna (valfritt)').fill('Se särskilt kapitel 5 om bostadsförsörjning.');
  await journeyShot(goran, 'referral-1-formular');
  const sent = await clickUntil(
    goran,
    () => form.getByRole('button', { name: 'Skicka till enheterna' }).click(),
    'Remissen skickas till',
  );
  // Each by its nämnd or its name, in the city's order (whatever order the client sends the choices in); the group
  // is its Norrmalm.
  sentTo = 'Norrmalms stadsdelsnämnd, Stockholm Business Region och Socialnämnden';
  expect(await sent.innerText()).toMatch(
    new RegExp(`Remissen skickas till ${sentTo}, med svarsdatum den \\d{1,2} [a-zé]+ \\d{4}\\.`),
  );
  expect(await sent.innerText()).toContain('0 av 3 har svarat.');

  // Each unit's registrator sees its own remiss arrive, linked to the kansli's, with the kansli's message.
  for (const [who, dnr] of [
    ['erik', `${KANSLI_DNR}-SOF`],
    ['cecilia', `${KANSLI_DNR}-SBR`],
    ['ingrid', `${KANSLI_DNR}-NOR`],
  ] as const) {
    const notice = cardWith(page(who), ARRIVED);
    await notice.waitFor({ timeout: 30_000 });
    const text = await notice.innerText();
    expect(text).toContain(dnr);
    expect(text).toContain('Meddelande från Stadsledningskontoret: Se särskilt kapitel 5 om bostadsförsörjning.');
  }
  await journeyShot(page('ingrid'), 'referral-2-enheten-far-remissen');
}, 180_000);

test('Socialförvaltningen tillstyrker, Stockholm Business Region avstår; Göran sees two of three', async () => {
  const anna = page('anna');
  // Socialförvaltningen: Erik assigns it to Anna, who answers with the förvaltning's position; Fatima approves.
  await assignFrom(page('erik'), ARRIVED, ANNA.email, ANNA.name);
  const fromErik = cardWith(anna, 'Erik Sandberg har fördelat remissen till dig.');
  await fromErik.waitFor({ timeout: 30_000 });
  const details = await clickUntil(
    anna,
    () => fromErik.getByRole('button', { name: 'Besvara' }).click(),
    'Steg 1 av 7: Kontaktuppgifter och sammanträde',
  );
  expect(await details.innerText()).toContain('Stadsledningskontoret har skickat remissen vidare till er.');
  await details.getByLabel('Handläggarens telefon').fill('08-508 250 00');
  await next(anna, 'Steg 2 av 7: Sammanfattning');
  await next(anna, 'Steg 3 av 7: Bakgrund');
  const arendet = await next(anna, 'Steg 4 av 7: Ärendet');
  await arendet.getByLabel('Ärendet', { exact: true }).fill('Betänkandet föreslår ett tydligare kommunalt ansvar.');
  let synpunkter = await next(anna, 'Steg 5 av 7: Förvaltningens synpunkter');
  await synpunkter
    .getByLabel('Förvaltningens synpunkter', { exact: true })
    .fill('Förvaltningen tillstyrker förslagen i kapitel 5.');
  // Without a position the form stays on this step and asks for it.
  synpunkter = await next(anna, 'Välj ert ställningstagande (tillstyrker, avstyrker eller har synpunkter)');
  await synpunkter.getByRole('radio', { name: 'Tillstyrker' }).check();
  await next(anna, 'Steg 6 av 7: Bilagor');
  const preview = await next(anna, 'Steg 7 av 7: Förhandsgranskning');
  expect(await preview.innerText()).toContain('Ert ställningstagande till Stadsledningskontoret: tillstyrker');
  await sendForApproval(anna, preview, 'Fatima Said');
  await approveRequest(page('fatima'), ANNA.name, `${KANSLI_DNR}-SOF`);

  // Stockholm Business Region: Cecilia assigns it to Anna, who avstår; Cecilia approves.
  await assignFrom(page('cecilia'), ARRIVED, ANNA.email, ANNA.name);
  const fromCecilia = cardWith(anna, 'Cecilia Holm har fördelat remissen till dig.');
  await fromCecilia.waitFor({ timeout: 30_000 });
  const avstar = await clickUntil(
    anna,
    () => fromCecilia.getByRole('button', { name: 'Avstå från yttrande' }).click(),
    'Steg 1 av 2: Avstå från yttrande',
  );
  await avstar.getByLabel('Skäl (valfritt)').fill('Betänkandet berör inte bolagets verksamhet.');
  const avstarPreview = await next(anna, 'Steg 2 av 2: Förhandsgranskning');
  expect(await avstarPreview.innerText()).toContain(
    'Stockholm Business Region avstår från att yttra sig över remissen.',
  );
  await sendForApproval(anna, avstarPreview, 'Cecilia Holm');
  await approveRequest(page('cecilia'), ANNA.name, `${KANSLI_DNR}-SBR`);

  // Göran is told of each answer as it is filed, and sees them under Svar väntas.
  const goran = page('goran');
  await goran.locator('text=Socialnämnden har svarat på').last().waitFor({ timeout: 90_000 });
  await goran.locator('text=Stockholm Business Region har svarat på').last().waitFor({ timeout: 90_000 });
  const awaited = await showKansliRemiss(goran);
  const text = await awaited.innerText();
  expect(text).toContain('Svar väntas');
  expect(text).toContain('2 av 3 har svarat.');
  expect(text).toMatch(/Socialnämnden\s+Har svarat den \d{1,2} [a-zé]+ \d{4}: tillstyrker/);
  expect(text).toMatch(/Stockholm Business Region\s+Har svarat den \d{1,2} [a-zé]+ \d{4}: avstår/);
  expect(text).toMatch(/Norrmalms stadsdelsnämnd\s+Inte påbörjat, svarsdatum den/);
  await journeyShot(goran, 'referral-3-svar-vantas');
}, 300_000);

test('Norrmalm is late and Ingrid is reminded once by a digest run', async () => {
  // A journey cannot wait for the svarsdatum to pass: moving Norrmalm's svarsdatum to yesterday in the bot's
  // register simulates the time passing.
  const yesterday = addDays(todayIn(new Date()), -1);
  const norrmalm = (await local.bot.register.get(`${KANSLI_DNR}-NOR`))!;
  await local.bot.register.save({ ...norrmalm.remiss, dueDate: yesterday }, norrmalm.version);

  const ingrid = page('ingrid');
  const reminders = ingrid.locator('.ac-adaptiveCard', {
    hasText: 'Påminnelse: Stadsledningskontoret väntar på ert remissvar',
  });
  // A digest run triggered as an external timer does; what it sent, once it is done.
  const digestRun = async () => {
    const headers = { authorization: `Bearer ${SECRET}` };
    const res = await fetch(`${local.baseUrl}/api/digest`, { method: 'POST', headers });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    await local.bot.digest.idle();
    await local.bot.outbox.idle();
    return (await (await fetch(`${local.baseUrl}/api/digest/${id}`, { headers })).json()) as DigestRun;
  };
  expect(await digestRun()).toMatchObject({ state: 'done', counts: { failed: 0 } });
  await reminders.first().waitFor({ timeout: 30_000 });
  // A second run that day sends nothing more: one reminder, once.
  expect((await digestRun()).counts.sent).toBe(0);
  expect(await reminders.count()).toBe(1);
  expect(await reminders.first().innerText()).toContain(
    `Stadsledningskontoret väntar på ert svar på remissen ”${TITLE}” (${KANSLI_DNR}-NOR). Svarsdatumet den ` +
      `${formatLongDate(yesterday, 'sv')} har passerat: svaret är 1 dag försenat.`,
  );
  await reminders.first().scrollIntoViewIfNeeded();
  await journeyShot(ingrid, 'referral-4-paminnelse');
}, 120_000);

test("Göran's answer starts from the units' answers and says whose is missing", async () => {
  const goran = page('goran');
  const detail = await showKansliRemiss(goran);
  expect(await detail.innerText()).toContain('2 av 3 har svarat.');
  expect(await detail.innerText()).toMatch(/Norrmalms stadsdelsnämnd\s+\S*\s*Försenad, svarsdatum den/);
  await clickUntil(
    goran,
    () => detail.getByRole('button', { name: 'Besvara' }).click(),
    'Steg 1 av 7: Kontaktuppgifter och sammanträde',
  );
  await next(goran, 'Steg 2 av 7: Sammanfattning');
  await next(goran, 'Steg 3 av 7: Bakgrund');
  const arendet = await next(goran, 'Steg 4 av 7: Ärendet');
  // The kansli's real phrasing: every unit asked, in the order sent to, and who avstod.
  const preparation = `Ärendet har remitterats till ${sentTo}. Stockholm Business Region har avstått från yttrande.`;
  expect(await arendet.getByLabel('Ärendet', { exact: true }).inputValue()).toBe(preparation);
  await journeyShot(goran, 'referral-5-arendet');
  const synpunkter = await next(goran, 'Steg 5 av 7: Kontorets synpunkter');
  await synpunkter.getByLabel('Kontorets synpunkter', { exact: true }).fill('Kontoret delar Socialnämndens bedömning.');
  const bilagor = await next(goran, 'Steg 6 av 7: Bilagor');
  // Each answer that came back is a bilaga, the Avstå one too, in the city's order (config/city: sbr, social).
  const attachments = ['Bilaga 1. Stockholm Business Regions yttrande', 'Bilaga 2. Socialnämndens yttrande'];
  expect(await bilagor.getByLabel('Bilagor (valfritt)', { exact: true }).inputValue()).toBe(attachments.join('\n'));
  const preview = await next(goran, 'Steg 7 av 7: Förhandsgranskning');
  expect(await preview.innerText()).toMatch(/Svar saknas från Norrmalms stadsdelsnämnd \(svarsdatum .+\)\./);
  await preview.getByText('Svar saknas från Norrmalms stadsdelsnämnd').scrollIntoViewIfNeeded();
  await journeyShot(goran, 'referral-6-forhandsgranskning');

  const paragraphs = (await readDocx(await downloadDraft(goran, preview))).paragraphs.map((p) => p.text);
  expect(paragraphs).toContain(preparation);
  // One line each, in one paragraph (a single line break stays within it).
  expect(paragraphs.slice(paragraphs.indexOf('Bilagor'))).toEqual(['Bilagor', attachments.join('\n')]);
}, 180_000);
