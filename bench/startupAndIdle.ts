/**
 * Figures: start-up (process start to GET /healthz answering, goal ≤ 1.5 s) and idle memory (resident memory
 * after start and one "vilka remisser ska besvaras?" turn, goal ≤ 120 MB), of the bot process as `npm start`
 * runs it (the compiled JavaScript in dist/, built by bench/run.ts), the median of several starts.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { FakeConnector } from '../test/fakes/fakeConnector.js';
import { messageFrom, personalChat, TENANT } from '../test/support/botHarness.js';
import { freePort } from '../test/support/playground.js';
import type { BenchResult } from './result.js';
import { ROOT, startArguments } from './startCommand.js';

const STARTS = 5;

function rssMb(pid: number): number {
  return Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function startupAndIdle(): Promise<BenchResult[]> {
  const connector = new FakeConnector();
  await connector.start();
  const user = personalChat(connector, { id: '29:bench', name: 'Bench', email: 'bench@stad.se' });
  const startups: number[] = [];
  const idle: number[] = [];
  try {
    for (let i = 0; i < STARTS; i++) {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'remissbot-bench-start-'));
      const port = await freePort();
      const started = performance.now();
      const bot = spawn(process.execPath, startArguments(), {
        cwd: ROOT,
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          LOG_LEVEL: 'warn',
          ALLOWED_TENANTS: TENANT,
          DIGEST_SCHEDULER: 'off',
          MicrosoftAppId: '',
        },
        stdio: 'ignore',
      });
      try {
        const base = `http://127.0.0.1:${port}`;
        while (
          !(await fetch(`${base}/healthz`).then(
            (r) => r.ok,
            () => false,
          ))
        ) {
          if (performance.now() - started > 30_000) throw new Error('the bot did not start');
          await sleep(5);
        }
        startups.push(performance.now() - started);
        const before = connector.received.length;
        const res = await fetch(`${base}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(messageFrom(connector, user, 'vilka remisser ska besvaras?')),
        });
        if (res.status !== 200) throw new Error(`turn failed: ${res.status}`);
        await connector.waitFor(() => connector.received.length > before);
        await sleep(500);
        idle.push(rssMb(bot.pid!));
      } finally {
        bot.kill('SIGTERM');
        await new Promise((resolve) => bot.once('exit', resolve));
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  } finally {
    await connector.stop();
  }
  const startup = median(startups) / 1000;
  const memory = median(idle);
  return [
    {
      name: 'start-up (process start to /healthz)',
      value: Math.round(startup * 100) / 100,
      unit: 's',
      goal: '<= 1.5',
      pass: startup <= 1.5,
    },
    {
      name: 'idle memory (RSS after start and one turn)',
      value: memory,
      unit: 'MB',
      goal: '<= 120',
      pass: memory <= 120,
    },
  ];
}
