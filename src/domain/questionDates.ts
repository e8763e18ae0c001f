/**
 * The days a question's "when" (question.ts) covers, counted from today: a range of calendar dates, either end
 * open. "i januari" is the next January (this one while it lasts), "före jul" ends the day before julafton,
 * "vecka 3" is the next ISO week 3, a date without a year is its next occurrence, "försenade" ends yesterday.
 */
import { addDays, compareDates, isCalendarDate, weekOf, type CalendarDate } from './calendar.js';
import type { DayOfYear, When } from './question.js';

export interface DateRange {
  from?: CalendarDate;
  to?: CalendarDate;
}

const pad = (n: number) => String(n).padStart(2, '0');
const yearOf = (d: CalendarDate) => Number(d.slice(0, 4));
const monthNumberOf = (d: CalendarDate) => Number(d.slice(5, 7));

function lastDayOfMonth(year: number, month: number): CalendarDate {
  return addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`, -1);
}

/** The month's first and last day: this year's while it has not passed, else next year's. */
function monthRange(today: CalendarDate, month: number, year?: number): Required<DateRange> {
  const y = year ?? (month >= monthNumberOf(today) ? yearOf(today) : yearOf(today) + 1);
  return { from: `${y}-${pad(month)}-01`, to: lastDayOfMonth(y, month) };
}

/** The date meant, or for a month alone its first or last day; 29 February in another year is the 28th. */
function dayOf(today: CalendarDate, date: DayOfYear, end: 'first' | 'last'): CalendarDate {
  const at = (y: number) => {
    const month = monthRange(today, date.month, y);
    if (date.day === undefined) return end === 'first' ? month.from : month.to;
    const d = `${y}-${pad(date.month)}-${pad(date.day)}`;
    return isCalendarDate(d) ? d : month.to;
  };
  if (date.year !== undefined) return at(date.year);
  const thisYear = at(yearOf(today));
  return compareDates(thisYear, today) >= 0 ? thisYear : at(yearOf(today) + 1);
}

/** The Monday of ISO week `week`: of this year while it has not passed, else of next year. */
function isoWeek(today: CalendarDate, week: number): { start: CalendarDate; end: CalendarDate } {
  const weekIn = (year: number) => weekOf(addDays(weekOf(`${year}-01-04`).start, 7 * (week - 1)));
  const thisYear = weekIn(yearOf(addDays(weekOf(today).start, 3)));
  return compareDates(thisYear.end, today) >= 0 ? thisYear : weekIn(yearOf(addDays(weekOf(today).start, 3)) + 1);
}

const rangeOf = (week: { start: CalendarDate; end: CalendarDate }): DateRange => ({ from: week.start, to: week.end });

export function resolveWhen(when: When, today: CalendarDate): DateRange {
  switch (when.kind) {
    case 'overdue':
      return { to: addDays(today, -1) };
    case 'today':
      return { from: today, to: today };
    case 'tomorrow':
      return { from: addDays(today, 1), to: addDays(today, 1) };
    case 'week':
      return rangeOf(weekOf(when.which === 'this' ? today : addDays(today, 7)));
    case 'weekNumber':
      return rangeOf(isoWeek(today, when.week));
    case 'month':
      return monthRange(today, when.month, when.year);
    case 'calendarMonth': {
      const next = when.which === 'next';
      const month = next ? (monthNumberOf(today) % 12) + 1 : monthNumberOf(today);
      return monthRange(today, month, next && month === 1 ? yearOf(today) + 1 : yearOf(today));
    }
    case 'beforeChristmas': {
      const year = compareDates(today, `${yearOf(today)}-12-24`) < 0 ? yearOf(today) : yearOf(today) + 1;
      return { to: `${year}-12-23` };
    }
    case 'before':
      return { to: addDays(dayOf(today, when.date, 'first'), -1) };
    case 'by':
      return { to: dayOf(today, when.date, 'last') };
    case 'after':
      return { from: addDays(dayOf(today, when.date, 'last'), 1) };
  }
}

export function inRange(d: CalendarDate, range: DateRange): boolean {
  return (!range.from || compareDates(d, range.from) >= 0) && (!range.to || compareDates(d, range.to) <= 0);
}
