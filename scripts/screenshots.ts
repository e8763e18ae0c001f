/**
 * `npm run screenshots`: refreshes docs/screenshots/ with every card in Teams-like light and dark themes.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { launchChromium, renderCards } from '../test/support/cardRenderer.js';
import { exampleCards } from '../test/support/exampleCards.js';

async function main(): Promise<void> {
  const browser = await launchChromium();
  try {
    // Journey screenshots are taken by the browser tests, which write under build/: run them, keep the pictures.
    const run = spawnSync(path.resolve(__dirname, '../node_modules/.bin/jest'), ['--runInBand', 'test/browser'], {
      stdio: 'inherit',
      env: { ...process.env, TZ: 'UTC' },
    });
    if (run.status !== 0) throw new Error('The browser journeys failed; docs/screenshots was not refreshed');
    const journeys = path.resolve(__dirname, '../build/screenshots/journeys');
    if (existsSync(journeys)) {
      mkdirSync(path.resolve(__dirname, '../docs/screenshots/journeys'), { recursive: true });
      for (const file of readdirSync(journeys))
        copyFileSync(path.join(journeys, file), path.resolve(__dirname, '../docs/screenshots/journeys', file));
    }
    copyFileSync(
      path.resolve(__dirname, '../build/screenshots/playground-due-list.png'),
      path.resolve(__dirname, '../docs/screenshots/playground-due-list.png'),
    );
    const cards = await exampleCards();
    const out = path.resolve(__dirname, '../docs/screenshots/cards');
    for (const theme of ['light', 'dark'] as const) {
      const results = await renderCards(browser, cards, theme, out);
      for (const r of results)
        process.stdout.write(`${r.screenshot}${r.errors.length ? `  ERRORS: ${r.errors.join('; ')}` : ''}\n`);
    }
  } finally {
    await browser.close();
  }
}

void main();
