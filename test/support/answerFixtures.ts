/** Organisations of each kind (the committed example configs) and realistic answers, for document tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Answer } from '../../src/domain/answer.js';
import { parseOrganisation, type Organisation } from '../../src/domain/organisation.js';
import type { Remiss } from '../../src/domain/remiss.js';
import { remiss } from './remissFixtures.js';

const ROOT = path.resolve(__dirname, '../..');

export function exampleOrganisation(kind: 'bolag' | 'forvaltning' | 'kontor'): Organisation {
  return parseOrganisation(JSON.parse(readFileSync(path.join(ROOT, 'config/examples', `${kind}.json`), 'utf8')));
}

export const trygghetsprogram: Remiss = remiss({
  dnr: 'SBR 201.3.1-389/2020',
  title: 'Stockholms stads trygghetsprogram 2020-2023',
  remittent: 'Stockholms Stadshus AB',
  received: '2020-11-02',
  dueDate: '2020-12-15',
  handlaggare: { email: 'mattias.rindberg@stockholm.se', name: 'Mattias Rindberg' },
});

export const details = {
  handlaggareName: 'Mattias Rindberg',
  handlaggarePhone: '08-508 285 90',
  handlaggareEmail: 'mattias.rindberg@stockholm.se',
  meetingDate: '2020-12-08',
  adjustImmediately: true,
};

export const fullAnswer: Answer = {
  kind: 'answer',
  details,
  sections: {
    sammanfattning: 'Bolaget ser positivt på ett nytt trygghetsprogram och tillstyrker förslaget.',
    bakgrund:
      'Stockholms Stadshus AB har remitterat ”Stockholms stads trygghetsprogram 2020-2023” till Stockholm Business ' +
      'Region (SBR). Svar på remissen ska vara Stockholms Stadshus AB tillhanda senast den 15 december 2020.',
    arendet:
      'I samband med budget för 2019 gavs kommunstyrelsen i uppdrag att revidera Stockholms stads trygghets- och ' +
      'säkerhetsprogram 2018-2021.\n\nStockholms stads trygghetsprogram föreslås ersätta det tidigare programmet ' +
      '(dnr 171-1309/2017).',
    analys:
      'SBR ser positivt på framtagande av ett nytt trygghetsprogram. Trygghet är en grundförutsättning för att ' +
      'företag ska kunna starta, verka, växa och skapa nya arbetstillfällen i hela staden.\n\nFör att ytterligare ' +
      'tydliggöra näringslivets betydelse önskar bolaget en tydligare koppling till stadens näringslivspolicy ' +
      '(avsnitt 4.2).',
    bilagor: 'Bilaga 1. Remissen',
  },
};

export const avstarAnswer: Answer = {
  kind: 'avstar',
  details,
  reason: 'Remissen berör inte bolagets verksamhetsområde.',
};
