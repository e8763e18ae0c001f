/**
 * Filing an approved answer and the registrator's "Registrerad och skickad": the verb, the outbox jobs with
 * their payloads, and the filing records it keeps. The only entry other code imports (besides types).
 */
import { keptKeys, type KeySpace } from '../../storage/keyspace.js';
import type { FeatureModule } from '../featureModule.js';
import { FilingRoutes } from './filingRoutes.js';
import type { FiledVersion } from './filingRecords.js';
import type { FilingWorkflow } from './filingWorkflow.js';
import type { Registrators } from './registrator.js';

export const FILING_VERBS = { registered: 'filing.registered' } as const;

/** Files an approved version (enqueued by the approval feature). */
export const FILING_JOB = 'filing.file';
/** Posts the registrator's card once the version is filed. */
export const REGISTRATOR_JOB = 'registrator.notify';
/** Sets the filed files' Status column to Besvarad once the registrator has registered the answer. */
export const FILED_STATUS_JOB = 'filing.status';

declare module '../../outbox/jobs.js' {
  interface Jobs {
    /**
     * `hash`: the approved document's, as the approver saw it; `decidedAt`: the approval filed (one that was
     * undone files nothing). Both absent in jobs enqueued by older releases.
     */
    [FILING_JOB]: FiledVersion & { hash?: string; decidedAt?: string };
    [REGISTRATOR_JOB]: FiledVersion;
    [FILED_STATUS_JOB]: FiledVersion;
  }
}

/** The store prefixes filing owns; the record keys are built from these (filingRecords.ts). */
export const FILING_PREFIXES = {
  filings: 'filings/',
  pdfs: 'filing-pdfs/',
  registrations: 'registrations/',
} as const;

export const FILING_KEYS: KeySpace[] = keptKeys('filing', {
  [FILING_PREFIXES.filings]: 'where each approved version was filed',
  [FILING_PREFIXES.pdfs]: 'the PDF made once per version, so a retried filing files the same PDF',
  [FILING_PREFIXES.registrations]: 'who registered which version, once',
});

export function filingModule(workflow: FilingWorkflow, registrators: Registrators): FeatureModule {
  const routes = new FilingRoutes(workflow, registrators);
  return {
    name: 'filing',
    verbs: { [FILING_VERBS.registered]: (ctx, data) => routes.registered(ctx, data) },
    jobs: {
      [FILING_JOB]: (payload, job) => workflow.fileReportingFailures(payload, job.attempts),
      [REGISTRATOR_JOB]: (payload) => workflow.notifyRegistrator(payload),
      [FILED_STATUS_JOB]: (payload) => workflow.markFilesAnswered(payload),
    },
    keys: FILING_KEYS,
  };
}
