/**
 * One conformance suite for every RecordStore (the file store now, Azure Blob Storage later), run unchanged
 * against each: the semantics written down in src/storage/store.ts, proven.
 */
import { StoreConflictError, type RecordStore } from '../../src/storage/store.js';

export function describeStoreContract(
  name: string,
  makeStore: () => Promise<{ store: RecordStore; cleanup: () => Promise<void> }>,
): void {
  describe(`${name} honours the storage contract`, () => {
    let store: RecordStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
    });
    afterEach(async () => {
      await cleanup();
    });

    test('get of an absent key is undefined', async () => {
      expect(await store.get('finns/inte')).toBeUndefined();
    });

    test('put then get round-trips the value, and every write changes the eTag', async () => {
      const e1 = await store.put('a', { n: 1, text: 'å' });
      expect(await store.get('a')).toEqual({ value: { n: 1, text: 'å' }, eTag: e1 });
      const e2 = await store.put('a', { n: 2 });
      expect(e2).not.toBe(e1);
      expect(await store.get('a')).toEqual({ value: { n: 2 }, eTag: e2 });
    });

    test('a stale eTag is refused and the value is unchanged', async () => {
      const e1 = await store.put('a', { n: 1 });
      const e2 = await store.put('a', { n: 2 }, { ifMatch: e1 });
      await expect(store.put('a', { n: 3 }, { ifMatch: e1 })).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store.get('a')).toEqual({ value: { n: 2 }, eTag: e2 });
    });

    test('ifMatch on an absent key is refused', async () => {
      await expect(store.put('nothing', { n: 1 }, { ifMatch: 'x' })).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store.get('nothing')).toBeUndefined();
    });

    test('create-if-absent is refused when the key exists, leaving the value', async () => {
      const e1 = await store.create('c', { first: true });
      await expect(store.create('c', { first: false })).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store.get('c')).toEqual({ value: { first: true }, eTag: e1 });
    });

    test('delete: absent is false, present is true, a stale eTag is refused', async () => {
      expect(await store.delete('d')).toBe(false);
      const e1 = await store.put('d', { n: 1 });
      await store.put('d', { n: 2 });
      await expect(store.delete('d', { ifMatch: e1 })).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store.delete('d')).toBe(true);
      expect(await store.get('d')).toBeUndefined();
    });

    test('list returns the keys with a prefix, sorted, for any prefix', async () => {
      for (const k of ['remisser/KS 2/a', 'remisser/KS 1', 'remisser/KS 10', 'remisserna', 'users/x', 'remiss'])
        await store.put(k, { k });
      expect(await store.list('remisser/')).toEqual(['remisser/KS 1', 'remisser/KS 10', 'remisser/KS 2/a']);
      expect(await store.list('remisser/KS 1')).toEqual(['remisser/KS 1', 'remisser/KS 10']);
      expect(await store.list('remiss')).toEqual([
        'remiss',
        'remisser/KS 1',
        'remisser/KS 10',
        'remisser/KS 2/a',
        'remisserna',
      ]);
      expect(await store.list('ingen/')).toEqual([]);
    });

    test('keys with å/ä/ö, slashes, spaces, dots and 500 characters round-trip', async () => {
      const keys = [
        'räksmörgås/Öst',
        'SBR 201.3.1-389/2012',
        '../../etc/passwd',
        '.hidden',
        'a//b',
        'trailing/',
        '%41',
        'x~y',
        'ä'.repeat(500),
        `long/${'k'.repeat(500)}/end`,
      ];
      for (const k of keys) await store.put(k, { k });
      for (const k of keys) expect((await store.get<{ k: string }>(k))?.value.k).toBe(k);
      expect(await store.list('')).toEqual([...keys].sort());
    });

    test('values of several MB', async () => {
      const big = { text: 'x'.repeat(3 * 1024 * 1024) };
      await store.put('big', big);
      expect((await store.get<typeof big>('big'))?.value.text.length).toBe(3 * 1024 * 1024);
    });

    test('listing thousands of keys', async () => {
      const keys = Array.from({ length: 2000 }, (_, i) => `many/${String(i).padStart(4, '0')}`);
      for (let i = 0; i < keys.length; i += 100)
        await Promise.all(keys.slice(i, i + 100).map((k) => store.put(k, { k })));
      expect(await store.list('many/')).toEqual(keys);
    });

    test('concurrent writers with the same eTag: exactly one wins', async () => {
      const e1 = await store.put('race', { winner: 'none' });
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => store.put('race', { winner: i }, { ifMatch: e1 })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(
        results
          .filter((r) => r.status === 'rejected')
          .every((r) => (r as PromiseRejectedResult).reason instanceof StoreConflictError),
      ).toBe(true);
    });

    test('concurrent create of one key: exactly one wins', async () => {
      const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => store.create('once', { i })));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    });

    test('50 concurrent read-modify-write increments with retry end at exactly 50', async () => {
      await store.put('counter', { n: 0 });
      const increment = async (): Promise<void> => {
        for (;;) {
          const current = (await store.get<{ n: number }>('counter'))!;
          try {
            await store.put('counter', { n: current.value.n + 1 }, { ifMatch: current.eTag });
            return;
          } catch (err) {
            if (!(err instanceof StoreConflictError)) throw err;
          }
        }
      };
      await Promise.all(Array.from({ length: 50 }, increment));
      expect((await store.get<{ n: number }>('counter'))?.value.n).toBe(50);
    });
  });
}
