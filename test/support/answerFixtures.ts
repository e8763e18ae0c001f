/**
 * Organisations of each kind (the committed example configs), a remiss each would answer and a realistic
 * answer in that kind's own words, for document tests, card examples and the document screenshots.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Answer, AnswerDetails } from '../../src/domain/answer.js';
import { suggestedBakgrund } from '../../src/domain/answerPhrasing.js';
import { parseOrganisation, type Organisation, type OrganisationKind } from '../../src/domain/organisation.js';
import type { RemissvarInput } from '../../src/domain/documents/remissvarModel.js';
import type { Remiss } from '../../src/domain/remiss.js';
import { remiss } from './remissFixtures.js';

const ROOT = path.resolve(__dirname, '../..');

export const ORGANISATION_KINDS = ['bolag', 'forvaltning', 'kontor'] as const satisfies readonly OrganisationKind[];

export function exampleOrganisation(kind: OrganisationKind): Organisation {
  return parseOrganisation(JSON.parse(readFileSync(path.join(ROOT, 'config/examples', `${kind}.json`), 'utf8')));
}

/** The reference remissvar's remiss (shared/reference): a city-owned company answering Stadshus AB. */
export const trygghetsprogram: Remiss = remiss({
  dnr: 'SBR 201.3.1-389/2020',
  remittentDnr: 'SHAB 2020/112',
  title: 'Stockholms stads trygghetsprogram 2020-2023',
  remittent: 'Stockholms Stadshus AB',
  received: '2020-11-02',
  dueDate: '2020-12-15',
  meetingDate: '2020-12-08',
  handlaggare: { email: 'mattias.rindberg@stockholm.se', name: 'Mattias Rindberg' },
});

const REMISSER: Record<OrganisationKind, Remiss> = {
  bolag: trygghetsprogram,
  forvaltning: remiss({
    dnr: 'SOF 2026/1187',
    remittentDnr: 'KS 2026/0412',
    title: 'Stockholms stads trygghetsprogram 2027-2030',
    remittent: 'Kommunstyrelsen',
    received: '2026-10-05',
    dueDate: '2026-12-18',
    meetingDate: '2026-12-15',
    handlaggare: { email: 'anna.lindqvist@stad.example.se', name: 'Anna Lindqvist' },
  }),
  kontor: remiss({
    dnr: 'SBK 2026-04518',
    remittentDnr: 'KS 2026/0587',
    title: 'Program för hållbar stadsutveckling 2027-2035',
    remittent: 'Kommunstyrelsen',
    received: '2026-10-20',
    dueDate: '2027-01-29',
    meetingDate: '2027-01-21',
    handlaggare: { email: 'erik.sandberg@stad.example.se', name: 'Erik Sandberg' },
  }),
};

export function exampleRemiss(kind: OrganisationKind): Remiss {
  return REMISSER[kind];
}

const DETAILS: Record<OrganisationKind, AnswerDetails> = {
  bolag: {
    handlaggareName: 'Mattias Rindberg',
    handlaggarePhone: '08-508 285 90',
    handlaggareEmail: 'mattias.rindberg@stockholm.se',
    meetingDate: '2020-12-08',
    adjustImmediately: true,
  },
  forvaltning: {
    handlaggareName: 'Anna Lindqvist',
    handlaggarePhone: '08-508 250 12',
    handlaggareEmail: 'anna.lindqvist@stad.example.se',
    meetingDate: '2026-12-15',
    adjustImmediately: true,
  },
  kontor: {
    handlaggareName: 'Erik Sandberg',
    handlaggarePhone: '08-508 270 34',
    handlaggareEmail: 'erik.sandberg@stad.example.se',
    meetingDate: '2027-01-21',
    adjustImmediately: false,
  },
};

type OwnWords = { sammanfattning: string; arendet: string; analys: string; avstar: string };

