/**
 * What a feature sees of a turn: plain data and small functions, no Bot Framework types. The bot layer
 * builds it from the SDK's TurnContext, so features survive a move to another SDK unchanged.
 */
import type { Language } from '../domain/language.js';

/** The person who sent the activity, as far as Teams tells us. */
export interface Asker {
  teamsUserId: string;
  aadObjectId?: string;
  name?: string;
  email?: string;
  userPrincipalName?: string;
}

export interface FeatureContext {
  language: Language;
  now: Date;
  /** Resolves the asker's e-mail/UPN through the Teams member lookup (once per turn). */
  asker(): Promise<Asker>;
}

/** An Adaptive Card as JSON. */
export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard' };
