/**
 * Two people, two local Teams-like clients on one bot: Anna sends her answer for approval, Cecilia (who has
 * said "hej" to the bot) reads it on the card that arrives in her chat (the sammanträde, Anna's phone, the
 * förslag till beslut and the analysis, every section under "Visa hela svaret") and approves it, and Anna is told.
 */
import type { Browser } from 'playwright-core';
import { journeyShot, startLocalClients, type LocalClients } from '../support/localClient.js';
import {
  answerToPreviewInPlayground,
  cardWith,
  openChat,
  playgroundConfigAs,
  say,
  type Playground,
} from '../support/playground.js';

let local: LocalClients;
let annasClient: Playground;
let ceciliasClient: Playground;
let browser: Browser;

beforeAll(async () => {
  // The registrator's channel is the Playground team's "Remisser" channel, with ids shaped as Teams' own.
  local = await startLocalClients([undefined, playgroundConfigAs('user-cecilia')], {
    REGISTRATOR: 'channel:19:team-kansliet@thread.tacv2/19:channel-remisser@thread.tacv2',
    // Filing waits for the approver's undo window to close: without one, the journey sees the filing at once.
    // Ångra within the window is in playgroundNoDeadEnds.test.ts (and test/features/approval/approvalUndo.test.ts).
    APPROVAL_UNDO_MINUTES: '0',
  });
  [annasClient, ceciliasClient] = local.clients as [Playground, Playground];
  browser = local.browser;
}, 60_000);

afterAll(async () => {
  await local?.stop();
});

test('"Skicka för godkännande" to "Godkänd" across two clients', async () => {
  const cecilia = await openChat(browser, ceciliasClient.url);
  await say(cecilia, 'hej');
  await cardWith(cecilia, 'Det förstod jag inte').waitFor({ timeout: 15_000 });

  const anna = await openChat(browser, annasClient.url);
  const preview = await answerToPreviewInPlayground(anna, 'Näringslivspolicy för Stockholms stad');
  await preview.getByRole('button', { name: 'Skicka för godkännande' }).click();
  const compose = cardWith(anna, 'Välj vem som ska godkänna svaret');
  await compose.waitFor({ timeout: 15_000 });
  await compose
    .getByLabel('Meddelande till godkännaren (valfritt)')
    .fill('Hej Cecilia, kan du titta på detta före fredag?');
  await compose.getByRole('button', { name: 'Skicka', exact: true }).click();
  await cardWith(anna, 'Version 1 har skickats till Cecilia Holm för godkännande').waitFor({ timeout: 15_000 });
  await journeyShot(anna, 'approval-1-skickad');

  const request = cardWith(cecilia, 'Anna Lindqvist ber dig godkänna ett remissvar');
  await request.waitFor({ timeout: 20_000 });
  // What she approves, on the card: the sammanträde, Anna's phone, the förslag till beslut and the analysis.
  const shown = await request.innerText();
  expect(shown).toContain('Hej Cecilia, kan du titta på detta före fredag?');
  expect(shown).toMatch(/Sammanträde\s+\d{1,2} [a-zé]+ \d{4}/);
  expect(shown).toMatch(/Telefon\s+08-508 123 45/);
  expect(shown).toContain('Stockholm Business Regions förslag till beslut');
  expect(shown).toContain('Bolagets analys och bedömning');
  expect(shown).toContain('SBR avstyrker avsnitt 4.1.');
  await journeyShot(cecilia, 'approval-2-godkannare');
  // Every section is one click away: Ärendet is not among the excerpts until "Visa hela svaret".
  const arendet = request.getByText('Förslaget har beretts med näringslivsavdelningen.');
  expect(await arendet.isVisible()).toBe(false);
  await request.getByRole('button', { name: 'Visa hela svaret' }).click();
  await arendet.waitFor({ state: 'visible', timeout: 5_000 });
  await arendet.scrollIntoViewIfNeeded();
  await journeyShot(cecilia, 'approval-2-hela-svaret');
  await request.getByRole('button', { name: 'Godkänn' }).click();
  await cardWith(cecilia, 'Godkänd av Cecilia Holm').waitFor({ timeout: 15_000 });
  await journeyShot(cecilia, 'approval-3-godkand');

  await anna.locator('text=är godkänt av Cecilia Holm').last().waitFor({ timeout: 20_000 });
  // Filed to the local folder (LibreOffice makes the PDF), and the handläggare is told where.
  await anna
    .locator('text=är sparat i dokumentbiblioteket och klart att diarieföras')
    .last()
    .waitFor({ timeout: 60_000 });
  // The registrator's card waits in the channel.
  await anna.getByText('Remisser', { exact: true }).first().click();
  const registrar = cardWith(anna, 'Klart att diarieföra och skicka');
  await registrar.waitFor({ timeout: 20_000 });
  await journeyShot(anna, 'registrator-kanal');
  expect(
    (await local.bot.register.get('SBR 201.3.1-389/2026'))!.remiss.history.some((e) => e.kind === 'approved'),
  ).toBe(true);
}, 120_000);
