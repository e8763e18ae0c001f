import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FileStore } from '../../src/storage/fileStore.js';
import { describeStoreContract } from './storeContract.js';

const WORKER = path.join(__dirname, 'fileStoreWorker.ts');
/** One node process (no tsx wrapper in between), so that SIGKILL hits the process doing the writes. */
const startWorker = (args: string[]) =>
  spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', WORKER, ...args]);

describeStoreContract('FileStore', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-store-'));
  return { store: new FileStore(dir), cleanup: () => rm(dir, { recursive: true, force: true }) };
});

function runWorker(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = startWorker(args);
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

describe('FileStore across processes and crashes', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-store-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('three processes incrementing one record concurrently lose no update', async () => {
    await new FileStore(dir).put('shared/counter', { n: 0 });
    const runs = await Promise.all([1, 2, 3].map(() => runWorker(['increment', dir, '30'])));
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    expect((await new FileStore(dir).get<{ n: number }>('shared/counter'))?.value.n).toBe(90);
  });

  test('kill -9 mid-write leaves every record whole, and every acknowledged write is there', async () => {
    const child = startWorker(['write-loop', dir]);
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    await new Promise<void>((resolve) => {
      const check = () => (stdout.split('\n').length > 200 ? resolve() : setTimeout(check, 20));
      check();
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    const acknowledged = stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { key: string; seq: number });
    const store = new FileStore(dir);
    const keys = await store.list('records/');
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const record = await store.get<{ seq: number; payload: string; check: number }>(key);
      expect(record).toBeDefined();
      expect(record!.value.payload.length).toBe(record!.value.check);
    }
    const latest = new Map<string, number>();
    for (const a of acknowledged) latest.set(a.key, Math.max(latest.get(a.key) ?? 0, a.seq));
    for (const [key, seq] of latest) {
      expect((await store.get<{ seq: number }>(key))!.value.seq).toBeGreaterThanOrEqual(seq);
    }
  });

  test('no key can reach outside the root folder', async () => {
    const store = new FileStore(path.join(dir, 'root'));
    await store.put('../../escape', { x: 1 });
    await store.put('/absolute/path', { x: 1 });
    expect(await readdir(dir)).toEqual(['root']);
    expect(await store.list('')).toEqual(['../../escape', '/absolute/path']);
  });
});
