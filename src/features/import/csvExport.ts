/**
 * Reads the rows of a CSV export as Swedish Excel writes it: ';' or ',' (Excel's "sep=" hint honoured), the
 * header on the first line with text, quoted cells over several lines. A broken quote costs only the lines it
 * breaks. Every problem names the file's physical line (the header is line 1).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { importText } from '../../i18n/import.js';
import {
  fileRefused,
  isColumn,
  KNOWN,
  normaliseHeader,
  REQUIRED,
  toCandidate,
  type Candidate,
  type Cells,
  type ImportProblem,
  type ReadRows,
} from './exportRows.js';

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
      else problemAt((err as { lines?: number }).lines ?? 1, importText.csvRowUnreadable(err.code));
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
        ctx.problems.push({ line, reason: importText.quoteClosedLater(last) });
        ctx.problems.push({ line: last, reason: importText.swallowedByQuote(line) });
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
    ctx.problems.push({ line: first + opened, reason: importText.quoteNeverClosed });
    start = opened + 1;
  }
}

function readRecord(record: string[], line: number, last: number, ctx: CsvContext): void {
  if (record.every((cell) => cell.trim() === '')) return;
  for (let l = line; l <= last; l++) {
    if (ctx.badLines.has(l)) {
      ctx.problems.push({ line, reason: importText.rowNotUtf8 });
      return;
    }
  }
  const otherDelimiter = ctx.delimiter === ';' ? ',' : ';';
  if (record.length < REQUIRED.length && record.join('').includes(otherDelimiter)) {
    ctx.problems.push({ line, reason: importText.otherDelimiter(otherDelimiter, ctx.delimiter) });
    return;
  }
  const cells: Cells = {};
  ctx.columns.forEach((c, i) => {
    if (isColumn(c)) cells[c] = record[i];
  });
  ctx.candidates.push(toCandidate(cells, line));
}

/** The rows of a CSV text; `badLines` are the physical lines that were not UTF-8 (their rows are refused). */
export function readCsvExport(input: string, badLines: ReadonlySet<number>): ReadRows {
  try {
    return readCsv(input, badLines);
  } catch (err) {
    // An error csv-parse throws instead of skipping the record.
    const e = err as { code?: string; lines?: number };
    return fileRefused(importText.csvUnreadable(e.code, e.lines));
  }
}

function readCsv(input: string, badLines: ReadonlySet<number>): ReadRows {
  // csv-parse counts a CRLF inside a quoted field as two lines; one newline kind keeps line numbers physical.
  const lines = input.replace(/\r\n?/g, '\n').split('\n');
  let headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0) return fileRefused(importText.fileEmpty);
  let delimiter: ';' | ',' = detectDelimiter(lines[headerIndex]!);
  // Excel's "sep=;" hint line: honour it; the header is the next line with text.
  const hint = /^sep=([;,])\s*$/i.exec(lines[headerIndex]!);
  if (hint) {
    delimiter = hint[1] === ',' ? ',' : ';';
    headerIndex = lines.findIndex((l, i) => i > headerIndex && l.trim() !== '');
    if (headerIndex < 0) return fileRefused(importText.fileEmpty);
  }
  if (badLines.has(headerIndex + 1)) return fileRefused(importText.headerNotUtf8(headerIndex + 1));
  const header = parseRecords(lines[headerIndex]!, delimiter, () => undefined).records[0];
  const columns = (header?.record ?? []).map(normaliseHeader);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) return fileRefused(importText.columnsMissing(missing));
  const twice = KNOWN.filter((c) => columns.indexOf(c) !== columns.lastIndexOf(c));
  if (twice.length > 0) return fileRefused(importText.columnTwice(twice));
  const ctx: CsvContext = { delimiter, columns, badLines, candidates: [], problems: [] };
  readRows(lines.slice(headerIndex + 1), headerIndex + 2, ctx);
  return { candidates: ctx.candidates, problems: ctx.problems };
}
