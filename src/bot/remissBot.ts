/**
 * Activity routing: messages go through intent matching to features; card actions go through the verb
 * router; installs get the welcome card once per conversation.
 */
import {
  ActivityHandler,
  CardFactory,
  MessageFactory,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { matchIntent, type Intent } from '../domain/intents.js';
import { notUnderstoodCard } from '../features/commands/commandsCard.js';
import type { ConversationsWorkflow } from '../features/people/conversationsWorkflow.js';
import {
  combineFeatures,
  type DialogHandler,
  type DialogResponse,
  type FeatureModule,
  type IntentHandler,
  type IntentKind,
} from '../features/featureModule.js';
import type { AdaptiveCard, FeatureContext } from '../features/featureContext.js';
import type { LanguagePreferences } from '../features/language/languagePreference.js';
import { messages } from '../i18n/messages.js';
import type { Logger } from '../logging/logger.js';
import { CardActionRouter } from './cardActionRouter.js';
import { userKeyOf, type FeatureContextFactory } from './featureContextFactory.js';

export interface RemissBotDependencies {
  contexts: FeatureContextFactory;
  languages: LanguagePreferences;
  /** Every feature's declarations: the router and the message intents are built from them. */
  features: readonly FeatureModule[];
  /** Welcomes, remembers and forgets the conversations the bot is in. */
  conversations: ConversationsWorkflow;
  logger: Logger;
}

const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
const MAX_MESSAGE_TEXT = 2_000;

export class RemissBot extends ActivityHandler {
  private readonly router: CardActionRouter;
  private readonly intents: ReturnType<typeof combineFeatures>['intents'];
  private readonly dialogs: ReadonlyMap<string, DialogHandler>;

  constructor(private readonly deps: RemissBotDependencies) {
    super();
    const declared = combineFeatures(deps.features);
    this.router = new CardActionRouter(declared.verbs);
    this.intents = declared.intents;
    this.dialogs = new Map(Object.entries(declared.dialogs));

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcomeOnce(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.forgetConversation(context);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      if (context.activity.membersRemoved?.some((m) => m.id === context.activity.recipient.id))
        await this.forgetConversation(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient.id;
      if (context.activity.membersAdded?.some((m) => m.id === botId)) await this.welcomeOnce(context);
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const ctx = await this.deps.contexts.create(context);
    const verb = typeof invokeValue.action?.verb === 'string' ? invokeValue.action.verb : '';
    const handler = this.router.find(verb);
    this.deps.logger.info({ event: 'card.action', verb: handler ? verb : '(unknown)' }, 'card action');
    const card = handler ? await handler(ctx, invokeValue.action.data) : ctx.refuse('UNKNOWN_VERB');
    return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card };
  }

  /** Teams dialogs (task modules) open with task/fetch and send with task/submit; other invokes as before. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const name = context.activity.name;
    if (name !== 'task/fetch' && name !== 'task/submit') return super.onInvokeActivity(context);
    const data = (context.activity.value as { data?: unknown } | undefined)?.data;
    const dialogName = (data as { dialog?: unknown } | undefined)?.dialog;
    const dialog = typeof dialogName === 'string' ? this.dialogs.get(dialogName) : undefined;
    const ctx = await this.deps.contexts.create(context);
    this.deps.logger.info({ event: 'dialog', name, dialog: dialog ? dialogName : '(unknown)' }, 'dialog');
    const response: DialogResponse = !dialog
      ? { title: '', card: ctx.refuse('UNKNOWN_VERB') }
      : name === 'task/fetch'
        ? await dialog.fetch(ctx, data)
        : await dialog.submit(ctx, data);
    return { status: 200, body: taskResponse(response) };
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const text = messageText(context);
    const intent = text ? matchIntent(text) : undefined;
    this.deps.logger.info(
      { event: 'message', intent: intent?.kind ?? 'none', length: text.length },
      'message received',
    );
    if (intent?.kind === 'setLanguage') {
      await this.deps.languages.choose(userKeyOf(context), intent.language);
      await context.sendActivity(messages(intent.language).languageSet);
      return;
    }
    const ctx = await this.deps.contexts.create(context);
    await this.deps.conversations.remember(ctx);
    const card = await this.answer(ctx, intent);
    if (card) await sendCard(context, card);
  }

  /** The card that answers a message; undefined when the feature has already posted its own. */
  private answer(ctx: FeatureContext, intent: Intent | undefined): Promise<AdaptiveCard | undefined> {
    const handler = intent && (this.intents[intent.kind] as IntentHandler<IntentKind> | undefined);
    return handler ? handler(ctx, intent) : Promise.resolve(notUnderstoodCard(ctx.language));
  }

  private async welcomeOnce(context: TurnContext): Promise<void> {
    const card = await this.deps.conversations.welcomeOnce(await this.deps.contexts.create(context));
    if (card) await sendCard(context, card);
  }

  private async forgetConversation(context: TurnContext): Promise<void> {
    await this.deps.conversations.forget(await this.deps.contexts.create(context));
  }
}

/** The typed text, or the command of a button pressed on one of our cards (Action.Submit). */
function messageText(context: TurnContext): string {
  const { text, value } = context.activity;
  const command = (value as { command?: unknown } | undefined)?.command;
  const raw = typeof text === 'string' && text.trim() ? text : typeof command === 'string' ? command : '';
  return raw.slice(0, MAX_MESSAGE_TEXT);
}

/** A dialog's response as Teams takes it: a card to show in the dialog, or a message that closes it. */
function taskResponse(response: DialogResponse): unknown {
  if ('done' in response) return { task: { type: 'message', value: response.done } };
  const card = CardFactory.adaptiveCard(response.card);
  return { task: { type: 'continue', value: { title: response.title, width: 'large', height: 'large', card } } };
}

async function sendCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}
