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
  expect(text).toMatch(/\d+ dagar? försenad/);
  expect(text).toContain('Näringslivspolicy för Stockholms stad');
  expect(text).not.toContain('Strategi för stadens lokalförsörjning'); // Besvarad
  // Rows per screen at 1280×1000: the chat pane's height over the pitch of the list's rows (the distance from one
  // row's top to the next, which includes the separators), and the rows wholly inside the pane as shown.
  const measured = await list.last().evaluate((card) => {
    const rows = [...card.querySelectorAll<HTMLElement>('.ac-selectable[role="button"]')];
    rows[0]!.scrollIntoView({ block: 'start' });
    let pane: HTMLElement | null = card.parentElement;
    while (pane && !/(auto|scroll)/.test(getComputedStyle(pane).overflowY)) pane = pane.parentElement;
    const box = pane ? pane.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
    const bottom = Math.min(box.bottom, window.innerHeight);
    const tops = rows.map((r) => r.getBoundingClientRect().top);
    const pitches = tops
      .slice(1)
      .map((t, k) => t - tops[k]!)
      .sort((a, b) => a - b);
    const pitch = pitches[Math.floor(pitches.length / 2)]!;
    const shown = rows.filter(
      (r) => r.getBoundingClientRect().top >= box.top && r.getBoundingClientRect().bottom <= bottom,
    );
    return {
      perScreen: Math.floor((bottom - box.top) / pitch),
      pitch: Math.round(pitch),
      shown: shown.length,
      of: rows.length,
    };
  });
  console.log(
    `due list: ${measured.perScreen} rows per screen at 1280×1000 (row pitch ${measured.pitch} px; ` +
      `${measured.shown} of the ${measured.of} example rows in view)`,
  );
  await page.screenshot({ path: path.resolve(__dirname, '../../build/screenshots/playground-due-list.png') });
  expect(measured.perScreen).toBeGreaterThanOrEqual(8);
  expect(measured.shown).toBe(Math.min(measured.of, measured.perScreen));

  await say(page, 'mina remisser');
  const mine = page.locator('.ac-adaptiveCard', { hasText: 'Mina remisser' });
  await mine.last().waitFor({ timeout: 15_000 });
  expect(await mine.last().innerText()).not.toContain('Program för en hållbar stadsutveckling'); // Erik's
}, 60_000);
