/**
 * The cards of sending a remiss on (issue 21), for the renderer's checks and docs/screenshots: the kansli's
 * "Remittera vidare" form with a short-time warning, its detail card with "Svar väntas", and a unit's detail card
 * saying who sent it on.
 */
import path from 'node:path';
import { loadOrganisationDirectory } from '../../src/config/organisationConfig.js';
import { referredUnits, unitRemiss, withReferredUnits } from '../../src/domain/referral.js';
import { remissDetailCard, type ShownAt } from '../../src/features/due/dueView.js';
import type { AdaptiveCard } from '../../src/features/featureContext.js';
import { referralCard } from '../../src/features/referral/referralCards.js';
import { ReferralSections } from '../../src/features/referral/referralSections.js';
import type { RemissRepository } from '../../src/register/remissRepository.js';
import { remiss } from './remissFixtures.js';

const CITY = path.resolve(__dirname, '../../config/city');

export async function referralSendExamples(
  register: RemissRepository,
): Promise<{ name: string; card: AdaptiveCard }[]> {
  const directory = loadOrganisationDirectory(CITY);
  const kansli = directory.byId('kansliet')!;
  const at = '2026-11-24T09:00:00.000Z';
  const sent = { sentAt: at, by: 'Göran Nyström', dueDate: '2027-01-15', message: 'Se särskilt kapitel 4.' };
  const base = remiss({
    dnr: 'KS 2026/0987',
    title: 'Betänkandet Kommunernas ansvar för bostadsförsörjningen (SOU 2026:58)',
    remittent: 'Finansdepartementet',
    remittentDnr: 'Fi2026/03121',
    dueDate: '2027-01-29',
    organisation: 'kansliet',
    handlaggare: { email: 'goran.nystrom@stad.example.se', name: 'Göran Nyström' },
  });
  const units = ['social', 'sbr', 'norrmalm'].map((id) => ({
    organisation: id,
    dnr: `${base.dnr}-${directory.byId(id)!.shortName}`,
    ...sent,
  }));
  const answered = withReferredUnits(base, units);
  const kansliRemiss = {
    ...answered,
    referral: {
      units: referredUnits(answered).map((u) =>
        u.organisation === 'social'
          ? { ...u, answer: { at: '2027-01-12T10:00:00.000Z', position: 'tillstyrker' as const } }
          : u.organisation === 'sbr'
            ? { ...u, answer: { at: '2027-01-13T10:00:00.000Z', position: 'avstar' as const } }
            : u,
      ),
    },
  };
  await register.save(kansliRemiss);
  const norrmalm = {
    ...unitRemiss(base, kansli, { id: 'norrmalm', organisation: directory.byId('norrmalm')! }, { at, ...sent }),
    dnr: units[2]!.dnr,
    status: 'Pågår' as const,
  };
  await register.save(norrmalm);
  const sections = new ReferralSections(register, directory);
  const shownAt: ShownAt = { today: '2027-01-18', language: 'sv', handlingStopDays: 10 };
  const detail = async (r: typeof base) =>
    remissDetailCard(r, { filter: 'due', offset: 0 }, undefined, shownAt, { sections: await sections.of(r, shownAt) });
  const choices = [
    { title: 'Alla stadsdelsförvaltningar (1 st.)', value: 'group:0' },
    ...['sbr', 'social', 'norrmalm'].map((id) => ({ title: directory.byId(id)!.name, value: id })),
  ];
  return [
    {
      name: 'referral-form',
      card: referralCard(base, 'sv', {
        choices,
        already: '',
        typed: { units: 'social,group:0', dueDate: '2026-12-01', message: 'Se särskilt kapitel 4.' },
        warning: 'Enheterna får mindre än 10 arbetsdagar på sig. Välj ett senare datum, eller skicka ändå.',
      }),
    },
    { name: 'remiss-detail-awaited', card: await detail(kansliRemiss) },
    { name: 'remiss-detail-referred', card: await detail(norrmalm) },
  ];
}
