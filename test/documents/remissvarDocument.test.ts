/**
 * The Word document read back from its XML: every paragraph, in order, is what was entered plus the fixed
 * phrasing for the organisation's kind; headings carry real Word heading styles.
 */
import { emptySections, type Answer } from '../../src/domain/answer.js';
import { buildRemissvarDocx } from '../../src/domain/documents/remissvarDocx.js';
import { remissvarFileName } from '../../src/domain/documents/remissvarModel.js';
import { readDocx } from '../support/docxText.js';
import { avstarAnswer, exampleOrganisation, fullAnswer, trygghetsprogram } from '../support/answerFixtures.js';

const DATE = '2020-12-15';

const sections = (a: Answer) => (a.kind === 'answer' ? a.sections : emptySections());

test('bolag: the reference remissvar, paragraph by paragraph', async () => {
  const doc = await readDocx(
    await buildRemissvarDocx({
      organisation: exampleOrganisation('bolag'),
      remiss: trygghetsprogram,
      answer: fullAnswer,
      documentDate: DATE,
    }),
  );
  const s = sections(fullAnswer);
  expect(doc.paragraphs.map((p) => p.text)).toEqual([
    'Handläggare: Mattias Rindberg',
    'Tel: 08-508 285 90',
    'E-post: mattias.rindberg@stockholm.se',
    'Stockholms stads trygghetsprogram 2020-2023',
    'Svar på remiss',
    'Stockholm Business Regions förslag till beslut',
    'Stockholm Business Region överlämnar följande tjänsteutlåtande som svar på remiss av ”Stockholms stads ' +
      'trygghetsprogram 2020-2023”.',
    'Ärendet anmäls som kontorsyttrande på styrelsens sammanträde den 8 december 2020.',
    'Staffan Ingvarsson',
    'VD',
    'Erica Grünewald',
    'Avdelningschef',
    'Sammanfattning',
    s.sammanfattning,
    'Bakgrund',
    s.bakgrund,
    'Ärendet',
    ...s.arendet.split('\n\n'),
    'Bolagets analys och bedömning',
    ...s.analys.split('\n\n'),
    'Bilagor',
    s.bilagor,
  ]);
  const styleOf = (text: string) => doc.paragraphs.find((p) => p.text === text)?.style;
  expect(styleOf('Stockholms stads trygghetsprogram 2020-2023')).toBe('Title');
  for (const heading of [
    'Stockholm Business Regions förslag till beslut',
    'Sammanfattning',
    'Bakgrund',
    'Ärendet',
    'Bolagets analys och bedömning',
    'Bilagor',
  ]) {
    expect({ heading, style: styleOf(heading) }).toEqual({ heading, style: 'Heading1' });
  }
  const firstHeader = doc.headers.find((h) => h.includes('Dnr'))!;
  expect(firstHeader).toContain('Dnr SBR 201.3.1-389/2020');
  expect(firstHeader).toContain('2020-12-15');
  expect(firstHeader).toMatch(/PAGE/);
  expect(firstHeader).toMatch(/NUMPAGES/);
  expect(doc.xml).toContain('w:titlePg');
});

test(
  'förvaltning: organisation, unit, Tjänsteutlåtande and "Till <nämnd>"; a numbered förslag with ' + 'justering',
  async () => {
    const doc = await readDocx(
      await buildRemissvarDocx({
        organisation: exampleOrganisation('forvaltning'),
        remiss: trygghetsprogram,
        answer: fullAnswer,
        documentDate: DATE,
      }),
    );
    const s = sections(fullAnswer);
    expect(doc.paragraphs.map((p) => p.text)).toEqual([
      'Socialförvaltningen',
      'Avdelningen för stadsövergripande sociala frågor',
      'Tjänsteutlåtande',
      'Handläggare: Mattias Rindberg',
      'Tel: 08-508 285 90',
      'E-post: mattias.rindberg@stockholm.se',
      'Till Socialnämnden',
      'Stockholms stads trygghetsprogram 2020-2023',
      'Svar på remiss',
      'Förvaltningens förslag till beslut',
      '1. Socialnämnden godkänner och åberopar förvaltningens tjänsteutlåtande som svar på remissen.',
      '2. Paragrafen justeras omedelbart.',
      'Maria Lindberg',
      'Förvaltningschef',
      'Johan Ek',
      'Avdelningschef',
      'Sammanfattning',
      s.sammanfattning,
      'Bakgrund',
      s.bakgrund,
      'Ärendet',
      ...s.arendet.split('\n\n'),
      'Förvaltningens synpunkter',
      ...s.analys.split('\n\n'),
      'Bilagor',
      s.bilagor,
    ]);
  },
);

