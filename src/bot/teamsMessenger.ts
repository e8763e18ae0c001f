/**
 * Proactive sending through the Bot Framework: posting, replacing and creating one-to-one chats outside the
 * turn that asked for it. This is the one place that turns our ConversationTarget into Bot Framework
 * conversation references.
 */
import {
  CardFactory,
  MessageFactory,
  type ConversationParameters,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import type { AdaptiveCard } from '../features/featureContext.js';
import {
  DeliveryFailedError,
  RecipientUnreachableError,
  type ConversationTarget,
  type Messenger,
  type PersonAddress,
  type PostedCard,
} from '../messaging/messenger.js';
import type { RemissAdapter } from '../server/botAdapter.js';

export function cardActivity(card: AdaptiveCard) {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

export function tenantOfActivity(context: TurnContext): string | undefined {
  const a = context.activity;
  return a.conversation.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
}

/** The current conversation as a target for later posts. */
export function conversationOf(context: TurnContext): ConversationTarget {
  const a = context.activity;
  return {
    serviceUrl: a.serviceUrl,
    channelId: a.channelId,
    conversationId: a.conversation.id,
    conversationType: a.conversation.conversationType || 'personal',
    tenantId: tenantOfActivity(context),
    botId: a.recipient.id,
    userId: a.from.id,
  };
}

export function postedCardOf(context: TurnContext, activityId: string): PostedCard {
  return { ...conversationOf(context), activityId };
}

function referenceOf(to: ConversationTarget): Partial<ConversationReference> {
  return {
    serviceUrl: to.serviceUrl,
    channelId: to.channelId,
    conversation: {
      id: to.conversationId,
      tenantId: to.tenantId,
      isGroup: to.conversationType !== undefined && to.conversationType !== 'personal',
      conversationType: to.conversationType ?? 'personal',
      name: '',
    },
    bot: { id: to.botId, name: '' },
    user: { id: to.userId ?? '', name: '' },
  };
}

/** The connector's error code and HTTP status, whatever shape the SDK wrapped them in. */
function connectorError(err: unknown): { status?: number; code?: string } {
  const e = err as {
    statusCode?: number;
    code?: string;
    body?: { error?: { code?: string } };
    response?: { status?: number; parsedBody?: { error?: { code?: string } } };
  };
  return {
    status: e.statusCode ?? e.response?.status,
    code: e.body?.error?.code ?? e.response?.parsedBody?.error?.code ?? e.code,
  };
}

/**
 * Turns the connector's refusal into what the caller acts on. The connector client has already retried 429 and
 * 5xx; what reaches here is final for this attempt.
 */
function deliveryFailure(err: unknown): Error {
  const { status, code } = connectorError(err);
  const detail = code ?? String(status ?? 'unknown');
  if (code === 'BotNotInConversationRoster')
    return new RecipientUnreachableError(`Teams refused the message (${detail})`);
  if (code === 'BotDisabledByAdmin') return new DeliveryFailedError('botDisabled', detail);
  if (status === 401) return new DeliveryFailedError('unauthorized', detail);
  if (status === 403) return new DeliveryFailedError('blocked', detail);
  if (status === 404 || code === 'ConversationNotFound') return new DeliveryFailedError('conversationNotFound', detail);
  if (status === 429) return new DeliveryFailedError('throttled', detail);
  return err instanceof Error ? err : new Error(String(err));
}

export class TeamsMessenger implements Messenger {
  constructor(
    private readonly adapter: RemissAdapter,
    private readonly botAppId: string,
  ) {}

  async post(to: ConversationTarget, card: AdaptiveCard): Promise<PostedCard> {
    let id = '';
    await this.continueIn(to, async (context) => {
      id = (await context.sendActivity(cardActivity(card)))?.id ?? '';
    });
    return { ...to, activityId: id };
  }

  async postText(to: ConversationTarget, text: string): Promise<void> {
    await this.continueIn(to, async (context) => {
      await context.sendActivity(text);
    });
  }

  /**
   * Runs `logic` in the conversation. The adapter hands a failure inside the logic to its turn-error handler
   * and returns normally; the caller must know, so the failure is caught here and thrown, classified.
   */
  private async continueIn(to: ConversationTarget, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    let failure: unknown;
    await this.adapter.continueConversationAsync(this.botAppId, referenceOf(to), async (context) => {
      try {
        await logic(context);
      } catch (err) {
        failure = err;
      }
    });
    if (failure !== undefined) throw deliveryFailure(failure);
  }

  async update(where: PostedCard, card: AdaptiveCard): Promise<void> {
    await this.continueIn(where, async (context) => {
      await context.updateActivity({ ...cardActivity(card), id: where.activityId });
    });
  }

  async openPersonalChat(
    person: PersonAddress,
    via: Omit<ConversationTarget, 'conversationId' | 'userId'>,
  ): Promise<ConversationTarget> {
    const memberId = person.teamsUserId ?? person.aadObjectId;
    if (!memberId) throw new RecipientUnreachableError('No Teams user id or Entra object id to address');
    const parameters = {
      isGroup: false,
      bot: { id: via.botId, name: '' },
      members: [{ id: memberId, name: '' }],
      tenantId: via.tenantId,
      channelData: { tenant: { id: via.tenantId } },
    } as ConversationParameters;
    let conversationId = '';
    try {
      await this.adapter.createConversationAsync(
        this.botAppId,
        via.channelId,
        via.serviceUrl,
        '',
        parameters,
        async (context) => {
          conversationId = context.activity.conversation.id;
        },
      );
    } catch (err) {
      const failure = deliveryFailure(err);
      // Creating a 1:1 chat for someone without the app installed is refused with a plain 403.
      throw failure instanceof DeliveryFailedError && failure.kind === 'blocked'
        ? new RecipientUnreachableError(failure.message)
        : failure;
    }
    return { ...via, conversationId, conversationType: 'personal', userId: memberId };
  }
}
