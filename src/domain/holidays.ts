/**
 * Swedish non-working days: the public holidays of lag 1989:253, Saturdays and Sundays, plus midsommarafton,
 * julafton and nyårsafton (de facto non-working). date-holidays' "public" and "bank" types for SE are
 * exactly that set.
 */
import Holidays from 'date-holidays';
import { addDays, isoWeekday, type CalendarDate } from './calendar.js';
import type { Language } from './language.js';

const swedish = new Holidays('SE');
const byYear = new Map<string, Map<CalendarDate, string>>();
const WEEKEND_NAMES: Record<Language, readonly [string, string]> = {
  sv: ['lördag', 'söndag'],
  en: ['Saturday', 'Sunday'],
};

function holidaysOf(year: number, language: Language): Map<CalendarDate, string> {
  let days = byYear.get(`${year}/${language}`);
  if (!days) {
    days = new Map();
    for (const h of swedish.getHolidays(year, language)) {
      if (h.type === 'public' || h.type === 'bank') days.set(h.date.slice(0, 10), h.name);
    }
    byYear.set(`${year}/${language}`, days);
  }
  return days;
}

/** The Swedish name of a non-working day ('juldagen', 'lördag' …), or undefined for a working day. */
export function nonWorkingDayName(d: CalendarDate, language: Language = 'sv'): string | undefined {
  const holiday = holidaysOf(Number(d.slice(0, 4)), language).get(d);
  if (holiday) return holiday;
  const weekday = isoWeekday(d);
  return weekday >= 6 ? WEEKEND_NAMES[language][weekday - 6] : undefined;
}

/** Saturday or Sunday (a holiday on a weekday is not). */
export function isWeekend(d: CalendarDate): boolean {
  return isoWeekday(d) >= 6;
}

export function isWorkingDay(d: CalendarDate): boolean {
  return nonWorkingDayName(d) === undefined;
}

/** The last working day strictly before d. */
export function previousWorkingDay(d: CalendarDate): CalendarDate {
  let day = addDays(d, -1);
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

/** Moves n working days forward (or back, for negative n) from d. */
export function addWorkingDays(d: CalendarDate, n: number): CalendarDate {
  const step = n < 0 ? -1 : 1;
  let day = d;
  for (let left = Math.abs(n); left > 0;) {
    day = addDays(day, step);
    if (isWorkingDay(day)) left--;
  }
  return day;
}
