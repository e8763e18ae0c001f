/**
 * Remittering vidare, the pure model (issue 21): the unit's remiss made from the kansli's, the units recorded once
 * and their answers once, where each unit is ("svar väntas"), and the kansli's text naming them.
 */
import {
  answerAttachmentLines,
  instansName,
  isAwaited,
  preparationParagraph,
  unitDnr,
  unitRemiss,
  unitState,
  withReferredUnits,
  withUnitAnswer,
  type UnitState,
} from '../../src/domain/referral.js';
import type { Remiss, RemissStatus } from '../../src/domain/remiss.js';
import {
  KANSLI_DNR,
  kansli,
  norrmalm,
  referredUnit,
  sbr,
  social,
  stadsbyggnad,
  unitDocument,
} from '../support/referralFixtures.js';
import { remiss } from '../support/remissFixtures.js';

const kansliRemiss: Remiss = remiss({
  dnr: KANSLI_DNR,
  remittentDnr: 'Fi2026/01234',
  title: 'Betänkandet En ny kommunallag för framtiden (SOU 2026:12)',
  remittent: 'Finansdepartementet',
  received: '2026-11-20',
  dueDate: '2027-01-15',
  meetingDate: '2027-01-13',
  handlaggare: { email: 'kerstin.kansli@stad.se' },
  approver: { email: 'helena.aberg@stad.se' },
  status: 'Pågår',
  organisation: 'kansliet',
  links: { missive: 'https://www.regeringen.se/remisser/2026/11/sou-2026-12/', document: 'https://x.se/sou.pdf' },
  instanser: 'Stockholms kommun\nGöteborgs kommun',
  referral: { units: [referredUnit('sbr')] },
});
const SENT = { at: '2026-12-01T09:30:00.000Z', dueDate: '2026-12-18', message: 'Svara gärna före jul.' };

describe("the unit's remiss", () => {
  test("its dnr is the kansli's with the unit's short name: one per unit, the same every time", () => {
    expect(unitDnr(KANSLI_DNR, social)).toBe('KS 2026/1234-SOF');
    expect(unitDnr(KANSLI_DNR, sbr)).toBe('KS 2026/1234-SBR');
    expect(unitDnr(KANSLI_DNR, social)).toBe(unitDnr(KANSLI_DNR, social));
  });

  test("is Inkommen in the unit's register, from the kansli's board, with its title, links and instanser", () => {
    const before = structuredClone(kansliRemiss);
    expect(unitRemiss(kansliRemiss, kansli, { id: 'social', organisation: social }, SENT)).toStrictEqual({
      schemaVersion: 1,
      dnr: 'KS 2026/1234-SOF',
      remittentDnr: KANSLI_DNR,
      title: kansliRemiss.title,
      remittent: 'Kommunstyrelsen',
      received: '2026-12-01',
      dueDate: '2026-12-18',
      status: 'Inkommen',
      history: [{ at: SENT.at, kind: 'created', source: 'vidareremittering:KS 2026/1234' }],
      organisation: 'social',
      links: kansliRemiss.links,
      instanser: kansliRemiss.instanser,
      referredBy: { dnr: KANSLI_DNR, organisation: 'kansliet', message: 'Svara gärna före jul.' },
    });
    expect(kansliRemiss).toStrictEqual(before);
  });

  test('without links, instanser or a message it has none; a kansli remiss of no organisation is the kansli’s', () => {
    const bare = remiss({ dnr: KANSLI_DNR, dueDate: '2027-01-15' });
    const made = unitRemiss(bare, kansli, { id: 'sbr', organisation: sbr }, { ...SENT, message: '' });
    expect(made).not.toHaveProperty('links');
    expect(made).not.toHaveProperty('instanser');
    expect(made.referredBy).toStrictEqual({ dnr: KANSLI_DNR, organisation: 'kansliet' });
  });

  test('it was received on the Stockholm date it was sent, not the UTC one', () => {
    const lateEvening = { ...SENT, at: '2026-12-01T23:30:00.000Z' };
    const made = unitRemiss(kansliRemiss, kansli, { id: 'social', organisation: social }, lateEvening);
    expect(made.received).toBe('2026-12-02');
    const midsummerNight = { ...SENT, at: '2026-06-30T22:15:00.000Z' };
    expect(unitRemiss(kansliRemiss, kansli, { id: 'social', organisation: social }, midsummerNight).received).toBe(
      '2026-07-01',
    );
  });
});

