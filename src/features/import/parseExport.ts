/**
 * Reads a diarium export (CSV as Swedish Excel writes it, or JSON) into import rows. Every problem is
 * reported with the file's physical line number (the header is line 1) or, for JSON, the record's position;
 * the good rows are kept.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { REMISS_STATUSES, type RemissStatus } from '../../domain/remiss.js';
import type { ImportedRemiss } from '../../domain/remissImport.js';
import { parseDateText } from '../../domain/swedishDates.js';

export interface ImportProblem {
  /** Physical line (CSV) or record number (JSON), 1-based. */
  line: number;
  field?: string;
  reason: string;
}

export interface ParsedExport {
  format: 'csv' | 'json';
  rows: { line: number; remiss: ImportedRemiss }[];
  problems: ImportProblem[];
  /** Set when nothing could be imported at all (unreadable file, missing columns). */
  fatal?: string;
}

const REQUIRED = ['diarienummer', 'titel', 'remittent', 'inkom', 'svarsdatum', 'handlaggare'] as const;
const OPTIONAL = ['remittentens_dnr', 'status', 'godkannare', 'sammantrade'] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];
const KNOWN: readonly string[] = [...REQUIRED, ...OPTIONAL];

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
};

const EMAIL = /^[^\s@]+@[^\s@]+$/;
// Control characters (C0 except none, DEL, C1) never belong in a register field.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

function fold(text: string): string {
  return text.toLowerCase().replace(/[åä]/g, 'a').replace(/ö/g, 'o');
}

/** Header names: case-insensitive, å/ä/ö optional, spaces and hyphens as underscores. */
export function normaliseHeader(name: string): string {
  return fold(name.trim()).replace(/[\s-]+/g, '_');
}

const STATUS_BY_FOLDED = new Map<string, RemissStatus>(REMISS_STATUSES.map((s) => [fold(s), s]));

