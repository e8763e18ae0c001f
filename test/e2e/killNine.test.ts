/**
 * What a user saved survives kill -9: the real bot process is killed while the form is being saved, then
 * started again on the same data. Every save that was answered is there; nothing is torn.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DraftRepository } from '../../src/features/answer/draftRepository.js';
import { LocalRemissRepository } from '../../src/register/localRemissRepository.js';
import { createStore } from '../../src/storage/createStore.js';
import { cardOf, cardText, FakeConnector } from '../fakes/fakeConnector.js';
import { cardActionFrom, messageFrom, personalChat, TENANT, type ChatUser } from '../support/botHarness.js';
import { freePort } from '../support/playground.js';
import { remiss } from '../support/remissFixtures.js';

const ROOT = path.resolve(__dirname, '../..');
const DNR = 'KS 2026/77';
let dataDir: string;
let connector: FakeConnector;
let user: ChatUser;

async function startBot(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', path.join(ROOT, 'src/index.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ALLOWED_TENANTS: TENANT, LOG_LEVEL: 'silent', NODE_ENV: 'test', FILE_LINK_SECRET: 'k'.repeat(40) },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      /* starting */
    }
    if (Date.now() > deadline) throw new Error('bot did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function post(port: number, activity: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  return { status: res.status, body: await res.json().catch(() => undefined) };
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-kill-'));
  await new LocalRemissRepository(createStore({ STORAGE: 'file', DATA_DIR: dataDir })).save(remiss({ dnr: DNR, dueDate: '2027-01-15', handlaggare: { email: 'anna@stad.se' } }));
  connector = new FakeConnector();
  await connector.start();
  user = personalChat(connector, { id: '29:anna', name: 'Anna', aadObjectId: 'aad-anna', email: 'anna@stad.se' });
});
afterAll(async () => {
  await connector.stop();
  await rm(dataDir, { recursive: true, force: true });
});

test('saves answered before a kill -9 are all there after the restart', async () => {
  const port = await freePort();
  let bot = await startBot(port);
  await post(port, messageFrom(connector, user, `besvara ${DNR}`));
  await connector.waitFor(() => connector.sentTo(user.conversationId).length > 0);
  expect(cardText(cardOf(connector.sentTo(user.conversationId)[0]!))).toContain('Steg 1 av 7');
  const details = { name: 'Anna', email: 'anna@stad.se', phone: '', meeting: 'none' };
  const drafts = new DraftRepository(createStore({ STORAGE: 'file', DATA_DIR: dataDir }));
  let acknowledged = 0;
  for (let trial = 0; trial < 5; trial++) {
    const draft = (await drafts.get(DNR))!.value;
    const data = { dnr: DNR, revision: draft.revision, step: draft.step, nav: draft.step === 1 ? 'next' : 'save', ...(draft.step === 1 ? details : { text: `Text ${trial}` }) };
    // One save is answered; the next is in flight when the process is killed.
    const answered = await post(port, cardActionFrom(connector, user, 'answer.save', data));
    expect(answered.status).toBe(200);
    acknowledged = draft.revision + 1;
    const next = (await drafts.get(DNR))!.value;
    void post(port, cardActionFrom(connector, user, 'answer.save', { dnr: DNR, revision: next.revision, step: next.step, nav: 'save', text: `I luften ${trial}` })).catch(() => undefined);
    await new Promise((r) => setTimeout(r, trial * 7));
    bot.kill('SIGKILL');
    await new Promise((r) => bot.once('exit', r));
    bot = await startBot(port);
    const after = (await drafts.get(DNR))!.value;
    expect(after.revision).toBeGreaterThanOrEqual(acknowledged);
    expect(after.step).toBeGreaterThanOrEqual(2);
    if (trial > 0 && after.answer.kind === 'answer') {
      // Either the answered save or the one in flight, whole; never a torn or older text.
      expect([`Text ${trial}`, `I luften ${trial}`]).toContain(after.answer.sections.sammanfattning);
    }
  }
  const before = connector.sentTo(user.conversationId).length;
  await post(port, messageFrom(connector, user, `besvara ${DNR}`));
  await connector.waitFor(() => connector.sentTo(user.conversationId).length > before);
  expect(cardText(cardOf(connector.sentTo(user.conversationId).at(-1)!))).toContain('Steg 2 av 7');
  bot.kill('SIGTERM');
}, 120_000);
