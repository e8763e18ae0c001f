/**
 * Calendar dates as 'YYYY-MM-DD' strings. Deadlines are calendar dates in Europe/Stockholm, so day
 * arithmetic is done on the date parts in UTC and never depends on the process time zone or DST.
 */
export type CalendarDate = string;

export const ORGANISATION_TIME_ZONE = 'Europe/Stockholm';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Today's date in the given time zone (at 23:30 UTC in winter it is already tomorrow in Stockholm). */
export function todayIn(now: Date, timeZone = ORGANISATION_TIME_ZONE): CalendarDate {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA formats dates as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(now);
}

function toUtcMs(d: CalendarDate): number {
  const m = ISO_DATE.exec(d);
  if (!m) throw new RangeError(`Not a calendar date: ${d}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromUtcMs(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isCalendarDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return fromUtcMs(ms) === s;
}

export function addDays(d: CalendarDate, n: number): CalendarDate {
  return fromUtcMs(toUtcMs(d) + n * DAY_MS);
}

/** `to` minus `from` in whole days. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: CalendarDate): number {
  const day = new Date(toUtcMs(d)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday-to-Sunday week containing d. */
export function weekOf(d: CalendarDate): { start: CalendarDate; end: CalendarDate } {
  const start = addDays(d, 1 - isoWeekday(d));
  return { start, end: addDays(start, 6) };
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
