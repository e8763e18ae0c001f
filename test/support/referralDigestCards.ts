/**
 * The digest's cards for a remiss the kansli sent on to units (issue 21), built by the real digest code: the
 * overview and the handläggare's own list with the "svar väntas" line, and the reminder to a late unit.
 */
import type { ReferredUnit } from '../../src/domain/referral.js';
import { lateUnits } from '../../src/domain/referralDigest.js';
import { overviewCards, personalDigestCard } from '../../src/features/digest/digestCards.js';
import { awaitingLine, unitReminderCard, type ReferralInput } from '../../src/features/digest/referralPlan.js';
import type { AdaptiveCard } from '../../src/features/featureContext.js';
import { referralOrganisations, referredUnit, unitRemissOf } from './referralDigestFixtures.js';
import { remiss } from './remissFixtures.js';

const DAY = '2026-11-24';
const KANSLI_DNR = 'KS 2026/1204';
const TITLE = 'Betänkandet Ett starkare skydd för barn och unga i samhällets vård (SOU 2026:41)';

const unit = (organisation: string, dueDate: string, answer?: ReferredUnit['answer']) =>
  referredUnit(KANSLI_DNR, organisation, { dueDate, ...(answer && { answer }) });

export function referralDigestExamples(): { name: string; card: AdaptiveCard }[] {
  const units = [
    unit('sof', '2026-11-20', { at: '2026-11-18T10:00:00.000Z', position: 'tillstyrker' }),
    unit('sbr', '2026-11-20', { at: '2026-11-19T10:00:00.000Z', position: 'avstar' }),
    unit('norr', '2026-11-20'),
    unit('soder', '2026-11-27'),
  ];
  const kansliRemiss = remiss({
    dnr: KANSLI_DNR,
    title: TITLE,
    remittent: 'Socialdepartementet',
    dueDate: '2026-12-04',
    organisation: 'kansliet',
    handlaggare: { email: 'kerstin@stad.se', name: 'Kerstin Kansli' },
    referral: { units },
  });
  const own = units.slice(2).map((u) => unitRemissOf(KANSLI_DNR, u, { title: TITLE }));
  const input: ReferralInput = {
    unitRemisser: new Map(own.map((r) => [r.dnr, r])),
    organisation: (id) => referralOrganisations[id],
    contacts: new Map(),
  };
  const awaiting = awaitingLine(input, DAY);
  const policy = { horizonDays: 14, handlingStopDays: 10 };
  const [late] = lateUnits([kansliRemiss], (dnr) => input.unitRemisser.get(dnr), DAY);
  return [
    { name: 'digest-overview-referral', card: overviewCards([kansliRemiss, ...own], DAY, 'sv', 10, awaiting)[0]! },
    {
      name: 'digest-personal-referral',
      card: personalDigestCard([kansliRemiss], DAY, policy, 'sv', new Map(), awaiting),
    },
    { name: 'digest-reminder', card: unitReminderCard(input, late!, 'sv') },
    { name: 'digest-reminder-en', card: unitReminderCard(input, late!, 'en') },
  ];
}
