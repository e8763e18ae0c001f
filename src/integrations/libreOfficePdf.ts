/**
 * PDF from LibreOffice headless, for local filing. Each conversion gets its own user profile, so parallel
 * conversions do not block each other.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { PdfConverter } from '../features/filing/archive.js';

const run = promisify(execFile);

export class LibreOfficePdf implements PdfConverter {
  constructor(private readonly soffice = 'soffice') {}

  async toPdf(docx: Buffer): Promise<Buffer> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-pdf-'));
    try {
      await writeFile(path.join(dir, 'document.docx'), docx);
      await run(
        this.soffice,
        [
          `-env:UserInstallation=${pathToUrl(path.join(dir, 'profile'))}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          path.join(dir, 'document.docx'),
        ],
        { timeout: 120_000 },
      );
      return await readFile(path.join(dir, 'document.pdf'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

function pathToUrl(p: string): string {
  return `file://${p}`;
}
