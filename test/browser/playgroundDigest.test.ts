/**
 * A digest run triggered the way an external timer does (POST /api/digest with the secret) shows the
 * Playground's user their digest card, proactively, in a real browser.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startLocalClients, JOURNEY_SCREENSHOTS, type LocalClients } from '../support/localClient.js';
import { openChat, say, type Playground } from '../support/playground.js';

const SECRET = 'playground-digest-secret-0123456789abcdef';
let local: LocalClients;
let playground: Playground;
let browser: Browser;

beforeAll(async () => {
  local = await startLocalClients([undefined], { DIGEST_TRIGGER_SECRET: SECRET, DIGEST_SCHEDULER: 'off' });
  [playground] = local.clients as [Playground];
  browser = local.browser;
}, 60_000);

afterAll(async () => {
  await local?.stop();
});

test('a triggered digest run shows the user their remisser with Besvara', async () => {
  const page = await openChat(browser, playground.url);
  await say(page, 'hej');
  await page.locator('.ac-adaptiveCard').last().waitFor({ timeout: 15_000 });

  const res = await fetch(`${local.baseUrl}/api/digest`, {
    method: 'POST',
    headers: { authorization: `Bearer ${SECRET}` },
  });
  expect(res.status).toBe(202);
  const digest = page.locator('.ac-adaptiveCard', { hasText: 'eller ska besvaras inom' });
  await digest.last().waitFor({ timeout: 15_000 });
  const text = await digest.last().innerText();
  expect(text).toContain('Stockholms stads trygghetsprogram 2027–2030');
  expect(text).toMatch(/Besvara|Fortsätt/);
  await page.screenshot({ path: path.join(JOURNEY_SCREENSHOTS, 'digest-1-kort.png') });
}, 60_000);