/** Collapses whitespace and removes control characters; fields are single-line values. */
function clean(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

/** Validates one row's cells (already keyed by normalised header) into an ImportedRemiss. */
export function toImportedRemiss(cells: Partial<Record<Column, string>>, line: number): { remiss?: ImportedRemiss; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const value = (column: Column): string => {
    const v = clean(cells[column]);
    if (v.length > MAX_LENGTH[column]) {
      problems.push({ line, field: column, reason: `får vara högst ${MAX_LENGTH[column]} tecken (är ${v.length})` });
    }
    return v;
  };
  const required = (column: Column): string => {
    const v = value(column);
    if (!v) problems.push({ line, field: column, reason: 'saknas' });
    return v;
  };
  const date = (column: Column, mandatory: boolean): string | undefined => {
    const v = mandatory ? required(column) : value(column);
    if (!v) return undefined;
    const parsed = parseDateText(v);
    if (!parsed) problems.push({ line, field: column, reason: `"${v.slice(0, 40)}" är inget giltigt datum (skriv 2020-12-15 eller 15 december 2020)` });
    return parsed;
  };
  const email = (column: Column, mandatory: boolean): string | undefined => {
    const v = mandatory ? required(column) : value(column);
    if (!v) return undefined;
    if (!EMAIL.test(v)) problems.push({ line, field: column, reason: `"${v.slice(0, 60)}" är ingen e-postadress` });
    return v.toLowerCase();
  };

  const dnr = required('diarienummer');
  const title = required('titel');
  const remittent = required('remittent');
  const received = date('inkom', true);
  const dueDate = date('svarsdatum', true);
  const handlaggareEmail = email('handlaggare', true);
  const remittentDnr = value('remittentens_dnr') || undefined;
  const approverEmail = email('godkannare', false);
  const meetingDate = date('sammantrade', false);
  const statusText = value('status');
  const status = statusText ? STATUS_BY_FOLDED.get(fold(statusText)) : undefined;
  if (statusText && !status) {
    problems.push({ line, field: 'status', reason: `"${statusText.slice(0, 40)}" är ingen känd status (${REMISS_STATUSES.join(', ')})` });
  }
  if (problems.length > 0 || !received || !dueDate || !handlaggareEmail) return { problems };
  return {
    problems,
    remiss: { dnr, title, remittent, remittentDnr, received, dueDate, meetingDate, handlaggareEmail, approverEmail, status },
  };
}

/** The separator of the header line: ';' (Swedish Excel) or ','. */
function detectDelimiter(headerLine: string): ';' | ',' {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  const semicolons = unquoted.split(';').length;
  const commas = unquoted.split(',').length;
  return commas > semicolons ? ',' : ';';
}

function parseCsvText(text: string): ParsedExport {
  // csv-parse counts a CRLF inside a quoted field as two lines; one newline kind keeps line numbers physical.
  const normalised = text.replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(normalised.split('\n', 1)[0] ?? '');
  const problems: ImportProblem[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(normalised, {
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (err) => {
        if (!err) return undefined;
        const line = (err as { lines?: number }).lines ?? 0;
        const reason =
          err.code === 'CSV_QUOTE_NOT_CLOSED'
            ? 'ett citattecken (") öppnas men stängs aldrig, så resten av filen kunde inte läsas'
            : `raden kunde inte läsas som CSV (${err.code})`;
        problems.push({ line, reason });
        return undefined;
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const e = err as { code?: string; lines?: number };
    return { format: 'csv', rows: [], problems, fatal: `Filen kunde inte läsas som CSV (${e.code ?? 'okänt fel'}, rad ${e.lines ?? '?'})` };
  }
  // csv-parse reports an unclosed quote where the file ends; the person needs the line where it opened,
  // which is the first line after the last record that parsed.
  const lastParsedLine = records.at(-1)?.info.lines ?? 0;
  for (const p of problems) if (p.reason.startsWith('ett citattecken')) p.line = lastParsedLine + 1;
  const [header, ...body] = records;
  if (!header) return { format: 'csv', rows: [], problems, fatal: 'Filen är tom.' };
  const columns = header.record.map(normaliseHeader);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    return { format: 'csv', rows: [], problems, fatal: `Kolumner saknas i rubrikraden: ${missing.join(', ')}. Ingenting importerades.` };
  }
  const rows: ParsedExport['rows'] = [];
  for (const { record, info } of body) {
    // A record ends on info.lines; its first line is earlier by the newlines inside its quoted fields.
    const line = info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    if (record.every((cell) => cell.trim() === '')) continue;
    const otherDelimiter = delimiter === ';' ? ',' : ';';
    if (record.length < REQUIRED.length && record.join('').includes(otherDelimiter)) {
      problems.push({ line, reason: `raden är avgränsad med "${otherDelimiter}" men rubrikraden med "${delimiter}"` });
      continue;
    }
    const cells: Partial<Record<Column, string>> = {};
    columns.forEach((c, i) => {
      if (KNOWN.includes(c) && record[i] !== undefined) cells[c as Column] = record[i];
    });
    const result = toImportedRemiss(cells, line);
    problems.push(...result.problems);
    if (result.remiss) rows.push({ line, remiss: result.remiss });
  }
  return { format: 'csv', rows, problems };
}

function parseJsonText(text: string): ParsedExport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { format: 'json', rows: [], problems: [], fatal: 'Filen är inte giltig JSON.' };
  }
  if (!Array.isArray(data)) return { format: 'json', rows: [], problems: [], fatal: 'JSON-filen ska innehålla en lista (array) av remisser.' };
  const rows: ParsedExport['rows'] = [];
  const problems: ImportProblem[] = [];
  data.forEach((item: unknown, index) => {
    const line = index + 1;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      problems.push({ line, reason: 'posten är inget objekt' });
      return;
    }
    const cells: Partial<Record<Column, string>> = {};
    for (const [key, value] of Object.entries(item)) {
      const column = normaliseHeader(key);
      if (KNOWN.includes(column) && (typeof value === 'string' || typeof value === 'number')) cells[column as Column] = String(value);
    }
    const result = toImportedRemiss(cells, line);
    problems.push(...result.problems);
    if (result.remiss) rows.push({ line, remiss: result.remiss });
  });
  return { format: 'json', rows, problems };
}

/** Refuses a later row with a diarienummer already seen in the same file. */
function refuseDuplicates(parsed: ParsedExport): ParsedExport {
  const seen = new Map<string, number>();
  const rows: ParsedExport['rows'] = [];
  const problems = [...parsed.problems];
  for (const row of parsed.rows) {
    const first = seen.get(row.remiss.dnr);
    if (first !== undefined) {
      problems.push({ line: row.line, field: 'diarienummer', reason: `"${row.remiss.dnr}" finns redan på ${parsed.format === 'csv' ? 'rad' : 'post'} ${first} i filen` });
      continue;
    }
    seen.set(row.remiss.dnr, row.line);
    rows.push(row);
  }
  problems.sort((a, b) => a.line - b.line);
  return { ...parsed, rows, problems };
}

export function parseExport(bytes: Buffer, fileName: string): ParsedExport {
  const text = decodeUtf8(bytes);
  const isJson = /\.json$/i.test(fileName) || /^\s*[[{]/.test(text ?? '');
  if (text === undefined) {
    return {
      format: isJson ? 'json' : 'csv',
      rows: [],
      problems: [],
      fatal: 'Filen är inte sparad som UTF-8 (den ser ut att vara Latin-1/Windows-1252). Spara den i Excel som "CSV UTF-8 (kommaavgränsad)" och försök igen.',
    };
  }
  if (!text.trim()) return { format: isJson ? 'json' : 'csv', rows: [], problems: [], fatal: 'Filen är tom.' };
  return refuseDuplicates(isJson ? parseJsonText(text) : parseCsvText(text));
}
