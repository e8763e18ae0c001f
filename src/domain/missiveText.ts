/**
 * What can be read from the text of a missive (the remiss letter) pasted into the registration form: the
 * remittent's diarienummer, the title, the remittent, the svarsdatum and the remissinstanser. Regeringskansliet's
 * letters ("Remiss av promemorian …", "Svaren ska ha kommit in till Finansdepartementet senast den 15 mars 2027",
 * "Remissinstanser" then a list) and a kommun's ("Dnr KS 2026/1187", "Remiss: …", "Svar senast: 2027-01-31",
 * "Sändlista") are read alike. Pure, and tolerant: whatever cannot be read is left out, for the person to type.
 */
import type { CalendarDate } from './calendar.js';
import { MAX_INSTANSER_LENGTH } from './remiss.js';
import { parseDateText } from './swedishDates.js';

export interface MissiveFacts {
  remittentDnr?: string;
  title?: string;
  remittent?: string;
  dueDate?: CalendarDate;
  /** One remissinstans a line. */
  instanser?: string;
}

/** A pasted letter is read only this far: a missive is a page or two. */
const MAX_TEXT = 60_000;
const DATE = String.raw`(\d{1,2}\s+[a-zåäö]+\.?\s+\d{4}|\d{4}-\d{2}-\d{2})`;
const DUE = new RegExp(String.raw`\bsenast:?\s+(?:den\s+)?` + DATE, 'i');
/** "… ska ha kommit in till Finansdepartementet senast …", "… inkommit till kommunstyrelsen senast …". */
const SENT_TO = /\b(?:kommit in|inkommit|komma in|inkomma)\s+till\s+([^.@\d\n]{3,100}?)\s+senast\b/i;
/** "Regeringskansliet (Landsbygds- och infrastrukturdepartementet)": the department is the remittent. */
const WITHIN_REGERINGSKANSLIET = /^Regeringskansliet\s*\(([^)]+)\)$/i;
/** A header line naming who sends: a departement, a styrelse, a nämnd, a kontor, a förvaltning. */
const SENDER_LINE = /^[\p{Lu}][\p{L} -]{2,80}(?:departementet|styrelsen|nämnden|kontoret|förvaltningen)$/u;
/** A diarienummer as remittents write them: Fi2026/03121, U2014/5177/S, KS 2026/1187, KSN-2026-02214. */
const DNR_TOKEN = /[\p{Lu}][\p{L}]{0,5}[ -]?\d{4}[/-]\d{1,6}(?:[/.:-][\p{L}\d]+)*/u;
const DNR_LABEL = /\b(?:diarienummer|dnr|er beteckning|vår beteckning|beteckning)\b\.?\s*:?\s*(.*)$/i;
const TITLE_AFTER_REMISS_AV = /^Remiss av\s+(.{3,})$/;
const TITLE_LABELLED = /^(?:Remiss|Ärende|Rubrik|Angående)\s*[:–-]\s*(.{3,})$/;
const INSTANSER_HEADING = /^(?:remissinstanser|sändlista|remissen skickas till)\b\s*:?\s*(.*)$/i;
/** Where the list of remissinstanser has ended: the letter's text goes on. */
const AFTER_INSTANSER = new RegExp(
  '^(?:remiss av|remissvar|svaren|svar ska|svar senast|remissen|synpunkter|ange |kontakt|med vänlig|upplysningar|' +
    'handläggare|i remissen|sista dag)',
  'i',
);
const LIST_MARK = /^(?:\d{1,3}[.)]|[-–•*])\s*/;
const MAX_INSTANSER = 400;

export function readMissive(pasted: string): MissiveFacts {
  const lines = linesOf(pasted);
  // A sentence may be broken over lines by the copy from a PDF: sentences are read from the text as one line.
  const flat = lines.filter(Boolean).join(' ');
  const facts: MissiveFacts = {};
  const dueDate = DUE.exec(flat)?.[1];
  const parsedDue = dueDate && parseDateText(dueDate.replace('.', ''));
  if (parsedDue) facts.dueDate = parsedDue;
  const remittent = remittentOf(lines, flat);
  if (remittent) facts.remittent = remittent;
  const dnr = remittentDnrOf(lines);
  if (dnr) facts.remittentDnr = dnr;
  const title = titleOf(lines);
  if (title) facts.title = title;
  const instanser = instanserOf(lines);
  if (instanser) facts.instanser = instanser;
  return facts;
}

