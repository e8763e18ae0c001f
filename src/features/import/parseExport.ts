/**
 * Reads a diarium export (CSV as Swedish Excel writes it, or JSON) into import rows. Pure: bytes in, rows and
 * problems out. Every problem names the file's physical line (CSV; the header is line 1) or the record's
 * position (JSON); the good rows are kept. `fatal` is set when nothing at all can be imported.
 */
import { parse as parseCsv } from 'csv-parse/sync';
// Node's TextDecoder reads "windows-1252" as Latin-1 (0x80-0x9F become control characters, not – or €).
import iconv from 'iconv-lite';
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
  /** Set when the file was not UTF-8 and was read as Windows-1252 (Swedish Excel's plain "CSV"). */
  encoding?: 'windows-1252';
}

const REQUIRED = ['diarienummer', 'titel', 'remittent', 'inkom', 'svarsdatum', 'handlaggare'] as const;
const OPTIONAL = ['remittentens_dnr', 'status', 'godkannare', 'sammantrade'] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];
type Cells = Partial<Record<Column, string>>;
const KNOWN: readonly string[] = [...REQUIRED, ...OPTIONAL];
const isColumn = (name: string): name is Column => KNOWN.includes(name);

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

const STATUS_BY_FOLDED = new Map<string, RemissStatus>(REMISS_STATUSES.map((s) => [fold(s), s]));

/** A single-line value: control characters out, whitespace collapsed, trimmed. */
function clean(value: string | undefined): string {
  if (value === undefined) return '';
  return value.replace(WHITESPACE_CONTROLS, ' ').replace(OTHER_CONTROLS, '').replace(/\s+/g, ' ').trim();
}

/** One row before the duplicate check: its dnr is kept even when the row is refused. */
interface Candidate {
  line: number;
  dnr: string;
  remiss?: ImportedRemiss;
  problems: ImportProblem[];
}

/** Validates one row's cells (keyed by normalised header). */
function toCandidate(cells: Cells, line: number): Candidate {
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
    const parsed = parseDateText(ISO_WITH_TIME.exec(v)?.[1] ?? v);
    if (!parsed)
      problems.push({
        line,
        field: column,
        reason: `"${v.slice(0, 40)}" är inget giltigt datum (skriv 2020-12-15 eller 15 december 2020)`,
      });
    return parsed;
  };
  const email = (column: Column, mandatory: boolean): string | undefined => {
    const v = mandatory ? required(column) : value(column);
    if (!v) return undefined;
    const address = NAMED_EMAIL.exec(v)?.[1] ?? v;
    if (!EMAIL.test(address)) {
      problems.push({ line, field: column, reason: `"${v.slice(0, 60)}" är ingen e-postadress` });
      return undefined;
    }
    return address.toLowerCase();
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
    problems.push({
      line,
      field: 'status',
      reason: `"${statusText.slice(0, 40)}" är ingen känd status (${REMISS_STATUSES.join(', ')})`,
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
    },
  };
}

function missingColumnsMessage(missing: readonly string[]): string {
  return `${missing.length === 1 ? 'Kolumnen' : 'Kolumnerna'} ${missing.join(', ')} saknas i rubrikraden. Ingenting importerades.`;
}

/** The separator of the header line: ';' (Swedish Excel) or ','. Quoted header names are ignored. */
function detectDelimiter(headerLine: string): ';' | ',' {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  const semicolons = unquoted.split(';').length;
  const commas = unquoted.split(',').length;
  return commas > semicolons ? ',' : ';';
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/** A quoted cell that swallowed whole rows: a stray opening quote, closed only by a later row's quote. */
const SWALLOWED_ROW_DELIMITERS = REQUIRED.length - 1;

interface ParsedText {
  candidates: Candidate[];
  problems: ImportProblem[];
  fatal?: string;
}

interface CsvContext {
  delimiter: ';' | ',';
  columns: string[];
  /** Physical lines whose bytes were not UTF-8 in a file that otherwise is. */
  badLines: ReadonlySet<number>;
  candidates: Candidate[];
  problems: ImportProblem[];
}

/** csv-parse over one stretch of lines; a quote left open at the end is returned, not thrown. */
function parseRecords(
  text: string,
  delimiter: string,
  problemAt: (line: number, reason: string) => void,
): { records: CsvRecord[]; quoteLeftOpen: boolean } {
  let quoteLeftOpen = false;
  const records = parseCsv(text, {
    delimiter,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      if (!err) return undefined;
      if (err.code === 'CSV_QUOTE_NOT_CLOSED') quoteLeftOpen = true;
      else problemAt((err as { lines?: number }).lines ?? 1, `raden kunde inte läsas som CSV (${err.code})`);
      return undefined;
    },
  }) as unknown as CsvRecord[];
  return { records, quoteLeftOpen };
}

