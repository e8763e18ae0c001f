/**
 * Figures the reliability tests measure (trials, duplicates, counted losses), kept in build/reliability.json
 * so the README's reliability section can quote the latest run of `npm test` or `npm run test:soak`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FILE = path.resolve(__dirname, '../../build/reliability.json');

export function recordFigure(name: string, figures: Record<string, number>): void {
  mkdirSync(path.dirname(FILE), { recursive: true });
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>;
  } catch {
    // First figure of this checkout.
  }
  all[name] = { ...figures, at: new Date().toISOString() };
  writeFileSync(FILE, `${JSON.stringify(all, null, 2)}\n`);
}
