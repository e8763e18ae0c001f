/** What the digest says of a remiss sent on to units: who has answered, who is awaited, who is late. Pure rules. */
import type { ReferredUnit } from '../../src/domain/referral.js';
import { lateUnits, referralStatus } from '../../src/domain/referralDigest.js';
import type { Remiss } from '../../src/domain/remiss.js';
import { referredUnit, unitRemissOf as ownRemiss } from '../support/referralDigestFixtures.js';
import { remiss } from '../support/remissFixtures.js';

const TODAY = '2026-11-24';
const KANSLI_DNR = 'KS 2026/100';

const unit = (organisation: string, overrides: Partial<ReferredUnit> = {}) =>
  referredUnit(KANSLI_DNR, organisation, overrides);
const unitRemissOf = (u: ReferredUnit, overrides: Partial<Remiss> = {}) => ownRemiss(KANSLI_DNR, u, overrides);

const kansliRemiss = (units: ReferredUnit[], overrides: Partial<Remiss> = {}) =>
  remiss({ dnr: KANSLI_DNR, dueDate: '2026-12-10', organisation: 'kansliet', referral: { units }, ...overrides });

const lookupOf = (remisser: Remiss[]) => (dnr: string) => remisser.find((r) => r.dnr === dnr);

test('a remiss not sent on has no referral status', () => {
  expect(referralStatus(remiss({ dnr: 'A', dueDate: '2026-12-01' }), () => undefined, TODAY)).toBeUndefined();
  expect(referralStatus(kansliRemiss([]), () => undefined, TODAY)).toBeUndefined();
});

test('answered and avstått (linked back, or the unit’s remiss closed) are not awaited; late ones say how late', () => {
  const sof = unit('sof', { answer: { at: '2026-11-18T10:00:00Z', position: 'tillstyrker' } });
  const sbr = unit('sbr');
  const norr = unit('norr');
  const ost = unit('ost', { dueDate: '2026-11-30' });
  const own = [
    unitRemissOf(sbr, { status: 'Avstår' }),
    unitRemissOf(norr, { status: 'Pågår' }),
    unitRemissOf(ost, { status: 'Fördelad', handlaggare: { email: 'x@stad.se' } }),
  ];
  expect(referralStatus(kansliRemiss([sof, sbr, norr, ost]), lookupOf(own), TODAY)).toEqual({
    total: 4,
    answered: 2,
    awaited: [{ organisation: 'norr', lateDays: 4 }, { organisation: 'ost' }],
  });
});

test('an anstånd moves the unit’s own svarsdatum, which then decides whether it is late', () => {
  const norr = unit('norr');
  const extended = [unitRemissOf(norr, { dueDate: '2026-11-27', status: 'Anstånd' })];
  expect(referralStatus(kansliRemiss([norr]), lookupOf(extended), TODAY)!.awaited).toEqual([{ organisation: 'norr' }]);
  // Without its own remiss (not found), the svarsdatum the kansli gave counts.
  expect(referralStatus(kansliRemiss([norr]), () => undefined, TODAY)!.awaited).toEqual([
    { organisation: 'norr', lateDays: 4 },
  ]);
});

test('a remiss of the same dnr that does not answer this kansli remiss is not taken for the unit’s', () => {
  const norr = unit('norr');
  const stranger = remiss({ dnr: norr.dnr, dueDate: '2026-11-20', status: 'Besvarad' });
  expect(referralStatus(kansliRemiss([norr]), lookupOf([stranger]), TODAY)!.answered).toBe(0);
  expect(lateUnits([kansliRemiss([norr])], lookupOf([{ ...stranger, status: 'Pågår' }]), TODAY)).toEqual([]);
});

test('late units: open past their svarsdatum, not answered, of an open kansli remiss', () => {
  const norr = unit('norr');
  const sof = unit('sof', { answer: { at: '2026-11-19T10:00:00Z', position: 'synpunkter' } });
  const sbr = unit('sbr', { dueDate: TODAY });
  const ost = unit('ost');
  const own = [
    unitRemissOf(norr),
    // Filed, waiting for the registrator: the answer has come back, so the unit is not late.
    unitRemissOf(sof, { status: 'Klar för diarieföring' }),
    // Due today: not late yet.
    unitRemissOf(sbr),
    // Closed without its answer linked back: nothing to remind of.
    unitRemissOf(ost, { status: 'Besvarad' }),
  ];
  const late = lateUnits([kansliRemiss([norr, sof, sbr, ost])], lookupOf(own), TODAY);
  expect(late.map((l) => [l.unit.organisation, l.remiss.dnr, l.lateDays])).toEqual([['norr', norr.dnr, 4]]);
  // Once the kansli has answered (its remiss closed), no unit is late to it.
  expect(lateUnits([kansliRemiss([norr], { status: 'Besvarad' })], lookupOf(own), TODAY)).toEqual([]);
  // A unit whose remiss is not found is not reminded (there is nothing to open).
  expect(lateUnits([kansliRemiss([norr])], () => undefined, TODAY)).toEqual([]);
});
