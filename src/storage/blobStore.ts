/**
 * The shared store for several instances (STORAGE=blob): one JSON blob per record in Azure Blob Storage.
 *
 * - Conditional writes use the blob's ETag (If-Match), create-if-absent uses If-None-Match: *, so instances
 *   never overwrite each other's changes.
 * - Keys map to blob names character by character (so a key prefix is a name prefix, and listing by prefix
 *   works): characters that blob names or URLs treat specially (`.`, `\`, `%`, `#`, `?`, `~` and control
 *   characters) become `~XXXX`; everything else, å/ä/ö, spaces and `/` included, is kept.
 * - The container is created on first use if missing; a 403 there (a role scoped to the container) is fine.
 */
import { BlobServiceClient, RestError, type ContainerClient } from '@azure/storage-blob';
import type { TokenCredential } from '@azure/identity';
import { StoreConflictError, type RecordStore, type StoredValue } from './store.js';

const ESCAPED = /[\u0000-\u001f\u007f.\\%#?~]/g;

export function blobNameOf(key: string): string {
  return key.replace(ESCAPED, (ch) => `~${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function keyOfBlob(name: string): string {
  return name.replace(/~([0-9a-f]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export type BlobStoreConnection = { connectionString: string; container: string } | { accountUrl: string; credential: TokenCredential; container: string };

const statusOf = (err: unknown) => (err instanceof RestError ? err.statusCode : undefined);

export class BlobStore implements RecordStore {
  private readonly container: ContainerClient;
  private ready?: Promise<void>;

  constructor(connection: BlobStoreConnection) {
    const service = 'connectionString' in connection ? BlobServiceClient.fromConnectionString(connection.connectionString) : new BlobServiceClient(connection.accountUrl, connection.credential);
    this.container = service.getContainerClient(connection.container);
  }

  async get<T>(key: string): Promise<StoredValue<T> | undefined> {
    await this.ensureContainer();
    try {
      const response = await this.container.getBlockBlobClient(blobNameOf(key)).download();
      const text = await streamToString(response.readableStreamBody);
      return { value: JSON.parse(text) as T, eTag: response.etag! };
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  async put<T>(key: string, value: T, options: { ifMatch?: string } = {}): Promise<string> {
    return this.write(key, value, options.ifMatch ? { ifMatch: options.ifMatch } : {});
  }

  async create<T>(key: string, value: T): Promise<string> {
    return this.write(key, value, { ifNoneMatch: '*' });
  }

  async delete(key: string, options: { ifMatch?: string } = {}): Promise<boolean> {
    await this.ensureContainer();
    try {
      await this.container.getBlockBlobClient(blobNameOf(key)).delete({ conditions: options.ifMatch ? { ifMatch: options.ifMatch } : {} });
      return true;
    } catch (err) {
      if (statusOf(err) === 404) return false;
      if (statusOf(err) === 412) throw new StoreConflictError(key, 'etag-mismatch');
      throw err;
    }
  }

  async list(prefix: string): Promise<string[]> {
    await this.ensureContainer();
    const keys: string[] = [];
    for await (const blob of this.container.listBlobsFlat({ prefix: blobNameOf(prefix) })) keys.push(keyOfBlob(blob.name));
    return keys.sort();
  }

  private async write<T>(key: string, value: T, conditions: { ifMatch?: string; ifNoneMatch?: string }): Promise<string> {
    await this.ensureContainer();
    const body = JSON.stringify(value);
    try {
      const response = await this.container.getBlockBlobClient(blobNameOf(key)).upload(body, Buffer.byteLength(body), {
        conditions,
        blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' },
      });
      return response.etag!;
    } catch (err) {
      const status = statusOf(err);
      if (status === 409 && conditions.ifNoneMatch) throw new StoreConflictError(key, 'already-exists');
      if (status === 412 || (status === 404 && conditions.ifMatch)) throw new StoreConflictError(key, conditions.ifMatch ? 'etag-mismatch' : 'already-exists');
      throw err;
    }
  }

  private ensureContainer(): Promise<void> {
    this.ready ??= this.container
      .createIfNotExists()
      .then(() => undefined)
      .catch((err: unknown) => {
        // A role scoped to the container may not create it, yet may use it.
        if (statusOf(err) === 403) return;
        this.ready = undefined;
        throw err;
      });
    return this.ready;
  }
}

async function streamToString(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!stream) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
