/// <reference lib="dom" />
/**
 * Renders Adaptive Cards with the official adaptivecards JS renderer in headless Debian Chromium, under a
 * Teams-like host config, and reports parse errors/warnings and a screenshot per card.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { textContrasts, type TextContrast } from './pixelContrast.js';
import { teamsDark, teamsLight } from './teamsHostConfig.js';

export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface RenderResult {
  name: string;
  theme: 'light' | 'dark';
  errors: string[];
  renderedText: string;
  screenshot: string;
  /** With measureContrast: each text block's contrast against its background, measured on the rendered pixels. */
  contrasts: TextContrast[];
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Debian chromium is missing. Run: sudo apt-get update && sudo apt-get install -y chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

const rendererScript = () => readFileSync(require.resolve('adaptivecards/dist/adaptivecards.min.js'), 'utf8');

export async function renderCards(
  browser: Browser,
  cards: { name: string; card: unknown }[],
  theme: 'light' | 'dark',
  outDir: string,
  options: { measureContrast?: boolean } = {},
): Promise<RenderResult[]> {
  mkdirSync(outDir, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 520, height: 400 }, deviceScaleFactor: 1 });
  const background = theme === 'light' ? '#f5f5f5' : '#1f1f1f';
  await page.setContent(
    `<!doctype html><html lang="sv"><head><meta ` +
      `charset="utf-8"><style>body{margin:0;padding:16px;background:${background}} ` +
      `#card{width:460px;border-radius:6px;overflow:hidden;box-shadow:0 1px 3px #0003}</style></head><body><div ` +
      `id="card"></div></body></html>`,
  );
  await page.addScriptTag({ content: rendererScript() });
  const results: RenderResult[] = [];
  for (const { name, card } of cards) {
    const outcome = await page.evaluate(
      ({ card, hostConfig }) => {
        const AC = (window as unknown as { AdaptiveCards: typeof import('adaptivecards') }).AdaptiveCards;
        const adaptiveCard = new AC.AdaptiveCard();
        adaptiveCard.hostConfig = new AC.HostConfig(hostConfig);
        const context = new AC.SerializationContext();
        adaptiveCard.parse(card, context);
        const errors: string[] = [];
        for (let i = 0; i < context.eventCount; i++) {
          const e = context.getEventAt(i);
          errors.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
        }
        for (const e of adaptiveCard.validateProperties().validationEvents)
          errors.push(`validation ${AC.ValidationEvent[e.event]}: ${e.message}`);
        const host = document.getElementById('card')!;
        host.innerHTML = '';
        const rendered = adaptiveCard.render();
        if (!rendered) errors.push('render returned nothing');
        else host.appendChild(rendered);
        return { errors, text: host.innerText };
      },
      { card, hostConfig: theme === 'light' ? teamsLight : teamsDark },
    );
    const screenshot = path.join(outDir, `${name}-${theme}.png`);
    await page.locator('#card').screenshot({ path: screenshot });
    const contrasts = options.measureContrast ? await textContrasts(page, '#card') : [];
    results.push({ name, theme, errors: outcome.errors, renderedText: outcome.text, screenshot, contrasts });
  }
  await page.close();
  return results;
}
