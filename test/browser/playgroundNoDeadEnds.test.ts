/**
 * No dead ends, in the local Teams-like client: Anna jumps about the form with its step list (✓/⚠), leaves a
 * required section empty and is asked on its own step ("Fortsätt ändå"), sends for approval and finds the
 * read-only form under "Väntar på godkännande" with its way back to the list; Cecilia approves, presses
 * "Ångra" within APPROVAL_UNDO_MINUTES and decides again; an Avstå by mistake becomes a full answer.
 */
import type { Page } from 'playwright-core';
import { journeyShot, startLocalClients, type LocalClients } from '../support/localClient.js';
import {
  cardWith,
  clickUntil,
  jumpTo,
  next,
  openAnswerForm,
  openChat,
  playgroundConfigAs,
  press,
  say,
  type Playground,
} from '../support/playground.js';

const TITLE = 'Näringslivspolicy för Stockholms stad';
const DNR = 'SBR 201.3.1-389/2026';
const ANALYS = 'Bolagets analys och bedömning';

let local: LocalClients;
let anna: Page;
let cecilia: Page;

/** The step list's rows on a form card, as their buttons are named ("✓ Bakgrund", "⚠ Ärendet", …). */
const stepList = (form: ReturnType<typeof cardWith>) =>
  form.locator('[role="button"][aria-label]').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label')));

beforeAll(async () => {
  local = await startLocalClients([undefined, playgroundConfigAs('user-cecilia')], { APPROVAL_UNDO_MINUTES: '5' });
  const [annasClient, ceciliasClient] = local.clients as [Playground, Playground];
  // Cecilia has spoken to the bot, so the request can reach her chat.
  cecilia = await openChat(local.browser, ceciliasClient.url);
  await say(cecilia, 'hej');
  await cardWith(cecilia, 'Det förstod jag inte').waitFor({ timeout: 15_000 });
  anna = await openChat(local.browser, annasClient.url);
}, 60_000);

afterAll(async () => {
  await local?.stop();
});

test('the step list jumps to any step, an empty required section asks once, and a sent answer leads back', async () => {
  let form = await openAnswerForm(anna, TITLE);
  await form.getByLabel('Handläggarens telefon').fill('08-508 123 45');
  form = await next(anna, 'Steg 2 av 7: Sammanfattning');
  await form.getByLabel('Sammanfattning (valfritt)', { exact: true }).fill('Bolaget tillstyrker förslaget.');
  expect(await stepList(form)).toEqual(
    expect.arrayContaining(['✓ Kontaktuppgifter och sammanträde', '⚠ Ärendet', `⚠ ${ANALYS}`]),
  );

  // Forward past Ärendet to the analysis, saving the Sammanfattning on the way.
  form = await jumpTo(anna, `⚠ ${ANALYS}`, `Steg 5 av 7: ${ANALYS}`);
  expect(await stepList(form)).toContain('✓ Sammanfattning');
  await form.getByLabel(ANALYS, { exact: true }).fill('SBR tillstyrker avsnitt 2.');
  await journeyShot(anna, 'form-steglista');

  // Back to an earlier step: Ärendet, which says on its own step that it is required.
  form = await jumpTo(anna, '⚠ Ärendet', 'Steg 4 av 7: Ärendet');
  expect(await form.innerText()).toContain(
    'Det här avsnittet ska fyllas i innan svaret kan förhandsgranskas och skickas.',
  );
  expect(await stepList(form)).toContain(`✓ ${ANALYS}`);

  // Left empty: the step stays, with the warning and "Fortsätt ändå".
  form = await next(anna, 'Ärendet är tomt men ska fyllas i innan förhandsgranskningen.');
  expect(await form.innerText()).toContain('Steg 4 av 7: Ärendet');
  await journeyShot(anna, 'form-tomt-avsnitt');
  form = await press(anna, 'Fortsätt ändå', `Steg 5 av 7: ${ANALYS}`);

  // Written after all, and straight to the preview from the step list.
  form = await jumpTo(anna, '⚠ Ärendet', 'Steg 4 av 7: Ärendet');
  await form.getByLabel('Ärendet', { exact: true }).fill('Policyn ska ersätta den nuvarande.');
  const preview = await jumpTo(anna, 'Förhandsgranskning', 'Steg 7 av 7: Förhandsgranskning');

  await preview.getByRole('button', { name: 'Skicka för godkännande' }).click();
  const compose = cardWith(anna, 'Välj vem som ska godkänna svaret');
  await compose.waitFor({ timeout: 15_000 });
  const status = await clickUntil(
    anna,
    () => compose.getByRole('button', { name: 'Skicka', exact: true }).click(),
    'Version 1 har skickats till Cecilia Holm för godkännande',
  );
  // A status, not the imperative of the button that sent it.
  expect((await status.innerText()).trim().split('\n')[0]).toBe('Väntar på godkännande');
  expect(await status.getByRole('button', { name: 'Tillbaka till listan' }).count()).toBe(1);

  // The form, opened again, is read-only under the same status, with its way back to the list.
  await say(anna, `besvara ${DNR}`);
  const locked = cardWith(anna, 'Svaret ligger hos godkännaren och kan inte ändras just nu.');
  await locked.waitFor({ timeout: 15_000 });
  const text = await locked.innerText();
  expect(text).toContain('Väntar på godkännande');
  expect(text).not.toMatch(/Steg \d av \d/);
  expect(await locked.getByRole('button', { name: 'Nästa' }).count()).toBe(0);
  await locked.getByText('Väntar på godkännande').scrollIntoViewIfNeeded();
  await journeyShot(anna, 'form-vantar-pa-godkannande');
  await clickUntil(
    anna,
    () => locked.getByRole('button', { name: 'Tillbaka till listan' }).click(),
    'Remisser att besvara',
  );
  await anna.locator(`[role="button"][aria-label="Visa: ${TITLE}"]`).last().waitFor({ timeout: 5_000 });
}, 120_000);

