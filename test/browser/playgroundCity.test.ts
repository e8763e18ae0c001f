/**
 * One bot for a city (issue 19), in the local Teams-like client with the example city of `npm run dev`: Anna is a
 * handläggare in the bolag and the förvaltning and switches between them; Fatima, the förvaltning's chef, sees
 * only the förvaltning's remisser and is refused the bolag's; Göran at the kansli sees every organisation's.
 */
import type { Browser } from 'playwright-core';
import { journeyShot, startLocalClients, type LocalClients } from '../support/localClient.js';
import {
  answerFromList,
  cardWith,
  clickUntil,
  openChat,
  playgroundConfigAs,
  say,
  type Playground,
} from '../support/playground.js';

let local: LocalClients;
let annasClient: Playground;
let fatimasClient: Playground;
let goransClient: Playground;
let browser: Browser;

beforeAll(async () => {
  local = await startLocalClients([undefined, playgroundConfigAs('user-fatima'), playgroundConfigAs('user-goran')], {
    ORG_CONFIG: 'config/city',
  });
  [annasClient, fatimasClient, goransClient] = local.clients as [Playground, Playground, Playground];
  browser = local.browser;
}, 90_000);

afterAll(async () => {
  await local?.stop();
});

// The list shortens long titles; their start is enough to tell them apart.
const SBR_REMISS = 'Näringslivspolicy för Stockholms stad';
const SOF_REMISS = 'Betänkandet En ny lag om kommunal';
const SOF_TITLE = 'Betänkandet En ny lag om kommunal vuxenutbildning (SOU 2026:41)';
const KANSLI_REMISS = 'Betänkandet Kommunernas ansvar för';

test('each organisation sees its own remisser; Anna switches between hers; the kansli sees all', async () => {
  const anna = await openChat(browser, annasClient.url);
  await say(anna, 'alla remisser');
  const sbr = cardWith(anna, 'För Stockholm Business Region');
  await sbr.waitFor({ timeout: 15_000 });
  const sbrText = await sbr.innerText();
  expect(sbrText).toContain(SBR_REMISS);
  expect(sbrText).not.toContain(SOF_REMISS);
  await journeyShot(anna, 'city-1-anna-sbr');
  const sof = await clickUntil(
    anna,
    () => sbr.getByRole('button', { name: 'Byt till SOF' }).click(),
    'För Socialförvaltningen',
  );
  const sofText = await sof.innerText();
  expect(sofText).toContain(SOF_REMISS);
  expect(sofText).not.toContain(SBR_REMISS);
  await journeyShot(anna, 'city-2-anna-sof');
  // The förvaltning's form: its own headings.
  const form = await answerFromList(anna, sof, SOF_TITLE);
  expect(await form.innerText()).toContain('Förvaltningens synpunkter');

  const fatima = await openChat(browser, fatimasClient.url);
  await say(fatima, 'alla remisser');
  const hers = cardWith(fatima, 'Alla öppna remisser');
  await hers.waitFor({ timeout: 15_000 });
  expect(await hers.innerText()).toContain(SOF_REMISS);
  expect(await hers.innerText()).not.toContain(SBR_REMISS);
  await say(fatima, 'visa SBR 201.3.1-389/2026');
  await cardWith(fatima, 'Remissen hör till en annan organisation än din.').waitFor({ timeout: 15_000 });
  await journeyShot(fatima, 'city-3-fatima-nekad');

  const goran = await openChat(browser, goransClient.url);
  await say(goran, 'alla remisser');
  const all = cardWith(goran, 'Alla öppna remisser');
  await all.waitFor({ timeout: 15_000 });
  for (const title of [SBR_REMISS, SOF_REMISS, KANSLI_REMISS]) expect(await all.innerText()).toContain(title);
  await journeyShot(goran, 'city-4-kansliet-alla');
}, 120_000);
