import {
  addDays,
  compareDates,
  daysBetween,
  isCalendarDate,
  isoWeekday,
  todayIn,
  weekOf,
} from '../../src/domain/calendar.js';
import { addWorkingDays, isWorkingDay, nonWorkingDayName, previousWorkingDay } from '../../src/domain/holidays.js';

test.each([
  ['2026-11-24T23:30:00Z', '2026-11-25'], // winter: UTC+1
  ['2026-11-24T22:59:59Z', '2026-11-24'],
  ['2026-07-14T22:30:00Z', '2026-07-15'], // summer: UTC+2
  ['2026-07-14T21:59:00Z', '2026-07-14'],
  ['2026-12-31T23:30:00Z', '2027-01-01'],
])('at %s it is %s in Stockholm', (utc, expected) => {
  expect(todayIn(new Date(utc))).toBe(expected);
});

test('day arithmetic is exact across daylight-saving changes', () => {
  expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // last Sunday of March
  expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2); // last Sunday of October
  expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
  expect(daysBetween('2026-12-15', '2026-11-25')).toBe(-20);
  expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
});

test('calendar dates are validated strictly', () => {
  expect(['2024-02-29', '2026-12-31'].map(isCalendarDate)).toEqual([true, true]);
  expect(['2025-02-29', '2026-13-01', '2026-1-01', '15 december 2026', ''].map(isCalendarDate)).toEqual([
    false,
    false,
    false,
    false,
    false,
  ]);
});

test('weeks run Monday to Sunday', () => {
  expect(isoWeekday('2026-11-23')).toBe(1);
  expect(isoWeekday('2026-11-29')).toBe(7);
  expect(weekOf('2026-11-25')).toEqual({ start: '2026-11-23', end: '2026-11-29' });
  expect(weekOf('2026-11-29')).toEqual({ start: '2026-11-23', end: '2026-11-29' });
  expect(weekOf('2026-11-30')).toEqual({ start: '2026-11-30', end: '2026-12-06' });
  expect(compareDates('2026-01-02', '2026-01-10')).toBe(-1);
});

test.each([
  ['2026-01-01', 'nyårsdagen'],
  ['2026-01-06', 'trettondedag jul'],
  ['2026-04-03', 'långfredagen'],
  ['2026-04-05', 'påskdagen'],
  ['2026-04-06', 'annandag påsk'],
  ['2026-05-01', 'första maj'],
  ['2026-05-14', 'Kristi himmelsfärdsdag'],
  ['2026-05-24', 'pingstdagen'],
  ['2026-06-06', 'nationaldagen'],
  ['2026-06-19', 'midsommarafton'],
  ['2026-06-20', 'midsommardagen'],
  ['2026-10-31', 'alla helgons dag'],
  ['2026-12-24', 'julafton'],
  ['2026-12-25', 'juldagen'],
  ['2026-12-26', 'annandag jul'],
  ['2026-12-31', 'nyårsafton'],
  ['2025-04-18', 'långfredagen'],
  ['2025-04-21', 'annandag påsk'],
  ['2027-03-26', 'långfredagen'],
  ['2027-03-29', 'annandag påsk'],
  ['2027-05-06', 'Kristi himmelsfärdsdag'],
  ['2026-11-28', 'lördag'],
  ['2026-11-29', 'söndag'],
])('%s is a non-working day: %s', (date, name) => {
  expect(nonWorkingDayName(date)).toBe(name);
  expect(isWorkingDay(date)).toBe(false);
});

test('ordinary weekdays and observances are working days', () => {
  for (const d of ['2026-11-24', '2026-04-02', '2026-04-30', '2026-05-25', '2026-12-23', '2026-01-05']) {
    expect({ d, name: nonWorkingDayName(d) }).toEqual({ d, name: undefined });
  }
});

test('working-day arithmetic skips weekends and holidays', () => {
  expect(previousWorkingDay('2026-12-25')).toBe('2026-12-23');
  expect(previousWorkingDay('2026-11-30')).toBe('2026-11-27');
  expect(addWorkingDays('2026-12-23', 1)).toBe('2026-12-28');
  expect(addWorkingDays('2026-12-28', -2)).toBe('2026-12-22');
  expect(addWorkingDays('2026-06-18', 1)).toBe('2026-06-22');
});
