/**
 * Which remisser a due-list question shows, in which order. Pure: the handler supplies today's date
 * (Europe/Stockholm) and the asker.
 */
import { compareDates, daysBetween, weekOf, type CalendarDate } from '../../domain/calendar.js';
import { isAssignedTo, isOpen, type Remiss } from '../../domain/remiss.js';
import type { Asker } from '../featureContext.js';

const swedishOrder = new Intl.Collator('sv');

export const DUE_FILTERS = ['due', 'all', 'mine', 'overdue', 'thisWeek'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

export function selectRemisser(
  all: readonly Remiss[],
  filter: DueFilter,
  today: CalendarDate,
  asker?: Asker,
): Remiss[] {
  const week = weekOf(today);
  const keep = (r: Remiss): boolean => {
    if (!isOpen(r.status)) return false;
    switch (filter) {
      case 'due':
      case 'all':
        return true;
      case 'mine':
        return !!asker && isAssignedTo(r, asker);
      case 'overdue':
        return daysBetween(today, r.dueDate) < 0;
      case 'thisWeek':
        return compareDates(r.dueDate, week.start) >= 0 && compareDates(r.dueDate, week.end) <= 0;
    }
  };
  return all.filter(keep).sort((a, b) => compareDates(a.dueDate, b.dueDate) || swedishOrder.compare(a.dnr, b.dnr));
}
