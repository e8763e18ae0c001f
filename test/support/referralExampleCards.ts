/**
 * The answer form's cards of remittering vidare (issue 21), for the renderer's checks: a unit's first step with
 * the kansli's message, its analysis step with the position, the kansli's Bilagor with a newer suggestion, and
 * the kansli's preview with its units' answers and the one still missing.
 */
import type { Answer } from '../../src/domain/answer.js';
import type { AdaptiveCard } from '../../src/features/featureContext.js';
import type { ReferralView } from '../../src/features/answer/referralView.js';

type Form = (step: number, extra: { referral?: ReferralView }, answer?: Answer) => AdaptiveCard;

const document = {
  dnr: 'KS 2026/0412-SOF',
  version: 1,
  hash: 'a'.repeat(64),
  url: 'https://stad.sharepoint.com/sites/remisser/Svar/2026/KS%202026-0412-SOF/svar.docx',
  name: 'svar.docx',
};

export function referralFormExamples(form: Form, answer: Answer): { name: string; card: AdaptiveCard }[] {
  const referredBy = {
    kansli: 'Stadsledningskontoret',
    message: 'Vi vill särskilt veta hur förslaget påverkar stadsdelarnas budget. '.repeat(3).trim(),
  };
  const withPosition = { ...answer, details: { ...answer.details, position: 'tillstyrker' } } as Answer;
  const bilagor = 'Bilaga 1. Socialnämndens yttrande\nBilaga 2. Norrmalms stadsdelsnämnds yttrande';
  const kansli: ReferralView = {
    units: [
      { name: 'Socialnämnden', state: 'answered', dueDate: '2027-01-15', position: 'tillstyrker', document },
      { name: 'Stockholm Business Region', state: 'avstatt', dueDate: '2027-01-15', position: 'avstar' },
      { name: 'Norrmalms stadsdelsnämnd', state: 'late', dueDate: '2026-11-20' },
    ],
    suggestion: {
      arendet: 'Ärendet har remitterats till Socialnämnden, Stockholm Business Region och Norrmalms stadsdelsnämnd.',
      bilagor,
    },
  };
  return [
    { name: 'form-referred-details', card: form(1, { referral: { referredBy } }) },
    { name: 'form-referred-position', card: form(5, { referral: { referredBy } }, withPosition) },
    { name: 'form-referred-preview', card: form(7, { referral: { referredBy } }, withPosition) },
    { name: 'form-referral-suggestion', card: form(6, { referral: kansli }) },
    { name: 'form-referral-preview', card: form(7, { referral: kansli }) },
  ];
}
