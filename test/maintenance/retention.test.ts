import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../src/logging/logger.js';
import { purgeExpired } from '../../src/maintenance/retention.js';
import { FileStore } from '../../src/storage/fileStore.js';

let dir: string;
let store: FileStore;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-retention-'));
  store = new FileStore(dir);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('expired markers, links and finished jobs go; everything else stays', async () => {
  const now = new Date('2026-11-24T12:00:00Z');
  await store.put('seen-activities/msteams/a:1/old', { at: '2026-11-23T11:00:00Z' });
  await store.put('seen-activities/msteams/a:1/new', { at: '2026-11-24T11:00:00Z' });
  await store.put('downloads/expired', { expiresAt: '2026-11-24T11:59:00Z' });
  await store.put('downloads/valid', { expiresAt: '2026-11-24T12:10:00Z' });
  await store.put('outbox/old-done', {
    state: 'done',
    createdAt: '2026-11-01T00:00:00Z',
    doneAt: '2026-11-01T00:00:01Z',
  });
  await store.put('outbox/old-pending', { state: 'pending', createdAt: '2026-11-01T00:00:00Z' });
  await store.put('outbox/recent-done', {
    state: 'done',
    createdAt: '2026-11-23T00:00:00Z',
    doneAt: '2026-11-23T00:00:01Z',
  });
  await store.put('drafts/KS 1', { createdAt: '2020-01-01T00:00:00Z' });
  expect(await purgeExpired(store, now, createLogger('silent'))).toBe(3);
  expect(await store.list('')).toEqual([
    'downloads/valid',
    'drafts/KS 1',
    'outbox/old-pending',
    'outbox/recent-done',
    'seen-activities/msteams/a:1/new',
  ]);
});
