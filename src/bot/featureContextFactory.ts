/**
 * Builds the SDK-free FeatureContext from a TurnContext: the reply language, the clock and a lazy Teams
 * member lookup for the asker's e-mail.
 */
import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Asker, FeatureContext } from '../features/featureContext.js';
import type { LanguagePreferences } from '../features/language/languagePreference.js';
import type { Logger } from '../logging/logger.js';

/** Stable per-user key for preferences: the Entra object id when Teams gives one. */
export function userKeyOf(context: TurnContext): string {
  const from = context.activity.from;
  return from.aadObjectId ?? from.id;
}

export class FeatureContextFactory {
  constructor(
    private readonly languages: LanguagePreferences,
    private readonly clock: () => Date,
    private readonly logger: Logger,
  ) {}

  async create(context: TurnContext): Promise<FeatureContext> {
    const language = await this.languages.resolve(userKeyOf(context), context.activity.locale);
    let asker: Promise<Asker> | undefined;
    return {
      language,
      now: this.clock(),
      asker: () => (asker ??= this.lookupAsker(context)),
    };
  }

  private async lookupAsker(context: TurnContext): Promise<Asker> {
    const from = context.activity.from;
    const fallback: Asker = { teamsUserId: from.id, aadObjectId: from.aadObjectId, name: from.name };
    try {
      const member = await TeamsInfo.getMember(context, from.id);
      return {
        teamsUserId: from.id,
        aadObjectId: member.aadObjectId ?? from.aadObjectId,
        name: member.name ?? from.name,
        email: member.email ?? undefined,
        userPrincipalName: member.userPrincipalName ?? undefined,
      };
    } catch (err) {
      // Outside Teams (or for a user the roster does not know) the lookup fails; "mina" then matches by object id.
      this.logger.info({ event: 'member.lookupFailed', err: (err as Error).message }, 'member lookup failed');
      return fallback;
    }
  }
}
