/** Registering a remiss from chat: "ny remiss", its form, a pasted missive read into it, and the save. */
import type { FeatureModule } from '../featureModule.js';
import type { IntakeRoutes } from './intakeRoutes.js';

export const INTAKE_VERBS = { open: 'intake.open', read: 'intake.read', save: 'intake.save' } as const;

export function intakeModule(intake: IntakeRoutes): FeatureModule {
  return {
    name: 'intake',
    verbs: {
      [INTAKE_VERBS.open]: (ctx, data) => intake.open(ctx, data),
      [INTAKE_VERBS.read]: (ctx, data) => intake.read(ctx, data),
      [INTAKE_VERBS.save]: (ctx, data) => intake.save(ctx, data),
    },
    intents: { register: (ctx) => intake.open(ctx) },
  };
}
