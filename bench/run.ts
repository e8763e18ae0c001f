/**
 * `npm run bench`: runs every benchmark, prints one table and writes bench/results.json. `npm run bench -- NAME…`
 * runs only the named ones (e.g. dueTurnCostCity digestFanoutCity) and prints them, leaving results.json as it is.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { documentBuild } from './documentBuild.js';
import { dueTurnCost, dueTurnCostCity } from './dueTurnCost.js';
import { formStep } from './formStep.js';
import { digestFanout, digestFanoutCity } from './digestFanout.js';
import { startupAndIdle } from './startupAndIdle.js';
import type { BenchResult } from './result.js';

const BENCHMARKS: Record<string, () => Promise<BenchResult[]>> = {
  dueTurnCost,
  dueTurnCostCity,
  formStep,
  documentBuild,
  startupAndIdle,
  digestFanout,
  digestFanoutCity,
};

async function main(): Promise<void> {
  // The bot processes run the compiled JavaScript, as `npm start` does.
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', path.join(__dirname, '../tsconfig.build.json')],
    { stdio: 'inherit' },
  );
  const chosen = process.argv.slice(2);
  const unknown = chosen.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0) throw new Error(`no such benchmark: ${unknown.join(', ')}`);
  const results: BenchResult[] = [];
  for (const [name, bench] of Object.entries(BENCHMARKS))
    if (chosen.length === 0 || chosen.includes(name)) results.push(...(await bench()));
  if (chosen.length === 0) writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.table(
    results.map((r) => ({ figure: r.name, value: `${r.value} ${r.unit}`, goal: r.goal, pass: r.pass ? 'yes' : 'NO' })),
  );
  if (results.some((r) => !r.pass)) process.exitCode = 1;
}

void main();