function linesOf(text: string): string[] {
  return (
    text
      .slice(0, MAX_TEXT)
      .replace(/\r\n?/g, '\n')
      // Control and invisible format characters out (a PDF's soft hyphens too); tabs and no-break spaces are spaces.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
      .split('\n')
      .map((l) => l.replace(/[\t\u00a0\u2007\u202f ]+/g, ' ').trim())
  );
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function remittentOf(lines: string[], flat: string): string | undefined {
  const sentTo = SENT_TO.exec(flat)?.[1]?.trim();
  if (sentTo) return capitalised(WITHIN_REGERINGSKANSLIET.exec(sentTo)?.[1]?.trim() ?? sentTo);
  return lines.slice(0, 15).find((l) => SENDER_LINE.test(l));
}

function remittentDnrOf(lines: string[]): string | undefined {
  for (const line of lines) {
    const labelled = DNR_LABEL.exec(line)?.[1]?.trim();
    if (!labelled) continue;
    const token = DNR_TOKEN.exec(labelled)?.[0];
    if (token) return token;
    // A format of its own ("SBR 201.3.1-389/2012"): the rest of the line, when it is short and has a digit.
    if (/\d/.test(labelled) && labelled.length <= 60) return labelled.replace(/[.,;]$/, '');
  }
  // Regeringskansliet's header: the diarienummer on a line of its own, near the top.
  return lines.slice(0, 15).find((l) => DNR_TOKEN.exec(l)?.[0] === l);
}

function titleOf(lines: string[]): string | undefined {
  for (const [i, line] of lines.entries()) {
    const m = TITLE_AFTER_REMISS_AV.exec(line) ?? TITLE_LABELLED.exec(line);
    if (!m?.[1]) continue;
    let title = m[1];
    // A title broken over lines goes on in lower case or with its parenthesis: "(SOU 2026:55)".
    for (const next of lines.slice(i + 1, i + 4)) {
      if (!/^[\p{Ll}(]/u.test(next)) break;
      title = `${title} ${next}`;
    }
    return capitalised(title.replace(/[.:]$/, '').trim());
  }
  return undefined;
}

/** "A, B, C och D": the last "och" parts the last two (an instans may have one of its own: "… och Regioner"). */
function inlineList(text: string): string[] {
  const parts = text.replace(/\.$/, '').split(/,\s*/);
  const last = parts.pop() ?? '';
  const och = last.indexOf(' och ');
  return [...parts, ...(och > 0 ? [last.slice(0, och), last.slice(och + 5)] : [last])].map((s) => s.trim());
}

function instanserOf(lines: string[]): string | undefined {
  const start = lines.findIndex((l) => INSTANSER_HEADING.test(l) && l.length <= 400);
  if (start < 0) return undefined;
  const inline = INSTANSER_HEADING.exec(lines[start]!)?.[1]?.trim();
  const items: string[] = inline ? inlineList(inline) : [];
  if (!inline) {
    for (const line of lines.slice(start + 1)) {
      if (!line) continue;
      // The letter's prose begins again: a known opening, a long line or a whole sentence.
      if (AFTER_INSTANSER.test(line) || line.length > 120 || /\s\S+\s\S+\s\S+\s\S+\s\S+\s\S+.*\.$/.test(line)) break;
      items.push(line.replace(LIST_MARK, ''));
      if (items.length >= MAX_INSTANSER) break;
    }
  }
  let text = '';
  for (const item of items.filter(Boolean)) {
    const next = text ? `${text}\n${item}` : item;
    if (next.length > MAX_INSTANSER_LENGTH) break;
    text = next;
  }
  return text || undefined;
}
