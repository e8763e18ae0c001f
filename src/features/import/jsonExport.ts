/**
 * Reads the records of a JSON export: a list of objects with the same field names as the CSV columns, text
 * or numbers. Every problem names the record's position in the list, 1-based.
 */
import { importText } from '../../i18n/import.js';
import {
  fileRefused,
  isColumn,
  normaliseHeader,
  REQUIRED,
  toCandidate,
  type Cells,
  type ImportProblem,
  type ReadRows,
} from './exportRows.js';

export function readJsonExport(text: string): ReadRows {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fileRefused(importText.jsonInvalid);
  }
  if (!Array.isArray(data)) return fileRefused(importText.jsonNotList);
  const problems: ImportProblem[] = [];
  const records: { line: number; cells: Cells }[] = [];
  const seenColumns = new Set<string>();
  data.forEach((item: unknown, index) => {
    const line = index + 1;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      problems.push({ line, reason: importText.notAnObject });
      return;
    }
    const cells: Cells = {};
    const wrongType: ImportProblem[] = [];
    for (const [key, value] of Object.entries(item)) {
      const column = normaliseHeader(key);
      if (!isColumn(column)) continue;
      seenColumns.add(column);
      if (typeof value === 'string' || typeof value === 'number') cells[column] = String(value);
      else if (value !== null) wrongType.push({ line, field: column, reason: importText.notText });
    }
    if (wrongType.length > 0) problems.push(...wrongType);
    else records.push({ line, cells });
  });
  // A field no record has at all is a wrong export, reported once like a missing CSV column.
  const missing = REQUIRED.filter((c) => !seenColumns.has(c));
  if (data.length > 0 && missing.length > 0) return fileRefused(importText.fieldsMissing(missing));
  return { candidates: records.map((r) => toCandidate(r.cells, r.line)), problems };
}
