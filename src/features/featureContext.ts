/**
 * What a feature sees of a turn: plain data and small functions, no Bot Framework types. The bot layer
 * builds it from the SDK's TurnContext, so features survive a move to another SDK unchanged.
 */
import type { Language } from '../domain/language.js';
import type { Access } from '../domain/organisations.js';
import type { RefusalCode } from '../i18n/refusals.js';
import type { ConversationTarget, PostedCard } from '../messaging/messenger.js';

export type { PostedCard };

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
  /** Who sent the activity, from the activity itself (no lookup): enough to check an owner. */
  sender: Asker;
  /** Resolves the asker's e-mail/UPN through the Teams member lookup (once per turn). */
  asker(): Promise<Asker>;
  /** What the asker may see and do, by their organisations and roles (once per turn). */
  access(): Promise<Access>;
  conversationKind: 'personal' | 'groupChat' | 'channel';
  /** The current conversation, for posting into it later (from the outbox). */
  conversation: ConversationTarget;
  /** The message whose card button caused this turn (card actions only). */
  invokedCard?: PostedCard;
  /** Posts a card in the current conversation. */
  reply(card: AdaptiveCard): Promise<PostedCard>;
  /** Posts a card in the asker's one-to-one chat with the bot, creating the chat if needed. */
  sendToPersonalChat(card: AdaptiveCard): Promise<PostedCard>;
  /**
   * Replaces a posted card after this turn has been answered (through the outbox). With `draft`, the update
   * is skipped if the draft has moved past that revision by the time it runs: a newer card is already shown.
   */
  updateCardLater(where: PostedCard, card: AdaptiveCard, draft?: { dnr: string; revision: number }): Promise<void>;
  /**
   * Logs the refusal with its code (event card.refused) and returns the card that tells the person why: the
   * catalogue's text, or `text` where the catalogue's message takes arguments (a version number).
   */
  refuse(code: RefusalCode, options?: { backLabel?: string; text?: string }): AdaptiveCard;
}

/** An Adaptive Card as JSON. */
export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard' };
