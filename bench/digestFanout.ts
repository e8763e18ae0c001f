/**
 * Figures: a digest run to 5,000 handläggare by the real bot process (as `npm start` runs it, file store) against the
 * fake connector in this process, enforcing Teams' limits (429 past them): the achieved rate as a share of
 * TEAMS_TENANT_RPS (goal ≥ 0.95), duplicates (goal 0), and the bot process's peak resident memory (VmHWM,
 * goal ≤ 300 MB).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PeopleDirectory } from '../src/features/people/peopleDirectory.js';
import type { DigestRun } from '../src/features/digest/digestRunner.js';
import { LocalRemissRepository } from '../src/register/localRemissRepository.js';
import { createStore } from '../src/storage/createStore.js';
import { FakeConnector } from '../test/fakes/fakeConnector.js';
import { BOT, TENANT } from '../test/support/botHarness.js';
import { freePort } from '../test/support/playground.js';
import { remiss } from '../test/support/remissFixtures.js';
import type { BenchResult } from './result.js';
import { ROOT, startArguments } from './startCommand.js';

const RECIPIENTS = Number(process.env.BENCH_DIGEST_RECIPIENTS ?? 5000);
const TENANT_RPS = 100;
const SECRET = 'bench-digest-secret-0123456789abcdefgh';

/** Peak resident memory of a Linux process, in MB. */
function peakRssMb(pid: number): number {
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  return Math.round(kb / 1024);
}

export async function digestFanout(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'remissbot-bench-digest-'));
  const connector = new FakeConnector();
  await connector.start();
  connector.keepBodies = false;
  const store = createStore({ STORAGE: 'file', DATA_DIR: dataDir });
  const people = new PeopleDirectory(store);
  const register = new LocalRemissRepository(store);
  const seededAt = new Date();
  for (let i = 0; i < RECIPIENTS; i++) {
    const member = { id: `29:p${i}`, name: `Person ${i}`, aadObjectId: `aad-p${i}`, email: `person${i}@stad.se` };
    const conversationId = `a:1:p${i}`;
    connector.addConversation(conversationId, [member]);
    await people.remember(
      {
        teamsUserId: member.id,
        aadObjectId: member.aadObjectId,
        email: member.email,
        name: member.name,
        personalChat: {
          serviceUrl: connector.serviceUrl,
          channelId: 'msteams',
          conversationId,
          tenantId: TENANT,
          botId: BOT.id,
          userId: member.id,
          conversationType: 'personal',
        },
      },
      seededAt,
    );
    // Due in 7 to 13 days: inside the digest's horizon, before any svarsdatum reminder.
    const due = new Date(seededAt.getTime() + (7 + (i % 7)) * 86_400_000).toISOString().slice(0, 10);
    await register.save(
      remiss({
        dnr: `KS 2026/${i}`,
        title: `Remiss ${i} om stadens verksamhet`,
        dueDate: due,
        handlaggare: { email: member.email },
      }),
    );
  }

  const port = await freePort();
  const bot = spawn(process.execPath, startArguments(), {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      ALLOWED_TENANTS: TENANT,
      TEAMS_TENANT_RPS: String(TENANT_RPS),
      DIGEST_TRIGGER_SECRET: SECRET,
      DIGEST_SCHEDULER: 'off',
      MicrosoftAppId: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const auth = { authorization: `Bearer ${SECRET}` };
  try {
    for (let i = 0; ; i++) {
      if (
        await fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (i > 300) throw new Error('the bot did not start');
      await sleep(50);
    }
    connector.limitRates({ perConversation: 7, perTenant: TENANT_RPS });
    const { id } = (await (await fetch(`${base}/api/digest`, { method: 'POST', headers: auth })).json()) as {
      id: string;
    };
    let run: DigestRun;
    do {
      await sleep(500);
      run = (await (await fetch(`${base}/api/digest/${id}`, { headers: auth })).json()) as DigestRun;
    } while (run.state === 'running');
    const peakMb = peakRssMb(bot.pid!);

    const posts = connector.received.filter((a) => a.method === 'POST');
    const perConversation = new Map<string, number>();
    for (const p of posts) perConversation.set(p.conversationId, (perConversation.get(p.conversationId) ?? 0) + 1);
    const duplicates = [...perConversation.values()].reduce((n, c) => n + c - 1, 0);
    const missing = RECIPIENTS - perConversation.size;
    const ratio = (posts.length - 1) / ((posts.at(-1)!.at - posts[0]!.at) / 1000) / TENANT_RPS;
    return [
      {
        name: `digest fan-out rate / tenant limit (${RECIPIENTS} recipients, ${TENANT_RPS}/s)`,
        value: round(ratio),
        unit: 'x',
        goal: '>= 0.95',
        pass: ratio >= 0.95 && missing === 0 && run.state === 'done',
      },
      { name: 'digest fan-out duplicates', value: duplicates, unit: 'messages', goal: '<= 0', pass: duplicates === 0 },
      {
        name: 'digest fan-out 429s from the connector',
        value: connector.throttled,
        unit: 'responses',
        goal: 'info',
        pass: true,
      },
      {
        name: 'digest peak memory (bot process, VmHWM)',
        value: peakMb,
        unit: 'MB',
        goal: '<= 300',
        pass: peakMb <= 300,
      },
    ];
  } finally {
    bot.kill('SIGTERM');
    await new Promise((resolve) => bot.once('exit', resolve));
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
