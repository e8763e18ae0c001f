/**
 * What the detail card shows of remittering vidare: on the kansli's remiss, "Svar väntas" (each unit's state or
 * position, and links to the filed answers); on a unit's remiss, who sent it on, their message and where the answer
 * goes. Only people who may see the remiss see these: a unit never sees the kansli's remiss, nor another unit's.
 */
import { capitalise } from '../../domain/answerPhrasing.js';
import { isHttpsUrl, type Remiss } from '../../domain/remiss.js';
import type { OrganisationDirectory } from '../../domain/organisations.js';
import { referredUnits } from '../../domain/referral.js';
import { missingAnswers, type UnitAnswerRow } from '../../domain/referralAnswer.js';
import { formatLongDate } from '../../domain/swedishDates.js';
import { messages } from '../../i18n/messages.js';
import type { RemissRepository } from '../../register/remissRepository.js';
import type { DetailSection, ShownAt } from '../due/dueView.js';
import { kansliName, readUnitAnswerRows } from './referralReading.js';

export class ReferralSections {
  constructor(
    private readonly register: RemissRepository,
    private readonly organisations: OrganisationDirectory,
  ) {}

  async of(remiss: Remiss, at: ShownAt): Promise<DetailSection[]> {
    if (referredUnits(remiss).length > 0) return [await this.awaited(remiss, at)];
    if (remiss.referredBy) return [this.referredBy(remiss, at)];
    return [];
  }

  private async awaited(remiss: Remiss, at: ShownAt): Promise<DetailSection> {
    const t = messages(at.language);
    const rows = await readUnitAnswerRows(this.register, this.organisations, remiss, at.today);
    const links: DetailSection['links'] = [];
    for (const row of rows) {
      const url = row.document?.url;
      if (url && isHttpsUrl(url)) links.push({ title: t.openUnitAnswer(row.name), url });
    }
    return {
      heading: t.awaitedHeading,
      summary: t.awaitedSummary(rows.length - missingAnswers(rows).length, rows.length),
      rows: rows.map((row) => ({
        name: row.name,
        // Late is said with a sign, not a colour: Teams' attention red is too faint on the dark theme.
        state: `${row.state === 'late' ? '⚠ ' : ''}${this.stateText(row, at)}`,
        color: row.state === 'answered' ? 'Good' : 'Default',
      })),
      links,
    };
  }

  /** Its position and when, once its answer is back; else its state and svarsdatum. */
  private stateText(row: UnitAnswerRow, at: ShownAt): string {
    const t = messages(at.language);
    if (row.position && row.answeredAt)
      return t.unitAnsweredState(
        t.unitPositionLabels[row.position],
        formatLongDate(row.answeredAt.slice(0, 10), at.language),
      );
    return t.unitAwaitedState(capitalise(t.unitStateLabels[row.state]), formatLongDate(row.dueDate, at.language));
  }

  private referredBy(remiss: Remiss, at: ShownAt): DetailSection {
    const t = messages(at.language);
    const by = remiss.referredBy!;
    const kansli = kansliName(remiss, this.organisations);
    const summary = [t.referredBySummary(by.dnr), ...(by.message ? [t.referralMessageFrom(kansli, by.message)] : [])];
    return { heading: t.referredByHeading(kansli), summary: summary.join(' '), rows: [], links: [] };
  }
}
