/**
 * `npm run bench`: runs every benchmark, prints one table and writes bench/results.json.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { documentBuild } from './documentBuild.js';
import { dueTurnCost } from './dueTurnCost.js';
import { formStep } from './formStep.js';
import { digestFanout } from './digestFanout.js';
import { startupAndIdle } from './startupAndIdle.js';
import type { BenchResult } from './result.js';

const BENCHMARKS: (() => Promise<BenchResult[]>)[] = [
  dueTurnCost,
  formStep,
  documentBuild,
  startupAndIdle,
  digestFanout,
];

async function main(): Promise<void> {
  // The bot processes run the compiled JavaScript, as `npm start` does.
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', path.join(__dirname, '../tsconfig.build.json')],
    { stdio: 'inherit' },
  );
  const results: BenchResult[] = [];
  for (const bench of BENCHMARKS) results.push(...(await bench()));
  writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.table(
    results.map((r) => ({ figure: r.name, value: `${r.value} ${r.unit}`, goal: r.goal, pass: r.pass ? 'yes' : 'NO' })),
  );
  if (results.some((r) => !r.pass)) process.exitCode = 1;
}

void main();
