/**
 * The newcomer's first minute, in a real browser: the local Teams-like client, the real bot with the
 * example remisser, and "vilka remisser ska besvaras?" answered with the list.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startLocalClients, type LocalClients } from '../support/localClient.js';
import { openChat, say, type Playground } from '../support/playground.js';

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

test('"vilka remisser ska besvaras?" shows the example list in the Playground', async () => {
  const page = await openChat(browser, playground.url);
  await say(page, 'vilka remisser ska besvaras?');
  const list = page.locator('.ac-adaptiveCard', { hasText: 'Remisser att besvara' });
  await list.last().waitFor({ timeout: 15_000 });
  const text = await list.last().innerText();
  expect(text).toContain('Stockholms stads trygghetsprogram 2027–2030');
  expect(text).toContain('3 dagar försenad');
  expect(text).toContain('Näringslivspolicy för Stockholms stad');
  expect(text).not.toContain('Strategi för stadens lokalförsörjning'); // Besvarad
  await page.screenshot({ path: path.resolve(__dirname, '../../build/screenshots/playground-due-list.png') });

  await say(page, 'mina remisser');
  const mine = page.locator('.ac-adaptiveCard', { hasText: 'Mina remisser' });
  await mine.last().waitFor({ timeout: 15_000 });
  expect(await mine.last().innerText()).not.toContain('Program för en hållbar stadsutveckling'); // Erik's
}, 60_000);
