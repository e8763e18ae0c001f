/**
 * The due list and the remiss detail card: their view models (every string the cards show, already in the
 * user's language; the templates in cards/ only place them) and the cards rendered from them.
 */
import { renderCard } from '../../cards/cardTemplates.js';
import { compareDates, daysBetween, weekOf, type CalendarDate } from '../../domain/calendar.js';
import { isWeekend, nonWorkingDayName, previousWorkingDay } from '../../domain/holidays.js';
import type { Language } from '../../domain/language.js';
import { grantedExtension, pendingExtension } from '../../domain/distribution.js';
import { isOpen, openableLinks, type Remiss } from '../../domain/remiss.js';
import { historyText } from './historyText.js';
import {
  daysLeftText,
  formatDateTime,
  formatLongDate,
  formatShortDate,
  formatWeekdayDate,
} from '../../domain/swedishDates.js';
import { meetingAfterDue, readyBy } from '../../domain/readyBy.js';
import { messages } from '../../i18n/messages.js';
import type { AdaptiveCard } from '../featureContext.js';
import type { Query } from '../../domain/question.js';
import type { DueFilter } from './dueSelection.js';

export const PAGE_SIZE = 15;
/** The detail card shows the newest history entries only, so that it stays far below Teams' card size limit. */
const MAX_HISTORY_SHOWN = 30;

export interface DueListPage {
  filter: DueFilter;
  offset: number;
  /** A question in the user's own words, which the list answers instead of the filter. */
  query?: Query;
}

/** A list's title and empty text when they are not the filter's: the answer to a question. */
export interface ListHeading {
  title: string;
  empty: string;
}

export function personLabel(remiss: Remiss, language: Language): string {
  const h = remiss.handlaggare;
  return h ? (h.name ?? h.email) : messages(language).noHandlaggare;
}

/** Further ahead than this, a weekend svarsdatum is not yet worth a warning. */
const WARN_NON_WORKING_WITHIN_DAYS = 14;

/**
 * The warning for a svarsdatum on a weekend or public holiday within the next two weeks, or '' (a working day, a
 * date far ahead, or one already passed, where "ready by" would be in the past).
 */
export function nonWorkingDueWarning(dueDate: CalendarDate, language: Language, today: CalendarDate): string {
  const days = daysBetween(today, dueDate);
  const dayName = nonWorkingDayName(dueDate, language);
  if (!dayName || days < 0 || days > WARN_NON_WORKING_WITHIN_DAYS) return '';
  const readyBy = formatWeekdayDate(previousWorkingDay(dueDate), language);
  return messages(language).nonWorkingWarning(dayName, readyBy, isWeekend(dueDate));
}

export type Progress = { step: number; total: number } | undefined;

/** "Besvara", or "Fortsätt (steg 4 av 7)" when a draft exists. */
function answerLabel(progress: Progress, language: Language): string {
  const t = messages(language);
  return progress ? t.continueAt(progress.step, progress.total) : t.answer;
}

/**
 * A row's title and details are cut to about one line at Teams' narrowest card width (RichTextBlock, which keeps
 * user text from being read as Markdown, has no maxLines); the detail card shows them whole.
 */
const ROW_TITLE_MAX = 48;
const ROW_DETAILS_MAX = 48;

