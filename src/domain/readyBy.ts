/**
 * "Klart senast": the day an answer must really be ready, which is what urgency is judged by. It is the svarsdatum
 * less one working day (the answer must be sent, not only written, by then) or, when the remiss goes to a
 * meeting, that meeting's handling stop (the papers go out that many working days before the sammanträde),
 * whichever comes first. Pure.
 */
import { compareDates, type CalendarDate } from './calendar.js';
import { addWorkingDays } from './holidays.js';
import type { Remiss } from './remiss.js';

type Dates = Pick<Remiss, 'dueDate' | 'meetingDate'>;

export function readyBy(remiss: Dates, handlingStopWorkingDays: number): CalendarDate {
  return readiness(remiss, handlingStopWorkingDays).date;
}

/** Klart senast and what sets it: the meeting's handling stop, or the svarsdatum. */
export interface Readiness {
  date: CalendarDate;
  setBy: 'meeting' | 'due';
}

export function readiness(remiss: Dates, handlingStopWorkingDays: number): Readiness {
  const beforeDue = addWorkingDays(remiss.dueDate, -1);
  if (!remiss.meetingDate) return { date: beforeDue, setBy: 'due' };
  const handlingStop = addWorkingDays(remiss.meetingDate, -handlingStopWorkingDays);
  return compareDates(handlingStop, beforeDue) < 0
    ? { date: handlingStop, setBy: 'meeting' }
    : { date: beforeDue, setBy: 'due' };
}

/** A meeting after the svarsdatum cannot decide the answer in time: anstånd, an earlier meeting or delegation. */
export function meetingAfterDue(remiss: Dates): boolean {
  return !!remiss.meetingDate && compareDates(remiss.meetingDate, remiss.dueDate) > 0;
}

/**
 * readyBy for one handling stop, computed once per remiss: a list filters and sorts by it, and a sort compares each
 * remiss many times (each computation walks working days).
 */
export function readyByOnce(handlingStopWorkingDays: number): (remiss: Remiss) => CalendarDate {
  const known = new Map<Remiss, CalendarDate>();
  return (remiss) => {
    let ready = known.get(remiss);
    if (!ready) known.set(remiss, (ready = readyBy(remiss, handlingStopWorkingDays)));
    return ready;
  };
}

/** Earliest "klart senast" first, then earliest svarsdatum, then diarienummer (Swedish order). */
export function byReadyBy(ready: (remiss: Remiss) => CalendarDate): (a: Remiss, b: Remiss) => number {
  const swedish = new Intl.Collator('sv');
  return (a, b) =>
    compareDates(ready(a), ready(b)) || compareDates(a.dueDate, b.dueDate) || swedish.compare(a.dnr, b.dnr);
}
