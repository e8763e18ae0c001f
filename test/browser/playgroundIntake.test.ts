/**
 * A remiss arrives in Teams (issue 20), in the local Teams-like client with the example city: Erik, registrator at
 * Socialförvaltningen, lägger in a remiss from a pasted missive; Fatima, its chef, assigns it to Anna; Anna gets it
 * in her chat, records the anstånd the department gave (the svarsdatum moves) and starts her answer.
 */
import type { Browser } from 'playwright-core';
import { journeyShot, startLocalClients, type LocalClients } from '../support/localClient.js';
import { FINANSDEPARTEMENTET } from '../support/missiveTexts.js';
import {
  cardWith,
  clickUntil,
  next,
  openChat,
  playgroundConfigAs,
  say,
  sendForApproval,
  type Playground,
} from '../support/playground.js';

let local: LocalClients;
let erikClient: Playground;
let fatimaClient: Playground;
let annaClient: Playground;
let browser: Browser;

beforeAll(async () => {
  local = await startLocalClients([playgroundConfigAs('user-erik'), playgroundConfigAs('user-fatima'), undefined], {
    ORG_CONFIG: 'config/city',
  });
  [erikClient, fatimaClient, annaClient] = local.clients as [Playground, Playground, Playground];
  browser = local.browser;
}, 90_000);

afterAll(async () => {
  await local?.stop();
});

const DNR = 'SOF 2026/0900';

test('registered from a pasted missive, assigned by the chef, extended and answered by the handläggare', async () => {
  // Anna has opened Remissbot, so the assignment can reach her.
  const anna = await openChat(browser, annaClient.url);
  await say(anna, 'hej');
  await cardWith(anna, 'Det förstod jag inte').waitFor({ timeout: 15_000 });

  // Erik acts for Socialförvaltningen, where he is registrator.
  const erik = await openChat(browser, erikClient.url);
  await say(erik, 'alla remisser');
  const list = cardWith(erik, 'För Stockholm Business Region');
  await list.waitFor({ timeout: 15_000 });
  await clickUntil(erik, () => list.getByRole('button', { name: 'Byt till SOF' }).click(), 'För Socialförvaltningen');
  await say(erik, 'ny remiss');
  const form = cardWith(erik, 'Klistra in missivet');
  await form.waitFor({ timeout: 15_000 });
  await form.getByLabel('Klistra in missivet').fill(FINANSDEPARTEMENTET);
  const read = await clickUntil(
    erik,
    () => form.getByRole('button', { name: 'Läs in missivet' }).click(),
    'Ur missivet läste jag',
  );
  expect(await read.getByLabel('Remittent', { exact: true }).inputValue()).toContain('Finansdepartementet');
  await read.getByLabel('Diarienummer', { exact: true }).fill(DNR);
  await journeyShot(erik, 'intake-1-missiv-inlast');
  await clickUntil(erik, () => read.getByRole('button', { name: 'Lägg in remissen' }).click(), 'är inlagd i Remissbot');
  const stored = (await local.bot.register.get(DNR))!.remiss;
  expect([stored.remittentDnr, stored.dueDate, stored.organisation, stored.status]).toEqual([
    'Fi2026/03121',
    '2027-03-15',
    'social',
    'Inkommen',
  ]);

  // Fatima, the förvaltning's chef, assigns it to Anna from its detail card.
  const fatima = await openChat(browser, fatimaClient.url);
  await say(fatima, `visa ${DNR}`);
  const detail = cardWith(fatima, DNR);
  await detail.waitFor({ timeout: 15_000 });
  const assign = await clickUntil(
    fatima,
    () => detail.getByRole('button', { name: 'Fördela' }).click(),
    'Fördela remissen',
  );
  await assign.getByLabel('Eller e-postadress').fill('anna.lindqvist@stad.example.se');
  await journeyShot(fatima, 'intake-2-fordela');
  await clickUntil(
    fatima,
    () => assign.getByRole('button', { name: 'Fördela', exact: true }).click(),
    'Remissen är fördelad till Anna Lindqvist',
  );

  // Anna gets the remiss in her chat, records the anstånd and starts her answer.
  const received = cardWith(anna, 'Fatima Said har fördelat remissen till dig.');
  await received.waitFor({ timeout: 30_000 });
  await journeyShot(anna, 'intake-3-fordelad-till-anna');
  const extension = await clickUntil(
    anna,
    () => received.getByRole('button', { name: 'Anstånd' }).click(),
    'Beviljat nytt svarsdatum',
  );
  await extension.getByLabel('Beviljat nytt svarsdatum').fill('2027-04-15');
  await extension.getByLabel('Vem hos remittenten beviljade anståndet?').fill('Finansdepartementet, Anna Ek');
  const extended = await clickUntil(
    anna,
    () => extension.getByRole('button', { name: 'Registrera beviljat anstånd' }).click(),
    'svarsdatumet är nu den 15 april 2027',
  );
  await journeyShot(anna, 'intake-4-anstand');
  expect((await local.bot.register.get(DNR))!.remiss.dueDate).toBe('2027-04-15');
  const details = await clickUntil(
    anna,
    () => extended.getByRole('button', { name: 'Besvara' }).click(),
    'Steg 1 av 7: Kontaktuppgifter och sammanträde',
  );
  expect((await local.bot.register.get(DNR))!.remiss.status).toBe('Pågår');
  // She answers in Socialförvaltningen's template and sends it to Fatima for approval.
  await details.getByLabel('Handläggarens telefon').fill('08-508 250 00');
  await next(anna, 'Steg 2 av 7: Sammanfattning');
  await next(anna, 'Steg 3 av 7: Bakgrund');
  const arendet = await next(anna, 'Steg 4 av 7: Ärendet');
  await arendet
    .getByLabel('Ärendet', { exact: true })
    .fill('Promemorian föreslår en enklare kommunal fastighetsskatt.');
  const synpunkter = await next(anna, 'Steg 5 av 7: Förvaltningens synpunkter');
  await synpunkter
    .getByLabel('Förvaltningens synpunkter', { exact: true })
    .fill('Förvaltningen tillstyrker förslaget i avsnitt 4.');
  await next(anna, 'Steg 6 av 7: Bilagor');
  const preview = await next(anna, 'Steg 7 av 7: Förhandsgranskning');
  const text = await preview.innerText();
  expect(text).toContain('Förvaltningens förslag till beslut');
  expect(text).toContain('Förvaltningen tillstyrker förslaget i avsnitt 4.');
  await journeyShot(anna, 'intake-5-svar');
  await sendForApproval(anna, preview, 'Fatima Said');
  expect((await local.bot.register.get(DNR))!.remiss.status).toBe('För godkännande');
}, 240_000);
