/**
 * `npm run screenshots`: refreshes docs/screenshots/ with every card in Teams-like light and dark themes.
 */
import path from 'node:path';
import { launchChromium, renderCards } from '../test/support/cardRenderer.js';
import { exampleCards } from '../test/support/exampleCards.js';

async function main(): Promise<void> {
  const browser = await launchChromium();
  try {
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
