/**
 * The embedded default store: one JSON file per record under a root folder.
 *
 * - Keys map reversibly to paths: each '/'-separated segment is percent-encoded except [A-Za-z0-9_-]
 *   (so '.', '..' and '~' can never appear raw), an empty segment is '%', and a segment longer than
 *   SEGMENT_CHUNK characters is split over nested folders whose names end in '~'.
 * - Writes go to a temp file that is fsynced and renamed over the record, then the folder is fsynced:
 *   after a kill -9 a record is either the old or the new one, never torn.
 * - Conditional writes hold a per-key lock, in-process (a promise chain) and across processes (a
 *   proper-lockfile lock folder), so the import CLI and the bot can write the same records.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { StoreConflictError, type RecordStore, type StoredValue } from './store.js';
import { InternalError } from '../domain/internalError.js';

const SEGMENT_CHUNK = 180;
const RECORD_SUFFIX = '.json';
const TEMP_MARK = '.tmp-';

interface RecordFile<T> {
  key: string;
  eTag: string;
  value: T;
}

export class StoreCorruptError extends Error {
  readonly code = 'STORE_CORRUPT';
  constructor(readonly key: string) {
    super(`Stored record "${key}" cannot be read`);
    this.name = 'StoreCorruptError';
  }
}

function encodeSegment(segment: string): string {
  if (segment === '') return '%';
  const encoded = Array.from(Buffer.from(segment, 'utf8'))
    .map((b) =>
      /[A-Za-z0-9_-]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
  return rechunk(encoded).join('~/');
}

/** Splits an encoded segment into folder-sized chunks, never inside a %XX escape. */
function rechunk(encoded: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (encoded.length - start > SEGMENT_CHUNK) {
    let end = start + SEGMENT_CHUNK;
    const pct = encoded.lastIndexOf('%', end - 1);
    if (pct > end - 3) end = pct;
    out.push(encoded.slice(start, end));
    start = end;
  }
  out.push(encoded.slice(start));
  return out;
}

function decodeSegment(encoded: string): string {
  if (encoded === '%') return '';
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    if (encoded[i] === '%') {
      bytes.push(parseInt(encoded.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(encoded.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The record's path relative to the root, without the suffix. */
export function keyToRelativePath(key: string): string {
  if (!key) throw new InternalError('STORE_KEY_EMPTY');
  return key.split('/').map(encodeSegment).join('/');
}

function relativePathToKey(parts: string[]): string {
  const segments: string[] = [];
  let pending = '';
  for (const part of parts) {
    if (part.endsWith('~')) pending += part.slice(0, -1);
    else {
      segments.push(decodeSegment(pending + part));
      pending = '';
    }
  }
  return segments.join('/');
}

export class FileStore implements RecordStore {
  private readonly chains = new Map<string, Promise<unknown>>();

  constructor(private readonly rootDir: string) {}

  private fileOf(key: string): string {
    return path.join(this.rootDir, keyToRelativePath(key) + RECORD_SUFFIX);
  }

  async get<T>(key: string): Promise<StoredValue<T> | undefined> {
    const record = await this.read<T>(key);
    return record && { value: record.value, eTag: record.eTag };
  }

  put<T>(key: string, value: T, options: { ifMatch?: string } = {}): Promise<string> {
    return this.withLock(key, async () => {
      if (options.ifMatch !== undefined) {
        const current = await this.read<T>(key);
        if (!current) throw new StoreConflictError(key, 'missing');
        if (current.eTag !== options.ifMatch) throw new StoreConflictError(key, 'etag-mismatch');
      }
      return this.write(key, value);
    });
  }

  create<T>(key: string, value: T): Promise<string> {
    return this.withLock(key, async () => {
      if (await this.read<T>(key)) throw new StoreConflictError(key, 'already-exists');
      return this.write(key, value);
    });
  }

  delete(key: string, options: { ifMatch?: string } = {}): Promise<boolean> {
    return this.withLock(key, async () => {
      const current = await this.read<unknown>(key);
      if (!current) {
        if (options.ifMatch !== undefined) throw new StoreConflictError(key, 'missing');
        return false;
      }
      if (options.ifMatch !== undefined && current.eTag !== options.ifMatch)
        throw new StoreConflictError(key, 'etag-mismatch');
      await unlink(this.fileOf(key));
      return true;
    });
  }

  async list(prefix: string): Promise<string[]> {
    const slash = prefix.lastIndexOf('/');
    const dirParts = slash >= 0 ? keyToRelativePath(prefix.slice(0, slash)).split('/') : [];
    const keys: string[] = [];
    await this.walk(path.join(this.rootDir, ...dirParts), dirParts, keys);
    return keys.filter((k) => k.startsWith(prefix)).sort();
  }

  private async walk(dir: string, parts: string[], out: string[]): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!entry.name.endsWith('.lock')) await this.walk(path.join(dir, entry.name), [...parts, entry.name], out);
      } else if (entry.name.endsWith(RECORD_SUFFIX) && !entry.name.includes(TEMP_MARK)) {
        out.push(relativePathToKey([...parts, entry.name.slice(0, -RECORD_SUFFIX.length)]));
      }
    }
  }

  private async read<T>(key: string): Promise<RecordFile<T> | undefined> {
    const file = this.fileOf(key);
    // Absent records are common (preferences, markers): a cheap check spares building an ENOENT error.
    if (!existsSync(file)) return undefined;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    try {
      return JSON.parse(text) as RecordFile<T>;
    } catch {
      throw new StoreCorruptError(key);
    }
  }

  private async write<T>(key: string, value: T): Promise<string> {
    const file = this.fileOf(key);
    const dir = path.dirname(file);
    await mkdir(dir, { recursive: true });
    const eTag = randomUUID();
    const temp = `${file}${TEMP_MARK}${randomUUID()}`;
    const record: RecordFile<T> = { key, eTag, value };
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(JSON.stringify(record));
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, file);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    const dirHandle = await open(dir, 'r');
    try {
      await dirHandle.sync();
    } finally {
      await dirHandle.close();
    }
    return eTag;
  }

  /** Serialises work on one key within this process, and holds the cross-process lock while it runs. */
  private withLock<R>(key: string, work: () => Promise<R>): Promise<R> {
    const previous = this.chains.get(key) ?? Promise.resolve();
    const run = previous
      .catch(() => undefined)
      .then(async () => {
        const file = this.fileOf(key);
        await mkdir(path.dirname(file), { recursive: true });
        const release = await lockfile.lock(file, {
          realpath: false,
          stale: 10_000,
          retries: { retries: 200, minTimeout: 5, maxTimeout: 50, factor: 1.2 },
        });
        try {
          return await work();
        } finally {
          await release();
        }
      });
    this.chains.set(key, run);
    void run
      .finally(() => {
        if (this.chains.get(key) === run) this.chains.delete(key);
      })
      .catch(() => undefined);
    return run;
  }
}
