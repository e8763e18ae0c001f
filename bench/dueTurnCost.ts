/**
 * Figure: CPU cost of one "vilka remisser ska besvaras?" turn with 500 remisser, as a ratio to an echo bot on
 * the same adapter answering a fixed card of the same size, measured in the same run (goal ≤ 1.3).
 * CPU is the bot process's own (process.cpuUsage), after warm-up; the median of several rounds is reported.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalRemissRepository } from '../src/register/localRemissRepository.js';
import { FileStore } from '../src/storage/fileStore.js';
import { cardOf, FakeConnector } from '../test/fakes/fakeConnector.js';
import { messageFrom, personalChat } from '../test/support/botHarness.js';
import { remiss } from '../test/support/remissFixtures.js';
import type { BenchResult } from './result.js';

const REMISSER = 500;
const TURNS = 200;
const ROUNDS = 9;

interface CpuUsage {
  user: number;
  system: number;
}

export async function dueTurnCost(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'remissbot-bench-'));
  const register = new LocalRemissRepository(new FileStore(path.join(dataDir, 'store')));
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
  const connector = new FakeConnector();
  await connector.start();
  const user = personalChat(connector, { id: '29:bench', name: 'Bench', email: 'h1@stad.se' });
  const child = fork(path.join(__dirname, 'dueTurnServer.ts'), [], {
    env: { ...process.env, BENCH_DATA_DIR: dataDir },
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
  const turn = async (port: number) => {
    const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(messageFrom(connector, user, 'vilka remisser ska besvaras?')),
    });
    if (res.status !== 200) throw new Error(`turn failed: ${res.status}`);
  };
  const cpuOf = async (port: number) => {
    const before = (await ask<{ usage: CpuUsage }>({ kind: 'cpu' }, 'cpu')).usage;
    for (let i = 0; i < TURNS; i++) await turn(port);
    const after = (await ask<{ usage: CpuUsage }>({ kind: 'cpu' }, 'cpu')).usage;
    return (after.user + after.system - before.user - before.system) / TURNS;
  };
  try {
    await turn(ready.realPort);
    const realCard = cardOf(connector.received.at(-1)!)!;
    await ask({ kind: 'setEchoCard', card: realCard }, 'ok');
    for (let i = 0; i < 50; i++) await turn(ready.realPort); // warm-up
    for (let i = 0; i < 50; i++) await turn(ready.echoPort);
    const ratios: number[] = [];
    const realCosts: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const real = await cpuOf(ready.realPort);
      const echo = await cpuOf(ready.echoPort);
      ratios.push(real / echo);
      realCosts.push(real);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    return [
      {
        name: '"due?" turn cost ratio (500 remisser vs echo)',
        value: round(median(ratios), 2),
        unit: 'x',
        goal: '<= 1.3',
        pass: median(ratios) <= 1.3,
      },
      {
        name: '"due?" turn CPU (500 remisser)',
        value: round(median(realCosts) / 1000, 2),
        unit: 'ms',
        goal: 'info',
        pass: true,
      },
    ];
  } finally {
    child.send({ kind: 'stop' });
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function round(x: number, digits: number): number {
  return Math.round(x * 10 ** digits) / 10 ** digits;
}
