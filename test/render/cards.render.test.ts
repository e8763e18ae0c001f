/**
 * What a person sees: every card rendered by the official Adaptive Cards renderer in headless Chromium,
 * under Teams-like light and dark host configs, with no parse errors or warnings and under 80 KB, and every
 * text legible in both themes, measured on the rendered pixels (the lowest contrast per card is printed).
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
    // A field the card's data lacks shows as its template expression.
    expect({ card: r.name, unfilled: r.renderedText.includes('${') }).toEqual({ card: r.name, unfilled: false });
  }
  const byName = Object.fromEntries(results.map((r) => [r.name, r.renderedText]));
  expect(byName['due-list']).toContain('Stockholms stads trygghetsprogram 2027–2030');
  expect(byName['due-list']).toContain('4 dagar försenad');
  expect(byName['due-list']).toContain('Visa fler');
  expect(byName['due-list-en']).toContain('My remisser');
  expect(byName['remiss-detail']).toContain('Svarsdatum ändrat från 15 november 2026 till 21 november 2026');
  expect(byName['remiss-detail']).toContain('Uppdaterad: titel, remittent');
  expect(byName['welcome']).toContain('Vilka remisser ska besvaras?');
  expect(byName['approval-request']).toContain('Anna Lindqvist ber dig godkänna ett remissvar');
  expect(byName['approval-request']).toContain('Visa hela svaret');
  expect(byName['approval-request']).toContain('Sammanträde');
  expect(byName['approval-request-long']).toContain('Visa hela svaret');
  expect(byName['approval-decided']).toContain('Godkänd av Cecilia Holm den 24 november 2026 kl. 14.03');
  expect(byName['registrator']).toContain('Markera som diariefört och skickat');
  expect(byName['approval-compose']).toContain('Godkännare');
  expect(byName['remiss-detail-links']).toContain('Öppna remissdokumentet');
  expect(byName['remiss-detail-links']).toContain('Sveriges Kommuner och Regioner');
  expect(byName['intake-read']).toContain('Läs in missivet');
  expect(byName['intake-read']).toContain('måste vara en webbadress som börjar med https://');
  expect(byName['intake-exists']).toContain('Visa remissen');
  expect(byName['help']).toContain('Ny remiss');
  expect(byName['form-referred-details']).toContain('Meddelande från Stadsledningskontoret:');
  expect(byName['form-referred-position']).toContain('Ert ställningstagande i ett ord');
  expect(byName['form-referred-preview']).toContain('Ert ställningstagande till Stadsledningskontoret: tillstyrker');
  expect(byName['form-referral-suggestion']).toContain('Uppdatera med enheternas svar');
  expect(byName['form-referral-preview']).toContain('Svar saknas från Norrmalms stadsdelsnämnd');
  expect(byName['digest-overview-referral']).toContain('2 av 4 har svarat.');
  expect(byName['digest-overview-referral']).toContain('Norrmalms stadsdelsnämnd (4 dagar försenad)');
  expect(byName['digest-personal-referral']).toContain('Svar väntas från');
  expect(byName['digest-reminder']).toContain('Stadsledningskontoret väntar på ert svar');
  expect(byName['digest-reminder']).toContain('Visa remissen');
  expect(byName['referral-form']).toContain('Skicka ändå');
  expect(byName['remiss-detail-awaited']).toContain('2 av 3 har svarat.');
  expect(byName['remiss-detail-awaited']).toContain('Försenad, svarsdatum den 15 januari 2027');
  expect(byName['remiss-detail-referred']).toContain('Remitterad vidare av Stadsledningskontoret');
});

/** WCAG AA for normal text: every text, confirmations in good and accent containers included, in both themes. */
const WCAG_AA_NORMAL_TEXT = 4.5;

test.each(['light', 'dark'] as const)(
  'every text is legible in the %s theme (pixel contrast ≥ 4.5:1)',
  async (theme) => {
    const out = path.resolve(__dirname, '../../build/screenshots/contrast');
    const results = await renderCards(browser, await exampleCards(), theme, out, { measureContrast: true });
    const lowest = results.map((r) => ({ card: r.name, ...[...r.contrasts].sort((a, b) => a.ratio - b.ratio)[0]! }));
    console.log(
      `contrast (${theme}), lowest per card:\n` +
        lowest.map((l) => `  ${l.card}: ${l.ratio.toFixed(2)}:1 “${l.text}”`).join('\n'),
    );
    const illegible = results.flatMap((r) =>
      r.contrasts.filter((c) => c.ratio < WCAG_AA_NORMAL_TEXT).map((c) => ({ card: r.name, ...c })),
    );
    expect(illegible).toEqual([]);
    expect(lowest.length).toBeGreaterThan(20);
  },
  // Every text block of every card is measured: on a shared machine that takes longer than jest's 30 s default.
  180_000,
);