/**
 * Reads the rows of `lines` (physical line `first` onwards). A broken quote costs only the lines it breaks:
 * a quote never closed refuses its own line and reading goes on after it; a quote closed by a later row
 * refuses the line where it opens and the line where it closes, and the rows in between are read again.
 */
function readRows(lines: readonly string[], first: number, ctx: CsvContext): void {
  let start = 0;
  while (start < lines.length) {
    const offset = first + start - 1;
    const { records, quoteLeftOpen } = parseRecords(lines.slice(start).join('\n'), ctx.delimiter, (line, reason) =>
      ctx.problems.push({ line: line + offset, reason }),
    );
    for (const { record, info } of records) {
      const embedded = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
      // A record ends on info.lines; its first line is earlier by the newlines inside its quoted fields.
      const line = info.lines - embedded + offset;
      const last = info.lines + offset;
      const swallowed = record.some((cell) =>
        cell
          .split('\n')
          .slice(1)
          .some((l) => l.split(ctx.delimiter).length > SWALLOWED_ROW_DELIMITERS),
      );
      if (swallowed) {
        ctx.problems.push({
          line,
          reason: `ett citattecken (") öppnas här men stängs först på rad ${last}, så raden kunde inte läsas`,
        });
        ctx.problems.push({
          line: last,
          reason: `raden kunde inte läsas: den hamnade i citatet som öppnas på rad ${line}`,
        });
        readRows(lines.slice(line - first + 1, last - first), line + 1, ctx);
        continue;
      }
      readRecord(record, line, last, ctx);
    }
    if (!quoteLeftOpen) return;
    // csv-parse reports an unclosed quote where the file ends; the line where it opens is the first one after
    // the last record that parsed.
    let opened = start + (records.at(-1)?.info.lines ?? 0);
    while (opened < lines.length - 1 && lines[opened]!.trim() === '') opened++;
    ctx.problems.push({
      line: first + opened,
      reason: 'ett citattecken (") öppnas men stängs aldrig, så raden kunde inte läsas',
    });
    start = opened + 1;
  }
}

function readRecord(record: string[], line: number, last: number, ctx: CsvContext): void {
  if (record.every((cell) => cell.trim() === '')) return;
  for (let l = line; l <= last; l++) {
    if (ctx.badLines.has(l)) {
      ctx.problems.push({
        line,
        reason:
          'raden innehåller tecken som inte är UTF-8 (troligen sparad i ett annat program som Latin-1/Windows-1252); skriv om å, ä och ö på raden',
      });
      return;
    }
  }
  const otherDelimiter = ctx.delimiter === ';' ? ',' : ';';
  if (record.length < REQUIRED.length && record.join('').includes(otherDelimiter)) {
    ctx.problems.push({
      line,
      reason: `raden är avgränsad med "${otherDelimiter}" men rubrikraden med "${ctx.delimiter}"`,
    });
    return;
  }
  const cells: Cells = {};
  ctx.columns.forEach((c, i) => {
    if (isColumn(c)) cells[c] = record[i];
  });
  ctx.candidates.push(toCandidate(cells, line));
}

function parseCsvText(input: string, badLines: ReadonlySet<number>): ParsedText {
  try {
    return readCsv(input, badLines);
  } catch (err) {
    // An error csv-parse throws instead of skipping the record.
    const e = err as { code?: string; lines?: number };
    return {
      candidates: [],
      problems: [],
      fatal: `Filen kunde inte läsas som CSV (${e.code ?? 'okänt fel'}, rad ${e.lines ?? '?'}).`,
    };
  }
}

