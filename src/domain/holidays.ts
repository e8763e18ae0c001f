/**
 * Swedish non-working days: the public holidays of lag 1989:253, Saturdays and Sundays, plus midsommarafton,
 * julafton and nyårsafton (de facto non-working). date-holidays' "public" and "bank" types for SE are
 * exactly that set.
 */
import Holidays from 'date-holidays';
import { addDays, isoWeekday, type CalendarDate } from './calendar.js';

const swedish = new Holidays('SE');
const byYear = new Map<number, Map<CalendarDate, string>>();

function holidaysOf(year: number): Map<CalendarDate, string> {
  let days = byYear.get(year);
  if (!days) {
    days = new Map();
    for (const h of swedish.getHolidays(year)) {
      if (h.type === 'public' || h.type === 'bank') days.set(h.date.slice(0, 10), h.name);
    }
    byYear.set(year, days);
  }
  return days;
}

/** The Swedish name of a non-working day ('juldagen', 'lördag' …), or undefined for a working day. */
export function nonWorkingDayName(d: CalendarDate): string | undefined {
  const holiday = holidaysOf(Number(d.slice(0, 4))).get(d);
  if (holiday) return holiday;
  const weekday = isoWeekday(d);
  return weekday === 6 ? 'lördag' : weekday === 7 ? 'söndag' : undefined;
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
