/**
 * Chooses the store from the settings. The bot and the import CLI both call this, so they always share
 * the same records.
 */
import path from 'node:path';
import type { Settings } from '../config/settings.js';
import { FileStore } from './fileStore.js';
import type { RecordStore } from './store.js';

export function createStore(settings: Pick<Settings, 'STORAGE' | 'DATA_DIR'>): RecordStore {
  // STORAGE=file is the only kind so far; Azure Blob Storage plugs in here.
  return new FileStore(path.join(settings.DATA_DIR, 'store'));
}
