/**
 * Fördelning (assign a handläggare), "Lämna tillbaka" and anstånd (issue 20): the verbs, the job that tells the
 * assigned handläggare, and the detail card's buttons (added through DueRoutes' detail extras).
 */
import type { FeatureModule } from '../featureModule.js';
import type { DistributionRoutes } from './distributionRoutes.js';

export const DISTRIBUTION_VERBS = {
  assign: 'distribution.assign',
  assignSave: 'distribution.assignSave',
  handBack: 'distribution.handBack',
  handBackSave: 'distribution.handBackSave',
  extension: 'distribution.extension',
  extensionSave: 'distribution.extensionSave',
} as const;

/** Tells a newly assigned handläggare, in their 1:1 chat, once they have one. */
export const ASSIGNED_NOTIFY_JOB = 'distribution.notifyAssigned';

declare module '../../outbox/jobs.js' {
  interface Jobs {
    [ASSIGNED_NOTIFY_JOB]: { dnr: string; email: string; by: string };
  }
}

export function distributionModule(routes: DistributionRoutes): FeatureModule {
  return {
    name: 'distribution',
    verbs: {
      [DISTRIBUTION_VERBS.assign]: (ctx, data) => routes.form(ctx, data, 'assign'),
      [DISTRIBUTION_VERBS.assignSave]: (ctx, data) => routes.assign(ctx, data),
      [DISTRIBUTION_VERBS.handBack]: (ctx, data) => routes.form(ctx, data, 'handBack'),
      [DISTRIBUTION_VERBS.handBackSave]: (ctx, data) => routes.handBack(ctx, data),
      [DISTRIBUTION_VERBS.extension]: (ctx, data) => routes.form(ctx, data, 'extension'),
      [DISTRIBUTION_VERBS.extensionSave]: (ctx, data) => routes.extension(ctx, data),
    },
    jobs: { [ASSIGNED_NOTIFY_JOB]: (job) => routes.notifyAssigned(job) },
  };
}
