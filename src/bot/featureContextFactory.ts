/**
 * Builds the SDK-free FeatureContext from a TurnContext: the reply language, the clock, a lazy Teams member
 * lookup for the asker's e-mail, and posting through the TeamsMessenger.
 */
import { TeamsInfo, type TurnContext } from 'botbuilder';
import { Access, type OrganisationDirectory } from '../domain/organisations.js';
import { AskerCache } from './askerCache.js';
import type { Asker, FeatureContext } from '../features/featureContext.js';
import type { LanguagePreferences } from '../features/language/languagePreference.js';
import type { Logger } from '../logging/logger.js';
import type { Messenger } from '../messaging/messenger.js';
import type { Outbox } from '../outbox/outbox.js';
import { cardActivity, conversationOf, postedCardOf } from './teamsMessenger.js';
import { messageCard } from '../cards/messageCard.js';
import { messages } from '../i18n/messages.js';
import { refusalText } from '../i18n/refusals.js';
import { CARD_UPDATE_JOB } from '../messaging/deliveryJobs.js';

/** Stable per-user key for preferences: the Entra object id when Teams gives one. */
export function userKeyOf(context: TurnContext): string {
  const from = context.activity.from;
  return from.aadObjectId ?? from.id;
}

function conversationKindOf(context: TurnContext): FeatureContext['conversationKind'] {
  const type = context.activity.conversation.conversationType;
  return type === 'channel'
    ? 'channel'
    : type === 'groupChat' || context.activity.conversation.isGroup
      ? 'groupChat'
      : 'personal';
}

export class FeatureContextFactory {
  constructor(
    private readonly languages: LanguagePreferences,
    private readonly messenger: Messenger,
    private readonly outbox: Outbox,
    private readonly clock: () => Date,
    private readonly logger: Logger,
    private readonly organisations: OrganisationDirectory,
  ) {}

  /** Recent askers' member lookups (see askerCache.ts). */
  private readonly askers = new AskerCache(() => this.clock().getTime());

  async create(context: TurnContext): Promise<FeatureContext> {
    const language = await this.languages.resolve(userKeyOf(context), context.activity.locale);
    let asker: Promise<Asker> | undefined;
    let access: Promise<Access> | undefined;
    const replyToId = context.activity.type === 'invoke' ? context.activity.replyToId : undefined;
    const from = context.activity.from;
    return {
      language,
      now: this.clock(),
      sender: { teamsUserId: from.id, aadObjectId: from.aadObjectId, name: from.name },
      asker: () => (asker ??= this.lookupAsker(context)),
      // One organisation without members checks nobody, so it needs no member lookup.
      access: () =>
        (access ??= this.organisations.single
          ? Access.of(this.organisations, {})
          : (asker ??= this.lookupAsker(context)).then((who) => Access.of(this.organisations, who))),
      conversationKind: conversationKindOf(context),
      conversation: conversationOf(context),
      invokedCard: replyToId ? postedCardOf(context, replyToId) : undefined,
      reply: async (card) => postedCardOf(context, (await context.sendActivity(cardActivity(card)))?.id ?? ''),
      sendToPersonalChat: async (card) => {
        const here = conversationOf(context);
        const chat = await this.messenger.openPersonalChat({ teamsUserId: from.id }, here);
        return this.messenger.post(chat, card);
      },
      refuse: (code, options) => {
        this.logger.info({ event: 'card.refused', code, activity: context.activity.type }, 'action refused');
        return messageCard(options?.text ?? refusalText(messages(language), code), {
          backLabel: options?.backLabel,
          refusal: code,
        });
      },
      updateCardLater: (where, card, draft) =>
        this.outbox.enqueue(CARD_UPDATE_JOB, { where, card, draft }).then(() => undefined),
    };
  }

  private async lookupAsker(context: TurnContext): Promise<Asker> {
    const from = context.activity.from;
    const fallback: Asker = { teamsUserId: from.id, aadObjectId: from.aadObjectId, name: from.name };
    const key = `${context.activity.conversation.tenantId ?? ''}|${from.id}`;
    const known = this.askers.get(key);
    if (known) return known;
    try {
      const member = await TeamsInfo.getMember(context, from.id);
      const asker: Asker = {
        teamsUserId: from.id,
        aadObjectId: member.aadObjectId ?? from.aadObjectId,
        name: member.name ?? from.name,
        email: member.email ?? undefined,
        userPrincipalName: member.userPrincipalName ?? undefined,
      };
      this.askers.set(key, asker);
      return asker;
    } catch (err) {
      // Outside Teams (or for a user the roster does not know) the lookup fails; matching then uses the object id.
      this.logger.info({ event: 'member.lookupFailed', err: (err as Error).message }, 'member lookup failed');
      return fallback;
    }
  }
}