const WORDS: Record<OrganisationKind, OwnWords> = {
  bolag: {
    sammanfattning: 'Bolaget ser positivt på ett nytt trygghetsprogram och tillstyrker förslaget.',
    arendet:
      'I samband med budget för 2019 gavs kommunstyrelsen i uppdrag att revidera Stockholms stads trygghets- och ' +
      'säkerhetsprogram 2018-2021.\n\nStockholms stads trygghetsprogram föreslås ersätta det tidigare programmet ' +
      '(dnr 171-1309/2017).',
    analys:
      'SBR ser positivt på framtagande av ett nytt trygghetsprogram. Trygghet är en grundförutsättning för att ' +
      'företag ska kunna starta, verka, växa och skapa nya arbetstillfällen i hela staden.\n\nFör att ytterligare ' +
      'tydliggöra näringslivets betydelse önskar bolaget en tydligare koppling till stadens näringslivspolicy ' +
      '(avsnitt 4.2).',
    avstar: 'Remissen berör inte bolagets verksamhetsområde.',
  },
  forvaltning: {
    sammanfattning:
      'Förvaltningen ser positivt på ett nytt trygghetsprogram och tillstyrker förslaget med de synpunkter som ' +
      'framgår nedan.',
    arendet:
      'Kommunstyrelsen fick i budget för 2026 i uppdrag att ta fram ett trygghetsprogram för perioden 2027-2030.\n\n' +
      'Ärendet har beretts inom avdelningen för stadsövergripande sociala frågor i samråd med ' +
      'stadsdelsförvaltningarna.',
    analys:
      'Förvaltningen tillstyrker förslaget. Socialtjänstens arbete med barn och unga i riskmiljöer är en central ' +
      'del av det brottsförebyggande arbetet (avsnitt 3.1).\n\nFörvaltningen föreslår att programmet tydligare ' +
      'beskriver samverkan mellan socialtjänsten, skolan och polisen i varje stadsdelsområde (avsnitt 4.2).',
    avstar: 'Remissen berör inte nämndens verksamhetsområde.',
  },
  kontor: {
    sammanfattning: 'Kontoret tillstyrker förslaget men anser att kopplingen till översiktsplanen behöver förtydligas.',
    arendet:
      'Programmet anger inriktningen för stadens hållbara stadsutveckling under perioden 2027-2035, med mål för ' +
      'bostadsbyggande, grönstruktur och klimatanpassning.\n\nÄrendet har beretts inom strategiska avdelningen i ' +
      'samråd med exploateringskontoret och miljöförvaltningen.',
    analys:
      'Kontoret ser positivt på att staden samlar målen för hållbar stadsutveckling i ett program.\n\nKontoret ' +
      'föreslår att målen för bostadsbyggande hänvisar till översiktsplanens utvecklingsstrategi (avsnitt 2.3) och ' +
      'att målen för klimatanpassning följs upp i stadens planarbete (avsnitt 5.1).',
    avstar: 'Remissen berör inte nämndens verksamhetsområde.',
  },
};

/** A full answer in the kind's own words; its Bakgrund is what the bot suggests for `forRemiss`. */
export function exampleAnswer(kind: OrganisationKind, forRemiss: Remiss = exampleRemiss(kind)): Answer {
  const w = WORDS[kind];
  return {
    kind: 'answer',
    details: DETAILS[kind],
    sections: {
      sammanfattning: w.sammanfattning,
      bakgrund: suggestedBakgrund(exampleOrganisation(kind), forRemiss),
      arendet: w.arendet,
      analys: w.analys,
      bilagor: 'Bilaga 1. Remissen',
    },
  };
}

export function exampleAvstar(kind: OrganisationKind): Answer {
  return { kind: 'avstar', details: DETAILS[kind], reason: WORDS[kind].avstar };
}

/** The reference company's answers, for tests that need one answer of any kind. */
export const fullAnswer: Answer = exampleAnswer('bolag');
export const avstarAnswer: Answer = exampleAvstar('bolag');

const DOCUMENT_DATES: Record<OrganisationKind, string> = {
  bolag: '2020-11-24',
  forvaltning: '2026-11-24',
  kontor: '2026-12-10',
};

/** Everything a kind's example document is built from: its organisation, remiss, answer (or Avstår) and date. */
export function exampleDocument(kind: OrganisationKind, answer: 'answer' | 'avstar' = 'answer'): RemissvarInput {
  return {
    organisation: exampleOrganisation(kind),
    remiss: exampleRemiss(kind),
    answer: answer === 'answer' ? exampleAnswer(kind) : exampleAvstar(kind),
    documentDate: DOCUMENT_DATES[kind],
  };
}
