/**
 * The embedded default archive: FILING_DIR/<year>/<dnr> <titel>/<file>. Files are created with O_EXCL, so an
 * existing file is never overwritten: if it holds the same bytes it is this filing (a retried job), otherwise
 * the new file gets a versioned name.
 */
import { createHash } from 'node:crypto';
import { link, mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fitPath, versionedName } from '../../domain/filingNames.js';
import type { DocumentArchive, FiledFile, FilingRequest } from './archive.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export class LocalFolderArchive implements DocumentArchive {
  constructor(private readonly root: string) {}

  async file(request: FilingRequest): Promise<FiledFile> {
    const root = request.organisation ? path.join(this.root, request.organisation) : this.root;
    const { folder, file } = fitPath(root, request.year, request.folder, request.fileName);
    const dir = path.join(root, request.year, folder);
    await mkdir(dir, { recursive: true });
    const hash = sha256(request.bytes);
    for (let n = 1; n < 100; n++) {
      const name = n === 1 ? file : versionedName(file, n);
      const target = path.join(dir, name);
      const existing = await readFile(target).catch(() => undefined);
      if (existing) {
        if (sha256(existing) === hash) return { id: target, url: pathToFileURL(target).href, hash, name };
        continue;
      }
      if (await this.createExclusive(target, request.bytes))
        return { id: target, url: pathToFileURL(target).href, hash, name };
    }
    throw new Error('Too many files with the same name in the filing folder');
  }

  /** A folder has no columns: the status lives in the register only. */
  async setStatus(): Promise<void> {}

  /**
   * Writes a temp file and hard-links it into place: link() fails if the name is taken, so a file is never
   * replaced, and the name never shows a half-written file.
   */
  private async createExclusive(target: string, bytes: Buffer): Promise<boolean> {
    const temp = `${target}.tmp-${process.pid}-${Date.now()}`;
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(temp, target);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw err;
    } finally {
      await rm(temp, { force: true });
    }
  }
}
