/**
 * Remittering vidare in the local Teams-like client (issue 21), in the example city of `npm run dev`: Göran at the
 * kansli sends its remiss on to Socialförvaltningen, Stockholm Business Region and the group "Alla
 * stadsdelsförvaltningar" (Norrmalm); each unit's registrator (Erik, Cecilia, Ingrid) sees its own remiss arrive;
 * Anna answers Socialförvaltningen's and Fatima approves, Anna avstår for Stockholm Business Region and Cecilia
 * approves; Göran sees under Svar väntas that two of three have answered.
 */
import type { Browser, Page } from 'playwright-core';
import { journeyShot, startLocalClients, type LocalClients } from '../support/localClient.js';
import { cardWith, clickUntil, next, openChat, playgroundConfigAs, say } from '../support/playground.js';

const SECRET = 'playground-referral-secret-0123456789abcdef';
let local: LocalClients;
let browser: Browser;
const pages: Partial<Record<Person, Page>> = {};
const PEOPLE = ['goran', 'erik', 'cecilia', 'ingrid', 'anna', 'fatima'] as const;
type Person = (typeof PEOPLE)[number];

beforeAll(async () => {
  local = await startLocalClients(
    PEOPLE.map((p) => (p === 'anna' ? undefined : playgroundConfigAs(`user-${p}`))),
    {
      ORG_CONFIG: 'config/city',
      // Filing waits for the approver's undo window to close: without one, the answers go back at once.
      APPROVAL_UNDO_MINUTES: '0',
      DIGEST_TRIGGER_SECRET: SECRET,
      DIGEST_SCHEDULER: 'off',
    },
  );
  browser = local.browser;
}, 120_000);

afterAll(async () => {
  await local?.stop();
});

/** The example city's kansli remiss (scripts/exampleRemisser.ts), Göran's. */
const KANSLI_DNR = 'KS 2026/0820';
const TITLE = 'Betänkandet Kommunernas ansvar för bostadsförsörjningen (SOU 2026:58)';

function page(who: Person): Page {
  const found = pages[who];
  if (!found) throw new Error(`${who} has not opened Remissbot`);
  return found;
}

/** Everyone opens Remissbot first, so that what is sent to them can reach their chat. */
async function openEveryone(): Promise<void> {
  for (const [i, who] of PEOPLE.entries()) {
    const opened = await openChat(browser, local.clients[i]!.url);
    await say(opened, 'hej');
    await cardWith(opened, 'Det förstod jag inte').waitFor({ timeout: 15_000 });
    pages[who] = opened;
  }
}

/** A registrator's notice of the unit's remiss: Fördela, to Anna. */
async function assignToAnna(who: Person, unitDnr: string): Promise<void> {
  const p = page(who);
  const notice = cardWith(p, `${unitDnr}`);
  const assign = await clickUntil(p, () => notice.getByRole('button', { name: 'Fördela' }).click(), 'Fördela remissen');
  await assign.getByLabel('Eller e-postadress').fill('anna.lindqvist@stad.example.se');
  await clickUntil(
    p,
    () => assign.getByRole('button', { name: 'Fördela', exact: true }).click(),
    'Remissen är fördelad till Anna Lindqvist',
  );
}

/** The approver's request in their chat: Godkänn. */
async function approve(who: Person, unitDnr: string): Promise<void> {
  const p = page(who);
  const request = cardWith(p, 'Anna Lindqvist ber dig godkänna ett remissvar');
  await request.waitFor({ timeout: 30_000 });
  expect(await request.innerText()).toContain(unitDnr);
  await clickUntil(p, () => request.getByRole('button', { name: 'Godkänn' }).click(), 'Godkänd av');
}

