/**
 * Applies parsed export rows to the register. Writes are conditional and retried on conflict, because
 * the bot may be changing the same remiss at the same moment.
 */
import { applyImport } from '../../domain/remissImport.js';
import type { RemissRepository } from '../../register/remissRepository.js';
import { StoreConflictError } from '../../storage/store.js';
import type { ImportProblem, ParsedExport } from './parseExport.js';

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  refused: ImportProblem[];
}

const MAX_ATTEMPTS = 10;

export async function importRemisser(register: RemissRepository, parsed: ParsedExport, now: Date, source: string): Promise<ImportReport> {
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
        if (!(err instanceof StoreConflictError) || attempt >= MAX_ATTEMPTS) throw err;
      }
    }
  }
  return report;
}
