/**
 * The Word document read back from its XML: every paragraph, in order, is what was entered plus the fixed
 * phrasing for the organisation's kind; headings carry real Word heading styles.
 */
import { emptySections, type Answer } from '../../src/domain/answer.js';
import { buildRemissvarDocx } from '../../src/domain/documents/remissvarDocx.js';
import { remissvarFileName } from '../../src/domain/documents/remissvarModel.js';
import { readDocx } from '../support/docxText.js';
import { printTypography } from '../../src/domain/documents/typography.js';
import { exampleDocument, exampleOrganisation, fullAnswer, trygghetsprogram } from '../support/answerFixtures.js';

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
  expect(doc.paragraphs.map((p) => p.text)).toEqual(
    [
      'Handläggare: Mattias Rindberg',
      'Tel: 08-508 285 90',
      'E-post: mattias.rindberg@stockholm.se',
      'Till Stockholms Stadshus AB',
      'Styrelsens sammanträde den 8 december 2020',
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
    ].map(printTypography),
  );
  const styleOf = (text: string) => doc.paragraphs.find((p) => p.text === printTypography(text))?.style;
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

const texts = async (kind: 'bolag' | 'forvaltning' | 'kontor', answer: 'answer' | 'avstar' = 'answer') =>
  (await readDocx(await buildRemissvarDocx(exampleDocument(kind, answer)))).paragraphs.map((p) => p.text);

test('förvaltning: its own words, "Till Socialnämnden" and the meeting; a numbered förslag, justering', async () => {
  const s = sections(exampleDocument('forvaltning').answer);
  expect(await texts('forvaltning')).toEqual(
    [
      'Handläggare: Anna Lindqvist',
      'Tel: 08-508 250 12',
      'E-post: anna.lindqvist@stad.example.se',
      'Till Socialnämnden',
      'Socialnämndens sammanträde den 15 december 2026',
      'Stockholms stads trygghetsprogram 2027-2030',
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
      'Kommunstyrelsen har remitterat ”Stockholms stads trygghetsprogram 2027-2030” (dnr KS 2026/0412) till ' +
        'Socialnämnden. Svar på remissen ska vara Kommunstyrelsen tillhanda senast den 18 december 2026.',
      'Ärendet',
      ...s.arendet.split('\n\n'),
      'Förvaltningens synpunkter',
      ...s.analys.split('\n\n'),
      'Bilagor',
      s.bilagor,
    ].map(printTypography),
  );
});

test('kontor: "Kontorets" phrasing, and no justering unless asked', async () => {
  const found = await texts('kontor');
  expect(found.slice(0, 13)).toEqual([
    'Handläggare: Erik Sandberg',
    'Tel: 08-508 270 34',
    'E-post: erik.sandberg@stad.example.se',
    'Till Stadsbyggnadsnämnden',
    printTypography('Stadsbyggnadsnämndens sammanträde den 21 januari 2027'),
    printTypography('Program för hållbar stadsutveckling 2027-2035'),
    'Svar på remiss',
    'Kontorets förslag till beslut',
    '1. Stadsbyggnadsnämnden godkänner och åberopar kontorets tjänsteutlåtande som svar på remissen.',
    'Karin Holm',
    'Direktör',
    'Per Nilsson',
    'Avdelningschef',
  ]);
  expect(found).toContain('Kontorets synpunkter');
});

test('Avstår: the same header and title, a decision line, the reason and the signatories', async () => {
  expect(await texts('bolag', 'avstar')).toEqual(
    [
      'Handläggare: Mattias Rindberg',
      'Tel: 08-508 285 90',
      'E-post: mattias.rindberg@stockholm.se',
      'Till Stockholms Stadshus AB',
      'Styrelsens sammanträde den 8 december 2020',
      'Stockholms stads trygghetsprogram 2020-2023',
      'Svar på remiss',
      'Stockholm Business Regions förslag till beslut',
      'Stockholm Business Region avstår från att yttra sig över remissen.',
      'Remissen berör inte bolagets verksamhetsområde.',
      'Staffan Ingvarsson',
      'VD',
      'Erica Grünewald',
      'Avdelningschef',
    ].map(printTypography),
  );
  expect((await texts('forvaltning', 'avstar')).slice(7, 11)).toEqual([
    'Förvaltningens förslag till beslut',
    '1. Socialnämnden avstår från att yttra sig över remissen.',
    '2. Paragrafen justeras omedelbart.',
    'Remissen berör inte nämndens verksamhetsområde.',
  ]);
});

const KIND_WORDS = {
  bolag: /\b(bolag\w*|VD|styrelse\w*|SBR|kontorsyttrande)\b/i,
  forvaltning: /\b(förvaltning\w*|nämnd\w*|kontoret\w*)\b/i,
  kontor: /\b(kontoret\w*|förvaltningen\w*)\b/i,
};

test.each(['bolag', 'forvaltning', 'kontor'] as const)(
  "%s, answer and Avstår: the header names organisation, Tjänsteutlåtande, both dnr, the date; no other kind's words",
  async (kind) => {
    for (const answer of ['answer', 'avstar'] as const) {
      const input = exampleDocument(kind, answer);
      const doc = await readDocx(await buildRemissvarDocx(input));
      const header = doc.headers.find((h) => h.includes('Tjänsteutlåtande'))!;
      const headerText = [...header.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
        .map((m) => m[1])
        .join(' ')
        .replace(/\u00a0/g, ' ');
      for (const expected of [
        input.organisation.name,
        'Tjänsteutlåtande',
        `Dnr ${input.remiss.dnr}`,
        `Remittentens dnr ${input.remiss.remittentDnr!}`,
        input.documentDate,
      ]) {
        expect({ kind, answer, expected, found: headerText.includes(expected) }).toEqual({
          kind,
          answer,
          expected,
          found: true,
        });
      }
      const body = doc.paragraphs.map((p) => p.text).join('\n');
      const others = (Object.keys(KIND_WORDS) as (keyof typeof KIND_WORDS)[]).filter(
        (k) => k !== kind && !(kind === 'kontor' && k === 'forvaltning') && !(kind === 'forvaltning' && k === 'kontor'),
      );
      for (const other of others)
        expect({ kind, answer, other, match: KIND_WORDS[other].exec(body)?.[0] }).toEqual({
          kind,
          answer,
          other,
          match: undefined,
        });
    }
  },
);

test('print typography: year ranges get an unbreakable en dash, long dates non-breaking spaces; dates stay', () => {
  expect(printTypography('Program 2020-2023 och 2027 – 30, dnr 389/2020-12, den 15 december 2026, 2026-12-15')).toBe(
    'Program 2020\u2060–\u20602023 och 2027\u2060–\u206030, dnr 389/2020-12, ' +
      'den 15\u00a0december\u00a02026, 2026-12-15',
  );
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
