/// <reference lib="dom" />
/**
 * What `npm run dev` runs, for browser tests: the real bot with the example remisser on a free port, one or
 * more Playground clients on it, and Chromium.
 */
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { exampleCsv } from '../../scripts/exampleRemisser.js';
import { createRemissbot, type Remissbot } from '../../src/app.js';
import { loadSettings } from '../../src/config/settings.js';
import { importRemisser } from '../../src/features/import/importRemisser.js';
import { parseExport } from '../../src/features/import/parseExport.js';
import { createLogger } from '../../src/logging/logger.js';
import { launchChromium } from './cardRenderer.js';
import { freePort, startPlayground, type Playground } from './playground.js';

export const JOURNEY_SCREENSHOTS = path.resolve(__dirname, '../../build/screenshots/journeys');

/**
 * Saves a journey screenshot as JOURNEY_SCREENSHOTS/<name>.png once the page is still: the pointer moved away
 * (a hovered button looks pressed) and the fade-in of a re-rendered card finished.
 */
export async function journeyShot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  await page.screenshot({ path: path.join(JOURNEY_SCREENSHOTS, `${name}.png`) });
}

export interface LocalClients {
  bot: Remissbot;
  /** The bot's own base URL (for /api/digest). */
  baseUrl: string;
  clients: Playground[];
  browser: Browser;
  stop(): Promise<void>;
}

/** Starts the bot with the example remisser and one Playground per config (undefined = the project's own). */
export async function startLocalClients(
  configs: (string | undefined)[] = [undefined],
  env: Record<string, string> = {},
): Promise<LocalClients> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-browser-'));
  const port = await freePort();
  const settings = loadSettings({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ALLOWED_TENANTS: '00000000-0000-0000-0000-0000000000a1',
    BOT_PUBLIC_URL: `http://127.0.0.1:${port}`,
    ...env,
  });
  const bot = createRemissbot(settings, { logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent') });
  await importRemisser(
    bot.register,
    // The example city's remisser carry their organisation, as `npm run dev` imports them.
    parseExport(Buffer.from(exampleCsv(new Date(), { organisations: !!env.ORG_CONFIG })), 'exempel.csv'),
    new Date(),
    'test',
  );
  await bot.listen();
  const clients: Playground[] = [];
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    for (const c of clients) await c.stop();
    await bot.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    for (const config of configs) clients.push(await startPlayground(`http://127.0.0.1:${port}/api/messages`, config));
    browser = await launchChromium();
  } catch (err) {
    // A test whose beforeAll fails has nothing to stop: what started would keep jest from exiting.
    await stop();
    throw err;
  }
  mkdirSync(JOURNEY_SCREENSHOTS, { recursive: true });
  return { bot, baseUrl: `http://127.0.0.1:${port}`, clients, browser, stop };
}
