/**
 * Applies parsed export rows to the register. Writes are conditional (create when new, the read version
 * when updating) and retried on conflict, re-reading and re-applying the row, because the bot may be
 * changing the same remiss at the same moment.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { applyImport } from '../../domain/remissImport.js';
import type { RemissRepository } from '../../register/remissRepository.js';
import { StoreConflictError } from '../../storage/store.js';
import type { ImportProblem, ParsedExport } from './parseExport.js';

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  /** The parser's problems plus rows that could not be saved, by line. */
  refused: ImportProblem[];
}

const MAX_ATTEMPTS = 10;

export async function importRemisser(
  register: RemissRepository,
  parsed: Pick<ParsedExport, 'rows' | 'problems'>,
  now: Date,
  source: string,
): Promise<ImportReport> {
  const report: ImportReport = { created: 0, updated: 0, unchanged: 0, refused: [...parsed.problems] };
  for (const row of parsed.rows) {
    for (let attempt = 1; ; attempt++) {
      const existing = await register.get(row.remiss.dnr);
      const { remiss, changed } = applyImport(existing?.remiss, row.remiss, now, source);
      if (!changed) {
        report.unchanged++;
        break;
      }
      try {
        await register.save(remiss, existing?.version);
        if (existing) report.updated++;
        else report.created++;
        break;
      } catch (err) {
        if (!(err instanceof StoreConflictError)) throw err;
        if (attempt >= MAX_ATTEMPTS) {
          // Someone keeps winning the race for this remiss; the rest of the file is still worth importing.
          report.refused.push({
            line: row.line,
            field: 'diarienummer',
            reason: 'kunde inte sparas eftersom remissen ändrades samtidigt av någon annan; kör importen igen',
          });
          break;
        }
        // A short random pause so two writers retrying in step do not collide again.
        await sleep(Math.floor(Math.random() * 10 * attempt));
      }
    }
  }
  report.refused.sort((a, b) => a.line - b.line);
  return report;
}
