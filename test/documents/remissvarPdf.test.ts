/**
 * What a reader sees: the .docx opened by LibreOffice, converted to PDF, read back with poppler.
 */
import { emptySections, type Answer } from '../../src/domain/answer.js';
import { buildRemissvarDocx } from '../../src/domain/documents/remissvarDocx.js';
import { exampleDocument, exampleOrganisation, fullAnswer, trygghetsprogram } from '../support/answerFixtures.js';
import { docxToPdf, pdfPageCount, pdfText } from '../support/libreOffice.js';

test.each(['bolag', 'forvaltning', 'kontor'] as const)(
  "%s: LibreOffice opens it as a proper document, header on page 1, the title's dash unbroken",
  async (kind) => {
    const input = exampleDocument(kind);
    const pdf = await docxToPdf(await buildRemissvarDocx(input));
    const layout = (await pdfText(pdf)).replace(/[\u2060\u00a0]/g, (c) => (c === '\u00a0' ? ' ' : ''));
    const text = layout.replace(/\s+/g, ' ');
    const range = /\d{4}-\d{4}/.exec(input.remiss.title)![0].replace('-', '–');
    for (const expected of [
      input.organisation.name,
      'Tjänsteutlåtande',
      `Dnr ${input.remiss.dnr}`,
      input.remiss.remittentDnr!,
      input.documentDate,
      `Till ${kind === 'bolag' ? input.remiss.remittent : input.organisation.board}`,
      'sammanträde den',
      input.remiss.title.replace('-', '–'),
      'Svar på remiss',
      'Bakgrund',
      'Ärendet',
    ]) {
      expect({ kind, expected, found: text.includes(expected) }).toEqual({ kind, expected, found: true });
    }
    // The en dash never ends or starts a printed line.
    expect(layout.split('\n').filter((line) => /–\s*$|^\s*–/.test(line))).toEqual([]);
    expect(layout).toContain(range);
    const pages = await pdfPageCount(pdf);
    expect(pages).toBe(2);
    expect(text).toContain(`Sida 1 (${pages})`);
  },
  120_000,
);

test.each(['bolag', 'forvaltning'] as const)(
  '%s: Avstår is one page with its decision and signatory',
  async (kind) => {
    const input = exampleDocument(kind, 'avstar');
    const pdf = await docxToPdf(await buildRemissvarDocx(input));
    const text = (await pdfText(pdf)).replace(/\u2060/g, '').replace(/\s+/g, ' ');
    for (const expected of [
      input.organisation.name,
      'Tjänsteutlåtande',
      input.remiss.remittentDnr!,
      'avstår från att yttra sig över remissen.',
      input.organisation.signatories[0]!.name,
    ]) {
      expect({ kind, expected, found: text.includes(expected) }).toEqual({ kind, expected, found: true });
    }
    expect(await pdfPageCount(pdf)).toBe(1);
  },
  120_000,
);

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
