/**
 * Opens a .docx as a person would: LibreOffice headless converts it to PDF (own profile per call, so
 * parallel runs do not clash), poppler reads the PDF's text and page count and renders page images.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const INSTALL = 'sudo apt-get update && sudo apt-get install -y libreoffice-writer-nogui poppler-utils';

export function requireDocumentTools(): void {
  for (const tool of ['/usr/bin/soffice', '/usr/bin/pdftotext', '/usr/bin/pdfinfo', '/usr/bin/pdftoppm']) {
    if (!existsSync(tool)) throw new Error(`${tool} is missing. Run: ${INSTALL}`);
  }
}

export async function docxToPdf(docx: Buffer): Promise<Buffer> {
  requireDocumentTools();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-lo-'));
  try {
    await writeFile(path.join(dir, 'remissvar.docx'), docx);
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        path.join(dir, 'remissvar.docx'),
      ],
      { timeout: 120_000 },
    );
    return await readFile(path.join(dir, 'remissvar.pdf'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function withPdf<T>(pdf: Buffer, work: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    await writeFile(file, pdf);
    return await work(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function pdfText(pdf: Buffer): Promise<string> {
  return withPdf(pdf, async (file) => (await run('pdftotext', ['-layout', file, '-'])).stdout);
}

export function pdfPageCount(pdf: Buffer): Promise<number> {
  return withPdf(pdf, async (file) => Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [file])).stdout)?.[1]));
}

/** Renders page 1 to a PNG at `out`. */
export function pdfFirstPageToPng(pdf: Buffer, out: string): Promise<void> {
  return withPdf(pdf, async (file) => {
    await run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, out.replace(/\.png$/, '')]);
  });
}