function readCsv(input: string, badLines: ReadonlySet<number>): ParsedText {
  // csv-parse counts a CRLF inside a quoted field as two lines; one newline kind keeps line numbers physical.
  const lines = input.replace(/\r\n?/g, '\n').split('\n');
  let headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0) return { candidates: [], problems: [], fatal: 'Filen är tom.' };
  let delimiter: ';' | ',' = detectDelimiter(lines[headerIndex]!);
  // Excel's "sep=;" hint line: honour it; the header is the next line with text.
  const hint = /^sep=([;,])\s*$/i.exec(lines[headerIndex]!);
  if (hint) {
    delimiter = hint[1] === ',' ? ',' : ';';
    headerIndex = lines.findIndex((l, i) => i > headerIndex && l.trim() !== '');
    if (headerIndex < 0) return { candidates: [], problems: [], fatal: 'Filen är tom.' };
  }
  if (badLines.has(headerIndex + 1)) {
    return {
      candidates: [],
      problems: [],
      fatal: `Rubrikraden (rad ${headerIndex + 1}) innehåller tecken som inte är UTF-8. Spara filen i Excel som "CSV UTF-8 (kommaavgränsad)" och försök igen. Ingenting importerades.`,
    };
  }
  const header = parseRecords(lines[headerIndex]!, delimiter, () => undefined).records[0];
  const columns = (header?.record ?? []).map(normaliseHeader);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) return { candidates: [], problems: [], fatal: missingColumnsMessage(missing) };
  const twice = KNOWN.filter((c) => columns.indexOf(c) !== columns.lastIndexOf(c));
  if (twice.length > 0) {
    return {
      candidates: [],
      problems: [],
      fatal: `Kolumnen ${twice.join(', ')} finns flera gånger i rubrikraden, så det är oklart vilken som gäller. Ingenting importerades.`,
    };
  }
  const ctx: CsvContext = { delimiter, columns, badLines, candidates: [], problems: [] };
  readRows(lines.slice(headerIndex + 1), headerIndex + 2, ctx);
  return { candidates: ctx.candidates, problems: ctx.problems };
}

function parseJsonText(text: string): ParsedText {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { candidates: [], problems: [], fatal: 'Filen är inte giltig JSON.' };
  }
  if (!Array.isArray(data))
    return { candidates: [], problems: [], fatal: 'JSON-filen ska innehålla en lista (array) av remisser.' };
  const problems: ImportProblem[] = [];
  const records: { line: number; cells: Cells }[] = [];
  const seenColumns = new Set<string>();
  data.forEach((item: unknown, index) => {
    const line = index + 1;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      problems.push({ line, reason: 'posten är inget objekt' });
      return;
    }
    const cells: Cells = {};
    const wrongType: ImportProblem[] = [];
    for (const [key, value] of Object.entries(item)) {
      const column = normaliseHeader(key);
      if (!isColumn(column)) continue;
      seenColumns.add(column);
      if (typeof value === 'string' || typeof value === 'number') cells[column] = String(value);
      else if (value !== null) wrongType.push({ line, field: column, reason: 'ska vara text' });
    }
    if (wrongType.length > 0) problems.push(...wrongType);
    else records.push({ line, cells });
  });
  // A field no record has at all is a wrong export, reported once like a missing CSV column.
  const missing = REQUIRED.filter((c) => !seenColumns.has(c));
  if (data.length > 0 && missing.length > 0) {
    return {
      candidates: [],
      problems: [],
      fatal: missingColumnsMessage(missing).replace('i rubrikraden', 'i alla poster'),
    };
  }
  return { candidates: records.map((r) => toCandidate(r.cells, r.line)), problems };
}

/** Keeps valid rows, refusing a later row whose diarienummer an earlier row (valid or not) already used. */
function collect(format: 'csv' | 'json', candidates: Candidate[], problems: ImportProblem[]): ParsedExport {
  const firstLine = new Map<string, number>();
  const rows: ParsedExport['rows'] = [];
  const all = [...problems];
  for (const c of candidates) {
    all.push(...c.problems);
    const first = c.dnr ? firstLine.get(c.dnr) : undefined;
    if (first !== undefined) {
      all.push({
        line: c.line,
        field: 'diarienummer',
        reason: `"${c.dnr}" finns redan på ${format === 'csv' ? 'rad' : 'post'} ${first} i filen`,
      });
      continue;
    }
    if (c.dnr) firstLine.set(c.dnr, c.line);
    if (c.remiss) rows.push({ line: c.line, remiss: c.remiss });
  }
  all.sort((a, b) => a.line - b.line);
  return { format, rows, problems: all };
}

