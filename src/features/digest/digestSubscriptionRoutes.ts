/**
 * "avsluta digest", "prenumerera", "digest varje dag", "digest varje vecka": people manage their digest in chat.
 * The asker's e-mail names their preference; without one the change is refused (EMAIL_UNKNOWN).
 */
import { messages } from '../../i18n/messages.js';
import { messageCard } from '../../cards/messageCard.js';
import type { AdaptiveCard, FeatureContext } from '../featureContext.js';
import type { DigestPreferences } from './digestPreferences.js';

export type DigestChange = 'off' | 'on' | 'daily' | 'weekly';

export class DigestSubscriptionRoutes {
  constructor(private readonly preferences: DigestPreferences) {}

  async change(ctx: FeatureContext, change: DigestChange): Promise<AdaptiveCard> {
    const t = messages(ctx.language);
    const asker = await ctx.asker();
    const email = asker.email ?? asker.userPrincipalName;
    if (!email) return ctx.refuse('EMAIL_UNKNOWN');
    const update = {
      off: { subscribed: false },
      on: { subscribed: true },
      daily: { subscribed: true, frequency: 'daily' as const },
      weekly: { subscribed: true, frequency: 'weekly' as const },
    }[change];
    await this.preferences.set(email, update, ctx.now);
    return messageCard({ off: t.digestOff, on: t.digestOn, daily: t.digestDaily, weekly: t.digestWeekly }[change]);
  }
}
