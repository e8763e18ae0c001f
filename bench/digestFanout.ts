/**
 * Figures: a digest run to 5,000 handläggare by the real bot process (as `npm start` runs it, file store) against the
 * fake connector in this process, enforcing Teams' limits (429 past them): the achieved rate as a share of
 * TEAMS_TENANT_RPS (goal ≥ 0.95), duplicates (goal 0), and the bot process's peak resident memory (VmHWM,
 * goal ≤ 300 MB). The city variant (issue 19): the digest of 2,000 handläggare in 40 organisations with 20,000
 * remisser, and each organisation's overview to its chef and its channel: the busiest second of the tenant and
 * of any conversation stay within Teams' limits, no 429, no duplicate, and its duration against the shortest
 * those limits allow.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PeopleDirectory } from '../src/features/people/peopleDirectory.js';
import type { DigestRun } from '../src/features/digest/digestRunner.js';
import { Installations } from '../src/features/conversations/installations.js';
import { LocalRemissRepository } from '../src/register/localRemissRepository.js';
import { createStore } from '../src/storage/createStore.js';
import { FakeConnector } from '../test/fakes/fakeConnector.js';
import { BOT, TENANT } from '../test/support/botHarness.js';
import { freePort } from '../test/support/playground.js';
import { remiss } from '../test/support/remissFixtures.js';
import { cityCopy, CITY_ORGANISATIONS, CITY_REMISSER, removeCity } from './city.js';
import type { BenchResult } from './result.js';
import { ROOT, startArguments } from './startCommand.js';

const RECIPIENTS = Number(process.env.BENCH_DIGEST_RECIPIENTS ?? 5000);
const TENANT_RPS = 100;
const CONVERSATION_RPS = 7;
const SECRET = 'bench-digest-secret-0123456789abcdefgh';

/** Peak resident memory of a Linux process, in MB. */
function peakRssMb(pid: number): number {
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  return Math.round(kb / 1024);
}

