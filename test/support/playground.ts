/**
 * Starts the Microsoft 365 Agents Playground (the local Teams-like client) against a bot endpoint, in a
 * temporary folder with the project's Swedish mock-user config, and drives it with Debian chromium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
export { playgroundConfigAs } from '../../scripts/playgroundConfig.js';

const ROOT = path.resolve(__dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Playground {
  url: string;
  /** Its working folder; its log is devTools/m365agentsplayground.log there. */
  dir: string;
  stop(): Promise<void>;
}

export async function startPlayground(botEndpoint: string, config?: string): Promise<Playground> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-playground-'));
  if (config) await writeFile(path.join(dir, '.m365agentsplayground.yml'), config);
  else await copyFile(path.join(ROOT, '.m365agentsplayground.yml'), path.join(dir, '.m365agentsplayground.yml'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    path.join(ROOT, 'node_modules/.bin/agentsplayground'),
    ['-e', botEndpoint, '-c', 'msteams', '-p', String(port), '--disable-telemetry'],
    {
      cwd: dir,
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
      stdio: 'ignore',
    },
  );
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error('The Agents Playground did not start within 20 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    dir,
    async stop() {
      child.kill('SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Opens the Playground's personal chat and waits until the message box is ready. */
export async function openChat(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(url);
  await page.locator('div[data-lexical-editor="true"][role="textbox"]').waitFor({ timeout: 20_000 });
  return page;
}

export async function say(page: Page, text: string): Promise<void> {
  const box = page.locator('div[data-lexical-editor="true"][role="textbox"]');
  await box.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

export function cardWith(page: Page, text: string) {
  return page.locator('.ac-adaptiveCard', { hasText: text }).last();
}

/**
 * Makes `click` and waits for a card showing `expected`. The Playground re-renders a card when its update
 * arrives and can drop a click made in that moment, so an unanswered click is repeated (a repeat from an old
 * card is harmless: the bot answers it with the newest version). A last failure leaves a screenshot in build/.
 */
export async function clickUntil(page: Page, click: () => Promise<void>, expected: string) {
  const card = cardWith(page, expected);
  for (let attempt = 1; ; attempt++) {
    await click();
    try {
      await card.waitFor({ timeout: 8_000 });
      return card;
    } catch (err) {
      if (attempt >= 3) {
        await page.screenshot({
          path: path.join(ROOT, 'build', 'screenshots', `failed-${expected.replace(/[^a-zA-Z0-9]+/g, '-')}.png`),
        });
        throw err;
      }
    }
  }
}

/** Presses `button` on the newest card and waits for a card showing `expected` (see clickUntil). */
export function press(page: Page, button: string, expected: string) {
  return clickUntil(
    page,
    () => page.locator('.ac-adaptiveCard').last().getByRole('button', { name: button, exact: true }).click(),
    expected,
  );
}

/** Presses "Nästa" on the newest card and waits for the card of the next step. */
export function next(page: Page, expected: string) {
  return press(page, 'Nästa', expected);
}

/** Jumps with the form's step list ("✓ Sammanfattning", "⚠ Ärendet", …) and waits for `expected`. */
export function jumpTo(page: Page, step: string, expected: string) {
  return clickUntil(
    page,
    () => page.locator('.ac-adaptiveCard').last().locator(`[role="button"][aria-label="${step}"]`).click(),
    expected,
  );
}

/** "mina remisser", then Besvara (or Fortsätt) on the remiss titled `title`: its form's first step. */
export async function openAnswerForm(page: Page, title: string) {
  await say(page, 'mina remisser');
  const list = cardWith(page, 'Mina remisser');
  await list.waitFor({ timeout: 15_000 });
  return answerFromList(page, list, title);
}

/** Besvara (or Fortsätt) on the row of the remiss titled `title` in a list card: its form's first step. */
export async function answerFromList(page: Page, list: Locator, title: string) {
  // The row that opens the remiss is named after it; its own Besvara (or Fortsätt) is inside.
  await list
    .locator(`[role="button"][aria-label="Visa: ${title}"]`)
    .getByRole('button', { name: /^(Besvara|Fortsätt)/ })
    .click();
  const form = cardWith(page, 'Steg 1 av 7: Kontaktuppgifter och sammanträde');
  await form.waitFor({ timeout: 15_000 });
  return form;
}

/** From "mina remisser" to the preview of the answer to the remiss titled `title`, as the Playground's user. */
export async function answerToPreviewInPlayground(
  page: Page,
  title: string,
  screenshots?: (name: string) => Promise<void>,
) {
  let form = await openAnswerForm(page, title);
  await form.getByLabel('Handläggarens telefon').fill('08-508 123 45');
  await screenshots?.('answer-1-uppgifter');
  form = await next(page, 'Steg 2 av 7: Sammanfattning');
  await form.getByLabel('Sammanfattning (valfritt)', { exact: true }).fill('Bolaget tillstyrker förslaget.');
  form = await next(page, 'Steg 3 av 7: Bakgrund');
  form = await next(page, 'Steg 4 av 7: Ärendet');
  await form
    .getByLabel('Ärendet', { exact: true })
    .fill('Policyn ska ersätta den nuvarande.\n\nFörslaget har beretts med näringslivsavdelningen.');
  form = await next(page, 'Steg 5 av 7: Bolagets analys och bedömning');
  await form
    .getByLabel('Bolagets analys och bedömning', { exact: true })
    .fill('SBR tillstyrker avsnitt 2.\n\nSBR avstyrker avsnitt 4.1.');
  await screenshots?.('answer-5-analys');
  await next(page, 'Steg 6 av 7: Bilagor');
  return next(page, 'Steg 7 av 7: Förhandsgranskning');
}

/** Fördela on a registrator's card showing `shown` (the remiss's notice): to the person with `email`, named `name`. */
export async function assignFrom(page: Page, shown: string, email: string, name: string): Promise<void> {
  const card = cardWith(page, shown);
  const assign = await clickUntil(
    page,
    () => card.getByRole('button', { name: 'Fördela' }).click(),
    'Fördela remissen',
  );
  await assign.getByLabel('Eller e-postadress').fill(email);
  await clickUntil(
    page,
    () => assign.getByRole('button', { name: 'Fördela', exact: true }).click(),
    `Remissen är fördelad till ${name}`,
  );
}

/** "Skicka för godkännande" on a preview, then Skicka to the organisation's default approver, named `approver`. */
export async function sendForApproval(page: Page, preview: Locator, approver: string): Promise<void> {
  const compose = await clickUntil(
    page,
    () => preview.getByRole('button', { name: 'Skicka för godkännande' }).click(),
    'Välj vem som ska godkänna svaret',
  );
  await clickUntil(
    page,
    () => compose.getByRole('button', { name: 'Skicka', exact: true }).click(),
    `har skickats till ${approver} för godkännande`,
  );
}

/** The approver's request from `requester` in their chat, for the remiss `dnr`: Godkänn. */
export async function approveRequest(page: Page, requester: string, dnr: string): Promise<void> {
  const request = cardWith(page, `${requester} ber dig godkänna ett remissvar`);
  await request.waitFor({ timeout: 30_000 });
  if (!(await request.innerText()).includes(dnr)) throw new Error(`The request waiting is not for ${dnr}`);
  await clickUntil(page, () => request.getByRole('button', { name: 'Godkänn' }).click(), 'Godkänd av');
}

/** "Ladda ned utkast" on a preview and the document its link gives (the link leaves Teams: its request is caught). */
export async function downloadDraft(page: Page, preview: Locator): Promise<Buffer> {
  const ready = await clickUntil(
    page,
    () => preview.getByRole('button', { name: 'Ladda ned utkast' }).click(),
    'Länken gäller i 15 minuter',
  );
  const requested = new Promise<string>((resolve) => {
    void page.context().route('**/files/**', async (route) => {
      resolve(route.request().url());
      await route.abort();
    });
  });
  await ready.getByText('Öppna dokumentet').click();
  const res = await fetch(await requested);
  if (res.status !== 200) throw new Error(`The draft's link answered ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}
