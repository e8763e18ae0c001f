/**
 * Two people, two local Teams-like clients on one bot: Anna sends her answer for approval, Cecilia (who has
 * said "hej" to the bot) approves it from the card that arrives in her chat, and Anna is told.
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
import { answerToPreviewInPlayground, cardWith, freePort, openChat, playgroundConfigAs, say, startPlayground, type Playground } from '../support/playground.js';

const SHOTS = path.resolve(__dirname, '../../build/screenshots/journeys');
let dataDir: string;
let bot: Remissbot;
let annasClient: Playground;
let ceciliasClient: Playground;
let browser: Browser;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-browser-'));
  const port = await freePort();
  const settings = loadSettings({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ALLOWED_TENANTS: '00000000-0000-0000-0000-0000000000a1', BOT_PUBLIC_URL: `http://127.0.0.1:${port}` });
  bot = createRemissbot(settings, { logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent') });
  await importRemisser(bot.register, parseExport(Buffer.from(exampleCsv(new Date())), 'exempel.csv'), new Date(), 'test');
  await bot.listen();
  const endpoint = `http://127.0.0.1:${port}/api/messages`;
  annasClient = await startPlayground(endpoint);
  ceciliasClient = await startPlayground(endpoint, playgroundConfigAs('user-cecilia'));
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await annasClient?.stop();
  await ceciliasClient?.stop();
  await bot?.close();
  await rm(dataDir, { recursive: true, force: true });
});

test('"Skicka för godkännande" to "Godkänd" across two clients', async () => {
  const cecilia = await openChat(browser, ceciliasClient.url);
  await say(cecilia, 'hej');
  await cardWith(cecilia, 'Det här kan du skriva till mig').waitFor({ timeout: 15_000 });

  const anna = await openChat(browser, annasClient.url);
  const preview = await answerToPreviewInPlayground(anna, 'Näringslivspolicy för Stockholms stad');
  await preview.getByRole('button', { name: 'Skicka för godkännande' }).click();
  const compose = cardWith(anna, 'Välj vem som ska godkänna svaret');
  await compose.waitFor({ timeout: 15_000 });
  await compose.getByLabel('Meddelande till godkännaren (valfritt)').fill('Hej Cecilia, kan du titta på detta före fredag?');
  await compose.getByRole('button', { name: 'Skicka', exact: true }).click();
  await cardWith(anna, 'Version 1 är skickad för godkännande till Cecilia Holm').waitFor({ timeout: 15_000 });
  await anna.screenshot({ path: path.join(SHOTS, 'approval-1-skickad.png') });

  const request = cardWith(cecilia, 'Anna Lindqvist ber dig godkänna ett remissvar');
  await request.waitFor({ timeout: 20_000 });
  expect(await request.innerText()).toContain('Hej Cecilia, kan du titta på detta före fredag?');
  await cecilia.screenshot({ path: path.join(SHOTS, 'approval-2-godkannare.png') });
  await request.getByRole('button', { name: 'Godkänn' }).click();
  await cardWith(cecilia, 'Godkänd av Cecilia Holm').waitFor({ timeout: 15_000 });
  await cecilia.screenshot({ path: path.join(SHOTS, 'approval-3-godkand.png') });

  await anna.locator('text=är godkänt av Cecilia Holm').last().waitFor({ timeout: 20_000 });
  expect((await bot.register.get('SBR 201.3.1-389/2026'))!.remiss.history.some((e) => e.kind === 'approved')).toBe(true);
}, 120_000);
