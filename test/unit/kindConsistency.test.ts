import { bakgrundYearsBeforeReceived, foreignKindWords } from '../../src/domain/kindConsistency.js';
import type { Answer } from '../../src/domain/answer.js';
import { exampleAnswer, exampleOrganisation, exampleRemiss } from '../support/answerFixtures.js';

const withAnalys = (kind: 'bolag' | 'forvaltning' | 'kontor', analys: string): Answer => {
  const a = exampleAnswer(kind);
  return a.kind === 'answer' ? { ...a, sections: { ...a.sections, analys } } : a;
};

test("each kind's example answer is consistent with its organisation and remiss", () => {
  for (const kind of ['bolag', 'forvaltning', 'kontor'] as const) {
    expect({ kind, words: foreignKindWords(exampleOrganisation(kind), exampleAnswer(kind)) }).toEqual({
      kind,
      words: [],
    });
    expect({ kind, years: bakgrundYearsBeforeReceived(exampleRemiss(kind), exampleAnswer(kind)) }).toEqual({
      kind,
      years: [],
    });
  }
});

test("a förvaltning's text with a company's words, and the reverse, are found once each as written", () => {
  const text = 'Bolaget tillstyrker. VD och styrelsen anser att bolaget bör avvakta; vd-beslut saknas.';
  expect(foreignKindWords(exampleOrganisation('forvaltning'), withAnalys('forvaltning', text))).toEqual([
    'Bolaget',
    'styrelsen',
    'VD',
  ]);
  expect(foreignKindWords(exampleOrganisation('kontor'), withAnalys('kontor', text))).toHaveLength(3);
  expect(
    foreignKindWords(exampleOrganisation('bolag'), withAnalys('bolag', 'Förvaltningen och nämnden tillstyrker.')),
  ).toEqual(['Förvaltningen', 'nämnden']);
  expect(
    foreignKindWords(exampleOrganisation('bolag'), {
      ...exampleAnswer('bolag'),
      kind: 'avstar',
      reason: 'Kontoret avstår.',
    }),
  ).toEqual(['Kontoret']);
});

test('Bakgrund years before the remiss came in are found; later years and Avstår are not', () => {
  const remiss = exampleRemiss('forvaltning'); // received 2026
  const a = exampleAnswer('forvaltning');
  if (a.kind !== 'answer') throw new Error('an answer');
  const copied: Answer = {
    ...a,
    sections: { ...a.sections, bakgrund: 'Remitterat 2020-11-02, svar senast den 15 december 2020 (dnr KS 2019/12).' },
  };
  expect(bakgrundYearsBeforeReceived(remiss, copied)).toEqual([2020, 2019]);
  const fresh: Answer = {
    ...a,
    sections: { ...a.sections, bakgrund: 'Programmet gäller 2027-2030 (dnr KS 2026/0412).' },
  };
  expect(bakgrundYearsBeforeReceived(remiss, fresh)).toEqual([]);
  expect(bakgrundYearsBeforeReceived(remiss, { kind: 'avstar', details: a.details, reason: '2019' })).toEqual([]);
});
