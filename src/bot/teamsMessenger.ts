/**
 * Proactive sending through the Bot Framework: posting, replacing and creating one-to-one chats outside the
 * turn that asked for it. Features see only the PostedCard data type; this is the one place that turns it
 * into Bot Framework conversation references.
 */
import { CardFactory, MessageFactory, type ConversationParameters, type ConversationReference, type TurnContext } from 'botbuilder';
import type { AdaptiveCard, PostedCard } from '../features/featureContext.js';
import type { Logger } from '../logging/logger.js';
import type { RemissAdapter } from '../server/botAdapter.js';

export function cardActivity(card: AdaptiveCard) {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

/** Where the current activity came from, as a PostedCard for `activityId`. */
export function postedCardOf(context: TurnContext, activityId: string): PostedCard {
  const a = context.activity;
  return {
    serviceUrl: a.serviceUrl,
    channelId: a.channelId,
    conversationId: a.conversation.id,
    activityId,
    tenantId: a.conversation.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id,
    botId: a.recipient.id,
    userId: a.from.id,
  };
}

function referenceOf(where: PostedCard): Partial<ConversationReference> {
  return {
    serviceUrl: where.serviceUrl,
    channelId: where.channelId,
    conversation: { id: where.conversationId, tenantId: where.tenantId, isGroup: false, conversationType: '', name: '' },
    bot: { id: where.botId, name: '' },
    user: { id: where.userId, name: '' },
  };
}

export class TeamsMessenger {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly adapter: RemissAdapter,
    private readonly botAppId: string,
    private readonly logger: Logger,
  ) {}

  /** Replaces a posted card. */
  async update(where: PostedCard, card: AdaptiveCard): Promise<void> {
    await this.adapter.continueConversationAsync(this.botAppId, referenceOf(where), async (context) => {
      await context.updateActivity({ ...cardActivity(card), id: where.activityId });
    });
  }

  /** Replaces a posted card after the current turn has been answered; failures are logged, not thrown. */
  updateLater(where: PostedCard, card: AdaptiveCard): void {
    const work = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.update(where, card))
      .catch((err: Error) => this.logger.warn({ event: 'card.updateFailed', err: err.message }, 'could not update a posted card'))
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
  }

  /** Waits for the updates still under way (a clean shutdown lets them finish). */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** Posts a card in the user's one-to-one chat with the bot, creating the chat through the connector. */
  async sendToPersonalChat(from: TurnContext, card: AdaptiveCard): Promise<PostedCard> {
    const a = from.activity;
    const tenantId = a.conversation.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
    const parameters = {
      isGroup: false,
      bot: a.recipient,
      members: [{ id: a.from.id, name: a.from.name ?? '' }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    } as ConversationParameters;
    let posted: PostedCard | undefined;
    await this.adapter.createConversationAsync(this.botAppId, a.channelId, a.serviceUrl, '', parameters, async (context) => {
      const sent = await context.sendActivity(cardActivity(card));
      // The "create conversation" turn has no from/recipient: they are the original asker and the bot.
      posted = { serviceUrl: a.serviceUrl, channelId: a.channelId, conversationId: context.activity.conversation.id, activityId: sent?.id ?? '', tenantId, botId: a.recipient.id, userId: a.from.id };
    });
    if (!posted) throw new Error('The one-to-one chat was created but nothing was posted');
    return posted;
  }
}
