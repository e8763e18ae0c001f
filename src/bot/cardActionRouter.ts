/**
 * Routes Action.Execute verbs to feature handlers: one entry per verb instead of a long switch. Each
 * handler receives the untrusted `data` and must validate it.
 */
import type { AdaptiveCard, FeatureContext } from '../features/featureContext.js';

export type CardActionHandler = (ctx: FeatureContext, data: unknown) => Promise<AdaptiveCard>;

export class CardActionRouter {
  private readonly handlers = new Map<string, CardActionHandler>();

  on(verb: string, handler: CardActionHandler): this {
    this.handlers.set(verb, handler);
    return this;
  }

  find(verb: string): CardActionHandler | undefined {
    return this.handlers.get(verb);
  }
}
