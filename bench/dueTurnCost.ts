/**
 * Figures: CPU cost of one "vilka remisser ska besvaras?" turn, as a ratio to an echo bot on the same adapter
 * answering a fixed card of the same size, measured in the same run (goal ≤ 1.3): with 500 remisser in one
 * organisation, and in the city of issue 19 (40 organisations, 2,000 handläggare, 20,000 remisser), asked by a
 * handläggare of one of them. CPU is the bot process's own (process.cpuUsage), after warm-up; the median of
 * several rounds is reported.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalRemissRepository } from '../src/register/localRemissRepository.js';
import { createStore } from '../src/storage/createStore.js';
import { cardOf, FakeConnector } from '../test/fakes/fakeConnector.js';
import { messageFrom, personalChat } from '../test/support/botHarness.js';
import { remiss } from '../test/support/remissFixtures.js';
import { cityCopy, CITY_ORGANISATIONS, CITY_REMISSER, removeCity } from './city.js';
import type { BenchResult } from './result.js';

const REMISSER = 500;
const TURNS = 200;
const ROUNDS = 9;
const GOAL = 1.3;

interface CpuUsage {
  user: number;
  system: number;
}

/** What one variant measures: a seeded DATA_DIR, its ORG_CONFIG (default: the single organisation), who asks. */
interface Scenario {
  /** In the figures' names: "500 remisser". */
  label: string;
  dataDir: string;
  orgConfig?: string;
  askerEmail: string;
  /**
   * Others who ask once each, after the rounds: the first "due?" of each handläggare of a day, whose list is not
   * rendered yet (the memo is per asker). Each has spoken to the bot before (help), so no first contact is timed.
   */
  firstAskers?: readonly string[];
}

export async function dueTurnCost(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'remissbot-bench-'));
  try {
    const register = new LocalRemissRepository(createStore({ STORAGE: 'file', DATA_DIR: dataDir }));
    await Promise.all(
      Array.from({ length: REMISSER }, (_, i) =>
        register.save(
          remiss({
            dnr: `KS 2026/${i}`,
            title: `Remiss ${i} om stadens verksamhet`,
            dueDate: `2027-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
            handlaggare: { email: `h${i % 20}@stad.se` },
          }),
        ),
      ),
    );
    return await measure({ label: `${REMISSER} remisser`, dataDir, askerEmail: 'h1@stad.se' });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The same turn in the city, asked by a handläggare of one of its förvaltningar. */
export async function dueTurnCostCity(): Promise<BenchResult[]> {
  const city = await cityCopy();
  try {
    return await measure({
      label: `city: ${CITY_ORGANISATIONS} organisations, ${CITY_REMISSER} remisser`,
      dataDir: city.dataDir,
      orgConfig: city.configDir,
      askerEmail: city.organisations[1]!.handlaggare[1]!,
      firstAskers: city.organisations[1]!.handlaggare.slice(2),
    });
  } finally {
    removeCity(city);
  }
}

async function measure({ label, dataDir, orgConfig, askerEmail, firstAskers = [] }: Scenario): Promise<BenchResult[]> {
  const connector = new FakeConnector();
  await connector.start();
  const user = personalChat(connector, { id: '29:bench', name: 'Bench', email: askerEmail });
  const child = fork(path.join(__dirname, 'dueTurnServer.ts'), [], {
    env: { ...process.env, BENCH_DATA_DIR: dataDir, ...(orgConfig ? { BENCH_ORG_CONFIG: orgConfig } : {}) },
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=build/prof'] : [])],
  });
  const ask = <T>(msg: object, kind: string) =>
    new Promise<T>((resolve) => {
      const on = (m: { kind: string }) => {
        if (m.kind === kind) {
          child.off('message', on);
          resolve(m as T);
        }
      };
      child.on('message', on);
      child.send(msg);
    });
  const ready = await new Promise<{ realPort: number; echoPort: number }>((resolve) =>
    child.once('message', (m) => resolve(m as { realPort: number; echoPort: number })),
  );
  const turn = async (port: number, from = user, text = 'vilka remisser ska besvaras?') => {
    const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(messageFrom(connector, from, text)),
    });
    if (res.status !== 200) throw new Error(`turn failed: ${res.status}`);
  };
  /** The bot process's CPU time per turn, in µs, over `turns` turns. */
  const cpuOf = async (turns: number, oneTurn: (i: number) => Promise<void>) => {
    const before = (await ask<{ usage: CpuUsage }>({ kind: 'cpu' }, 'cpu')).usage;
    for (let i = 0; i < turns; i++) await oneTurn(i);
    const after = (await ask<{ usage: CpuUsage }>({ kind: 'cpu' }, 'cpu')).usage;
    return (after.user + after.system - before.user - before.system) / turns;
  };
  const others = firstAskers.map((email, i) =>
    personalChat(connector, { id: `29:bench-${i}`, name: `Bench ${i}`, email }),
  );
  try {
    await turn(ready.realPort);
    const realCard = cardOf(connector.received.at(-1)!)!;
    await ask({ kind: 'setEchoCard', card: realCard }, 'ok');
    for (let i = 0; i < 50; i++) await turn(ready.realPort); // warm-up
    for (let i = 0; i < 50; i++) await turn(ready.echoPort);
    const ratios: number[] = [];
    const realCosts: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const real = await cpuOf(TURNS, () => turn(ready.realPort));
      const echo = await cpuOf(TURNS, () => turn(ready.echoPort));
      ratios.push(real / echo);
      realCosts.push(real);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    for (const other of others) await turn(ready.realPort, other, 'hjälp');
    const firstAsk = others.length > 0 ? await cpuOf(others.length, (i) => turn(ready.realPort, others[i])) : 0;
    return [
      {
        name: `"due?" turn cost ratio (${label} vs echo)`,
        value: round(median(ratios), 2),
        unit: 'x',
        goal: `<= ${GOAL}`,
        pass: median(ratios) <= GOAL,
      },
      {
        name: `"due?" turn CPU (${label})`,
        value: round(median(realCosts) / 1000, 2),
        unit: 'ms',
        goal: 'info',
        pass: true,
      },
      ...(others.length > 0
        ? [
            {
              name: `"due?" turn CPU, first ask of ${others.length} handläggare (${label})`,
              value: round(firstAsk / 1000, 2),
              unit: 'ms',
              goal: 'info',
              pass: true,
            },
          ]
        : []),
    ];
  } finally {
    child.send({ kind: 'stop' });
    await connector.stop();
  }
}

function round(x: number, digits: number): number {
  return Math.round(x * 10 ** digits) / 10 ** digits;
}
