/**
 * Remisser the kansli sent on to its units (issue 21), as the digest's pure tests and example cards need them:
 * the organisations, a referred unit (its remiss's dnr is the kansli's with the unit's id) and the unit's own
 * remiss, linked back to the kansli's.
 */
import type { Organisation } from '../../src/domain/organisation.js';
import type { ReferredUnit } from '../../src/domain/referral.js';
import type { Remiss } from '../../src/domain/remiss.js';
import { exampleOrganisation } from './answerFixtures.js';
import { remiss } from './remissFixtures.js';

/** The kansli and its units by id: a förvaltning's instans is its nämnd, a bolag's its name. */
export const referralOrganisations: Record<string, Organisation> = {
  kansliet: {
    ...exampleOrganisation('kontor'),
    id: 'kansliet',
    name: 'Stadsledningskontoret',
    board: 'Kommunstyrelsen',
  },
  sof: { ...exampleOrganisation('forvaltning'), id: 'sof' },
  sbr: { ...exampleOrganisation('bolag'), id: 'sbr', name: 'Stockholm Business Region' },
  norr: { ...exampleOrganisation('forvaltning'), id: 'norr', board: 'Norrmalms stadsdelsnämnd' },
  soder: { ...exampleOrganisation('forvaltning'), id: 'soder', board: 'Södermalms stadsdelsnämnd' },
};

/** A unit the kansli's remiss `kansliDnr` was sent on to, with the svarsdatum 20 November 2026. */
export function referredUnit(
  kansliDnr: string,
  organisation: string,
  overrides: Partial<ReferredUnit> = {},
): ReferredUnit {
  return {
    organisation,
    dnr: `${kansliDnr}-${organisation.toUpperCase()}`,
    dueDate: '2026-11-20',
    sentAt: '2026-10-20T08:00:00.000Z',
    by: 'kerstin@stad.se',
    ...overrides,
  };
}

/** The unit's own remiss, answering the kansli's remiss `kansliDnr`, due on the unit's svarsdatum. */
export function unitRemissOf(kansliDnr: string, unit: ReferredUnit, overrides: Partial<Remiss> = {}): Remiss {
  return remiss({
    dnr: unit.dnr,
    dueDate: unit.dueDate,
    organisation: unit.organisation,
    referredBy: { dnr: kansliDnr, organisation: 'kansliet' },
    ...overrides,
  });
}
