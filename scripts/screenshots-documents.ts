/**
 * Part of `npm run screenshots`: page 1 of the example remissvar for each kind of organisation, each in its own
 * words (test/support/answerFixtures.ts), and Avstår answers, as LibreOffice renders them, in docs/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { buildRemissvarDocx } from '../src/domain/documents/remissvarDocx.js';
import { exampleDocument, ORGANISATION_KINDS } from '../test/support/answerFixtures.js';
import { docxToPdf, pdfFirstPageToPng } from '../test/support/libreOffice.js';

async function main(): Promise<void> {
  const out = path.resolve(__dirname, '../docs/screenshots/documents');
  mkdirSync(out, { recursive: true });
  const cases = [
    ...ORGANISATION_KINDS.map((kind) => ({ name: `document-${kind}`, input: exampleDocument(kind) })),
    { name: 'document-avstar', input: exampleDocument('bolag', 'avstar') },
    { name: 'document-avstar-forvaltning', input: exampleDocument('forvaltning', 'avstar') },
  ];
  for (const c of cases) {
    const file = path.join(out, `${c.name}.png`);
    await pdfFirstPageToPng(await docxToPdf(await buildRemissvarDocx(c.input)), file);
    process.stdout.write(`${file}\n`);
  }
}

void main();
