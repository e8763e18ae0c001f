/**
 * Reads a diarium export (CSV as Swedish Excel writes it, or JSON) into import rows. Pure: bytes in, rows and
 * problems out. Every problem names the file's physical line (CSV; the header is line 1) or the record's
 * position (JSON); the good rows are kept. `fatal` is set when nothing at all can be imported. The bytes are
 * decoded by decodeExport.ts, the rows read by csvExport.ts or jsonExport.ts and checked by exportRows.ts.
 */
import type { ImportedRemiss } from '../../domain/remissImport.js';
import { importText } from '../../i18n/import.js';
import { readCsvExport } from './csvExport.js';
import { decodeText, notTextProblem } from './decodeExport.js';
import type { Candidate, ImportProblem } from './exportRows.js';
import { readJsonExport } from './jsonExport.js';

export type { ImportProblem };

export interface ParsedExport {
  format: 'csv' | 'json';
  rows: { line: number; remiss: ImportedRemiss }[];
  problems: ImportProblem[];
  /** Set when nothing could be imported at all (unreadable file, missing columns). */
  fatal?: string;
  /** Set when the file was not UTF-8 and was read as Windows-1252 (Swedish Excel's plain "CSV"). */
  encoding?: 'windows-1252';
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
      all.push({ line: c.line, field: 'diarienummer', reason: importText.dnrTwice(c.dnr, format, first) });
      continue;
    }
    if (c.dnr) firstLine.set(c.dnr, c.line);
    if (c.remiss) rows.push({ line: c.line, remiss: c.remiss });
  }
  all.sort((a, b) => a.line - b.line);
  return { format, rows, problems: all };
}

export function parseExport(bytes: Buffer, fileName: string): ParsedExport {
  const byName = /\.json$/i.test(fileName) ? 'json' : undefined;
  const problem = notTextProblem(bytes);
  if (problem) return { format: byName ?? 'csv', rows: [], problems: [], fatal: problem };
  const { text, encoding, badLines } = decodeText(bytes);
  const format = byName ?? (/^\s*[[{]/.test(text) ? 'json' : 'csv');
  if (format === 'json' && (encoding !== 'utf-8' || badLines.size > 0)) {
    // JSON is UTF-8 by definition (RFC 8259); a program that wrote anything else wrote it wrongly.
    return { format, rows: [], problems: [], fatal: importText.jsonNotUtf8 };
  }
  if (!text.trim()) return { format, rows: [], problems: [], fatal: importText.fileEmpty };
  const parsed = format === 'json' ? readJsonExport(text) : readCsvExport(text, badLines);
  if (parsed.fatal) return { format, rows: [], problems: parsed.problems, fatal: parsed.fatal };
  return {
    ...collect(format, parsed.candidates, parsed.problems),
    ...(encoding === 'windows-1252' ? { encoding } : {}),
  };
}
