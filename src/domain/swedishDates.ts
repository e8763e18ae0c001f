/**
 * Dates in words: "15 december 2020" in Swedish running text (callers add "den"), day counts as
 * "om 12 dagar" / "försenad sedan 3 dagar", and parsing of the forms a diarium export uses.
 */
import { isCalendarDate, isoWeekday, ORGANISATION_TIME_ZONE, type CalendarDate } from './calendar.js';
import type { Language } from './language.js';

const MONTHS: Record<Language, string[]> = {
  sv: [
    'januari',
    'februari',
    'mars',
    'april',
    'maj',
    'juni',
    'juli',
    'augusti',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** The Swedish month names, lowercase, January first. */
export const MONTH_NAMES_SV: readonly string[] = MONTHS.sv;

/** Month names and common abbreviations, as written in Swedish exports. */
const MONTH_WORDS = new Map<string, number>([
  ...MONTHS.sv.map((m, i) => [m, i + 1] as [string, number]),
  ['jan', 1],
  ['feb', 2],
  ['mar', 3],
  ['apr', 4],
  ['jun', 6],
  ['jul', 7],
  ['aug', 8],
  ['sep', 9],
  ['sept', 9],
  ['okt', 10],
  ['nov', 11],
  ['dec', 12],
]);

/** "januari" / "January": month 1 to 12 in running text. */
export function monthName(month: number, language: Language): string {
  return MONTHS[language][month - 1]!;
}

export function formatLongDate(d: CalendarDate, language: Language): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[language][m - 1]} ${y}`;
}

/** "24 nov" / "24 Nov": a list row's date, the year left to the list's context. */
export function formatShortDate(d: CalendarDate, language: Language): string {
  const [, m, day] = d.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[language][m - 1]!.slice(0, 3)}`;
}

const WEEKDAYS: Record<Language, readonly string[]> = {
  sv: ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

/** "fredag den 20 november 2026" or "Friday 20 November 2026". */
export function formatWeekdayDate(d: CalendarDate, language: Language): string {
  const weekday = WEEKDAYS[language][isoWeekday(d) - 1]!;
  return language === 'sv'
    ? `${weekday} den ${formatLongDate(d, language)}`
    : `${weekday} ${formatLongDate(d, language)}`;
}

/** Accepts '2020-12-15', '2020-12-15T…', '15 december 2020' and 'den 15 dec. 2020'; anything else is undefined. */
export function parseDateText(input: string): CalendarDate | undefined {
  const s = input.trim().toLowerCase().replace(/\s+/g, ' ');
  const iso = /^(\d{4}-\d{2}-\d{2})(t[\d:.]+(z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (iso) return isCalendarDate(iso[1]!) ? iso[1] : undefined;
  const words = /^(?:den )?(\d{1,2}) ([a-zåäö]+)\.? (\d{4})$/.exec(s);
  if (!words) return undefined;
  const month = MONTH_WORDS.get(words[2]!);
  if (!month) return undefined;
  const date = `${words[3]}-${String(month).padStart(2, '0')}-${words[1]!.padStart(2, '0')}`;
  return isCalendarDate(date) ? date : undefined;
}

export function daysLeftText(days: number, language: Language): string {
  if (language === 'sv') {
    if (days > 1) return `om ${days} dagar`;
    if (days === 1) return 'i morgon';
    if (days === 0) return 'i dag';
    return `${-days} ${days === -1 ? 'dag' : 'dagar'} försenad`;
  }
  if (days > 1) return `in ${days} days`;
  if (days === 1) return 'tomorrow';
  if (days === 0) return 'today';
  return `overdue by ${-days} ${days === -1 ? 'day' : 'days'}`;
}

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: ORGANISATION_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: ORGANISATION_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** "24 november 2026 kl. 14.03" (Swedish convention) or "24 November 2026 at 14:03", in Stockholm time. */
export function formatDateTime(at: Date, language: Language): string {
  const date = formatLongDate(dateFormat.format(at), language);
  const time = timeFormat.format(at);
  const [hour, minute] = time.split(':') as [string, string];
  // Swedish writes "kl. 9.00": no leading zero, a full stop between hours and minutes.
  return language === 'sv' ? `${date} kl. ${Number(hour)}.${minute}` : `${date} at ${time}`;
}
