/**
 * What the detail card shows of remittering vidare: on the kansli's remiss, "Svar väntas" (each unit's state or
 * position, and links to the filed answers); on a unit's remiss, who sent it on, their message and where the answer
 * goes. Only people who may see the remiss see these: a unit never sees the kansli's remiss, nor another unit's.
 */
import { capitalise } from '../../domain/answerPhrasing.js';
import { isHttpsUrl, type Remiss } from '../../domain/remiss.js';
import type { OrganisationDirectory } from '../../domain/organisations.js';
import { instansName, isAwaited, referredUnits, unitState, type ReferredUnit } from '../../domain/referral.js';
import { formatLongDate } from '../../domain/swedishDates.js';
import { messages } from '../../i18n/messages.js';
import type { RemissRepository } from '../../register/remissRepository.js';
import type { DetailSection, ShownAt } from '../due/dueView.js';

type Row = DetailSection['rows'][number];

export class ReferralSections {
  constructor(
    private readonly register: RemissRepository,
    private readonly organisations: OrganisationDirectory,
  ) {}

  async of(remiss: Remiss, at: ShownAt): Promise<DetailSection[]> {
    const units = referredUnits(remiss);
    if (units.length > 0) return [await this.awaited(units, at)];
    if (remiss.referredBy) return [this.referredBy(remiss, at)];
    return [];
  }

  private async awaited(units: readonly ReferredUnit[], at: ShownAt): Promise<DetailSection> {
    const t = messages(at.language);
    const rows: Row[] = [];
    const links: DetailSection['links'] = [];
    let answered = 0;
    for (const unit of units) {
      const own = (await this.register.get(unit.dnr))?.remiss;
      const state = unitState(unit, own, at.today);
      const organisation = this.organisations.byId(unit.organisation);
      const name = organisation ? instansName(organisation) : unit.organisation;
      if (!isAwaited(state)) answered++;
      const position = unit.answer?.position ?? (state === 'avstatt' ? 'avstar' : undefined);
      const text =
        unit.answer && position
          ? t.unitAnsweredState(
              t.unitPositionLabels[position],
              formatLongDate(unit.answer.at.slice(0, 10), at.language),
            )
          : t.unitAwaitedState(
              capitalise(t.unitStateLabels[state]),
              formatLongDate(own?.dueDate ?? unit.dueDate, at.language),
            );
      // Late is said with a sign, not a colour: Teams' attention red is too faint on the dark theme.
      const color = state === 'answered' ? 'Good' : 'Default';
      rows.push({ name, state: state === 'late' ? `⚠ ${text}` : text, color });
      const url = unit.answer?.document?.url;
      if (url && isHttpsUrl(url)) links.push({ title: t.openUnitAnswer(name), url });
    }
    return { heading: t.awaitedHeading, summary: t.awaitedSummary(answered, units.length), rows, links };
  }

  private referredBy(remiss: Remiss, at: ShownAt): DetailSection {
    const t = messages(at.language);
    const by = remiss.referredBy!;
    const kansli = this.organisations.byId(by.organisation)?.name ?? by.dnr;
    const summary = [t.referredBySummary(by.dnr), ...(by.message ? [t.referralMessageFrom(kansli, by.message)] : [])];
    return { heading: t.referredByHeading(kansli), summary: summary.join(' '), rows: [], links: [] };
  }
}
