/** The due list: "vilka remisser ska besvaras?", its filters and pages, and one remiss shown. */
import { keptKeys } from '../../storage/keyspace.js';
import type { FeatureModule } from '../featureModule.js';
import { ACTING_KEY_PATTERN } from './actingOrganisation.js';
import type { DueRoutes } from './dueRoutes.js';

export const DUE_VERBS = { list: 'due.list', show: 'remiss.show' } as const;

export function dueModule(due: DueRoutes): FeatureModule {
  const list = (ctx: Parameters<DueRoutes['list']>[0], { kind }: { kind: Parameters<DueRoutes['list']>[1] }) =>
    due.list(ctx, kind);
  return {
    name: 'due',
    verbs: {
      [DUE_VERBS.list]: (ctx, data) => due.listFromAction(ctx, data),
      [DUE_VERBS.show]: (ctx, data) => due.showFromAction(ctx, data),
    },
    intents: {
      due: list,
      all: list,
      mine: list,
      overdue: list,
      thisWeek: list,
      show: (ctx, intent) => due.showTyped(ctx, intent.dnr),
      question: (ctx, intent) => due.question(ctx, intent.query),
    },
    keys: keptKeys('due', { [ACTING_KEY_PATTERN]: 'the organisation each person in several acts for' }),
  };
}
