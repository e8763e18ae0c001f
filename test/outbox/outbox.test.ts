import { mkdir, mkdtemp, rename, rm, rmdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger } from '../../src/logging/logger.js';
import { Outbox, RetryLater, type OutboxJob } from '../../src/outbox/outbox.js';
import { FileStore, keyToRelativePath } from '../../src/storage/fileStore.js';

// The job kinds these tests run, declared as a feature declares its own.
declare module '../../src/outbox/jobs.js' {
  interface Jobs {
    greet: { to: string };
    x: Record<string, never>;
    flaky: Record<string, never>;
    wait: Record<string, never>;
    resume: Record<string, never>;
    count: { n: string };
    soon: Record<string, never>;
    long: Record<string, never>;
  }
}

let dir: string;
let store: FileStore;
let now: Date;
const clock = () => now;
const options = { pollMs: 50, leaseMs: 30_000, maxAttempts: 3, baseBackoffMs: 1000, maxBackoffMs: 60_000 };
const outboxOn = (s = store) => new Outbox(s, clock, createLogger('silent'), options);

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-outbox-'));
  store = new FileStore(dir);
  now = new Date('2026-11-24T10:00:00Z');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('a job runs once and is marked done', async () => {
  const outbox = outboxOn();
  const seen: unknown[] = [];
  outbox.register('greet', async (payload) => void seen.push(payload));
  await outbox.enqueue('greet', { to: 'anna' }, { id: 'j1' });
  await outbox.idle();
  await outbox.idle();
  expect(seen).toEqual([{ to: 'anna' }]);
  expect(await outbox.get('j1')).toMatchObject({ state: 'done', attempts: 1 });
});

test('enqueueing the same id twice adds one job', async () => {
  const outbox = outboxOn();
  expect(await outbox.enqueue('x', {}, { id: 'same' })).toBe(true);
  expect(await outbox.enqueue('x', {}, { id: 'same' })).toBe(false);
  expect(await store.list('outbox/')).toEqual(['outbox/same']);
});

test('a failing job is retried with exponential backoff, then marked failed', async () => {
  const outbox = outboxOn();
  let calls = 0;
  outbox.register('flaky', async () => {
    calls++;
    throw Object.assign(new Error('connector said 503'), { code: 'HTTP_503' });
  });
  await outbox.enqueue('flaky', {}, { id: 'f' });
  await outbox.idle();
  expect(await outbox.get('f')).toMatchObject({
    state: 'pending',
    attempts: 1,
    notBefore: '2026-11-24T10:00:01.000Z',
    lastError: 'HTTP_503: connector said 503',
  });
  await outbox.idle(); // not due yet
  expect(calls).toBe(1);
  now = new Date('2026-11-24T10:00:01Z');
  await outbox.idle();
  expect(await outbox.get('f')).toMatchObject({ state: 'pending', attempts: 2, notBefore: '2026-11-24T10:00:03.000Z' });
  now = new Date('2026-11-24T10:00:03Z');
  await outbox.idle();
  expect(await outbox.get('f')).toMatchObject({ state: 'failed', attempts: 3 });
  expect(calls).toBe(3);
});

test('RetryLater waits without spending an attempt', async () => {
  const outbox = outboxOn();
  let ready = false;
  outbox.register('wait', async () => {
    if (!ready) throw new RetryLater(60_000, 'approver not reachable yet');
  });
  await outbox.enqueue('wait', {}, { id: 'w' });
  await outbox.idle();
  expect(await outbox.get('w')).toMatchObject({
    state: 'pending',
    attempts: 0,
    lastError: 'waiting: approver not reachable yet',
  });
  ready = true;
  now = new Date(now.getTime() + 60_000);
  await outbox.idle();
  expect(await outbox.get('w')).toMatchObject({ state: 'done' });
});

test('a job whose worker died (lease run out) is resumed by another worker', async () => {
  const crashed: OutboxJob = {
    schemaVersion: 1,
    id: 'c',
    kind: 'resume',
    payload: {},
    state: 'running',
    attempts: 1,
    notBefore: now.toISOString(),
    leaseUntil: new Date(now.getTime() + 30_000).toISOString(),
    createdAt: now.toISOString(),
  };
  await store.put('outbox/c', crashed);
  const outbox = outboxOn();
  let runs = 0;
  outbox.register('resume', async () => void runs++);
  await outbox.idle();
  expect(runs).toBe(0); // the lease still holds
  now = new Date(now.getTime() + 31_000);
  await outbox.idle();
  expect(runs).toBe(1);
  expect(await outbox.get('c')).toMatchObject({ state: 'done', attempts: 2 });
});

test('two workers on one store run each of 40 jobs exactly once', async () => {
  const runs = new Map<string, number>();
  const a = outboxOn();
  const b = outboxOn(new FileStore(dir));
  for (const o of [a, b])
    o.register(
      'count',
      async (p) => void runs.set((p as { n: string }).n, (runs.get((p as { n: string }).n) ?? 0) + 1),
    );
  await Promise.all(Array.from({ length: 40 }, (_, i) => a.enqueue('count', { n: String(i) }, { id: `n${i}` })));
  await Promise.all([a.idle(), b.idle(), a.idle(), b.idle()]);
  expect(runs.size).toBe(40);
  expect([...runs.values()].every((n) => n === 1)).toBe(true);
});

test('the loop picks up a new job without being asked', async () => {
  const outbox = outboxOn();
  const done = new Promise<void>((resolve) => outbox.register('soon', async () => resolve()));
  outbox.start();
  await outbox.enqueue('soon', {});
  await done;
  await outbox.stop();
});

test(
  'a lease renewal that fails for a moment is tried again, so a long job is not taken over while it ' + 'runs',
  async () => {
    const realClock = () => new Date();
    const quick = { ...options, leaseMs: 1000 };
    const a = new Outbox(store, realClock, createLogger('silent'), quick);
    const b = new Outbox(new FileStore(dir), realClock, createLogger('silent'), quick);
    const record = path.join(dir, `${keyToRelativePath('outbox/long')}.json`);
    let runs = 0;
    let release!: () => void;
    const finish = new Promise<void>((resolve) => (release = resolve));
    for (const o of [a, b])
      o.register('long', async () => {
        runs++;
        await finish;
      });
    await a.enqueue('long', {}, { id: 'long' });
    const running = a.idle();
    try {
      while ((await a.get('long'))?.state !== 'running') await sleep(10);
      // The store fails under the worker for a while (its record cannot be read: a folder stands in its place).
      await rename(record, `${record}.away`);
      await mkdir(record);
      await sleep(400);
      await rmdir(record);
      await rename(`${record}.away`, record);
      // Well past the lease: the worker has renewed it since, so the other worker leaves the job alone.
      await sleep(1500);
      const other = b.idle();
      await sleep(50);
      expect(runs).toBe(1);
      release();
      await other;
    } finally {
      release();
      await running;
    }
    expect(await a.get('long')).toMatchObject({ state: 'done', attempts: 1 });
  },
);
