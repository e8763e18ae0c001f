/**
 * A handläggare answers a remiss in the local Teams-like client, in a real browser: from the due list through
 * every step to the preview, downloads the .docx, and LibreOffice opens it as a proper document.
 */
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { exampleCsv } from '../../scripts/exampleRemisser.js';
import { createRemissbot, type Remissbot } from '../../src/app.js';
import { loadSettings } from '../../src/config/settings.js';
import { importRemisser } from '../../src/features/import/importRemisser.js';
import { parseExport } from '../../src/features/import/parseExport.js';
import { createLogger } from '../../src/logging/logger.js';
import { launchChromium } from '../support/cardRenderer.js';
import { docxToPdf, pdfText } from '../support/libreOffice.js';
import { answerToPreviewInPlayground, cardWith, freePort, openChat, startPlayground, type Playground } from '../support/playground.js';

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

test('answer a remiss from the due list through every step, and download the Word document', async () => {
  const page = await openChat(browser, playground.url);
  const preview = await answerToPreviewInPlayground(page, 'Näringslivspolicy för Stockholms stad', (name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) }).then(() => undefined));
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