test('kontor: "Kontorets" phrasing, and no justering unless asked', async () => {
  const answer: Answer = { ...fullAnswer, details: { ...fullAnswer.details, adjustImmediately: false } } as Answer;
  const texts = (
    await readDocx(
      await buildRemissvarDocx({
        organisation: exampleOrganisation('kontor'),
        remiss: trygghetsprogram,
        answer,
        documentDate: DATE,
      }),
    )
  ).paragraphs.map((p) => p.text);
  const s = sections(fullAnswer);
  expect(texts).toEqual([
    'Stadsbyggnadskontoret',
    'Strategiska avdelningen',
    'Tjänsteutlåtande',
    'Handläggare: Mattias Rindberg',
    'Tel: 08-508 285 90',
    'E-post: mattias.rindberg@stockholm.se',
    'Till Stadsbyggnadsnämnden',
    'Stockholms stads trygghetsprogram 2020-2023',
    'Svar på remiss',
    'Kontorets förslag till beslut',
    '1. Stadsbyggnadsnämnden godkänner och åberopar kontorets tjänsteutlåtande som svar på remissen.',
    'Karin Holm',
    'Direktör',
    'Per Nilsson',
    'Avdelningschef',
    'Sammanfattning',
    s.sammanfattning,
    'Bakgrund',
    s.bakgrund,
    'Ärendet',
    ...s.arendet.split('\n\n'),
    'Kontorets synpunkter',
    ...s.analys.split('\n\n'),
    'Bilagor',
    s.bilagor,
  ]);
});

test('Avstår: header, title and one short paragraph with the reason', async () => {
  const texts = (
    await readDocx(
      await buildRemissvarDocx({
        organisation: exampleOrganisation('bolag'),
        remiss: trygghetsprogram,
        answer: avstarAnswer,
        documentDate: DATE,
      }),
    )
  ).paragraphs.map((p) => p.text);
  expect(texts).toEqual([
    'Handläggare: Mattias Rindberg',
    'Tel: 08-508 285 90',
    'E-post: mattias.rindberg@stockholm.se',
    'Stockholms stads trygghetsprogram 2020-2023',
    'Svar på remiss',
    'Stockholm Business Region avstår från att yttra sig över remissen.',
    'Remissen berör inte bolagets verksamhetsområde.',
  ]);
});

test('empty optional sections leave their headings out', async () => {
  const answer: Answer = {
    kind: 'answer',
    details: fullAnswer.details,
    sections: { ...sections(fullAnswer), sammanfattning: '  ', bilagor: '' },
  };
  const texts = (
    await readDocx(
      await buildRemissvarDocx({
        organisation: exampleOrganisation('bolag'),
        remiss: trygghetsprogram,
        answer,
        documentDate: DATE,
      }),
    )
  ).paragraphs.map((p) => p.text);
  expect(texts).not.toContain('Sammanfattning');
  expect(texts).not.toContain('Bilagor');
  expect(texts).toContain('Bakgrund');
});

test('hostile text stays literal text, and the file name is made safe', async () => {
  const hostile = '<w:p>&amp; "citat" \'x\' **fet** [länk](http://evil)';
  const answer: Answer = {
    kind: 'answer',
    details: fullAnswer.details,
    sections: { ...sections(fullAnswer), analys: hostile },
  };
  const doc = await readDocx(
    await buildRemissvarDocx({
      organisation: exampleOrganisation('bolag'),
      remiss: { ...trygghetsprogram, title: 'A/B: "C" <D>?' },
      answer,
      documentDate: DATE,
    }),
  );
  expect(doc.paragraphs.map((p) => p.text)).toContain(hostile);
  expect(remissvarFileName('KS 2014/742.912', 'A/B: "C" <D>? *|\\ ')).toBe(
    'KS 2014-742.912 Svar på remiss - A-B C D -.docx',
  );
  expect(remissvarFileName('SBR 201.3.1-389/2012', 'Trygghetsprogram...')).toBe(
    'SBR 201.3.1-389-2012 Svar på remiss - Trygghetsprogram.docx',
  );
  expect(remissvarFileName('X', 'å'.repeat(400)).length).toBeLessThanOrEqual(185);
});

test('a thirty-page answer builds', async () => {
  const long = Array.from(
    { length: 120 },
    (_, i) =>
      `Stycke ${i + 1}. ${'Förvaltningen tillstyrker förslaget i avsnitt 3.2 men avstyrker avsnitt 4.1. '.repeat(4)}`,
  ).join('\n\n');
  const answer: Answer = {
    kind: 'answer',
    details: fullAnswer.details,
    sections: { ...sections(fullAnswer), analys: long },
  };
  const bytes = await buildRemissvarDocx({
    organisation: exampleOrganisation('forvaltning'),
    remiss: trygghetsprogram,
    answer,
    documentDate: DATE,
  });
  const texts = (await readDocx(bytes)).paragraphs.map((p) => p.text);
  expect(texts.filter((t) => t.startsWith('Stycke '))).toHaveLength(120);
});
