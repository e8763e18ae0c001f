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

export interface Messenger {
  post(to: ConversationTarget, card: AdaptiveCard): Promise<PostedCard>;
  postText(to: ConversationTarget, text: string): Promise<void>;
  update(where: PostedCard, card: AdaptiveCard): Promise<void>;
  /** Creates (or reopens) the person's 1:1 chat with the bot. */
  openPersonalChat(person: PersonAddress, via: Omit<ConversationTarget, 'conversationId' | 'userId'>): Promise<ConversationTarget>;
}