describe('the units sent to and their answers, each once', () => {
  test('units are added in order, never one already sent to, nor one twice in the same sending', () => {
    const sent = withReferredUnits(kansliRemiss, [
      referredUnit('social'),
      referredUnit('sbr', { dueDate: '2026-12-11' }),
      referredUnit('norrmalm'),
      referredUnit('social', { dueDate: '2026-12-11' }),
    ]);
    expect(sent.referral?.units).toStrictEqual([referredUnit('sbr'), referredUnit('social'), referredUnit('norrmalm')]);
    const fresh = withReferredUnits(remiss({ dnr: 'KS 1', dueDate: '2027-01-15' }), [referredUnit('sbr')]);
    expect(fresh.referral).toStrictEqual({ units: [referredUnit('sbr')] });
  });

  test('the same object when nothing is new, so that nothing is written', () => {
    expect(withReferredUnits(kansliRemiss, [referredUnit('sbr', { dueDate: '2026-12-11' })])).toBe(kansliRemiss);
    expect(withReferredUnits(kansliRemiss, [])).toBe(kansliRemiss);
  });

  test("a unit's answer is recorded once: a second, or one from a unit not sent to, changes nothing", () => {
    const sent = withReferredUnits(kansliRemiss, [referredUnit('social')]);
    const answer = { at: '2026-12-10T14:00:00.000Z', position: 'tillstyrker' as const, document: unitDocument('x') };
    const answered = withUnitAnswer(sent, 'social', answer);
    expect(answered.referral?.units).toStrictEqual([referredUnit('sbr'), { ...referredUnit('social'), answer }]);
    expect(answered.referral?.units[0]).toBe(sent.referral?.units[0]);
    expect(withUnitAnswer(answered, 'social', { at: '2026-12-11T08:00:00.000Z', position: 'avstar' })).toBe(answered);
    expect(withUnitAnswer(answered, 'norrmalm', answer)).toBe(answered);
    const none = remiss({ dnr: 'KS 1', dueDate: '2027-01-15' });
    expect(withUnitAnswer(none, 'social', answer)).toBe(none);
    expect(sent.referral?.units[1]).not.toHaveProperty('answer');
  });
});

describe('where a unit is ("svar väntas")', () => {
  const unit = referredUnit('social', { dueDate: '2026-12-18' });
  const own = (status: RemissStatus, dueDate = '2026-12-18') =>
    remiss({ dnr: unit.dnr, dueDate, status, organisation: 'social' });
  const BEFORE = '2026-12-10';
  const DUE = '2026-12-18';
  const AFTER = '2026-12-21';

  test.each<[RemissStatus, UnitState]>([
    ['Inkommen', 'notStarted'],
    ['Fördelad', 'notStarted'],
    ['Anstånd', 'notStarted'],
    ['Pågår', 'inProgress'],
    ['Ändringar begärda', 'inProgress'],
    ['För godkännande', 'awaitingApproval'],
    ['Godkänd', 'awaitingApproval'],
    ['Klar för diarieföring', 'awaitingApproval'],
    ['Besvarad', 'answered'],
    ['Avstår', 'avstatt'],
  ])('its own remiss %s, before the svarsdatum: %s', (status, state) => {
    expect(unitState(unit, own(status), BEFORE)).toBe(state);
    expect(unitState(unit, own(status), DUE)).toBe(state);
  });

  test('open past its svarsdatum is late whatever the step; no remiss of its own yet: not started, then late', () => {
    for (const status of ['Inkommen', 'Pågår', 'För godkännande', 'Klar för diarieföring'] as const)
      expect(unitState(unit, own(status), AFTER)).toBe('late');
    expect(unitState(unit, undefined, BEFORE)).toBe('notStarted');
    expect(unitState(unit, undefined, DUE)).toBe('notStarted');
    expect(unitState(unit, undefined, AFTER)).toBe('late');
  });

  test('closed is never late: Besvarad is answered and Avstår avstått after the svarsdatum too', () => {
    expect(unitState(unit, own('Besvarad'), AFTER)).toBe('answered');
    expect(unitState(unit, own('Avstår'), AFTER)).toBe('avstatt');
  });

  test("an anstånd on the unit's own remiss counts: its later svarsdatum, not the one it was sent with", () => {
    expect(unitState(unit, own('Anstånd', '2027-01-08'), AFTER)).toBe('notStarted');
    expect(unitState(unit, own('Pågår', '2027-01-08'), AFTER)).toBe('inProgress');
    expect(unitState(unit, own('Anstånd', '2027-01-08'), '2027-01-11')).toBe('late');
    expect(unitState(unit, own('Pågår', '2026-12-14'), '2026-12-15')).toBe('late');
  });

  test('an answer linked back decides, whatever its own remiss says', () => {
    const answered = { ...unit, answer: { at: '2026-12-17T10:00:00.000Z', position: 'avstyrker' as const } };
    expect(unitState(answered, own('Pågår'), AFTER)).toBe('answered');
    expect(unitState(answered, undefined, AFTER)).toBe('answered');
    const avstod = { ...unit, answer: { at: '2026-12-17T10:00:00.000Z', position: 'avstar' as const } };
    expect(unitState(avstod, own('Besvarad'), BEFORE)).toBe('avstatt');
  });

  test('only answered and avstått are no longer awaited', () => {
    const states: UnitState[] = ['notStarted', 'inProgress', 'awaitingApproval', 'answered', 'avstatt', 'late'];
    expect(states.filter(isAwaited)).toEqual(['notStarted', 'inProgress', 'awaitingApproval', 'late']);
  });
});

