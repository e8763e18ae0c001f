/**
 * Part of `npm run screenshots`: page 1 of the example remissvar for each kind of organisation, and an
 * Avstår answer, as LibreOffice renders them, in docs/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { buildRemissvarDocx } from '../src/domain/documents/remissvarDocx.js';
import { avstarAnswer, exampleOrganisation, fullAnswer, trygghetsprogram } from '../test/support/answerFixtures.js';
import { docxToPdf, pdfFirstPageToPng } from '../test/support/libreOffice.js';

async function main(): Promise<void> {
  const out = path.resolve(__dirname, '../docs/screenshots/documents');
  mkdirSync(out, { recursive: true });
  const cases = [
    ...(['bolag', 'forvaltning', 'kontor'] as const).map((kind) => ({
      name: `document-${kind}`,
      organisation: exampleOrganisation(kind),
      answer: fullAnswer,
    })),
    { name: 'document-avstar', organisation: exampleOrganisation('bolag'), answer: avstarAnswer },
  ];
  for (const c of cases) {
    const pdf = await docxToPdf(
      await buildRemissvarDocx({
        organisation: c.organisation,
        remiss: trygghetsprogram,
        answer: c.answer,
        documentDate: '2020-12-15',
      }),
    );
    const file = path.join(out, `${c.name}.png`);
    await pdfFirstPageToPng(pdf, file);
    process.stdout.write(`${file}\n`);
  }
}

void main();
