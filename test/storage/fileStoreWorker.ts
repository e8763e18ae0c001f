/**
 * A separate process for the file store's cross-process and crash tests.
 *   increment <dir> <n>: n read-modify-write increments of shared/counter, retried on conflict.
 *   write-loop <dir>: writes records forever, printing each acknowledged write as a JSON line.
 */
import { FileStore } from '../../src/storage/fileStore.js';
import { StoreConflictError } from '../../src/storage/store.js';

async function increment(dir: string, times: number): Promise<void> {
  const store = new FileStore(dir);
  for (let i = 0; i < times; i++) {
    for (;;) {
      const current = (await store.get<{ n: number }>('shared/counter'))!;
      try {
        await store.put('shared/counter', { n: current.value.n + 1 }, { ifMatch: current.eTag });
        break;
      } catch (err) {
        if (!(err instanceof StoreConflictError)) throw err;
      }
    }
  }
}

async function writeLoop(dir: string): Promise<void> {
  const store = new FileStore(dir);
  for (let seq = 1; ; seq++) {
    const key = `records/${seq % 7}`;
    const payload = 'x'.repeat(1000 + ((seq * 7919) % 50_000));
    await store.put(key, { seq, payload, check: payload.length });
    process.stdout.write(JSON.stringify({ key, seq }) + '\n');
  }
}

const [command, dir, count] = process.argv.slice(2);
if (command === 'increment') void increment(dir!, Number(count));
else if (command === 'write-loop') void writeLoop(dir!);
