/**
 * The digest's cards: a handläggare's own list (the due-list card, so its Besvara / Fortsätt buttons work as
 * in chat) and the overview for managers and channels, split into several messages before ~80 KB. Under a remiss
 * sent on to units, both say whose answers are awaited (`awaiting`, from referralPlan.ts).
 */
import { renderCard } from '../../cards/cardTemplates.js';
import { daysBetween, type CalendarDate } from '../../domain/calendar.js';
import { OVERVIEW_GROUPS, overviewGroups, type DigestPolicy, type OverviewGroup } from '../../domain/digest.js';
import type { Language } from '../../domain/language.js';
import type { Remiss } from '../../domain/remiss.js';
import { daysLeftText, formatLongDate } from '../../domain/swedishDates.js';
import { messages } from '../../i18n/messages.js';
import { dueListView, personLabel, type Progress } from '../due/dueView.js';
import type { AdaptiveCard } from '../featureContext.js';

/** Items per overview message are chosen so that the card's JSON stays well under Teams' limit. */
const OVERVIEW_PART_BYTES = 60 * 1024;

export function personalDigestCard(
  remisser: readonly Remiss[],
  today: CalendarDate,
  policy: Pick<DigestPolicy, 'horizonDays' | 'handlingStopDays'>,
  language: Language,
  progress: ReadonlyMap<string, Progress>,
  awaiting?: AwaitingLine,
): AdaptiveCard {
  const t = messages(language);
  const shownAt = { today, language, handlingStopDays: policy.handlingStopDays };
  // Every remiss of a personal digest is the reader's own: each row may be answered.
  const view = dueListView(
    t.digestTitle(remisser.length, policy.horizonDays),
    t.listEmptyMine,
    remisser,
    { filter: 'mine', offset: 0 },
    shownAt,
    progress,
    () => true,
  );
  if (awaiting) {
    const byDnr = new Map(remisser.map((r) => [r.dnr, r]));
    for (const row of view.groups.flatMap((g) => g.rows))
      Object.assign(row, { awaiting: awaiting(byDnr.get(row.answerData.dnr)!, language) });
  }
  // The list is the reader's own: no organisation to say it is for, nor to switch to.
  return renderCard('due-list', { ...view, scopeLine: '', switches: [] });
}

/** The line under a remiss sent on to units ("2 av 3 har svarat. Svar väntas från …"), '' under any other. */
export type AwaitingLine = (remiss: Remiss, language: Language) => string;

const GROUP_STYLE: Record<OverviewGroup, string> = {
  overdue: 'attention',
  thisWeek: 'warning',
  later: 'default',
  forApproval: 'accent',
};

/** An overview split into messages: how many, and each one's card, rendered only when asked for. */
export interface OverviewParts {
  count: number;
  card(part: number): AdaptiveCard;
}

export function overviewCards(
  remisser: readonly Remiss[],
  today: CalendarDate,
  language: Language,
  handlingStopDays: number,
  awaiting?: AwaitingLine,
): AdaptiveCard[] {
  const overview = overviewParts(remisser, today, language, handlingStopDays, awaiting);
  return Array.from({ length: overview.count }, (_, part) => overview.card(part));
}

/**
 * The overview's lines, split into parts, worked out once; a part's card is rendered when it is sent, so that
 * an overview of many parts (the kansli's of a whole city) is not rendered whole again for each of them.
 */
export function overviewParts(
  remisser: readonly Remiss[],
  today: CalendarDate,
  language: Language,
  handlingStopDays: number,
  awaiting?: AwaitingLine,
): OverviewParts {
  const t = messages(language);
  const groups = overviewGroups(remisser, today, handlingStopDays);
  const items = OVERVIEW_GROUPS.flatMap((group) =>
    groups[group].map((r) => {
      // Only under a remiss sent on to units: the parts are sized by their items, 20,000 of them in a city.
      const awaited = awaiting?.(r, language);
      return {
        group,
        title: r.title,
        line: t.overviewLine(
          r.dnr,
          formatLongDate(r.dueDate, language),
          daysLeftText(daysBetween(today, r.dueDate), language),
          personLabel(r, language),
        ),
        ...(awaited && { awaiting: awaited }),
      };
    }),
  );
  // Split by the items' own size; the card around them is small and fixed.
  const parts: (typeof items)[] = [[]];
  let bytes = 0;
  for (const item of items) {
    const size = Buffer.byteLength(JSON.stringify(item), 'utf8') + 400;
    if (bytes + size > OVERVIEW_PART_BYTES && parts.at(-1)!.length > 0) {
      parts.push([]);
      bytes = 0;
    }
    parts.at(-1)!.push(item);
    bytes += size;
  }
  const open = items.length;
  return {
    count: parts.length,
    card: (i) => {
      const part = parts[i]!;
      return renderCard('digest-overview', {
        title:
          t.overviewTitle(formatLongDate(today, language)) +
          (parts.length > 1 ? t.overviewPart(i + 1, parts.length) : ''),
        summary: t.overviewSummary(open, groups.overdue.length, groups.forApproval.length),
        groups: OVERVIEW_GROUPS.map((group) => ({
          heading: t.overviewGroups[group],
          style: GROUP_STYLE[group],
          items: part.filter((x) => x.group === group),
        })).filter((g) => g.items.length > 0),
        listLabel: t.overviewList,
      });
    },
  };
}
