/**
 * The rows of a diarium export, whatever the file's format: the columns an export has, how a header name and
 * a cell are cleaned, and the validation of one row's cells into an imported remiss or its problems.
 */
import { FORMER_STATUS_NAMES, REMISS_STATUSES, type RemissStatus } from '../../domain/remiss.js';
import type { ImportedRemiss } from '../../domain/remissImport.js';
import { parseDateText } from '../../domain/swedishDates.js';
import { importText } from '../../i18n/import.js';

export interface ImportProblem {
  /** Physical line (CSV) or record number (JSON), 1-based. */
  line: number;
  field?: string;
  reason: string;
}

export const REQUIRED = ['diarienummer', 'titel', 'remittent', 'inkom', 'svarsdatum', 'handlaggare'] as const;
const OPTIONAL = ['remittentens_dnr', 'status', 'godkannare', 'sammantrade', 'organisation'] as const;
export type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];
/** One row's cells, keyed by normalised header. */
export type Cells = Partial<Record<Column, string>>;
export const KNOWN: readonly string[] = [...REQUIRED, ...OPTIONAL];
export const isColumn = (name: string): name is Column => KNOWN.includes(name);

const MAX_LENGTH: Record<Column, number> = {
  diarienummer: 200,
  titel: 500,
  remittent: 200,
  inkom: 100,
  svarsdatum: 100,
  handlaggare: 200,
  remittentens_dnr: 200,
  status: 100,
  godkannare: 200,
  sammantrade: 100,
  organisation: 100,
};

/** Loose on purpose: the diarium is the authority on addresses, we only catch names typed in the wrong column. */
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+$/;
/** "Anna Andersson <anna@stad.se>", as Outlook copies an address. */
const NAMED_EMAIL = /^[^<>]*<\s*([^<>\s]+)\s*>$/;
// Line breaks and tabs inside a cell become spaces; every other control character (C0, DEL, C1) and the
// invisible format characters (zero-width, bidi overrides, stray BOMs) are removed.

const WHITESPACE_CONTROLS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex
const OTHER_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/** Excel writes a date-time cell as "2020-12-15 00:00"; the time is irrelevant for a calendar date. */
const ISO_WITH_TIME = /^(\d{4}-\d{2}-\d{2})\s+\d{1,2}[:.]\d{2}([:.]\d{2})?$/;

function fold(text: string): string {
  return text.toLowerCase().replace(/[åä]/g, 'a').replace(/ö/g, 'o');
}

/** Header names: case-insensitive, surrounding spaces ignored, å/ä/ö optional, inner spaces and hyphens as '_'. */
export function normaliseHeader(name: string): string {
  return fold(clean(name)).replace(/[\s-]+/g, '_');
}

/** Today's status names, and the former ones (exports from before 1.2) read as today's. */
const STATUS_BY_FOLDED = new Map<string, RemissStatus>([
  ...REMISS_STATUSES.map((s): [string, RemissStatus] => [fold(s), s]),
  ...Object.entries(FORMER_STATUS_NAMES).map(([former, s]): [string, RemissStatus] => [fold(former), s]),
]);

/** A single-line value: control characters out, whitespace collapsed, trimmed. */
function clean(value: string | undefined): string {
  if (value === undefined) return '';
  return value.replace(WHITESPACE_CONTROLS, ' ').replace(OTHER_CONTROLS, '').replace(/\s+/g, ' ').trim();
}

/** One row before the duplicate check: its dnr is kept even when the row is refused. */
export interface Candidate {
  line: number;
  dnr: string;
  remiss?: ImportedRemiss;
  problems: ImportProblem[];
}

/** What reading a file's rows gives: the rows to check for duplicates, or why the whole file is refused. */
export interface ReadRows {
  candidates: Candidate[];
  problems: ImportProblem[];
  fatal?: string;
}

/** Nothing of the file can be imported, for the reason given. */
export const fileRefused = (fatal: string): ReadRows => ({ candidates: [], problems: [], fatal });

/** Reads one row's cells: each value cleaned and checked, its problems added to `problems`. */
export interface CellReader<C extends string> {
  value(column: C): string;
  required(column: C): string;
  date(column: C, mandatory: boolean): string | undefined;
  email(column: C, mandatory: boolean): string | undefined;
}

/**
 * The cell validation of the import, for the import's rows and for anything else that takes the same fields (the
 * registration form in Teams): single-line, of at most `maxLength` characters, dates as the import reads them.
 */
export function cellReader<C extends string>(
  cells: Partial<Record<C, string>>,
  line: number,
  maxLength: Record<C, number>,
  problems: ImportProblem[],
): CellReader<C> {
  const value = (column: C): string => {
    const v = clean(cells[column]);
    if (v.length > maxLength[column]) {
      problems.push({ line, field: column, reason: importText.tooLong(maxLength[column], v.length) });
    }
    return v;
  };
  const required = (column: C): string => {
    const v = value(column);
    if (!v) problems.push({ line, field: column, reason: importText.missing });
    return v;
  };
  const date = (column: C, mandatory: boolean): string | undefined => {
    const v = mandatory ? required(column) : value(column);
    if (!v) return undefined;
    const parsed = parseDateText(ISO_WITH_TIME.exec(v)?.[1] ?? v);
    if (!parsed) problems.push({ line, field: column, reason: importText.notADate(v.slice(0, 40)) });
    return parsed;
  };
  const email = (column: C, mandatory: boolean): string | undefined => {
    const v = mandatory ? required(column) : value(column);
    if (!v) return undefined;
    const address = NAMED_EMAIL.exec(v)?.[1] ?? v;
    if (!EMAIL.test(address)) {
      problems.push({ line, field: column, reason: importText.notAnEmail(v.slice(0, 60)) });
      return undefined;
    }
    return address.toLowerCase();
  };
  return { value, required, date, email };
}

/** The longest value the import takes in a column. */
export const maxLengthOf = (column: Column): number => MAX_LENGTH[column];

/** Validates one row's cells (keyed by normalised header). */
export function toCandidate(cells: Cells, line: number): Candidate {
  const problems: ImportProblem[] = [];
  const { value, required, date, email } = cellReader(cells, line, MAX_LENGTH, problems);

  const dnr = required('diarienummer');
  const title = required('titel');
  const remittent = required('remittent');
  const received = date('inkom', true);
  const dueDate = date('svarsdatum', true);
  const handlaggareEmail = email('handlaggare', true);
  const remittentDnr = value('remittentens_dnr') || undefined;
  const approverEmail = email('godkannare', false);
  const meetingDate = date('sammantrade', false);
  const organisation = value('organisation') || undefined;
  const statusText = value('status');
  const status = statusText ? STATUS_BY_FOLDED.get(fold(statusText)) : undefined;
  if (statusText && !status) {
    problems.push({
      line,
      field: 'status',
      reason: importText.unknownStatus(statusText.slice(0, 40), REMISS_STATUSES),
    });
  }
  if (problems.length > 0 || !received || !dueDate || !handlaggareEmail) return { line, dnr, problems };
  return {
    line,
    dnr,
    problems,
    remiss: {
      dnr,
      title,
      remittent,
      remittentDnr,
      received,
      dueDate,
      meetingDate,
      handlaggareEmail,
      approverEmail,
      status,
      organisation,
    },
  };
}