function oneLine(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** A row's handläggare: the name, else the e-mail's local part (firstname.lastname), which fits on the line. */
function shortPersonLabel(remiss: Remiss, language: Language): string {
  const h = remiss.handlaggare;
  return h ? (h.name ?? h.email.split('@')[0]!) : messages(language).noHandlaggare;
}

/** The list's groups, by "klart senast": passed, this week (Monday to Sunday), later. */
type DueGroup = 'overdue' | 'thisWeek' | 'later';

function groupOf(ready: CalendarDate, today: CalendarDate): DueGroup {
  if (compareDates(ready, today) < 0) return 'overdue';
  return compareDates(ready, weekOf(today).end) <= 0 ? 'thisWeek' : 'later';
}

export function dueListView(
  title: string,
  emptyText: string,
  remisser: readonly Remiss[],
  page: DueListPage,
  shownAt: ShownAt,
  progress: ReadonlyMap<string, Progress>,
  mayAnswer: (remiss: Remiss) => boolean,
) {
  const { today, language } = shownAt;
  const t = messages(language);
  const shown = remisser.slice(0, page.offset + PAGE_SIZE);
  const rows = shown.map((r) => {
    const ready = readyBy(r, shownAt.handlingStopDays);
    const days = daysBetween(today, ready);
    return {
      group: groupOf(ready, today),
      title: oneLine(r.title, ROW_TITLE_MAX),
      readyBy: formatShortDate(ready, language),
      daysLeft: daysLeftText(days, language),
      // Urgency is told by an icon in colour and by the words in bold default colour: never by colour alone.
      daysLeftIcon: days < 0 ? '⚠ ' : days <= 3 ? '● ' : '',
      daysLeftColor: days < 0 ? 'Attention' : days <= 3 ? 'Warning' : 'Default',
      details: oneLine(
        [
          r.dnr,
          shortPersonLabel(r, language),
          t.statusNames[r.status],
          ...(grantedExtension(r) ? [t.rowExtension] : []),
        ].join(' · '),
        ROW_DETAILS_MAX,
      ),
      warning: nonWorkingDueWarning(r.dueDate, language, today),
      showLabel: `${t.show}: ${r.title}`,
      showData: { ...page, dnr: r.dnr },
      canAnswer: mayAnswer(r),
      answerLabel: answerLabel(progress.get(r.dnr), language),
      answerData: { dnr: r.dnr },
    };
  });
  const groups = (['overdue', 'thisWeek', 'later'] as const)
    .map((group) => ({ heading: t.overviewGroups[group], rows: rows.filter((row) => row.group === group) }))
    .filter((g) => g.rows.length > 0);
  const hasMore = shown.length < remisser.length;
  return {
    title,
    countLine: t.listCount(shown.length, remisser.length),
    emptyText,
    groups,
    hasMore,
    moreLabel: t.showMore,
    moreData: { ...page, offset: page.offset + PAGE_SIZE },
  };
}

/** A part of the detail card another feature adds (the kansli's "Svar väntas"): a heading, rows and links. */
export interface DetailSection {
  heading: string;
  summary: string;
  rows: { name: string; state: string; color: 'Default' | 'Good' }[];
  links: { title: string; url: string }[];
}

/** What other features add to the detail card: a notice on top, their buttons (fördela, anstånd, …) and parts. */
export interface DetailExtras {
  notice?: string;
  actions?: { title: string; verb: string; data: object }[];
  sections?: DetailSection[];
}

export function remissDetailView(
  remiss: Remiss,
  back: DueListPage,
  shownAt: ShownAt,
  progress: Progress,
  extras: DetailExtras = {},
) {
  const { today, language } = shownAt;
  const t = messages(language);
  const ready = readyBy(remiss, shownAt.handlingStopDays);
  const lateMeeting =
    remiss.meetingDate && meetingAfterDue(remiss)
      ? t.meetingAfterDue(formatLongDate(remiss.meetingDate, language), formatLongDate(remiss.dueDate, language))
      : '';
  const optional = (label: string, value: string | undefined) => (value ? [{ label, value }] : []);
  const days = daysBetween(today, remiss.dueDate);
  const history = remiss.history.slice(-MAX_HISTORY_SHOWN).reverse();
  const granted = grantedExtension(remiss);
  const pending = pendingExtension(remiss);
  const extension = granted
    ? `; ${t.extensionShown(formatLongDate(granted.from, language), granted.agreedBy)}`
    : pending
      ? `; ${t.extensionPendingShown(formatLongDate(pending.to, language))}`
      : '';
  return {
    title: remiss.title,
    notice: extras.notice ?? '',
    moreActions: extras.actions ?? [],
    sections: extras.sections ?? [],
    warning: [lateMeeting, nonWorkingDueWarning(remiss.dueDate, language, today)].filter(Boolean).join(' '),
    fields: [
      {
        label: t.fieldReadyBy,
        value: `${formatLongDate(ready, language)} (${daysLeftText(daysBetween(today, ready), language)})`,
      },
      { label: t.fieldDnr, value: remiss.dnr },
      ...optional(t.fieldRemittentDnr, remiss.remittentDnr),
      { label: t.fieldRemittent, value: remiss.remittent },
      { label: t.fieldReceived, value: formatLongDate(remiss.received, language) },
      {
        label: t.fieldDueDate,
        value: `${formatLongDate(remiss.dueDate, language)} (${daysLeftText(days, language)}${extension})`,
      },
      ...optional(t.fieldMeeting, remiss.meetingDate && formatLongDate(remiss.meetingDate, language)),
      {
        label: t.fieldHandlaggare,
        value: remiss.handlaggare
          ? [remiss.handlaggare.name, remiss.handlaggare.email].filter(Boolean).join(', ')
          : t.noHandlaggare,
      },
      ...optional(t.fieldApprover, remiss.approver?.email),
      { label: t.fieldStatus, value: t.statusNames[remiss.status] },
      ...optional(t.fieldInstanser, remiss.instanser),
    ],
    links: openableLinks(remiss).map((l) => ({ title: t.openLink[l.kind], url: l.url })),
    historyLabel: t.history,
    history: history.map((h) => ({ at: formatDateTime(new Date(h.at), language), text: historyText(h, language) })),
    backLabel: t.back,
    backData: back,
    canAnswer: isOpen(remiss.status),
    answerLabel: answerLabel(progress, language),
    avstaLabel: t.avsta,
    canAvsta: isOpen(remiss.status) && !progress,
    answerData: { dnr: remiss.dnr },
  };
}

/** The day a card is shown for (Europe/Stockholm), the reader's language, and the meetings' handling stop. */
export type ShownAt = { today: CalendarDate; language: Language; handlingStopDays: number };

/** For a person in several organisations: whose list it is, and the buttons that switch. */
export interface ListScope {
  line: string;
  switches: { title: string; data: object }[];
}

/** The due list card: one filter's remisser, as many pages as `page` has come to. */
export function dueListCard(
  remisser: readonly Remiss[],
  page: DueListPage,
  progress: ReadonlyMap<string, Progress>,
  shownAt: ShownAt,
  mayAnswer: (remiss: Remiss) => boolean,
  scope?: ListScope,
  heading?: ListHeading,
): AdaptiveCard {
  const { today, language } = shownAt;
  const t = messages(language);
  const week = [weekOf(today).start, weekOf(today).end].map((d) => formatLongDate(d, language));
  const others = { due: t.listTitleDue, all: t.listTitleAll, mine: t.listTitleMine, overdue: t.listTitleOverdue };
  const title =
    heading?.title ?? (page.filter === 'thisWeek' ? t.listTitleThisWeek(week[0]!, week[1]!) : others[page.filter]);
  const empty = heading?.empty ?? (page.filter === 'mine' ? t.listEmptyMine : t.listEmpty);
  return renderCard('due-list', {
    ...dueListView(title, empty, remisser, page, shownAt, progress, mayAnswer),
    scopeLine: scope?.line ?? '',
    switches: scope?.switches ?? [],
  });
}

/** One remiss in full, with the way back to the list page it was opened from. */
export function remissDetailCard(
  remiss: Remiss,
  back: DueListPage,
  progress: Progress,
  at: ShownAt,
  extras: DetailExtras = {},
): AdaptiveCard {
  return renderCard('remiss-detail', remissDetailView(remiss, back, at, progress, extras));
}
