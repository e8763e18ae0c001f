/**
 * Proactive messaging as features and outbox jobs see it: our own interface, implemented with the Bot
 * Framework in src/bot/teamsMessenger.ts, so a move to another SDK touches that file alone.
 */
import type { AdaptiveCard } from '../features/featureContext.js';

/** A conversation the bot can post in, from any instance, at any later time. */
export interface ConversationTarget {
  serviceUrl: string;
  channelId: string;
  conversationId: string;
  tenantId?: string;
  botId: string;
  userId?: string;
  /** 'personal', 'groupChat' or 'channel'; Teams refuses any other value. */
  conversationType?: string;
}

/** A card the bot posted: where, and which message. */
export interface PostedCard extends ConversationTarget {
  activityId: string;
}

export interface PersonAddress {
  teamsUserId?: string;
  aadObjectId?: string;
}

/** The app is not installed for the person (Teams answers 403 BotNotInConversationRoster). */
export class RecipientUnreachableError extends Error {
  readonly code = 'RECIPIENT_NOT_INSTALLED';
  constructor(message: string) {
    super(message);
    this.name = 'RecipientUnreachableError';
  }
}

/**
 * Why Teams refused a proactive message, by what the caller must do about it:
 * - blocked: the person blocked the bot (403); stop writing to them.
 * - conversationNotFound: the conversation is gone (404); recreate the 1:1 chat and try again.
 * - botDisabled: an admin blocked the app (403 BotDisabledByAdmin); nobody can be reached, stop.
 * - unauthorized: the bot's own credentials are refused (401); nobody can be reached, stop.
 * - throttled: still 429 after the connector client's own retries; slow down.
 */
export type DeliveryFailureKind = 'blocked' | 'conversationNotFound' | 'botDisabled' | 'unauthorized' | 'throttled';

export class DeliveryFailedError extends Error {
  readonly code: string;
  constructor(
    readonly kind: DeliveryFailureKind,
    detail: string,
  ) {
    super(`Teams refused the message (${kind}: ${detail})`);
    this.name = 'DeliveryFailedError';
    this.code = `DELIVERY_${kind.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
  }
}

export interface Messenger {
  post(to: ConversationTarget, card: AdaptiveCard): Promise<PostedCard>;
  postText(to: ConversationTarget, text: string): Promise<void>;
  update(where: PostedCard, card: AdaptiveCard): Promise<void>;
  /** Creates (or reopens) the person's 1:1 chat with the bot. */
  openPersonalChat(
    person: PersonAddress,
    via: Omit<ConversationTarget, 'conversationId' | 'userId'>,
  ): Promise<ConversationTarget>;
}
