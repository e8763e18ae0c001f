/**
 * Missives as officials paste them into the registration form: the text of a remiss letter copied from its PDF,
 * modelled on Regeringskansliet's (a department's header, "Remissinstanser", "Remiss av …", "Svaren ska ha
 * kommit in till … senast den …") and on a kommunstyrelse's and a kontor's letters. Invented, but written as
 * such letters are, line breaks of the copy from a PDF included. Each with what the form should read from it.
 */
import type { MissiveFacts } from '../../src/domain/missiveText.js';

export interface MissiveExample {
  name: string;
  text: string;
  facts: MissiveFacts;
}

export const FINANSDEPARTEMENTET = `Remiss
2026-12-02
Finansdepartementet
Skatte- och tullavdelningen
Diarienummer: Fi2026/03121

Remissinstanser
1. Riksdagens ombudsmän (JO)
2. Kammarrätten i Stockholm
3. Förvaltningsrätten i Malmö
4. Skatteverket
5. Tullverket
6. Stockholms kommun
7. Sveriges Kommuner och Regioner
8. Företagarna

Remiss av promemorian Ett enklare regelverk för kommunal fastighetsskatt
Remissvaren ska ha kommit in till Finansdepartementet senast den 15 mars 2027. Svaren bör lämnas per e-post
till fi.remissvar@regeringskansliet.se och med kopia till fi.s3@regeringskansliet.se. Ange diarienummer
Fi2026/03121 och remissinstansens namn i ämnesraden på e-postmeddelandet.

Svaret bör lämnas i två versioner: den ena i ett format som är sökbart (t.ex. Word), den andra i pdf-format
(pdf/A) som uppfyller kraven på digital tillgänglighet. Remissvaren kommer att publiceras på regeringens webbplats.

I remissen ligger att regeringen vill få synpunkter på förslagen eller materialet i promemorian. Om remissvaret
är en kopia av ett yttrande från en annan instans ska det framgå.

Anna Ek
Kansliråd
`;

export const SOCIALDEPARTEMENTET = `Remiss
2026-09-14
S2026/04412
Socialdepartementet
Enheten för omsorg om äldre

Remissinstanser
Inspektionen för vård och omsorg
Socialstyrelsen
Myndigheten för delaktighet
Stockholms kommun
Göteborgs kommun
Region Stockholm
Pensionärernas riksorganisation (PRO)

Remiss av betänkandet Framtidens äldreomsorg – en nationell kvalitetsplan
(SOU 2026:55)

Remissvaren ska ha kommit in till Socialdepartementet senast den
11 januari 2027. Svaren bör lämnas per e-post till s.remissvar@regeringskansliet.se.

Remissinstanserna uppmanas att avgränsa sina synpunkter till de områden som
berör den egna verksamheten.
`;

export const INFRASTRUKTURDEPARTEMENTET = `Landsbygds- och infrastrukturdepartementet
Remiss
2026-10-30
LI2026/02817

Remiss av departementspromemorian Nya regler för färdtjänst och riksfärdtjänst (Ds 2026:18)

Remissinstanser: Trafikverket, Transportstyrelsen, Stockholms kommun, Malmö kommun och Sveriges Kommuner och Regioner.

Remissvaren ska ha kommit in till Regeringskansliet (Landsbygds- och infrastrukturdepartementet) senast
den 2 februari 2027.
`;

export const KOMMUNSTYRELSEN = `Stockholms stad
Kommunstyrelsen
Stadsledningskontoret
Dnr KS 2026/1187

2026-11-10

Remiss: Stockholms stads program för ett tryggt och säkert Stockholm 2027–2030

Kommunstyrelsen har remitterat förslaget till program för ett tryggt och säkert Stockholm till de nämnder och
bolag som anges nedan.

Remissinstanser
- Socialnämnden
- Trafiknämnden
- Stadsbyggnadsnämnden
- Kulturnämnden
- Samtliga stadsdelsnämnder
- Stockholms Stadshus AB

Remissvar ska ha inkommit till kommunstyrelsen senast den 28 februari 2027. Svaren skickas till
registrator.slk@stockholm.se med diarienumret i ämnesraden.

Frågor om remissen besvaras av Lina Berg, stadsledningskontoret, 08-508 290 00.
`;

export const KOMMUN_SANDLISTA = `Kommunstyrelsen
Remiss
Datum: 2026-10-05
Diarienummer: KSN-2026-02214

Ärende: Förslag till klimat- och miljöprogram 2027–2030

Kommunstyrelsen remitterar härmed förslaget till klimat- och miljöprogram. Synpunkter lämnas skriftligt.
Svar senast: 2027-01-31

Sändlista
Miljö- och hälsoskyddsnämnden
Plan- och byggnadsnämnden
Gatu- och samhällsmiljönämnden
Uppsala Vatten och Avfall AB

Med vänlig hälsning
Kommunledningskontoret
`;

