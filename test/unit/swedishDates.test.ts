import { daysLeftText, formatDateTime, formatLongDate, parseDateText } from '../../src/domain/swedishDates.js';

test('long dates: no leading zero, lower-case Swedish months', () => {
  expect(formatLongDate('2020-12-15', 'sv')).toBe('15 december 2020');
  expect(formatLongDate('2026-03-01', 'sv')).toBe('1 mars 2026');
  expect(formatLongDate('2026-03-01', 'en')).toBe('1 March 2026');
});

test.each([
  ['2020-12-15', '2020-12-15'],
  ['15 december 2020', '2020-12-15'],
  ['den 15 December 2020', '2020-12-15'],
  ['  1   mars   2026 ', '2026-03-01'],
  ['3 okt 2026', '2026-10-03'],
  ['3 sept. 2026', '2026-09-03'],
  ['2026-12-15T00:00:00', '2026-12-15'],
  ['2026-12-15T00:00:00Z', '2026-12-15'],
  ['29 februari 2024', '2024-02-29'],
])('parses %p', (text, expected) => {
  expect(parseDateText(text)).toBe(expected);
});

test.each([
  '31 juni 2021',
  '29 februari 2025',
  '15/12/2020',
  '2020-12-32',
  'december 2020',
  '15 decembre 2020',
  '',
  'i morgon',
])('refuses %p', (text) => {
  expect(parseDateText(text)).toBeUndefined();
});

test.each([
  [12, 'om 12 dagar', 'in 12 days'],
  [2, 'om 2 dagar', 'in 2 days'],
  [1, 'i morgon', 'tomorrow'],
  [0, 'i dag', 'today'],
  [-1, '1 dag försenad', 'overdue by 1 day'],
  [-3, '3 dagar försenad', 'overdue by 3 days'],
])('%i days left reads "%s" / "%s"', (days, sv, en) => {
  expect(daysLeftText(days, 'sv')).toBe(sv);
  expect(daysLeftText(days, 'en')).toBe(en);
});

test('times follow Swedish convention in Stockholm time', () => {
  expect(formatDateTime(new Date('2026-11-24T13:03:00Z'), 'sv')).toBe('24 november 2026 kl. 14.03');
  expect(formatDateTime(new Date('2026-06-01T07:00:00Z'), 'sv')).toBe('1 juni 2026 kl. 9.00');
  expect(formatDateTime(new Date('2026-11-24T13:03:00Z'), 'en')).toBe('24 November 2026 at 14:03');
});
