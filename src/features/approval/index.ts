/** Manager approval: compose, send, decide, download; the approval records and frozen documents it keeps. */
import { keptKeys, type KeySpace } from '../../storage/keyspace.js';
import type { FeatureModule } from '../featureModule.js';
import type { ApprovalFeature } from './approvalHandler.js';

export const APPROVAL_VERBS = {
  compose: 'approval.compose',
  send: 'approval.send',
  decide: 'approval.decide',
  download: 'approval.download',
} as const;

export const APPROVAL_KEYS: KeySpace[] = keptKeys('approval', {
  'approvals/': 'each remiss’s versions and decisions',
  'approval-documents/': 'the Word document of each version as the approver saw it (what is filed)',
});

export function approvalModule(approval: ApprovalFeature): FeatureModule {
  return {
    name: 'approval',
    verbs: {
      [APPROVAL_VERBS.compose]: (ctx, data) => approval.compose(ctx, data),
      [APPROVAL_VERBS.send]: (ctx, data) => approval.send(ctx, data),
      [APPROVAL_VERBS.decide]: (ctx, data) => approval.decide(ctx, data),
      [APPROVAL_VERBS.download]: (ctx, data) => approval.download(ctx, data),
    },
    jobs: approval.jobs,
    keys: APPROVAL_KEYS,
  };
}
