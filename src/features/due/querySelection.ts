/**
 * Which remisser a question in the user's own words (domain/question.ts) shows: of those the asker may see (the
 * routes pass only those), the ones every slot of the question keeps, by klart senast. Pure: the routes supply
 * today's date, the asker and the handling stop. Slots only narrow: closed remisser only when asked for.
 */
import { type CalendarDate } from '../../domain/calendar.js';
import { isNamed, isRemittent, spokenName, titleMatches } from '../../domain/nameMatching.js';
import type { Query, QueryStatus } from '../../domain/question.js';
import { inRange, resolveWhen, type DateRange } from '../../domain/questionDates.js';
import { byReadyBy, readyByOnce } from '../../domain/readyBy.js';
import { CLOSED_STATUSES, isAssignedTo, isOpen, type Remiss, type RemissStatus } from '../../domain/remiss.js';
import type { Asker } from '../featureContext.js';
import { isKnown } from './dueSelection.js';

const STATUSES: Record<QueryStatus, readonly RemissStatus[]> = {
  approval: ['För godkännande'],
  ongoing: ['Pågår', 'Ändringar begärda'],
  received: ['Inkommen'],
  approved: ['Godkänd', 'Klar för diarieföring'],
  answered: CLOSED_STATUSES,
};

/** How the question was understood against the register, for the answer to say so. */
export interface Understood {
  /** The handläggare's name as the register writes it, when the typed name meant one name only. */
  person?: string;
  /** The remittents the typed name found, as the register writes them. */
  remittents: string[];
  range?: DateRange;
  /** Which date the range is about. */
  field: 'dueDate' | 'readyBy';
}

/** Whether the question may show closed remisser (then the routes read the whole register). */
export const asksForClosed = (query: Query) => query.status === 'answered';

/** A question of title words only ("visa trygghetsprogrammet"): one hit is shown in full. */
export const isTitleSearch = (query: Query) =>
  !!query.titleWords && !query.whose && !query.when && !query.from && !query.status;

const distinct = (values: readonly string[]) => [...new Set(values)];

export function selectByQuery(
  all: readonly Remiss[],
  query: Query,
  today: CalendarDate,
  asker: Asker | undefined,
  handlingStopDays: number,
): { remisser: Remiss[]; understood: Understood } {
  const ready = readyByOnce(handlingStopDays);
  const field = query.ready || query.when?.kind === 'overdue' ? 'readyBy' : 'dueDate';
  const range = query.when && resolveWhen(query.when, today);
  const { whose, from, status, titleWords } = query;
  const keep = (r: Remiss): boolean =>
    (status ? STATUSES[status].includes(r.status) : isOpen(r.status)) &&
    (whose?.kind !== 'mine' || (isKnown(asker) && isAssignedTo(r, asker))) &&
    (whose?.kind !== 'unassigned' || !r.handlaggare) &&
    (whose?.kind !== 'person' || isNamed(r.handlaggare, whose.name)) &&
    (!from || isRemittent(r.remittent, from)) &&
    (!titleWords || titleMatches(r.title, titleWords)) &&
    (!range || inRange(field === 'readyBy' ? ready(r) : r.dueDate, range));
  const remisser = all.filter(keep).sort(byReadyBy(ready));
  const people =
    whose?.kind === 'person'
      ? distinct(
          all.flatMap((r) => (isNamed(r.handlaggare, whose.name) ? [spokenName(r.handlaggare!, whose.name)] : [])),
        )
      : [];
  const remittents = from ? distinct(all.filter((r) => isRemittent(r.remittent, from)).map((r) => r.remittent)) : [];
  return { remisser, understood: { person: people.length === 1 ? people[0] : undefined, remittents, range, field } };
}
