/**
 * A handläggare answers a remiss in the local Teams-like client, in a real browser: from the due list through
 * every step to the preview, downloads the .docx, and LibreOffice opens it as a proper document.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { JOURNEY_SCREENSHOTS as SHOTS, startLocalClients, type LocalClients } from '../support/localClient.js';
import { docxToPdf, pdfText } from '../support/libreOffice.js';
import { answerToPreviewInPlayground, cardWith, openChat, type Playground } from '../support/playground.js';

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

test('answer a remiss from the due list through every step, and download the Word document', async () => {
  const page = await openChat(browser, playground.url);
  const preview = await answerToPreviewInPlayground(page, 'Näringslivspolicy för Stockholms stad', (name) =>
    page.screenshot({ path: path.join(SHOTS, `${name}.png`) }).then(() => undefined),
  );
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
