/**
 * What a person sees: every card rendered by the official Adaptive Cards renderer in headless Chromium,
 * under Teams-like light and dark host configs, with no parse errors or warnings and under 80 KB.
 * Screenshots go to build/screenshots/cards (npm run screenshots refreshes docs/screenshots).
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, renderCards } from '../support/cardRenderer.js';
import { exampleCards } from '../support/exampleCards.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

test.each(['light', 'dark'] as const)('every card renders without errors in the %s theme', async (theme) => {
  const cards = await exampleCards();
  for (const { card } of cards) expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(80 * 1024);
  const results = await renderCards(browser, cards, theme, path.resolve(__dirname, '../../build/screenshots/cards'));
  for (const r of results) {
    expect({ card: r.name, errors: r.errors }).toEqual({ card: r.name, errors: [] });
    expect(r.renderedText.trim().length).toBeGreaterThan(10);
  }
  const byName = Object.fromEntries(results.map((r) => [r.name, r.renderedText]));
  expect(byName['due-list']).toContain('Stockholms stads trygghetsprogram 2027–2030');
  expect(byName['due-list']).toContain('3 dagar försenad');
  expect(byName['due-list']).toContain('Visa fler');
  expect(byName['due-list-en']).toContain('My remisser');
  expect(byName['remiss-detail']).toContain('Svarsdatum ändrat från 15 november 2026 till 21 november 2026');
  expect(byName['remiss-detail']).toContain('Uppdaterad: titel, remittent');
  expect(byName['welcome']).toContain('Vilka remisser ska besvaras?');
  expect(byName['approval-request']).toContain('Anna Lindqvist ber dig godkänna ett remissvar');
  expect(byName['approval-decided']).toContain('Godkänd av Cecilia Holm den 24 november 2026 kl. 14.03');
  expect(byName['registrator']).toContain('Markera som diariefört och skickat');
  expect(byName['approval-compose']).toContain('Godkännare');
});