/** A letter with an own diarienummer format and no list of instanser. */
export const STADSHUS = `Stockholms Stadshus AB
Koncernstaben
Er beteckning: SBR 201.3.1-389/2026

Angående: Ägardirektiv för Stockholms stads bolag 2027

Stockholms Stadshus AB bereder förslag till ägardirektiv för 2027 och önskar bolagens synpunkter.
Synpunkterna ska ha kommit in till Stockholms Stadshus AB senast 2027-02-15.
`;

export const MISSIVES: MissiveExample[] = [
  {
    name: 'Finansdepartementet, with Diarienummer: and a numbered list',
    text: FINANSDEPARTEMENTET,
    facts: {
      remittentDnr: 'Fi2026/03121',
      title: 'Promemorian Ett enklare regelverk för kommunal fastighetsskatt',
      remittent: 'Finansdepartementet',
      dueDate: '2027-03-15',
      instanser: [
        'Riksdagens ombudsmän (JO)',
        'Kammarrätten i Stockholm',
        'Förvaltningsrätten i Malmö',
        'Skatteverket',
        'Tullverket',
        'Stockholms kommun',
        'Sveriges Kommuner och Regioner',
        'Företagarna',
      ].join('\n'),
    },
  },
  {
    name: 'Socialdepartementet, the dnr in the header, the title and the date broken over lines',
    text: SOCIALDEPARTEMENTET,
    facts: {
      remittentDnr: 'S2026/04412',
      title: 'Betänkandet Framtidens äldreomsorg – en nationell kvalitetsplan (SOU 2026:55)',
      remittent: 'Socialdepartementet',
      dueDate: '2027-01-11',
      instanser: [
        'Inspektionen för vård och omsorg',
        'Socialstyrelsen',
        'Myndigheten för delaktighet',
        'Stockholms kommun',
        'Göteborgs kommun',
        'Region Stockholm',
        'Pensionärernas riksorganisation (PRO)',
      ].join('\n'),
    },
  },
  {
    name: 'Infrastrukturdepartementet, the instanser on one line, "Regeringskansliet (…)"',
    text: INFRASTRUKTURDEPARTEMENTET,
    facts: {
      remittentDnr: 'LI2026/02817',
      title: 'Departementspromemorian Nya regler för färdtjänst och riksfärdtjänst (Ds 2026:18)',
      remittent: 'Landsbygds- och infrastrukturdepartementet',
      dueDate: '2027-02-02',
      instanser: [
        'Trafikverket',
        'Transportstyrelsen',
        'Stockholms kommun',
        'Malmö kommun',
        'Sveriges Kommuner och Regioner',
      ].join('\n'),
    },
  },
  {
    name: 'a kommunstyrelse, Dnr KS and a bulleted list',
    text: KOMMUNSTYRELSEN,
    facts: {
      remittentDnr: 'KS 2026/1187',
      title: 'Stockholms stads program för ett tryggt och säkert Stockholm 2027–2030',
      remittent: 'Kommunstyrelsen',
      dueDate: '2027-02-28',
      instanser: [
        'Socialnämnden',
        'Trafiknämnden',
        'Stadsbyggnadsnämnden',
        'Kulturnämnden',
        'Samtliga stadsdelsnämnder',
        'Stockholms Stadshus AB',
      ].join('\n'),
    },
  },
  {
    name: 'a kommun with Ärende:, Svar senast: and a Sändlista',
    text: KOMMUN_SANDLISTA,
    facts: {
      remittentDnr: 'KSN-2026-02214',
      title: 'Förslag till klimat- och miljöprogram 2027–2030',
      remittent: 'Kommunstyrelsen',
      dueDate: '2027-01-31',
      instanser: [
        'Miljö- och hälsoskyddsnämnden',
        'Plan- och byggnadsnämnden',
        'Gatu- och samhällsmiljönämnden',
        'Uppsala Vatten och Avfall AB',
      ].join('\n'),
    },
  },
  {
    name: 'Stadshus AB, a dnr of its own format and no instanser',
    text: STADSHUS,
    facts: {
      remittentDnr: 'SBR 201.3.1-389/2026',
      title: 'Ägardirektiv för Stockholms stads bolag 2027',
      remittent: 'Stockholms Stadshus AB',
      dueDate: '2027-02-15',
    },
  },
];
