import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../src/logging/logger.js';
import { purgeExpired } from '../../src/maintenance/retention.js';
import { FileStore } from '../../src/storage/fileStore.js';
import { ANSWER_KEYS } from '../../src/features/answer/index.js';
import { DIGEST_KEYS } from '../../src/features/digest/index.js';
import { BOT_KEYS } from '../../src/bot/botKeys.js';
import { OUTBOX_KEYS } from '../../src/outbox/outbox.js';

const KEYSPACES = [...ANSWER_KEYS, ...DIGEST_KEYS, ...BOT_KEYS, ...OUTBOX_KEYS];

let dir: string;
let store: FileStore;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-retention-'));
  store = new FileStore(dir);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test(
  'expired markers, links, finished jobs, digest keys and runs go, each by its keyspace; the rest ' + 'stays',
  async () => {
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
    await store.put('users/anna/profile', { at: '2020-01-01T00:00:00Z' });
    // Digest sent keys guard a month; finished runs are kept a month; a running run is kept.
    await store.put('digest-keys/2026-10-01/personal/abc', { state: 'sent', at: '2026-10-01T06:00:00Z' });
    await store.put('digest-keys/2026-11-20/personal/abc', { state: 'sent', at: '2026-11-20T06:00:00Z' });
    await store.put('digest-runs/old', { state: 'done', updatedAt: '2026-10-01T06:05:00Z' });
    await store.put('digest-runs/old-running', { state: 'running', updatedAt: '2026-10-01T06:05:00Z' });
    expect(await purgeExpired(store, KEYSPACES, now, createLogger('silent'))).toBe(5);
    expect(await store.list('')).toEqual([
      'digest-keys/2026-11-20/personal/abc',
      'digest-runs/old-running',
      'downloads/valid',
      'drafts/KS 1',
      'outbox/old-pending',
      'outbox/recent-done',
      'seen-activities/msteams/a:1/new',
      'users/anna/profile',
    ]);
  },
);
