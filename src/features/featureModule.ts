/**
 * What a feature declares to the bot, instead of the bot knowing the feature: the card verbs it answers, the
 * message intents it handles, the outbox jobs it runs and the store keys it owns. The bot's router, the
 * outbox and retention are built from these declarations (src/app.ts), so a verb, job kind or key prefix
 * exists exactly where its feature says so.
 */
import type { Intent } from '../domain/intents.js';
import type { JobHandlers } from '../outbox/jobs.js';
import type { KeySpace } from '../storage/keyspace.js';
import type { AdaptiveCard, FeatureContext } from './featureContext.js';

/** Answers an Action.Execute; `data` is untrusted and must be validated. */
export type CardActionHandler = (ctx: FeatureContext, data: unknown) => Promise<AdaptiveCard>;

/**
 * A Teams dialog (task module): what it shows, as plain data. `card` opens (or keeps open) the dialog with that
 * card; `done` closes it with a short message. `data` is untrusted and must be validated.
 */
export type DialogResponse = { title: string; card: AdaptiveCard } | { done: string };
export interface DialogHandler {
  /** task/fetch: the dialog opens. */
  fetch(ctx: FeatureContext, data: unknown): Promise<DialogResponse>;
  /** task/submit: the dialog's button was pressed. */
  submit(ctx: FeatureContext, data: unknown): Promise<DialogResponse>;
}

export type IntentKind = Intent['kind'];

/** Answers a message; undefined when the feature has posted its own reply. */
export type IntentHandler<K extends IntentKind> = (
  ctx: FeatureContext,
  intent: Extract<Intent, { kind: K }>,
) => Promise<AdaptiveCard | undefined>;

export type IntentHandlers = { [K in IntentKind]?: IntentHandler<K> };

export interface FeatureModule {
  name: string;
  /** Card verbs (Action.Execute) and their handlers: `<feature>.<action>`. */
  verbs?: Record<string, CardActionHandler>;
  intents?: IntentHandlers;
  /** Dialogs, by the name their opening button carries as `dialog`: `<feature>.<dialog>`. */
  dialogs?: Record<string, DialogHandler>;
  jobs?: JobHandlers;
  keys?: KeySpace[];
}

/** The declarations of several features, checked: a verb, intent or job kind belongs to one feature only. */
export function combineFeatures(features: readonly FeatureModule[]): Required<Omit<FeatureModule, 'name'>> {
  const combined = { verbs: {}, intents: {}, dialogs: {}, jobs: {}, keys: [] } as Required<Omit<FeatureModule, 'name'>>;
  for (const feature of features) {
    for (const part of ['verbs', 'intents', 'dialogs', 'jobs'] as const) {
      for (const [name, handler] of Object.entries(feature[part] ?? {})) {
        if (name in combined[part]) throw new DeclarationError(`${part} "${name}" is declared twice (${feature.name})`);
        (combined[part] as Record<string, unknown>)[name] = handler;
      }
    }
    for (const keys of feature.keys ?? []) {
      const same = combined.keys.find((k) => k.prefix === keys.prefix && k.suffix === keys.suffix);
      if (same) throw new DeclarationError(`keys "${keys.prefix}" are owned twice (${same.owner}, ${keys.owner})`);
      combined.keys.push(keys);
    }
  }
  return combined;
}

/** Two features claim the same name: a programming error, found at start. */
export class DeclarationError extends Error {
  readonly code = 'DECLARATION_CONFLICT';
  constructor(message: string) {
    super(message);
    this.name = 'DeclarationError';
  }
}
