/**
 * The answer form's pure side of remittering vidare (issue 21): the position an answer gives the kansli, the
 * kansli's suggestion from its units, replacing the generated text without touching the rest, and the units' rows.
 */
import type { Answer } from '../../src/domain/answer.js';
import type { Organisation } from '../../src/domain/organisation.js';
import type { ReferredUnit } from '../../src/domain/referral.js';
import {
  answerPosition,
  missingAnswers,
  positionMissing,
  referralText,
  replaceReferralText,
  unitAnswerRows,
} from '../../src/domain/referralAnswer.js';
import { exampleAnswer, exampleAvstar, exampleOrganisation } from '../support/answerFixtures.js';
import { remiss } from '../support/remissFixtures.js';

const org = (id: string, over: Partial<Organisation>): Organisation => ({
  ...exampleOrganisation('forvaltning'),
  ...over,
  id,
});
const ORGS: Record<string, Organisation> = {
  sof: org('sof', {}),
  sbr: { ...exampleOrganisation('bolag'), id: 'sbr' },
  norr: org('norr', { name: 'Norrmalms stadsdelsförvaltning', board: 'Norrmalms stadsdelsnämnd' }),
};
const organisationOf = (id: string) => ORGS[id];
const document = { dnr: 'KS 1-SOF', version: 1, hash: 'a'.repeat(64), url: 'https://arkiv/sof.docx', name: 'sof.docx' };
const unit = (organisation: string, over: Partial<ReferredUnit> = {}): ReferredUnit => ({
  organisation,
  dnr: `KS 1-${organisation}`,
  dueDate: '2027-01-15',
  sentAt: '2026-11-20T09:00:00Z',
  by: 'kerstin',
  ...over,
});
const kansliRemiss = (units: ReferredUnit[]) => remiss({ dnr: 'KS 1', dueDate: '2027-02-15', referral: { units } });
const withPosition = (position?: 'tillstyrker'): Answer => {
  const a = exampleAnswer('forvaltning');
  return a.kind === 'answer' ? { ...a, details: { ...a.details, position } } : a;
};

test('a referred full answer needs a position; an Avstå answer is avstår; other remisser need none', () => {
  const referred = { referredBy: { dnr: 'KS 1', organisation: 'kansliet' } };
  expect(positionMissing(referred, withPosition())).toBe(true);
  expect(positionMissing(referred, withPosition('tillstyrker'))).toBe(false);
  expect(positionMissing(referred, exampleAvstar('forvaltning'))).toBe(false);
  expect(answerPosition(exampleAvstar('forvaltning'))).toBe('avstar');
  expect(positionMissing({}, withPosition())).toBe(false);
});

test("the kansli's suggestion: the units asked in order, those who avstod, a bilaga per documented answer", () => {
  const units = [
    unit('sof', { answer: { at: '2026-12-01T10:00:00Z', position: 'tillstyrker', document } }),
    unit('sbr', { answer: { at: '2026-12-02T10:00:00Z', position: 'avstar' } }),
    unit('norr'),
    unit('gone', { answer: { at: '2026-12-02T10:00:00Z', position: 'avstar' } }),
  ];
  expect(referralText(kansliRemiss(units), organisationOf)).toEqual({
    arendet:
      'Ärendet har remitterats till Socialnämnden, Stockholm Business Region och Norrmalms stadsdelsnämnd. ' +
      'Stockholm Business Region har avstått från yttrande.',
    bilagor: 'Bilaga 1. Socialnämndens yttrande',
  });
  // An Avstå answer filed as a document is a bilaga too: the unit's answer, in its own words.
  const filedAvstar = [
    units[0]!,
    unit('sbr', { answer: { at: '2026-12-02T10:00:00Z', position: 'avstar', document } }),
  ];
  expect(referralText(kansliRemiss(filedAvstar), organisationOf)?.bilagor).toBe(
    'Bilaga 1. Socialnämndens yttrande\nBilaga 2. Stockholm Business Regions yttrande',
  );
  expect(referralText(remiss({ dnr: 'X', dueDate: '2027-01-01' }), organisationOf)).toBeUndefined();
});

test('replacing the generated text keeps everything the handläggare wrote around it, or added after it', () => {
  const old = 'Ärendet har remitterats till A och B.';
  const next = 'Ärendet har remitterats till A och B. B har avstått från yttrande.';
  expect(replaceReferralText(`Förslaget i korthet.\n\n${old}\n\nEgen slutsats.`, old, next, 'arendet')).toBe(
    `Förslaget i korthet.\n\n${next}\n\nEgen slutsats.`,
  );
  // A sentence added to the generated paragraph stays after the new one.
  expect(replaceReferralText(`${old} Vi har också hört C.`, old, next, 'arendet')).toBe(`${next} Vi har också hört C.`);
  // Rewritten by hand: nothing is removed, the suggestion comes last.
  expect(replaceReferralText('Helt egen text.', old, next, 'arendet')).toBe(`Helt egen text.\n\n${next}`);
  expect(replaceReferralText('', '', next, 'arendet')).toBe(next);

  const lines = 'Bilaga 1. Socialnämndens yttrande';
  const more = 'Bilaga 1. Socialnämndens yttrande\nBilaga 2. Norrmalms stadsdelsnämnds yttrande';
  expect(replaceReferralText(`${lines}\nKarta över området`, lines, more, 'bilagor')).toBe(
    `${more}\nKarta över området`,
  );
  expect(replaceReferralText(`Karta\n${lines}`, lines, '', 'bilagor')).toBe('Karta');
});

test("the units' rows: state and svarsdatum from the own remiss, position and document from the answer", () => {
  const units = [
    unit('sof', { answer: { at: '2026-12-01T10:00:00Z', position: 'tillstyrker', document } }),
    unit('norr'),
    unit('sbr', { dueDate: '2026-12-01' }),
  ];
  const own = (dnr: string) =>
    dnr === 'KS 1-norr' ? remiss({ dnr, dueDate: '2027-01-20', status: 'Pågår', organisation: 'norr' }) : undefined;
  const rows = unitAnswerRows(kansliRemiss(units), own, '2026-12-10', organisationOf);
  expect(rows).toEqual([
    {
      name: 'Socialnämnden',
      state: 'answered',
      dueDate: '2027-01-15',
      position: 'tillstyrker',
      answeredAt: '2026-12-01T10:00:00Z',
      document,
    },
    { name: 'Norrmalms stadsdelsnämnd', state: 'inProgress', dueDate: '2027-01-20' },
    { name: 'Stockholm Business Region', state: 'late', dueDate: '2026-12-01' },
  ]);
  expect(missingAnswers(rows).map((r) => r.name)).toEqual(['Norrmalms stadsdelsnämnd', 'Stockholm Business Region']);
});
