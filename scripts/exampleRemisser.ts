/**
 * Example remisser for the local client, dated relative to today, as a diarium CSV export (the same path
 * a real import takes). The Playground's current user is Anna Lindqvist.
 */
import { addDays, todayIn } from '../src/domain/calendar.js';

interface Example {
  dnr: string;
  title: string;
  remittent: string;
  remittentDnr: string;
  receivedDaysAgo: number;
  dueInDays: number;
  handlaggare: string;
  status: string;
  meetingInDays?: number;
  /** Its organisation in the example city (config/city). */
  organisation: 'sbr' | 'social' | 'kansliet';
  /** Only in the example city: the single-organisation examples stay as they were. */
  cityOnly?: true;
}

const ANNA = 'anna.lindqvist@stad.example.se';
const ERIK = 'erik.sandberg@stad.example.se';
const FATIMA = 'fatima.said@stad.example.se';
const GORAN = 'goran.nystrom@stad.example.se';

const EXAMPLES: Example[] = [
  {
    dnr: 'KS 2026/0412',
    organisation: 'social',
    title: 'Stockholms stads trygghetsprogram 2027–2030',
    remittent: 'Kommunstyrelsen',
    remittentDnr: 'KS 2026/398',
    receivedDaysAgo: 40,
    dueInDays: -3,
    handlaggare: ANNA,
    status: 'Pågår',
  },
  {
    dnr: 'SBR 201.3.1-389/2026',
    organisation: 'sbr',
    title: 'Näringslivspolicy för Stockholms stad',
    remittent: 'Stockholms Stadshus AB',
    remittentDnr: 'SHAB 2026/77',
    receivedDaysAgo: 30,
    dueInDays: 2,
    handlaggare: ANNA,
    status: 'Fördelad',
    meetingInDays: 1,
  },
  {
    dnr: 'KS 2026/0530',
    organisation: 'social',
    title: 'Program för en hållbar stadsutveckling',
    remittent: 'Stadsledningskontoret',
    remittentDnr: 'SLK-2026-01047',
    receivedDaysAgo: 20,
    dueInDays: 6,
    handlaggare: ERIK,
    status: 'Fördelad',
  },
  {
    dnr: 'KS 2026/0611',
    organisation: 'social',
    title: 'Betänkandet En ny lag om kommunal vuxenutbildning (SOU 2026:41)',
    remittent: 'Utbildningsdepartementet',
    remittentDnr: 'U2026/05177/S',
    receivedDaysAgo: 25,
    dueInDays: 12,
    handlaggare: ANNA,
    status: 'Fördelad',
    meetingInDays: 8,
  },
  {
    dnr: 'KS 2026/0702',
    organisation: 'social',
    title: 'Riktlinjer för stadens arbete med digitalisering',
    remittent: 'Kommunstyrelsen',
    remittentDnr: 'KS 2026/688',
    receivedDaysAgo: 10,
    dueInDays: 19,
    handlaggare: FATIMA,
    status: 'Fördelad',
  },
  {
    dnr: 'KS 2026/0745',
    organisation: 'sbr',
    title: 'Promemorian Ökad tillgänglighet i kollektivtrafiken (Ds 2026:12)',
    remittent: 'Infrastrukturdepartementet',
    remittentDnr: 'I2026/01233',
    receivedDaysAgo: 5,
    dueInDays: 33,
    handlaggare: ANNA,
    status: 'Inkommen',
  },
  {
    dnr: 'KS 2026/0760',
    organisation: 'sbr',
    title: 'Stockholms stads miljöprogram 2028–2031',
    remittent: 'Miljöförvaltningen',
    remittentDnr: 'MF 2026-14550',
    receivedDaysAgo: 3,
    dueInDays: 45,
    handlaggare: ERIK,
    status: 'Fördelad',
  },
  {
    dnr: 'KS 2026/0301',
    organisation: 'social',
    title: 'Strategi för stadens lokalförsörjning',
    remittent: 'Kommunstyrelsen',
    remittentDnr: 'KS 2026/250',
    receivedDaysAgo: 60,
    dueInDays: -10,
    handlaggare: ANNA,
    status: 'Besvarad',
  },
  {
    dnr: 'KS 2026/0820',
    organisation: 'kansliet',
    cityOnly: true,
    title: 'Betänkandet Kommunernas ansvar för bostadsförsörjningen (SOU 2026:58)',
    remittent: 'Finansdepartementet',
    remittentDnr: 'Fi2026/03121',
    receivedDaysAgo: 7,
    dueInDays: 40,
    handlaggare: GORAN,
    status: 'Fördelad',
  },
];

/**
 * The examples as a diarium export; `organisations` adds the organisation column of the example city
 * (config/city) and its own examples.
 */
export function exampleCsv(now: Date, { organisations = false } = {}): string {
  const today = todayIn(now);
  const header =
    'diarienummer;titel;remittent;remittentens_dnr;inkom;svarsdatum;handläggare;status;sammanträde' +
    (organisations ? ';organisation' : '');
  const rows = EXAMPLES.filter((e) => organisations || !e.cityOnly).map((e) =>
    [
      e.dnr,
      e.title,
      e.remittent,
      e.remittentDnr,
      addDays(today, -e.receivedDaysAgo),
      addDays(today, e.dueInDays),
      e.handlaggare,
      e.status,
      e.meetingInDays === undefined ? '' : addDays(today, e.meetingInDays),
      ...(organisations ? [e.organisation] : []),
    ].join(';'),
  );
  return [header, ...rows].join('\r\n') + '\r\n';
}
