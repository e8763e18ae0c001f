/**
 * The blob store against Azurite: the same contract suite as the file store, unchanged, plus what is the blob
 * store's own (the container made on first use, the key mapping, settings choosing it).
 */
import { BlobServiceClient } from '@azure/storage-blob';
import { randomUUID } from 'node:crypto';
import { loadSettings } from '../../src/config/settings.js';
import { BlobStore, blobNameOf, keyOfBlob } from '../../src/storage/blobStore.js';
import { createStore } from '../../src/storage/createStore.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { describeStoreContract } from './storeContract.js';

let azurite: Azurite;
beforeAll(async () => {
  azurite = await startAzurite();
}, 30_000);
afterAll(async () => {
  await azurite?.stop();
});

const freshContainer = () => `c${randomUUID().replace(/-/g, '').slice(0, 20)}`;

describeStoreContract('BlobStore', async () => {
  const container = freshContainer();
  const store = new BlobStore({ connectionString: azurite.connectionString, container });
  return {
    store,
    cleanup: async () =>
      void (await BlobServiceClient.fromConnectionString(azurite.connectionString)
        .getContainerClient(container)
        .deleteIfExists()),
  };
});

test(
  'keys map to blob names character by character: prefixes stay prefixes, and special characters cannot ' + 'escape',
  () => {
    for (const key of ['digest-keys/2026-11-24/x', 'a.b/../c', 'å ä ö/%41#?~\\', 'x'.repeat(500)])
      expect(keyOfBlob(blobNameOf(key))).toBe(key);
    expect(blobNameOf('a.b/../c')).toBe('a~002eb/~002e~002e/c');
    expect(blobNameOf('remisser/KS 2026/1 å')).toBe('remisser/KS 2026/1 å');
    expect(blobNameOf('digest-keys/2026-11-24/x').startsWith(blobNameOf('digest-keys/2026'))).toBe(true);
  },
);

test('the container is created on first use, and settings with STORAGE=blob choose the blob store', async () => {
  const container = freshContainer();
  const store = createStore(
    loadSettings({
      STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_CONTAINER: container,
    }),
  );
  expect(store).toBeInstanceOf(BlobStore);
  expect(await store.get('x')).toBeUndefined();
  expect(
    await BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(container).exists(),
  ).toBe(true);
  await store.put('remisser/KS 1', { n: 1 });
  expect((await store.get<{ n: number }>('remisser/KS 1'))!.value).toEqual({ n: 1 });
});

test('STORAGE=blob without a connection string or account URL is refused at start', () => {
  expect(() => loadSettings({ STORAGE: 'blob' })).toThrow(
    'STORAGE: blob needs either AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_URL',
  );
  expect(() =>
    loadSettings({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: 'x', AZURE_STORAGE_CONTAINER: 'Stora_Bokstäver' }),
  ).toThrow('AZURE_STORAGE_CONTAINER');
});
