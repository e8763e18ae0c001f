/**
 * Two Remissbot instances sharing Azure Blob Storage (Azurite): any request can land on either, a form
 * continues across them, concurrent approvals decide and file once, a digest sent from both reaches each person
 * once, and when the scheduler's lease holder is killed the other takes over and finishes its run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DigestRun } from '../../src/features/digest/digestRunner.js';
import { BlobStore } from '../../src/storage/blobStore.js';
import { cardOf, cardText, FakeConnector } from '../fakes/fakeConnector.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import {
  cardActionFrom,
  personalChat,
  startHarness,
  TENANT,
  type ChatUser,
  type Harness,
} from '../support/botHarness.js';
import { button, FormDriver, input, type Card } from '../support/formDriver.js';
import { freePort } from '../support/playground.js';
import { remiss } from '../support/remissFixtures.js';
import { seedDigestRecipients } from '../support/digestRecipients.js';

const SECRET = 'two-instances-digest-secret-0123456789';
const NOW = new Date('2026-11-24T09:00:00Z');
const anna = { id: '29:anna', name: 'Anna Andersson', aadObjectId: 'aad-anna', email: 'anna.andersson@stad.se' };
const cecilia = {
  id: '29:cecilia',
  name: 'Cecilia Holm',
  aadObjectId: 'aad-cecilia',
  email: 'cecilia.holm@stad.example.se',
};

let azurite: Azurite;
let filingDir: string;
let a: Harness;
let b: Harness;

beforeAll(async () => {
  azurite = await startAzurite();
}, 30_000);
afterAll(async () => {
  await azurite?.stop();
});

function sharedEnv(container: string): Record<string, string> {
  return {
    STORAGE: 'blob',
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    AZURE_STORAGE_CONTAINER: container,
    LEADER_LEASE_SECONDS: '15',
    FILING_DIR: filingDir,
    DIGEST_TRIGGER_SECRET: SECRET,
  };
}

const roleOf = async (h: Harness) =>
  ((await (await fetch(`${h.baseUrl}/healthz`)).json()) as { scheduler: string }).scheduler;

async function leaderOf(...hs: Harness[]): Promise<Harness> {
  for (let i = 0; i < 100; i++) {
    const roles = await Promise.all(hs.map(roleOf));
    if (roles.filter((r) => r === 'leader').length === 1) return hs[roles.indexOf('leader')]!;
    await sleep(100);
  }
  throw new Error('no single leader');
}

describe('two instances in one process, one container', () => {
  beforeEach(async () => {
    filingDir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-two-filing-'));
    const env = sharedEnv(`c${randomUUID().replace(/-/g, '').slice(0, 20)}`);
    a = await startHarness({ now: NOW, env });
    b = await startHarness({ now: NOW, env, connector: a.connector });
    await a.bot.register.save(
      remiss({
        dnr: 'KS 2026/1',
        title: 'Trygghetsprogram',
        dueDate: '2026-11-27',
        handlaggare: { email: anna.email },
      }),
    );
  });
  afterEach(async () => {
    await b.stop();
    await a.stop();
    await rm(filingDir, { recursive: true, force: true });
  });

  test('one of them holds the scheduler lease; a form started on one continues on the other', async () => {
    const leader = await leaderOf(a, b);
    expect(await roleOf(leader === a ? b : a)).toBe('standby');
    const annaChat = personalChat(a.connector, anna);
    const [onA, onB] = [new FormDriver(a), new FormDriver(b)];
    const posted = await onA.say(annaChat, 'besvara KS 2026/1');
    let card = cardOf(posted)!;
    card = await onB.click(
      annaChat,
      card,
      'Nästa',
      { name: anna.name, email: anna.email, phone: '08-508 000 00', meeting: 'none' },
      posted.id,
    );
    card = await onA.click(annaChat, card, 'Nästa', { text: 'Förvaltningen tillstyrker.' }, posted.id);
    card = await onB.click(annaChat, card, 'Nästa', { text: input(card, 'text')!.value }, posted.id);
    card = await onA.click(annaChat, card, 'Föregående', { text: input(card, 'text')!.value }, posted.id);
    card = await onB.click(annaChat, card, 'Föregående', { text: input(card, 'text')!.value }, posted.id);
    // Back at the summary: what was saved through A is there when read through B, and vice versa.
    expect(input(card, 'text')!.value).toBe('Förvaltningen tillstyrker.');
  }, 60_000);

  test('50 concurrent approvals split across both: one decision, one filing', async () => {
    const leader = await leaderOf(a, b);
    const annaChat = personalChat(a.connector, anna);
    const ceciliaChat = personalChat(a.connector, cecilia);
    const d = new FormDriver(a);
    await d.say(ceciliaChat, 'hej');
    const { card: preview } = await d.answerToPreview(annaChat, 'KS 2026/1', anna.email);
    await d.click(annaChat, await d.click(annaChat, preview, 'Skicka för godkännande'), 'Skicka', {
      approver: cecilia.email,
    });
    await leader.bot.outbox.idle();
    const request = a.connector
      .sentTo(ceciliaChat.conversationId)
      .map((x) => cardOf(x))
      .filter((c): c is Card => !!c && cardText(c).includes('Godkänn'))
      .at(-1)!;
    const approve = button(request, 'Godkänn');
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? a : b).post(cardActionFrom(a.connector, ceciliaChat, approve.verb, approve.data)),
      ),
    );
    expect(answers.every((r) => r.status === 200)).toBe(true);
    await leader.bot.outbox.idle();
    const history = (await a.bot.register.get('KS 2026/1'))!.remiss.history;
    expect(history.filter((e) => e.kind === 'approved')).toHaveLength(1);
    const folder = path.join(filingDir, '2026');
    const [remissFolder] = await readdir(folder);
    expect((await readdir(path.join(folder, remissFolder!))).sort()).toEqual([
      expect.stringMatching(/\.docx$/),
      expect.stringMatching(/\.pdf$/),
    ]);
    expect(
      a.connector
        .sentTo(annaChat.conversationId)
        .filter((x) => String(x.body.text ?? '').includes('är sparat i dokumentbiblioteket')),
    ).toHaveLength(1);
  }, 120_000);

  test('a digest triggered on both at once reaches each person once', async () => {
    const people = Array.from({ length: 8 }, (_, i) => ({
      id: `29:p${i}`,
      name: `Person ${i}`,
      aadObjectId: `aad-p${i}`,
      email: `p${i}@stad.se`,
    }));
    const chats: ChatUser[] = [];
    for (const p of people) {
      const chat = personalChat(a.connector, p);
      chats.push(chat);
      await new FormDriver(p.id.endsWith('1') ? b : a).say(chat, 'hej');
      await a.bot.register.save(
        remiss({
          dnr: `KS 2026/${p.id}`,
          title: `Remiss för ${p.name}`,
          dueDate: '2026-11-30',
          handlaggare: { email: p.email },
        }),
      );
    }
    const trigger = (h: Harness) =>
      fetch(`${h.baseUrl}/api/digest`, { method: 'POST', headers: { authorization: `Bearer ${SECRET}` } });
    expect((await Promise.all([trigger(a), trigger(b)])).map((r) => r.status)).toEqual([202, 202]);
    await Promise.all([a.bot.digest.idle(), b.bot.digest.idle()]);
    for (const chat of chats)
      expect(
        a.connector
          .sentTo(chat.conversationId)
          .filter((x) => cardOf(x) && cardText(cardOf(x)).includes('eller ska besvaras inom')),
      ).toHaveLength(1);
  }, 60_000);
});

describe('two bot processes', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  });

  test('the lease holder is killed mid-digest: the other takes over and finishes it, no one gets two', async () => {
    const container = `c${randomUUID().replace(/-/g, '').slice(0, 20)}`;
    filingDir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-two-filing-'));
    const connector = new FakeConnector();
    await connector.start();
    const store = new BlobStore({ connectionString: azurite.connectionString, container });
    const recipients = await seedDigestRecipients(store, connector, 12, 'q');
    const start = async () => {
      const port = await freePort();
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-proc-'));
      const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(__dirname, '../../src/index.ts')], {
        env: {
          ...process.env,
          ...sharedEnv(container),
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          LOG_LEVEL: 'silent',
          ALLOWED_TENANTS: TENANT,
          TEAMS_TENANT_RPS: '3',
          DIGEST_SCHEDULER: 'off',
          NODE_ENV: 'development',
        },
        stdio: 'ignore',
      });
      children.push(child);
      const base = `http://127.0.0.1:${port}`;
      for (
        let i = 0;
        !(await fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        ));
        i++
      ) {
        if (i > 200) throw new Error('bot process did not start');
        await sleep(50);
      }
      return { child, base };
    };
    const [first, second] = [await start(), await start()];
    const role = async (p: { base: string }) =>
      ((await (await fetch(`${p.base}/healthz`)).json()) as { scheduler: string }).scheduler;
    let leader = first;
    for (let i = 0; i < 100 && (await role(leader)) !== 'leader'; i++) {
      leader = (await role(first)) === 'leader' ? first : second;
      await sleep(100);
    }
    const survivor = leader === first ? second : first;
    const { id } = (await (
      await fetch(`${leader.base}/api/digest`, { method: 'POST', headers: { authorization: `Bearer ${SECRET}` } })
    ).json()) as { id: string };
    await sleep(1500);
    leader.child.kill('SIGKILL');
    // The lease expires (15 s) and the survivor takes over the scheduled work, resuming the run.
    let run: DigestRun | undefined;
    for (let i = 0; i < 120; i++) {
      run = (await store.get<DigestRun>(`digest-runs/${id}`))?.value;
      if (run?.state === 'done') break;
      await sleep(500);
    }
    expect(await role(survivor)).toBe('leader');
    expect(run?.state).toBe('done');
    const digests = recipients.map((p) => connector.sentTo(p.conversationId).filter((x) => cardOf(x)).length);
    expect(digests.filter((n) => n > 1)).toEqual([]);
    // At most the one message in flight when the process died can be lost, and the run's record counts it.
    expect(digests.filter((n) => n === 0).length).toBeLessThanOrEqual(run!.possiblyLost);
    await connector.stop();
    await rm(filingDir, { recursive: true, force: true });
  }, 90_000);
});
