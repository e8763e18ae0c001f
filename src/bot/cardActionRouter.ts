/**
 * Routes Action.Execute verbs to the handlers the features declared (src/features/featureModule.ts): one
 * entry per verb instead of a long switch.
 */
import type { CardActionHandler } from '../features/featureModule.js';

export class CardActionRouter {
  private readonly handlers: ReadonlyMap<string, CardActionHandler>;

  constructor(verbs: Readonly<Record<string, CardActionHandler>>) {
    this.handlers = new Map(Object.entries(verbs));
  }

  find(verb: string): CardActionHandler | undefined {
    return this.handlers.get(verb);
  }

  verbs(): string[] {
    return [...this.handlers.keys()];
  }
}