test('the kansli sends its remiss on; two units answer, one avstår; Svar väntas shows two of three', async () => {
  await openEveryone();
  const goran = page('goran');

  // Göran opens the kansli's remiss and sends it on.
  await say(goran, `visa ${KANSLI_DNR}`);
  const detail = cardWith(goran, TITLE);
  await detail.waitFor({ timeout: 15_000 });
  const form = await clickUntil(
    goran,
    () => detail.getByRole('button', { name: 'Remittera vidare' }).click(),
    'Remittera vidare till enheterna',
  );
  // The multi-select is a combobox whose options (checkboxes) open in a list of their own, outside the card.
  await form.getByPlaceholder('Välj enheter eller en grupp').click();
  for (const unit of ['Socialförvaltningen', 'Stockholm Business Region', 'Alla stadsdelsförvaltningar (1 st.)'])
    await goran.getByRole('menuitemcheckbox', { name: unit }).click();
  await goran.keyboard.press('Escape');
  await form.getByLabel('Meddelande till enheterna (valfritt)').fill('Se särskilt kapitel 5 om bostadsförsörjning.');
  await journeyShot(goran, 'referral-1-formular');
  const sent = await clickUntil(
    goran,
    () => form.getByRole('button', { name: 'Skicka till enheterna' }).click(),
    'Remissen skickas till',
  );
  // Each named by its nämnd or its name (in the order the client sends the choices), the group as its Norrmalm.
  const sentence = /Remissen skickas till (.+), med svarsdatum den \d{1,2} [a-zé]+ \d{4}\./.exec(
    await sent.innerText(),
  );
  expect(sentence?.[1]?.split(/, | och /).sort()).toEqual([
    'Norrmalms stadsdelsnämnd',
    'Socialnämnden',
    'Stockholm Business Region',
  ]);
  expect(await sent.innerText()).toContain('0 av 3 har svarat.');

  // Each unit's registrator sees its own remiss arrive, linked to the kansli's.
  const arrived = `Stadsledningskontoret har remitterat ärendet vidare till er (deras dnr ${KANSLI_DNR}).`;
  for (const [who, dnr] of [
    ['erik', `${KANSLI_DNR}-SOF`],
    ['cecilia', `${KANSLI_DNR}-SBR`],
    ['ingrid', `${KANSLI_DNR}-NOR`],
  ] as const) {
    const notice = cardWith(page(who), arrived);
    await notice.waitFor({ timeout: 30_000 });
    const text = await notice.innerText();
    expect(text).toContain(dnr);
    expect(text).toContain('Meddelande från Stadsledningskontoret: Se särskilt kapitel 5 om bostadsförsörjning.');
  }
  await journeyShot(page('ingrid'), 'referral-2-enheten-far-remissen');

  // Socialförvaltningen: Erik assigns it to Anna, who answers; Fatima approves.
  await assignToAnna('erik', `${KANSLI_DNR}-SOF`);
  const anna = page('anna');
  const fromErik = cardWith(anna, 'Erik Sandberg har fördelat remissen till dig.');
  await fromErik.waitFor({ timeout: 30_000 });
  const details = await clickUntil(
    anna,
    () => fromErik.getByRole('button', { name: 'Besvara' }).click(),
    'Steg 1 av 7: Kontaktuppgifter och sammanträde',
  );
  await details.getByLabel('Handläggarens telefon').fill('08-508 250 00');
  await next(anna, 'Steg 2 av 7: Sammanfattning');
  await next(anna, 'Steg 3 av 7: Bakgrund');
  const arendet = await next(anna, 'Steg 4 av 7: Ärendet');
  await arendet.getByLabel('Ärendet', { exact: true }).fill('Betänkandet föreslår ett tydligare kommunalt ansvar.');
  const synpunkter = await next(anna, 'Steg 5 av 7: Förvaltningens synpunkter');
  await synpunkter
    .getByLabel('Förvaltningens synpunkter', { exact: true })
    .fill('Förvaltningen tillstyrker förslagen i kapitel 5.');
  await next(anna, 'Steg 6 av 7: Bilagor');
  const preview = await next(anna, 'Steg 7 av 7: Förhandsgranskning');
  await sendForApproval(anna, preview, 'Fatima Said');
  await approve('fatima', `${KANSLI_DNR}-SOF`);

  // Stockholm Business Region: Cecilia assigns it to Anna, who avstår; Cecilia approves.
  await assignToAnna('cecilia', `${KANSLI_DNR}-SBR`);
  const fromCecilia = cardWith(anna, 'Cecilia Holm har fördelat remissen till dig.');
  await fromCecilia.waitFor({ timeout: 30_000 });
  const avstar = await clickUntil(
    anna,
    () => fromCecilia.getByRole('button', { name: 'Avstå från yttrande' }).click(),
    'Steg 1 av 2: Avstå från yttrande',
  );
  await avstar.getByLabel('Skäl (valfritt)').fill('Betänkandet berör inte bolagets verksamhet.');
  const avstarPreview = await next(anna, 'Steg 2 av 2: Förhandsgranskning');
  expect(await avstarPreview.innerText()).toContain(
    'Stockholm Business Region avstår från att yttra sig över remissen.',
  );
  await sendForApproval(anna, avstarPreview, 'Cecilia Holm');
  await approve('cecilia', `${KANSLI_DNR}-SBR`);

  // Göran is told of each answer as it is filed, and sees them under Svar väntas.
  await goran.locator('text=Socialnämnden har svarat på').last().waitFor({ timeout: 90_000 });
  await goran.locator('text=Stockholm Business Region har svarat på').last().waitFor({ timeout: 90_000 });
  await say(goran, `visa ${KANSLI_DNR}`);
  const awaited = cardWith(goran, '2 av 3 har svarat.');
  await awaited.waitFor({ timeout: 15_000 });
  const text = await awaited.innerText();
  expect(text).toContain('Svar väntas');
  expect(text).toMatch(/Socialnämnden\s+Har svarat den \d{1,2} [a-zé]+ \d{4}: har synpunkter/);
  expect(text).toMatch(/Stockholm Business Region\s+Har svarat den \d{1,2} [a-zé]+ \d{4}: avstår/);
  expect(text).toMatch(/Norrmalms stadsdelsnämnd\s+Inte påbörjad, svarsdatum den/);
  await journeyShot(goran, 'referral-3-svar-vantas');
}, 420_000);

/** Skicka för godkännande from a preview, to the organisation's default approver. */
async function sendForApproval(p: Page, preview: ReturnType<typeof cardWith>, approver: string): Promise<void> {
  const compose = await clickUntil(
    p,
    () => preview.getByRole('button', { name: 'Skicka för godkännande' }).click(),
    'Välj vem som ska godkänna svaret',
  );
  await clickUntil(
    p,
    () => compose.getByRole('button', { name: 'Skicka', exact: true }).click(),
    `har skickats till ${approver} för godkännande`,
  );
}
