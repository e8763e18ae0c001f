/**
 * Applies parsed export rows to the register. Writes are conditional (create when new, the read version
 * when updating) and retried on conflict, re-reading and re-applying the row, because the bot may be
 * changing the same remiss at the same moment.
 */
import { applyImport } from '../../domain/remissImport.js';
import { importText } from '../../i18n/import.js';
import type { RemissRepository } from '../../register/remissRepository.js';
import { retryOnConflict } from '../../storage/conditionalUpdate.js';
import type { ImportProblem, ParsedExport } from './parseExport.js';

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  /** The parser's problems plus rows that could not be saved, by line. */
  refused: ImportProblem[];
}

const MAX_ATTEMPTS = 10;
/** A short random pause between attempts, so two writers retrying in step do not collide again. */
const JITTER_MS = 50;

export async function importRemisser(
  register: RemissRepository,
  parsed: Pick<ParsedExport, 'rows' | 'problems'>,
  now: Date,
  source: string,
): Promise<ImportReport> {
  const report: ImportReport = { created: 0, updated: 0, unchanged: 0, refused: [...parsed.problems] };
  for (const row of parsed.rows) {
    const outcome = await retryOnConflict(
      async () => {
        const existing = await register.get(row.remiss.dnr);
        const { remiss, changed } = applyImport(existing?.remiss, row.remiss, now, source);
        if (!changed) return 'unchanged';
        await register.save(remiss, existing?.version);
        return existing ? 'updated' : 'created';
      },
      // Someone keeps winning the race for this remiss; the rest of the file is still worth importing.
      { attempts: MAX_ATTEMPTS, jitterMs: JITTER_MS, exhausted: () => 'refused' as const },
    );
    if (outcome === 'refused')
      report.refused.push({ line: row.line, field: 'diarienummer', reason: importText.savedConcurrently });
    else report[outcome]++;
  }
  report.refused.sort((a, b) => a.line - b.line);
  return report;
}
