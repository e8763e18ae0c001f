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
import type { ContainerClient } from '@azure/storage-blob';
import { StoreConflictError, type RecordStore, type StoredValue } from './store.js';
import type { Leadership } from './leadership.js';

// eslint-disable-next-line no-control-regex
const ESCAPED = /[\u0000-\u001f\u007f.\\%#?~]/g;

export function blobNameOf(key: string): string {
  return key.replace(ESCAPED, (ch) => `~${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function keyOfBlob(name: string): string {
  return name.replace(/~([0-9a-f]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A connection string, or an account URL reached with the managed identity (user-assigned with clientId). */
export type BlobStoreConnection =
  | { connectionString: string; container: string }
  | { accountUrl: string; managedIdentityClientId?: string; container: string };

const statusOf = (err: unknown) => (err as { statusCode?: number } | undefined)?.statusCode;

/** The Azure SDKs are loaded on first use, so an instance on the file store never holds them in memory. */
function containerClientFor(connection: BlobStoreConnection): ContainerClient {
  // Loaded on first use, with a CommonJS require (jest runs no ESM).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { BlobServiceClient } = require('@azure/storage-blob') as typeof import('@azure/storage-blob');
  if ('connectionString' in connection)
    return BlobServiceClient.fromConnectionString(connection.connectionString).getContainerClient(connection.container);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
  const { ManagedIdentityCredential } = require('@azure/identity') as typeof import('@azure/identity');
  // Chosen explicitly, never a fallback chain.
  const credential = connection.managedIdentityClientId
    ? new ManagedIdentityCredential({ clientId: connection.managedIdentityClientId })
    : new ManagedIdentityCredential();
  return new BlobServiceClient(connection.accountUrl, credential).getContainerClient(connection.container);
}

export class BlobStore implements RecordStore {
  private ready?: Promise<ContainerClient>;

  constructor(private readonly connection: BlobStoreConnection) {}

  async get<T>(key: string): Promise<StoredValue<T> | undefined> {
    const container = await this.ensureContainer();
    try {
      const response = await container.getBlockBlobClient(blobNameOf(key)).download();
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
    const container = await this.ensureContainer();
    try {
      await container
        .getBlockBlobClient(blobNameOf(key))
        .delete({ conditions: options.ifMatch ? { ifMatch: options.ifMatch } : {} });
      return true;
    } catch (err) {
      if (statusOf(err) === 404) return false;
      if (statusOf(err) === 412) throw new StoreConflictError(key, 'etag-mismatch');
      throw err;
    }
  }

  async list(prefix: string): Promise<string[]> {
    const container = await this.ensureContainer();
    const keys: string[] = [];
    for await (const blob of container.listBlobsFlat({ prefix: blobNameOf(prefix) })) keys.push(keyOfBlob(blob.name));
    return keys.sort();
  }

  /** Leadership among the instances sharing this container: a lease on one blob. */
  leadership(leaseSeconds: number, onError: (err: unknown) => void): Leadership {
    return new BlobLeaseLeadership(() => this.ensureContainer(), leaseSeconds, onError);
  }

  private async write<T>(
    key: string,
    value: T,
    conditions: { ifMatch?: string; ifNoneMatch?: string },
  ): Promise<string> {
    const container = await this.ensureContainer();
    const body = JSON.stringify(value);
    try {
      const response = await container.getBlockBlobClient(blobNameOf(key)).upload(body, Buffer.byteLength(body), {
        conditions,
        blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' },
      });
      return response.etag!;
    } catch (err) {
      const status = statusOf(err);
      if (status === 409 && conditions.ifNoneMatch) throw new StoreConflictError(key, 'already-exists');
      if (status === 412 || (status === 404 && conditions.ifMatch))
        throw new StoreConflictError(key, conditions.ifMatch ? 'etag-mismatch' : 'already-exists');
      throw err;
    }
  }

  private ensureContainer(): Promise<ContainerClient> {
    this.ready ??= (async () => {
      const container = containerClientFor(this.connection);
      try {
        await container.createIfNotExists();
      } catch (err) {
        // A role scoped to the container may not create it, yet may use it.
        if (statusOf(err) !== 403) throw err;
      }
      return container;
    })().catch((err: unknown) => {
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

const LEADER_BLOB = 'leader.lease';

/**
 * Holds a lease on one blob: acquired when free, renewed at a third of its duration. If this process dies the
 * lease expires and another instance acquires it on its next try.
 */
class BlobLeaseLeadership implements Leadership {
  private leader = false;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private lease?: ReturnType<ReturnType<ContainerClient['getBlockBlobClient']>['getBlobLeaseClient']>;

  constructor(
    private readonly container: () => Promise<ContainerClient>,
    private readonly seconds: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  isLeader(): boolean {
    return this.leader;
  }

  start(onLeader: () => void): void {
    this.stopped = false;
    const tick = async () => {
      const was = this.leader;
      this.leader = await this.tryHold();
      if (this.leader && !was) onLeader();
      if (!this.stopped) this.timer = setTimeout(() => void tick(), (this.seconds * 1000) / 3);
    };
    void tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (!this.leader) return;
    this.leader = false;
    await this.lease?.releaseLease().catch(this.onError);
  }

  private async tryHold(): Promise<boolean> {
    try {
      const blob = (await this.container()).getBlockBlobClient(LEADER_BLOB);
      this.lease ??= blob.getBlobLeaseClient();
      if (this.leader) {
        await this.lease.renewLease();
        return true;
      }
      await blob.upload('', 0, { conditions: { ifNoneMatch: '*' } }).catch((err: unknown) => {
        if (statusOf(err) !== 409 && statusOf(err) !== 412) throw err;
      });
      await this.lease.acquireLease(this.seconds);
      return true;
    } catch (err) {
      // 409: another instance holds the lease. Anything else is reported, and this instance steps back.
      if (statusOf(err) !== 409) this.onError(err);
      return false;
    }
  }
}
