/**
 * Draws the Teams app icons from one SVG: a 192×192 colour icon (white document with a check mark on the app's
 * blue) and a 32×32 outline icon (white on transparent, as Teams requires). Renders with Debian's chromium.
 * Run once when the design changes: `npx tsx scripts/icons.ts`; the PNGs are committed in manifest/.
 */
import path from 'node:path';
import { chromium } from 'playwright-core';

const ACCENT = '#1F5FA8';
const ROOT = path.resolve(__dirname, '..');

/** The glyph on a 32-unit grid: a page with a folded corner, two text lines and a check mark. */
const GLYPH = `
  <path d="M9 4h10l6 6v18H9z" fill="none" stroke="#fff" stroke-width="2" stroke-linejoin="round"/>
  <path d="M19 4v6h6" fill="none" stroke="#fff" stroke-width="2" stroke-linejoin="round"/>
  <path d="M12.5 14h7M12.5 18h4" stroke="#fff" stroke-width="2" stroke-linecap="round"/>
  <path d="M13 23l2.5 2.5L21 20" fill="none" stroke="#fff" stroke-width="2.2"
    stroke-linecap="round" stroke-linejoin="round"/>`;

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const draw = async (size: number, background: string, file: string) => {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<html><body style="margin:0;background:transparent"><svg xmlns="http://www.w3.org/2000/svg" ` +
          `width="${size}" height="${size}" viewBox="0 0 32 32">${background}${GLYPH}</svg></body></html>`,
      );
      await page.locator('svg').screenshot({ path: path.join(ROOT, 'manifest', file), omitBackground: true });
    };
    await draw(192, `<rect width="32" height="32" fill="${ACCENT}"/>`, 'color.png');
    await draw(32, '', 'outline.png');
  } finally {
    await browser.close();
  }
}

void main();
