/** Filing an approved answer and the registrator's "Registrerad och skickad"; the filing records it keeps. */
import { keptKeys, type KeySpace } from '../../storage/keyspace.js';
import type { FeatureModule } from '../featureModule.js';
import type { FilingFeature } from './filingHandler.js';

export const FILING_VERBS = { registered: 'filing.registered' } as const;

export const FILING_KEYS: KeySpace[] = keptKeys('filing', {
  'filings/': 'where each approved version was filed',
  'filing-pdfs/': 'the PDF made once per version, so a retried filing files the same PDF',
  'registrations/': 'who registered which version, once',
});

export function filingModule(filing: FilingFeature): FeatureModule {
  return {
    name: 'filing',
    verbs: { [FILING_VERBS.registered]: (ctx, data) => filing.registered(ctx, data) },
    jobs: filing.jobs,
    keys: FILING_KEYS,
  };
}
