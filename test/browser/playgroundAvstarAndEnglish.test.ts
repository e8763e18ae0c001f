/**
 * Two more journeys in the local Teams-like client: an "Avstå" answer end to end, and "mina remisser" in
 * English after choosing the language.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { docxToPdf, pdfText } from '../support/libreOffice.js';
import { JOURNEY_SCREENSHOTS as SHOTS, startLocalClients, type LocalClients } from '../support/localClient.js';
import { cardWith, next, openChat, say, type Playground } from '../support/playground.js';

let local: LocalClients;
let playground: Playground;
let browser: Browser;

beforeAll(async () => {
  local = await startLocalClients([undefined]);
  [playground] = local.clients as [Playground];
  browser = local.browser;
}, 60_000);

afterAll(async () => {
  await local?.stop();
});

test('Avstå: from the remiss, a one-step answer and an Avstår document', async () => {
  const page = await openChat(browser, playground.url);
  await say(page, 'visa KS 2026/0745');
  const detail = cardWith(page, 'Ökad tillgänglighet i kollektivtrafiken');
  await detail.waitFor({ timeout: 15_000 });
  await detail.getByRole('button', { name: 'Avstå från yttrande' }).click();
  const form = cardWith(page, 'Steg 1 av 2: Avstå från yttrande');
  await form.waitFor({ timeout: 15_000 });
  await form.getByLabel('Skäl (valfritt)').fill('Promemorian berör inte bolagets verksamhet.');
  const preview = await next(page, 'Steg 2 av 2: Förhandsgranskning');
  expect(await preview.innerText()).toContain('Stockholm Business Region avstår från att yttra sig över remissen.');
  await page.screenshot({ path: path.join(SHOTS, 'avsta-forhandsgranskning.png') });
  await preview.getByRole('button', { name: 'Ladda ned utkast' }).click();
  const ready = cardWith(page, 'Länken gäller i 15 minuter');
  await ready.waitFor({ timeout: 15_000 });
  const requested = new Promise<string>((resolve) => {
    void page.context().route('**/files/**', async (route) => {
      resolve(route.request().url());
      await route.abort();
    });
  });
  await ready.getByText('Öppna dokumentet').click();
  const pdf = (await pdfText(await docxToPdf(Buffer.from(await (await fetch(await requested)).arrayBuffer())))).replace(
    /\s+/g,
    ' ',
  );
  expect(pdf).toContain(
    'Stockholm Business Region avstår från att yttra sig över remissen. Promemorian berör inte bolagets verksamhet.',
  );
}, 120_000);

test('"my remisser" in English after choosing the language', async () => {
  const page = await openChat(browser, playground.url);
  await say(page, 'english');
  await page.locator('text=I will answer in English from now on.').last().waitFor({ timeout: 15_000 });
  await say(page, 'my remisser');
  const mine = cardWith(page, 'My remisser');
  await mine.waitFor({ timeout: 15_000 });
  const text = await mine.innerText();
  expect(text).toContain('Näringslivspolicy för Stockholms stad');
  // Ready-by dates and days in English; statuses by their English names, not the stored Swedish ones.
  expect(text).toMatch(/\d{1,2} [A-Z][a-z]{2} · (overdue by \d+ days?|in \d+ days)/);
  expect(text).toContain('In progress');
  expect(text).not.toMatch(/Pågår|Fördelad/);
  expect(text).not.toContain('Program för en hållbar stadsutveckling'); // Erik's
  await page.screenshot({ path: path.join(SHOTS, 'mina-remisser-engelska.png') });
}, 60_000);