/** Someone the bot has a 1:1 chat with, as the people directory keeps them after their first message. */
async function rememberPerson(
  connector: FakeConnector,
  people: PeopleDirectory,
  id: string,
  email: string,
  at: Date,
): Promise<string> {
  const member = { id: `29:${id}`, name: `Person ${id}`, aadObjectId: `aad-${id}`, email };
  const conversationId = `a:1:${id}`;
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
    at,
  );
  return conversationId;
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
  try {
    for (let i = 0; i < RECIPIENTS; i++) {
      const email = `person${i}@stad.se`;
      await rememberPerson(connector, people, `p${i}`, email, seededAt);
      // Due in 7 to 13 days: inside the digest's horizon, before any svarsdatum reminder.
      const due = new Date(seededAt.getTime() + (7 + (i % 7)) * 86_400_000).toISOString().slice(0, 10);
      await register.save(
        remiss({
          dnr: `KS 2026/${i}`,
          title: `Remiss ${i} om stadens verksamhet`,
          dueDate: due,
          handlaggare: { email },
        }),
      );
    }
    const run = await runDigest(connector, dataDir);
    const { posts, perConversation } = postsOf(connector);
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
      peakMemory('digest peak memory (bot process, VmHWM)', run.peakMb),
    ];
  } finally {
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The city's digest: every handläggare has a remiss inside the horizon, so each gets their list; each
 * organisation's chef and channel get its overview (in parts), the kansli's all 20,000 remisser.
 */
export async function digestFanoutCity(): Promise<BenchResult[]> {
  const city = await cityCopy();
  const connector = new FakeConnector();
  await connector.start();
  connector.keepBodies = false;
  try {
    const store = createStore({ STORAGE: 'file', DATA_DIR: city.dataDir });
    const people = new PeopleDirectory(store);
    const installations = new Installations(store);
    const seededAt = new Date();
    const handlaggareChats: string[] = [];
    for (const [o, organisation] of city.organisations.entries()) {
      for (const [k, email] of organisation.handlaggare.entries())
        handlaggareChats.push(await rememberPerson(connector, people, `h${o}-${k}`, email, seededAt));
      await rememberPerson(connector, people, `chef${o}`, organisation.chef, seededAt);
      connector.addConversation(organisation.channelId, [{ id: `29:chef${o}`, name: `Chef ${o}` }]);
      await installations.remember(
        {
          serviceUrl: connector.serviceUrl,
          channelId: 'msteams',
          conversationId: organisation.channelId,
          tenantId: TENANT,
          botId: BOT.id,
          conversationType: 'channel',
        },
        seededAt,
      );
    }
    const run = await runDigest(connector, city.dataDir, city.configDir);
    const { posts, perConversation } = postsOf(connector);
    // Each handläggare gets one message, their list (none of the remisser is near a reminder).
    const missing = handlaggareChats.filter((c) => !perConversation.has(c)).length;
    const duplicates = handlaggareChats.reduce((n, c) => n + Math.max(0, (perConversation.get(c) ?? 0) - 1), 0);
    const seconds = (posts.at(-1)!.at - posts[0]!.at) / 1000;
    // No run can be shorter than its messages at the tenant's rate, nor than its longest overview at 7/s.
    const shortest = Math.max(posts.length / TENANT_RPS, Math.max(...perConversation.values()) / CONVERSATION_RPS);
    const label = `city: ${city.handlaggare.length} handläggare, ${CITY_ORGANISATIONS} organisations, ${
      CITY_REMISSER
    } remisser`;
    const tenantPeak = busiestSecond(posts.map((p) => p.at));
    const conversationPeak = Math.max(
      ...[...groupBy(posts, (p) => p.conversationId).values()].map((ps) => busiestSecond(ps.map((p) => p.at))),
    );
    return [
      {
        name: `digest ${label}: messages`,
        value: posts.length,
        unit: 'messages',
        goal: 'info',
        pass: run.state === 'done',
      },
      { name: `digest ${label}: duration`, value: round(seconds), unit: 's', goal: 'info', pass: true },
      {
        name: `digest ${label}: shortest possible / duration`,
        value: round(shortest / seconds),
        unit: 'x',
        goal: '>= 0.95',
        pass: shortest / seconds >= 0.95,
      },
      {
        name: `digest ${label}: busiest second, tenant`,
        value: tenantPeak,
        unit: 'messages',
        goal: `<= ${TENANT_RPS}`,
        pass: tenantPeak <= TENANT_RPS,
      },
      {
        name: `digest ${label}: busiest second, one conversation`,
        value: conversationPeak,
        unit: 'messages',
        goal: `<= ${CONVERSATION_RPS}`,
        pass: conversationPeak <= CONVERSATION_RPS,
      },
      {
        name: `digest ${label}: 429s`,
        value: connector.throttled,
        unit: 'responses',
        goal: '<= 0',
        pass: connector.throttled === 0,
      },
      {
        name: `digest ${label}: handläggare without their list`,
        value: missing,
        unit: 'people',
        goal: '<= 0',
        pass: missing === 0,
      },
      {
        name: `digest ${label}: duplicates`,
        value: duplicates,
        unit: 'messages',
        goal: '<= 0',
        pass: duplicates === 0,
      },

      peakMemory(`digest ${label}: peak memory (VmHWM)`, run.peakMb),
    ];
  } finally {
    await connector.stop();
    removeCity(city);
  }
}

/** Starts the bot as `npm start` does on `dataDir`, runs one digest through POST /api/digest, and stops it. */
async function runDigest(
  connector: FakeConnector,
  dataDir: string,
  orgConfig?: string,
): Promise<DigestRun & { peakMb: number }> {
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
      ...(orgConfig ? { ORG_CONFIG: orgConfig } : {}),
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
    connector.limitRates({ perConversation: CONVERSATION_RPS, perTenant: TENANT_RPS });
    const { id } = (await (await fetch(`${base}/api/digest`, { method: 'POST', headers: auth })).json()) as {
      id: string;
    };
    let run: DigestRun;
    do {
      await sleep(500);
      run = (await (await fetch(`${base}/api/digest/${id}`, { headers: auth })).json()) as DigestRun;
    } while (run.state === 'running');
    return { ...run, peakMb: peakRssMb(bot.pid!) };
  } finally {
    bot.kill('SIGTERM');
    await new Promise((resolve) => bot.once('exit', resolve));
  }
}

/** The bot process's peak resident memory over the run (goal ≤ 300 MB). */
function peakMemory(name: string, peakMb: number): BenchResult {
  return { name, value: peakMb, unit: 'MB', goal: '<= 300', pass: peakMb <= 300 };
}

/** The messages the connector received, and how many each conversation got. */
function postsOf(connector: FakeConnector) {
  const posts = connector.received.filter((a) => a.method === 'POST');
  const perConversation = new Map([...groupBy(posts, (p) => p.conversationId)].map(([c, ps]) => [c, ps.length]));
  return { posts, perConversation };
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const x of xs) {
    const group = groups.get(key(x));
    if (group) group.push(x);
    else groups.set(key(x), [x]);
  }
  return groups;
}

/** The most arrivals (times in ms, ascending) in any sliding second, as Teams counts them. */
function busiestSecond(times: readonly number[]): number {
  let most = 0;
  for (let first = 0, last = 0; last < times.length; last++) {
    while (times[last]! - times[first]! >= 1000) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
