/**
 * Nobody acts on another organisation's remiss (issue 19): every card verb, dialog and message that names a
 * remiss by its diarienummer is checked here, server-side, before its feature sees it, so that no verb can forget
 * the check. A remiss the asker may not see is refused with OTHER_ORGANISATION and nothing is changed.
 */
import type { RemissRepository } from '../register/remissRepository.js';
import { messages } from '../i18n/messages.js';
import { dnrSchema } from './cardData.js';
import type { AdaptiveCard, FeatureContext } from './featureContext.js';
import type {
  CardActionHandler,
  DialogHandler,
  DialogResponse,
  FeatureModule,
  IntentHandlers,
} from './featureModule.js';

export function guardedByOrganisation(feature: FeatureModule, register: RemissRepository): FeatureModule {
  /** The refusal card (logged) for a remiss named in `data` that the asker may not see; none when it may. */
  const check = async (ctx: FeatureContext, data: unknown): Promise<AdaptiveCard | undefined> => {
    const dnr = dnrSchema.safeParse((data as { dnr?: unknown } | null)?.dnr);
    if (!dnr.success) return undefined;
    const access = await ctx.access();
    const found = await register.get(dnr.data);
    if (!found || access.maySee(found.remiss)) return undefined;
    return ctx.refuse('OTHER_ORGANISATION', { backLabel: messages(ctx.language).back });
  };
  const verb =
    (handler: CardActionHandler): CardActionHandler =>
    async (ctx, data) =>
      (await check(ctx, data)) ?? handler(ctx, data);
  // A dialog closes with the refusal's line of text.
  const dialogStep =
    (step: (ctx: FeatureContext, data: unknown) => Promise<DialogResponse>) =>
    async (ctx: FeatureContext, data: unknown): Promise<DialogResponse> =>
      (await check(ctx, data)) ? { done: messages(ctx.language).otherOrganisation } : step(ctx, data);
  const dialog = (handler: DialogHandler): DialogHandler => ({
    fetch: dialogStep((ctx, data) => handler.fetch(ctx, data)),
    submit: dialogStep((ctx, data) => handler.submit(ctx, data)),
  });
  const intents: IntentHandlers = { ...feature.intents };
  const answer = feature.intents?.answer;
  if (answer) intents.answer = async (ctx, intent) => (await check(ctx, intent)) ?? answer(ctx, intent);
  const show = feature.intents?.show;
  if (show) intents.show = async (ctx, intent) => (await check(ctx, intent)) ?? show(ctx, intent);
  return {
    ...feature,
    verbs: feature.verbs && mapValues(feature.verbs, verb),
    dialogs: feature.dialogs && mapValues(feature.dialogs, dialog),
    intents: feature.intents && intents,
  };
}

function mapValues<T, U>(record: Record<string, T>, f: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));
}