describe("the kansli's answer names the units", () => {
  test('a förvaltning or kontor by its nämnd, capitalised; a bolag by its name', () => {
    expect(instansName(social)).toBe('Socialnämnden');
    expect(instansName(stadsbyggnad)).toBe('Stadsbyggnadsnämnden');
    expect(instansName(norrmalm)).toBe('Norrmalms stadsdelsnämnd');
    expect(instansName(sbr)).toBe('Stockholm Business Region');
  });

  test('Ärendets beredning in the real phrasing', () => {
    expect(preparationParagraph([social, sbr, norrmalm], [sbr])).toBe(
      'Ärendet har remitterats till Socialnämnden, Stockholm Business Region och Norrmalms stadsdelsnämnd. ' +
        'Stockholm Business Region har avstått från yttrande.',
    );
  });

  test('one, two and many names, and two that avstod', () => {
    expect(preparationParagraph([social], [])).toBe('Ärendet har remitterats till Socialnämnden.');
    expect(preparationParagraph([social, sbr], [])).toBe(
      'Ärendet har remitterats till Socialnämnden och Stockholm Business Region.',
    );
    expect(preparationParagraph([social, sbr, norrmalm, stadsbyggnad], [sbr, norrmalm])).toBe(
      'Ärendet har remitterats till Socialnämnden, Stockholm Business Region, Norrmalms stadsdelsnämnd och ' +
        'Stadsbyggnadsnämnden. Stockholm Business Region och Norrmalms stadsdelsnämnd har avstått från yttrande.',
    );
    expect(preparationParagraph([social], [social])).toBe(
      'Ärendet har remitterats till Socialnämnden. Socialnämnden har avstått från yttrande.',
    );
    expect(preparationParagraph([], [])).toBe('');
  });

  test('the Bilagor lines name each answer in the genitive, numbered on from the first free one', () => {
    expect(answerAttachmentLines([social, sbr])).toEqual([
      'Bilaga 1. Socialnämndens yttrande',
      'Bilaga 2. Stockholm Business Regions yttrande',
    ]);
    expect(answerAttachmentLines([norrmalm, stadsbyggnad], 3)).toEqual([
      'Bilaga 3. Norrmalms stadsdelsnämnds yttrande',
      'Bilaga 4. Stadsbyggnadsnämndens yttrande',
    ]);
    expect(answerAttachmentLines([{ ...sbr, name: 'Stockholms Stadshus AB' }])).toEqual([
      'Bilaga 1. Stockholms Stadshus AB:s yttrande',
    ]);
    expect(answerAttachmentLines([])).toEqual([]);
  });
});
