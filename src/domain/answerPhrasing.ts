/**
 * The fixed phrasing of a remissvar, which follows from the organisation's kind (see the primer): the
 * heading and text of the förslag till beslut, the analysis heading, the Avstår sentence and the suggested
 * Bakgrund. Running text writes dates "den 15 december 2020".
 */
import type { CalendarDate } from './calendar.js';
import type { Organisation } from './organisation.js';
import type { Remiss } from './remiss.js';
import { formatLongDate } from './swedishDates.js';

const runningDate = (d: CalendarDate) => `den ${formatLongDate(d, 'sv')}`;

/** Swedish genitive of a name or definite noun: "styrelsen" → "styrelsens", "Stadshus AB" stays "Stadshus AB:s". */
export function genitive(noun: string): string {
  if (/[sxz]$/i.test(noun)) return noun;
  if (/[A-ZÅÄÖ0-9]$/.test(noun)) return `${noun}:s`;
  return `${noun}s`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Förvaltningens" / "Kontorets" / "<Organisation>s": who proposes the decision. */
export function proposalHeading(org: Organisation): string {
  switch (org.kind) {
    case 'bolag':
      return `${org.genitive} förslag till beslut`;
    case 'forvaltning':
      return 'Förvaltningens förslag till beslut';
    case 'kontor':
      return 'Kontorets förslag till beslut';
  }
}

export function proposalParagraphs(
  org: Organisation,
  remiss: Remiss,
  meetingDate: CalendarDate | undefined,
  adjustImmediately: boolean,
): string[] {
  if (org.kind === 'bolag') {
    const meeting = meetingDate ? `sammanträde ${runningDate(meetingDate)}` : 'nästa sammanträde';
    return [
      `${org.name} överlämnar följande tjänsteutlåtande som svar på remiss av ”${remiss.title}”.`,
      `Ärendet anmäls som kontorsyttrande på ${genitive(org.board)} ${meeting}.`,
    ];
  }
  const own = org.kind === 'forvaltning' ? 'förvaltningens' : 'kontorets';
  const items = [`1. ${capitalise(org.board)} godkänner och åberopar ${own} tjänsteutlåtande som svar på remissen.`];
  if (adjustImmediately) items.push('2. Paragrafen justeras omedelbart.');
  return items;
}

export function analysisHeading(org: Organisation): string {
  switch (org.kind) {
    case 'bolag':
      return 'Bolagets analys och bedömning';
    case 'forvaltning':
      return 'Förvaltningens synpunkter';
    case 'kontor':
      return 'Kontorets synpunkter';
  }
}

export function avstarSentence(org: Organisation): string {
  return `${org.name} avstår från att yttra sig över remissen.`;
}

/** The decision an Avstår answer proposes: the bolag itself, or the nämnd as a numbered förslag. */
export function avstarProposal(org: Organisation, adjustImmediately: boolean): string[] {
  if (org.kind === 'bolag') return [avstarSentence(org)];
  const items = [`1. ${capitalise(org.board)} avstår från att yttra sig över remissen.`];
  if (adjustImmediately) items.push('2. Paragrafen justeras omedelbart.');
  return items;
}

/**
 * Whom the document is for and at which meeting it is decided or reported: a förvaltning's or kontor's
 * tjänsteutlåtande goes to its nämnd; a bolag's kontorsyttrande goes to the remittent and is reported to its board.
 */
export function recipientLines(org: Organisation, remiss: Remiss, meetingDate: CalendarDate | undefined): string[] {
  const to = org.kind === 'bolag' ? remiss.remittent : capitalise(org.board);
  const lines = [`Till ${to}`];
  if (meetingDate) lines.push(`${capitalise(genitive(org.board))} sammanträde ${runningDate(meetingDate)}`);
  return lines;
}

/**
 * The text step 3 starts from: who remitted what to whom, and by which date the answer is due. Remisser go
 * to the nämnd; a bolag names itself with its short name, as companies do.
 */
export function suggestedBakgrund(org: Organisation, remiss: Remiss): string {
  const to = org.kind === 'bolag' ? `${org.name} (${org.shortName})` : capitalise(org.board);
  const theirDnr = remiss.remittentDnr ? ` (dnr ${remiss.remittentDnr})` : '';
  return (
    `${remiss.remittent} har remitterat ”${remiss.title}”${theirDnr} till ${to}. ` +
    `Svar på remissen ska vara ${remiss.remittent} tillhanda senast ${runningDate(remiss.dueDate)}.`
  );
}
