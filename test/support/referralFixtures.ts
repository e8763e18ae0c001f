/**
 * A kansli and its units for the referral tests (issue 21), read through parseOrganisation as the organisation
 * files are: a förvaltning, a bolag, a kontor and a stadsdelsförvaltning, and a kansli remiss sent on to them.
 */
import { parseOrganisation, type Organisation } from '../../src/domain/organisation.js';
import type { ReferredUnit, UnitDocument } from '../../src/domain/referral.js';

function organisation(fields: Record<string, unknown>): Organisation {
  return parseOrganisation({ signatories: [{ name: 'Karin Ek', role: 'Direktör' }], ...fields });
}

export const kansli = organisation({
  id: 'kansliet',
  name: 'Stadsledningskontoret',
  genitive: 'Stadsledningskontorets',
  shortName: 'SLK',
  kind: 'kontor',
  board: 'kommunstyrelsen',
  seesAll: true,
});
export const social = organisation({
  id: 'social',
  name: 'Socialförvaltningen',
  genitive: 'Socialförvaltningens',
  shortName: 'SOF',
  kind: 'forvaltning',
  board: 'Socialnämnden',
});
export const sbr = organisation({
  id: 'sbr',
  name: 'Stockholm Business Region',
  genitive: 'Stockholm Business Regions',
  shortName: 'SBR',
  kind: 'bolag',
  board: 'styrelsen',
});
export const norrmalm = organisation({
  id: 'norrmalm',
  name: 'Norrmalms stadsdelsförvaltning',
  genitive: 'Norrmalms stadsdelsförvaltnings',
  shortName: 'NOR',
  kind: 'forvaltning',
  board: 'Norrmalms stadsdelsnämnd',
});
export const stadsbyggnad = organisation({
  id: 'stadsbyggnad',
  name: 'Stadsbyggnadskontoret',
  genitive: 'Stadsbyggnadskontorets',
  shortName: 'SBK',
  kind: 'kontor',
  board: 'stadsbyggnadsnämnden',
});

export const KANSLI_DNR = 'KS 2026/1234';

/** A unit the kansli's remiss was sent on to, not yet answered. */
export function referredUnit(organisationId: string, more: Partial<ReferredUnit> = {}): ReferredUnit {
  return {
    organisation: organisationId,
    dnr: `${KANSLI_DNR}-${organisationId.toUpperCase()}`,
    dueDate: '2026-12-18',
    sentAt: '2026-12-01T09:00:00.000Z',
    by: 'kerstin.kansli@stad.se',
    ...more,
  };
}

/** A unit's filed answer, by reference. */
export function unitDocument(dnr: string): UnitDocument {
  return {
    dnr,
    version: 2,
    hash: 'a'.repeat(64),
    url: 'https://stad.sharepoint.com/sites/remisser/Remissvar/social/2026/svar.docx',
    name: 'Svar på remiss.docx',
  };
}
