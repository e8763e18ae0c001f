/**
 * Chooses the store from the settings. The bot and the import CLI both call this, so they always share
 * the same records.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Settings } from '../config/settings.js';
import { BlobStore } from './blobStore.js';
import { FileStore } from './fileStore.js';
import type { RecordStore } from './store.js';

type StoreSettings = Pick<Settings, 'STORAGE' | 'DATA_DIR'> &
  Partial<
    Pick<
      Settings,
      'AZURE_STORAGE_CONNECTION_STRING' | 'AZURE_STORAGE_ACCOUNT_URL' | 'AZURE_STORAGE_CONTAINER' | 'AZURE_CLIENT_ID'
    >
  >;

export function createStore(settings: StoreSettings): RecordStore {
  if (settings.STORAGE !== 'blob') return new FileStore(path.join(settings.DATA_DIR, 'store'));
  const container = settings.AZURE_STORAGE_CONTAINER ?? 'remissbot';
  if (settings.AZURE_STORAGE_CONNECTION_STRING)
    return new BlobStore({ connectionString: settings.AZURE_STORAGE_CONNECTION_STRING, container });
  return new BlobStore({
    accountUrl: settings.AZURE_STORAGE_ACCOUNT_URL!,
    managedIdentityClientId: settings.AZURE_CLIENT_ID,
    container,
  });
}

/**
 * Why the file store cannot write under DATA_DIR, checked once at start: otherwise a read-only folder (App
 * Service's run-from-package mounts the app read-only) would start fine and lose the first thing a user saves.
 */
export function fileStoreProblem(settings: Pick<Settings, 'STORAGE' | 'DATA_DIR'>): string | undefined {
  if (settings.STORAGE === 'blob') return undefined;
  const probe = path.join(settings.DATA_DIR, 'store', `.write-check-${process.pid}`);
  try {
    mkdirSync(path.dirname(probe), { recursive: true });
    writeFileSync(probe, '');
    rmSync(probe);
    return undefined;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    return (
      `DATA_DIR: ${path.resolve(settings.DATA_DIR)} is not writable (${code}). ` +
      'Use a writable folder (on App Service: /home/data), or STORAGE=blob.'
    );
  }
}
