/**
 * The internal svarsdatum the kansli gives its units (issue 21): the one offered, in Swedish working days, and what
 * is refused or warned of. December 2026: julafton is a Thursday, nyårsafton too, trettondedag jul a Wednesday.
 */
import { addDays, compareDates } from '../../src/domain/calendar.js';
import { checkUnitDueDate, defaultUnitDueDate, DEFAULT_REFERRAL_RULES } from '../../src/domain/referral.js';

const rules = (workingDaysBefore: number, minimumWorkingDays = 10) => ({ workingDaysBefore, minimumWorkingDays });

describe('the internal svarsdatum offered', () => {
  test('ten working days before the kansli’s own by default', () => {
    expect(DEFAULT_REFERRAL_RULES).toEqual({ workingDaysBefore: 10, minimumWorkingDays: 10 });
    // Friday 22 January 2027 back ten working days: 21, 20, 19, 18, 15, 14, 13, 12, 11, 8 January.
    expect(defaultUnitDueDate('2027-01-22', '2026-12-01', DEFAULT_REFERRAL_RULES)).toBe('2027-01-08');
  });

  test('working days only: weekends, julafton, juldagen, nyårsafton, nyårsdagen and trettondagen skipped', () => {
    // Friday 8 January back five: 7, (6 trettondedag jul), 5, 4, (3, 2, 1 nyårsdagen, 31 nyårsafton), 30, 29.
    expect(defaultUnitDueDate('2027-01-08', '2026-12-01', rules(5))).toBe('2026-12-29');
    // Monday 28 December back one: over annandag jul, juldagen and julafton to Wednesday 23 December.
    expect(defaultUnitDueDate('2026-12-28', '2026-12-01', rules(1))).toBe('2026-12-23');
    // From a Saturday svarsdatum, one working day back is the Friday.
    expect(defaultUnitDueDate('2026-12-12', '2026-12-01', rules(1))).toBe('2026-12-11');
  });

  test('none before: the kansli’s own date itself', () => {
    expect(defaultUnitDueDate('2027-01-15', '2026-12-01', rules(0))).toBe('2027-01-15');
  });

  test('never before tomorrow: too close, it is the next working day', () => {
    expect(defaultUnitDueDate('2026-12-10', '2026-12-07', DEFAULT_REFERRAL_RULES)).toBe('2026-12-08');
    // Sent on Friday: Monday.
    expect(defaultUnitDueDate('2026-12-17', '2026-12-04', DEFAULT_REFERRAL_RULES)).toBe('2026-12-07');
    // Sent the day before julafton: the Monday after Christmas.
    expect(defaultUnitDueDate('2027-01-08', '2026-12-23', DEFAULT_REFERRAL_RULES)).toBe('2026-12-28');
  });

  test('never after the kansli’s own while that is ahead: every date offered can be given', () => {
    // Sent on the Wednesday before Christmas with the kansli's own on the Saturday after it.
    expect(defaultUnitDueDate('2026-12-26', '2026-12-23', DEFAULT_REFERRAL_RULES)).toBe('2026-12-26');
    const refused: string[] = [];
    for (let today = '2026-12-01'; compareDates(today, '2027-01-31') <= 0; today = addDays(today, 1)) {
      for (const ahead of [1, 2, 3, 5, 8, 15, 30]) {
        const kansliDue = addDays(today, ahead);
        for (const before of [0, 1, 10]) {
          const offered = defaultUnitDueDate(kansliDue, today, rules(before));
          const checked = checkUnitDueDate(offered, kansliDue, today, rules(before));
          if ('error' in checked) refused.push(`${today} to ${kansliDue} less ${before}: ${offered} ${checked.error}`);
        }
      }
    }
    expect(refused).toEqual([]);
  });
});

describe('an internal svarsdatum checked', () => {
  const KANSLI_DUE = '2027-01-22';
  const TODAY = '2026-12-07'; // a Monday; ten working days on is Monday 21 December
  const check = (date: string, minimum = 10) => checkUnitDueDate(date, KANSLI_DUE, TODAY, rules(10, minimum));

  test('a date that is not one is refused', () => {
    for (const date of ['', '2026-12-32', '2026-02-30', '21/12/2026', ' 2026-12-21', '2026-12-21T00:00', 'i morgon'])
      expect(check(date)).toEqual({ error: 'notADate' });
  });

  test('today or before is refused; tomorrow is given, warned as short', () => {
    expect(check(TODAY)).toEqual({ error: 'notAfterToday' });
    expect(check('2026-12-01')).toEqual({ error: 'notAfterToday' });
    expect(check('2026-12-08')).toEqual({ warnings: ['short'] });
  });

  test('after the kansli’s own is refused; the same day is given', () => {
    expect(check('2027-01-23')).toEqual({ error: 'afterKansliDue' });
    expect(check('2027-03-01')).toEqual({ error: 'afterKansliDue' });
    expect(check(KANSLI_DUE)).toEqual({ warnings: [] });
  });

  test('fewer working days than the minimum is short; exactly the minimum is not', () => {
    expect(check('2026-12-18')).toEqual({ warnings: ['short'] });
    expect(check('2026-12-21')).toEqual({ warnings: [] });
    expect(check('2026-12-18', 9)).toEqual({ warnings: [] });
    expect(check('2026-12-08', 0)).toEqual({ warnings: [] });
  });

  test('a non-working day is warned of, alone or with short', () => {
    expect(check('2026-12-24')).toEqual({ warnings: ['nonWorkingDay'] });
    expect(check('2027-01-06')).toEqual({ warnings: ['nonWorkingDay'] });
    expect(check('2026-12-19')).toEqual({ warnings: ['short', 'nonWorkingDay'] });
  });
});
