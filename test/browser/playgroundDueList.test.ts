/**
 * The newcomer's first minute, in a real browser: the local Teams-like client, the real bot with the
 * example remisser, and "vilka remisser ska besvaras?" answered with the list.
 */
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
import { openChat, say, startPlayground, type Playground } from '../support/playground.js';

let dataDir: string;
let bot: Remissbot;
let playground: Playground;
let browser: Browser;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-browser-'));
  const settings = loadSettings({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ALLOWED_TENANTS: '00000000-0000-0000-0000-0000000000a1' });
  bot = createRemissbot(settings, { logger: createLogger('silent') });
  await importRemisser(bot.register, parseExport(Buffer.from(exampleCsv(new Date())), 'exempel.csv'), new Date(), 'test');
  const port = await bot.listen();
  playground = await startPlayground(`http://127.0.0.1:${port}/api/messages`);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
  await bot?.close();
  await rm(dataDir, { recursive: true, force: true });
});

test('"vilka remisser ska besvaras?" shows the example list in the Playground', async () => {
  const page = await openChat(browser, playground.url);
  await say(page, 'vilka remisser ska besvaras?');
  const list = page.locator('.ac-adaptiveCard', { hasText: 'Remisser att besvara' });
  await list.last().waitFor({ timeout: 15_000 });
  const text = await list.last().innerText();
  expect(text).toContain('Stockholms stads trygghetsprogram 2027–2030');
  expect(text).toContain('försenad sedan 3 dagar');
  expect(text).toContain('Näringslivspolicy för Stockholms stad');
  expect(text).not.toContain('Strategi för stadens lokalförsörjning'); // Besvarad
  await page.screenshot({ path: path.resolve(__dirname, '../../build/screenshots/playground-due-list.png') });

  await say(page, 'mina remisser');
  const mine = page.locator('.ac-adaptiveCard', { hasText: 'Mina remisser' });
  await mine.last().waitFor({ timeout: 15_000 });
  expect(await mine.last().innerText()).not.toContain('Program för en hållbar stadsutveckling'); // Erik's
}, 60_000);
