/**
 * A handläggare answers a remiss in the local Teams-like client, in a real browser: from the due list through
 * every step to the preview, downloads the .docx, and LibreOffice opens it as a proper document.
 */
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { exampleCsv } from '../../scripts/exampleRemisser.js';
import { createRemissbot, type Remissbot } from '../../src/app.js';
import { loadSettings } from '../../src/config/settings.js';
import { importRemisser } from '../../src/features/import/importRemisser.js';
import { parseExport } from '../../src/features/import/parseExport.js';
import { createLogger } from '../../src/logging/logger.js';
import { launchChromium } from '../support/cardRenderer.js';
import { docxToPdf, pdfText } from '../support/libreOffice.js';
import { freePort, openChat, say, startPlayground, type Playground } from '../support/playground.js';

const SHOTS = path.resolve(__dirname, '../../build/screenshots/journeys');
let dataDir: string;
let bot: Remissbot;
let playground: Playground;
let browser: Browser;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-browser-'));
  const port = await freePort();
  const settings = loadSettings({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ALLOWED_TENANTS: '00000000-0000-0000-0000-0000000000a1', BOT_PUBLIC_URL: `http://127.0.0.1:${port}` });
  bot = createRemissbot(settings, { logger: createLogger('silent') });
  await importRemisser(bot.register, parseExport(Buffer.from(exampleCsv(new Date())), 'exempel.csv'), new Date(), 'test');
  await bot.listen();
  playground = await startPlayground(`http://127.0.0.1:${port}/api/messages`);
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
  await bot?.close();
  await rm(dataDir, { recursive: true, force: true });
});

function cardWith(page: Page, text: string): Locator {
  return page.locator('.ac-adaptiveCard', { hasText: text }).last();
}

async function next(page: Page, expected: string): Promise<Locator> {
  await page.locator('.ac-adaptiveCard').last().getByRole('button', { name: 'Nästa' }).click();
  const card = cardWith(page, expected);
  await card.waitFor({ timeout: 15_000 });
  return card;
}

test('answer a remiss from the due list through every step, and download the Word document', async () => {
  const page = await openChat(browser, playground.url);
  await say(page, 'mina remisser');
  const list = cardWith(page, 'Mina remisser');
  await list.waitFor({ timeout: 15_000 });
  await list.locator('.ac-container', { hasText: 'Näringslivspolicy för Stockholms stad' }).getByRole('button', { name: 'Besvara' }).click();

  let form = cardWith(page, 'Steg 1 av 7: Uppgifter');
  await form.waitFor({ timeout: 15_000 });
  await form.getByLabel('Handläggarens telefon').fill('08-508 123 45');
  await page.screenshot({ path: path.join(SHOTS, 'answer-1-uppgifter.png') });
  form = await next(page, 'Steg 2 av 7: Sammanfattning');
  await form.getByLabel('Sammanfattning (valfritt)').fill('Bolaget tillstyrker förslaget.');
  form = await next(page, 'Steg 3 av 7: Bakgrund');
  expect(await form.getByLabel('Bakgrund').inputValue()).toContain('har remitterat ”Näringslivspolicy för Stockholms stad” till Stockholm Business Region (SBR).');
  form = await next(page, 'Steg 4 av 7: Ärendet');
  await form.getByLabel('Ärendet').fill('Policyn ska ersätta den nuvarande.\n\nFörslaget har beretts med näringslivsavdelningen.');
  form = await next(page, 'Steg 5 av 7: Bolagets analys och bedömning');
  await form.getByLabel('Bolagets analys och bedömning').fill('SBR tillstyrker avsnitt 2.\n\nSBR avstyrker avsnitt 4.1.');
  await page.screenshot({ path: path.join(SHOTS, 'answer-5-analys.png') });
  form = await next(page, 'Steg 6 av 7: Bilagor');
  const preview = await next(page, 'Steg 7 av 7: Förhandsgranskning');
  const text = await preview.innerText();
  expect(text).toContain('Stockholm Business Regions förslag till beslut');
  expect(text).toContain('SBR avstyrker avsnitt 4.1.');
  await page.screenshot({ path: path.join(SHOTS, 'answer-7-forhandsgranskning.png') });

  await preview.getByRole('button', { name: 'Ladda ned utkast' }).click();
  const ready = cardWith(page, 'Länken gäller i 15 minuter');
  await ready.waitFor({ timeout: 15_000 });
  await page.screenshot({ path: path.join(SHOTS, 'answer-download.png') });
  // Opening the link leaves Teams for the browser; catch the request the click makes, whatever opens it.
  const requested = new Promise<string>((resolve) => {
    void page.context().route('**/files/**', async (route) => {
      resolve(route.request().url());
      await route.abort();
    });
  });
  await ready.getByText('Öppna dokumentet').click();
  const url = await requested;
  const res = await fetch(url);
  expect(res.status).toBe(200);
  const pdf = (await pdfText(await docxToPdf(Buffer.from(await res.arrayBuffer())))).replace(/\s+/g, ' ');
  expect(pdf).toContain('Näringslivspolicy för Stockholms stad');
  expect(pdf).toContain('Tel: 08-508 123 45');
  expect(pdf).toContain('SBR avstyrker avsnitt 4.1.');
}, 120_000);
