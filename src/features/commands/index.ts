/** Help: the main commands as buttons ("Ny remiss" too, for those who may register a remiss). */
import type { FeatureContext } from '../featureContext.js';
import type { FeatureModule } from '../featureModule.js';
import { helpCard } from './commandsCard.js';

export function commandsModule(
  mayRegister: (ctx: FeatureContext) => Promise<boolean> = async () => false,
): FeatureModule {
  return {
    name: 'commands',
    intents: { help: async (ctx) => helpCard(ctx.language, { mayRegister: await mayRegister(ctx) }) },
  };
}
