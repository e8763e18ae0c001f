/**
 * `npm run screenshots`: refreshes docs/screenshots/ with every card in Teams-like light and dark themes.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { launchChromium, renderCards } from '../test/support/cardRenderer.js';
import { exampleCards } from '../test/support/exampleCards.js';

async function main(): Promise<void> {
  const browser = await launchChromium();
  try {
    // Journey screenshots are taken by the browser tests (npm test) under build/; keep the latest ones.
    const journeys = path.resolve(__dirname, '../build/screenshots/journeys');
    if (existsSync(journeys)) {
      mkdirSync(path.resolve(__dirname, '../docs/screenshots/journeys'), { recursive: true });
      for (const file of readdirSync(journeys)) copyFileSync(path.join(journeys, file), path.resolve(__dirname, '../docs/screenshots/journeys', file));
    }
    const cards = await exampleCards();
    const out = path.resolve(__dirname, '../docs/screenshots/cards');
    for (const theme of ['light', 'dark'] as const) {
      const results = await renderCards(browser, cards, theme, out);
      for (const r of results) process.stdout.write(`${r.screenshot}${r.errors.length ? `  ERRORS: ${r.errors.join('; ')}` : ''}\n`);
    }
  } finally {
    await browser.close();
  }
}

void main();