/** Why the bytes are not a text file at all, in words an admin can act on; undefined when they are. */
function notTextProblem(bytes: Buffer): string | undefined {
  const startsWith = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  if (startsWith(0x50, 0x4b, 0x03, 0x04) || startsWith(0xd0, 0xcf, 0x11, 0xe0)) {
    return 'Filen är en Excel-arbetsbok, inte en textfil. Spara den i Excel som "CSV UTF-8 (kommaavgränsad)" och försök igen.';
  }
  // UTF-16 without a BOM is valid UTF-8 full of NUL bytes; a stray NUL in a real CSV is just stripped later.
  const head = bytes.subarray(0, 4096);
  const nuls = head.reduce((n, b) => (b === 0 ? n + 1 : n), 0);
  if (startsWith(0xff, 0xfe) || startsWith(0xfe, 0xff) || (head.length > 0 && nuls * 4 >= head.length)) {
    return 'Filen är sparad som UTF-16 ("Unicode-text") eller är ingen textfil. Spara den i Excel som "CSV UTF-8 (kommaavgränsad)" och försök igen.';
  }
  return undefined;
}

interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'windows-1252';
  /** Physical lines that are not UTF-8 in a file that otherwise is: those rows are refused, the rest read. */
  badLines: Set<number>;
}

// Strict: invalid bytes throw instead of becoming U+FFFD. Like any UTF-8 TextDecoder it drops a BOM.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes as text when they are UTF-8; undefined when they are not. */
function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * UTF-8 when the bytes are; Windows-1252 (what Swedish Excel's plain "CSV" writes) when no line is UTF-8
 * beyond ASCII; otherwise a mix from two editors, where the lines that are not UTF-8 are marked bad rather
 * than guessed at.
 */
function decodeText(bytes: Buffer): DecodedText {
  const text = utf8Text(bytes);
  if (text !== undefined) return { text, encoding: 'utf-8', badLines: new Set() };
  const badLines = new Set<number>();
  let anyUtf8BeyondAscii = false;
  let lineStart = 0;
  for (let line = 1; lineStart <= bytes.length; line++) {
    const end = bytes.indexOf(0x0a, lineStart);
    const lineBytes = bytes.subarray(lineStart, end < 0 ? bytes.length : end);
    if (utf8Text(lineBytes) === undefined) badLines.add(line);
    else if (lineBytes.some((b) => b >= 0x80)) anyUtf8BeyondAscii = true;
    if (end < 0) break;
    lineStart = end + 1;
  }
  if (!anyUtf8BeyondAscii)
    return { text: iconv.decode(bytes, 'windows-1252'), encoding: 'windows-1252', badLines: new Set() };
  return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', badLines };
}

export function parseExport(bytes: Buffer, fileName: string): ParsedExport {
  const byName = /\.json$/i.test(fileName) ? 'json' : undefined;
  const problem = notTextProblem(bytes);
  if (problem) return { format: byName ?? 'csv', rows: [], problems: [], fatal: problem };
  const { text, encoding, badLines } = decodeText(bytes);
  const format = byName ?? (/^\s*[[{]/.test(text) ? 'json' : 'csv');
  if (format === 'json' && (encoding !== 'utf-8' || badLines.size > 0)) {
    // JSON is UTF-8 by definition (RFC 8259); a program that wrote anything else wrote it wrongly.
    return { format, rows: [], problems: [], fatal: 'JSON-filen är inte sparad som UTF-8. Ingenting importerades.' };
  }
  if (!text.trim()) return { format, rows: [], problems: [], fatal: 'Filen är tom.' };
  const parsed = format === 'json' ? parseJsonText(text) : parseCsvText(text, badLines);
  if (parsed.fatal) return { format, rows: [], problems: parsed.problems, fatal: parsed.fatal };
  return {
    ...collect(format, parsed.candidates, parsed.problems),
    ...(encoding === 'windows-1252' ? { encoding } : {}),
  };
}
