/**
 * Manager approval: compose, send, decide, download; the approval.notify job; the approval records and frozen
 * documents it keeps. The only entry other code imports (besides types): createApproval wires the routes, the
 * workflow and the notices, approvalModule declares them.
 */
import { keptKeys, type KeySpace } from '../../storage/keyspace.js';
import type { FeatureModule } from '../featureModule.js';
import { ApprovalNotices, type ApprovalNoticeDependencies } from './approvalNotices.js';
import { ApprovalRoutes, type ApprovalRouteDependencies } from './approvalRoutes.js';
import { ApprovalWorkflow, type ApprovalWorkflowDependencies } from './approvalWorkflow.js';

export const APPROVAL_VERBS = {
  compose: 'approval.compose',
  send: 'approval.send',
  decide: 'approval.decide',
  download: 'approval.download',
  undo: 'approval.undo',
} as const;

/** Posts the approval request to the approver of that version. */
export const APPROVAL_NOTIFY_JOB = 'approval.notify';

/** Takes "Ångra" off the approver's card once the undo window has closed. */
export const APPROVAL_UNDO_CLOSED_JOB = 'approval.undoClosed';

declare module '../../outbox/jobs.js' {
  interface Jobs {
    [APPROVAL_NOTIFY_JOB]: { dnr: string; version: number };
    [APPROVAL_UNDO_CLOSED_JOB]: { dnr: string; version: number; decidedAt: string };
  }
}

export const APPROVAL_KEYS: KeySpace[] = keptKeys('approval', {
  'approvals/': 'each remiss’s versions and decisions',
  'approval-documents/': 'the Word document of each version as the approver saw it (what is filed)',
});

/** What approval needs: the routes', the workflow's (which gets the notices) and the notices' dependencies. */
export type ApprovalDependencies = ApprovalRouteDependencies &
  Omit<ApprovalWorkflowDependencies, 'notices'> &
  ApprovalNoticeDependencies;

export interface Approval {
  routes: ApprovalRoutes;
  workflow: ApprovalWorkflow;
  /** Also what filing calls to show on the approver's card where the answer was filed (showFiled). */
  notices: ApprovalNotices;
}

export function createApproval(deps: ApprovalDependencies): Approval {
  const notices = new ApprovalNotices(deps);
  const workflow = new ApprovalWorkflow({ ...deps, notices });
  return { routes: new ApprovalRoutes(workflow, deps), workflow, notices };
}

export function approvalModule({ routes, notices }: Approval): FeatureModule {
  return {
    name: 'approval',
    verbs: {
      [APPROVAL_VERBS.compose]: (ctx, data) => routes.compose(ctx, data),
      [APPROVAL_VERBS.send]: (ctx, data) => routes.send(ctx, data),
      [APPROVAL_VERBS.decide]: (ctx, data) => routes.decide(ctx, data),
      [APPROVAL_VERBS.download]: (ctx, data) => routes.download(ctx, data),
      [APPROVAL_VERBS.undo]: (ctx, data) => routes.undo(ctx, data),
    },
    jobs: {
      [APPROVAL_NOTIFY_JOB]: (payload) => notices.deliver(payload),
      [APPROVAL_UNDO_CLOSED_JOB]: (payload) => notices.undoClosed(payload),
    },
    keys: APPROVAL_KEYS,
  };
}