test('the approver undoes a decision with "Ångra" within the window, and decides again', async () => {
  const request = cardWith(cecilia, 'Anna Lindqvist ber dig godkänna ett remissvar');
  await request.waitFor({ timeout: 20_000 });
  const approve = () => request.getByRole('button', { name: 'Godkänn' }).click();
  await clickUntil(cecilia, approve, 'Du kan ångra beslutet till');
  expect(await request.innerText()).toContain('Godkänd av Cecilia Holm');
  await journeyShot(cecilia, 'approval-angra');

  await clickUntil(
    cecilia,
    () => request.getByRole('button', { name: 'Ångra' }).click(),
    // The undecided request again: Godkänn and Begär ändringar are back, the decision gone.
    'Begär ändringar',
  );
  expect(await request.innerText()).not.toContain('Godkänd av');
  expect((await local.bot.register.get(DNR))!.remiss.status).toBe('För godkännande');
  await anna
    .locator(`text=Cecilia Holm ångrade beslutet om ”${TITLE}”. Svaret väntar på godkännande igen.`)
    .last()
    .waitFor({ timeout: 20_000 });
  await journeyShot(anna, 'approval-angrat-handlaggare');

  await clickUntil(cecilia, approve, 'Godkänd av Cecilia Holm');
  expect((await local.bot.register.get(DNR))!.remiss.status).toBe('Godkänd');
}, 90_000);

test('an Avstå by mistake becomes a full answer, the reason kept as the Sammanfattning', async () => {
  await say(anna, 'visa KS 2026/0745');
  const detail = cardWith(anna, 'Ökad tillgänglighet i kollektivtrafiken');
  await detail.waitFor({ timeout: 15_000 });
  await clickUntil(
    anna,
    () => detail.getByRole('button', { name: 'Avstå från yttrande' }).click(),
    'Steg 1 av 2: Avstå från yttrande',
  );
  const reason = 'Promemorian berör inte bolagets verksamhet.';
  await cardWith(anna, 'Steg 1 av 2: Avstå från yttrande').getByLabel('Skäl (valfritt)').fill(reason);
  await next(anna, 'Steg 2 av 2: Förhandsgranskning');
  await press(anna, 'Föregående', 'Steg 1 av 2: Avstå från yttrande');
  await journeyShot(anna, 'avsta-byt');
  await press(anna, 'Byt till fullständigt svar', 'Skälet du skrev ligger kvar som sammanfattning.');
  await journeyShot(anna, 'avsta-bytt-till-svar');
  const form = await jumpTo(anna, '✓ Sammanfattning', 'Steg 2 av 7: Sammanfattning');
  expect(await form.getByLabel('Sammanfattning (valfritt)', { exact: true }).inputValue()).toBe(reason);
}, 60_000);
