/** Help: the main commands as buttons. */
import type { FeatureModule } from '../featureModule.js';
import { helpCard } from './commandsCard.js';

export function commandsModule(): FeatureModule {
  return { name: 'commands', intents: { help: async (ctx) => helpCard(ctx.language) } };
}
