/** Filing an approved answer and the registrator's "Registrerad och skickad"; the filing records it keeps. */
import type { KeySpace } from '../../storage/keyspace.js';
import type { FeatureModule } from '../featureModule.js';
import type { FilingFeature } from './filingHandler.js';

export const FILING_VERBS = { registered: 'filing.registered' } as const;

export const FILING_KEYS: KeySpace[] = [
  { prefix: 'filings/', owner: 'filing', retention: 'kept', purpose: 'where each approved version was filed' },
  {
    prefix: 'filing-pdfs/',
    owner: 'filing',
    retention: 'kept',
    purpose: 'the PDF made once per version, so a retried filing files the same PDF',
  },
  { prefix: 'registrations/', owner: 'filing', retention: 'kept', purpose: 'who registered which version, once' },
];

export function filingModule(filing: FilingFeature): FeatureModule {
  return {
    name: 'filing',
    verbs: { [FILING_VERBS.registered]: (ctx, data) => filing.registered(ctx, data) },
    jobs: filing.jobs,
    keys: FILING_KEYS,
  };
}
