/**
 * The line that says how a question was understood: "Visar: Annas remisser med svarsdatum i januari" /
 * "Showing: Anna's remisser due in January", with the names as the register writes them.
 */
import type { Language } from '../../domain/language.js';
import type { DayOfYear, Query, When } from '../../domain/question.js';
import { monthName } from '../../domain/swedishDates.js';
import { messages } from '../../i18n/messages.js';
import type { Understood } from './querySelection.js';

const capitalised = (name: string) => name.replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase());

function dateText(date: DayOfYear, language: Language): string {
  return [date.day, monthName(date.month, language), date.year].filter((p) => p !== undefined).join(' ');
}

function whenText(when: Exclude<When, { kind: 'overdue' }>, language: Language): string {
  const t = messages(language);
  switch (when.kind) {
    case 'today':
    case 'tomorrow':
    case 'beforeChristmas':
      return t.queryWhen[when.kind];
    case 'week':
      return t.queryWhen[when.which === 'this' ? 'thisWeek' : 'nextWeek'];
    case 'calendarMonth':
      return t.queryWhen[when.which === 'this' ? 'thisMonth' : 'nextMonth'];
    case 'weekNumber':
      return t.queryWeekNumber(when.week);
    case 'month':
      return t.queryInMonth(dateText({ month: when.month, year: when.year }, language));
    case 'before':
      return t.queryBefore(dateText(when.date, language));
    case 'by':
      return t.queryBy(dateText(when.date, language));
    case 'after':
      return t.queryAfter(dateText(when.date, language));
  }
}

export function describeQuery(query: Query, understood: Understood, language: Language): string {
  const t = messages(language);
  const { whose, when, status } = query;
  const person = whose?.kind === 'person' && t.queryPersons(understood.person ?? capitalised(whose.name));
  const owner = whose?.kind === 'mine' ? t.queryMine : whose?.kind === 'unassigned' ? t.queryUnassigned : person;
  const [statusBefore, statusAfter] = status ? t.queryStatuses[status] : [];
  const remittents = understood.remittents.length ? understood.remittents.join(t.queryOr) : query.from;
  const parts = [
    owner,
    statusBefore,
    when?.kind === 'overdue' && t.queryOverdue,
    t.queryNoun,
    statusAfter,
    remittents && t.queryFrom(remittents),
    when && when.kind !== 'overdue' && `${t.queryDateField[understood.field]} ${whenText(when, language)}`,
    query.titleWords && t.queryTitleLike(query.titleWords.join(' ')),
  ];
  return t.queryShowing(parts.filter(Boolean).join(' '));
}
