/**
 * What a reader sees: the .docx opened by LibreOffice, converted to PDF, read back with poppler.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { emptySections, type Answer } from '../../src/domain/answer.js';
import { buildRemissvarDocx } from '../../src/domain/documents/remissvarDocx.js';
import { avstarAnswer, exampleOrganisation, fullAnswer, trygghetsprogram } from '../support/answerFixtures.js';
import { docxToPdf, pdfFirstPageToPng, pdfPageCount, pdfText } from '../support/libreOffice.js';

const OUT = path.resolve(__dirname, '../../build/screenshots/documents');

test.each(['bolag', 'forvaltning', 'kontor'] as const)(
  '%s: LibreOffice opens it as a proper document',
  async (kind) => {
    const pdf = await docxToPdf(
      await buildRemissvarDocx({
        organisation: exampleOrganisation(kind),
        remiss: trygghetsprogram,
        answer: fullAnswer,
        documentDate: '2020-12-15',
      }),
    );
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    for (const expected of [
      'Dnr SBR 201.3.1-389/2020',
      '2020-12-15',
      'Stockholms stads trygghetsprogram 2020-2023',
      'Svar på remiss',
      'Bakgrund',
      'Ärendet',
      'den 15 december 2020',
    ]) {
      expect({ kind, expected, found: text.includes(expected) }).toEqual({ kind, expected, found: true });
    }
    const pages = await pdfPageCount(pdf);
    expect(pages).toBe(2);
    expect(text).toContain(`Sida 1 (${pages})`);
    mkdirSync(OUT, { recursive: true });
    await pdfFirstPageToPng(pdf, path.join(OUT, `document-${kind}.png`));
  },
  120_000,
);

test('Avstår is one page', async () => {
  const pdf = await docxToPdf(
    await buildRemissvarDocx({
      organisation: exampleOrganisation('bolag'),
      remiss: trygghetsprogram,
      answer: avstarAnswer,
      documentDate: '2020-12-15',
    }),
  );
  expect((await pdfText(pdf)).replace(/\s+/g, ' ')).toContain(
    'Stockholm Business Region avstår från att yttra sig över remissen.',
  );
  expect(await pdfPageCount(pdf)).toBe(1);
}, 120_000);

test('a long answer runs over several pages, numbered "Sida N (M)"', async () => {
  const long = Array.from(
    { length: 60 },
    (_, i) => `Stycke ${i + 1}. ${'Bolaget tillstyrker förslaget i avsnitt 3.2 men avstyrker avsnitt 4.1. '.repeat(5)}`,
  ).join('\n\n');
  const answer: Answer = {
    kind: 'answer',
    details: fullAnswer.details,
    sections: { ...emptySections(), bakgrund: 'Bakgrund.', arendet: 'Ärendet.', analys: long },
  };
  const pdf = await docxToPdf(
    await buildRemissvarDocx({
      organisation: exampleOrganisation('bolag'),
      remiss: trygghetsprogram,
      answer,
      documentDate: '2020-12-15',
    }),
  );
  const pages = await pdfPageCount(pdf);
  expect(pages).toBeGreaterThanOrEqual(5);
  const text = await pdfText(pdf);
  expect(text).toContain(`Sida 1 (${pages})`);
  expect(text).toContain(`Sida ${pages} (${pages})`);
}, 120_000);
