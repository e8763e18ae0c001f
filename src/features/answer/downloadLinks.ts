/**
 * Short-lived download links served by the bot itself (GET /files/<token>): the document's bytes are stored
 * under a random id, and the token is that id and an expiry, HMAC-signed, so a link cannot be guessed,
 * forged, listed or extended. In local mode the file is also written to a folder for convenience.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RecordStore } from '../../storage/store.js';
import { answerKeys } from './index.js';

export const LINK_LIFETIME_MS = 15 * 60 * 1000;

interface StoredDownload {
  schemaVersion: 1;
  fileName: string;
  contentType: string;
  base64: string;
  expiresAt: string;
}

export type ResolvedLink =
  { ok: true; fileName: string; contentType: string; bytes: Buffer } | { ok: false; reason: 'expired' | 'invalid' };

const TOKEN = /^([A-Za-z0-9_-]{22})\.(\d{13})\.([A-Za-z0-9_-]{43})$/;

export class DownloadLinks {
  constructor(
    private readonly store: RecordStore,
    private readonly secret: Buffer,
    private readonly baseUrl: string,
    private readonly localFolder?: string,
  ) {}

  private sign(id: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${id}.${expires}`).digest('base64url');
  }

  async create(bytes: Buffer, fileName: string, contentType: string, now: Date): Promise<string> {
    const id = randomBytes(16).toString('base64url');
    const expires = now.getTime() + LINK_LIFETIME_MS;
    const record: StoredDownload = {
      schemaVersion: 1,
      fileName,
      contentType,
      base64: bytes.toString('base64'),
      expiresAt: new Date(expires).toISOString(),
    };
    await this.store.create(answerKeys.download(id), record);
    if (this.localFolder) {
      await mkdir(this.localFolder, { recursive: true });
      await writeFile(path.join(this.localFolder, fileName), bytes);
    }
    return `${this.baseUrl}/files/${id}.${expires}.${this.sign(id, expires)}`;
  }

  async resolve(token: string, now: Date): Promise<ResolvedLink> {
    const m = TOKEN.exec(token);
    if (!m) return { ok: false, reason: 'invalid' };
    const [, id, expiresText, signature] = m as unknown as [string, string, string, string];
    const expected = Buffer.from(this.sign(id, Number(expiresText)));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
    if (Number(expiresText) < now.getTime()) return { ok: false, reason: 'expired' };
    const stored = await this.store.get<StoredDownload>(answerKeys.download(id));
    if (!stored) return { ok: false, reason: 'invalid' };
    return {
      ok: true,
      fileName: stored.value.fileName,
      contentType: stored.value.contentType,
      bytes: Buffer.from(stored.value.base64, 'base64'),
    };
  }
}
