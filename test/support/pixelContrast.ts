/// <reference lib="dom" />
/**
 * Contrast measured on rendered pixels, as WCAG 2.x defines it: for each text element of a rendered card, its
 * background is the most frequent colour in its box and its text colour the pixel that stands out most from
 * that background (glyph stems reach the true colour; anti-aliased edges only lie between the two).
 */
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';

export interface TextContrast {
  text: string;
  ratio: number;
}

type Rgb = [number, number, number];

function luminance([r, g, b]: Rgb): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Every visible text block inside `selector`, with the contrast of its text against its own background. */
export async function textContrasts(page: Page, selector: string): Promise<TextContrast[]> {
  const boxes = await page.$$eval(`${selector} .ac-textBlock, ${selector} .ac-richTextBlock`, (elements) =>
    elements
      .map((e) => {
        const r = e.getBoundingClientRect();
        // In page coordinates, as the full-page screenshot is (the page may be scrolled).
        const [x, y] = [r.x + window.scrollX, r.y + window.scrollY];
        return { x, y, width: r.width, height: r.height, text: (e as HTMLElement).innerText.trim() };
      })
      .filter((b) => b.width > 0 && b.height > 0 && b.text.length > 0),
  );
  const png = PNG.sync.read(await page.screenshot({ fullPage: true }));
  const at = (x: number, y: number): Rgb => {
    const i = (y * png.width + x) * 4;
    return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
  };
  return boxes.map((box) => {
    const counts = new Map<string, { rgb: Rgb; n: number }>();
    const [x0, y0] = [Math.ceil(box.x), Math.ceil(box.y)];
    const [x1, y1] = [Math.min(png.width, Math.floor(box.x + box.width)), Math.min(png.height, box.y + box.height)];
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const rgb = at(x, y);
        const key = rgb.join(',');
        const seen = counts.get(key);
        if (seen) seen.n++;
        else counts.set(key, { rgb, n: 1 });
      }
    }
    const background = [...counts.values()].sort((a, b) => b.n - a.n)[0]!.rgb;
    const ratio = [...counts.values()].reduce((best, c) => Math.max(best, contrastRatio(c.rgb, background)), 1);
    return { text: box.text.slice(0, 60), ratio: Math.round(ratio * 100) / 100 };
  });
}
