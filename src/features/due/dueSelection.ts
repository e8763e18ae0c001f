/**
 * Which remisser a due-list question shows, in which order, and who may answer which. Pure: the routes supply
 * today's date (Europe/Stockholm), the asker and the handling stop. Urgency is "klart senast" (domain/readyBy).
 */
import { compareDates, weekOf, type CalendarDate } from '../../domain/calendar.js';
import { byReadyBy, readyByOnce } from '../../domain/readyBy.js';
import { isAssignedTo, isOpen, type Remiss } from '../../domain/remiss.js';
import type { Asker } from '../featureContext.js';

export const DUE_FILTERS = ['due', 'all', 'mine', 'overdue', 'thisWeek'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

/** The asker can be matched to a handläggare: Teams gave an e-mail, a UPN or an Entra id. */
export function isKnown(asker: Asker | undefined): asker is Asker {
  return !!asker && !!(asker.email || asker.userPrincipalName || asker.aadObjectId);
}

/** What decides which organisations' unassigned remisser the asker may take (domain/organisations Access). */
export type MayTake = (remiss: Remiss) => boolean;

/** A remiss the asker may answer: their own, or one nobody has been given yet in an organisation of theirs. */
export function mayAnswer(remiss: Remiss, asker: Asker | undefined, mayTake: MayTake): boolean {
  return remiss.handlaggare ? isKnown(asker) && isAssignedTo(remiss, asker) : mayTake(remiss);
}

export function selectRemisser(
  all: readonly Remiss[],
  filter: DueFilter,
  today: CalendarDate,
  asker: Asker | undefined,
  handlingStopDays: number,
  mayTake: MayTake,
): Remiss[] {
  const week = weekOf(today);
  const ready = readyByOnce(handlingStopDays);
  const keep = (r: Remiss): boolean => {
    if (!isOpen(r.status)) return false;
    switch (filter) {
      case 'due':
        // "Ska besvaras": mine and the unassigned; without a known asker, everything open.
        return !isKnown(asker) ? mayTake(r) : mayAnswer(r, asker, mayTake);
      case 'all':
        return true;
      case 'mine':
        return isKnown(asker) && isAssignedTo(r, asker);
      case 'overdue':
        return compareDates(ready(r), today) < 0;
      case 'thisWeek':
        return compareDates(ready(r), week.start) >= 0 && compareDates(ready(r), week.end) <= 0;
    }
  };
  return all.filter(keep).sort(byReadyBy(ready));
}
