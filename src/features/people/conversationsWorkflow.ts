/**
 * Where the bot can reach people later: the welcome on install (once per conversation), each person's 1:1
 * chat and e-mail kept up to date as they write, and the conversations forgotten when the app is removed.
 */
import { welcomeCard } from '../commands/commandsCard.js';
import type { AdaptiveCard, FeatureContext } from '../featureContext.js';
import type { Installations } from '../conversations/installations.js';
import type { Logger } from '../../logging/logger.js';
import { writeUnlessRaced } from '../../storage/conditionalUpdate.js';
import type { RecordStore } from '../../storage/store.js';
import type { PeopleDirectory } from './peopleDirectory.js';

export const welcomedKey = (conversationId: string) => `conversations/${conversationId}/welcomed`;

export class ConversationsWorkflow {
  constructor(
    private readonly store: RecordStore,
    private readonly people: PeopleDirectory,
    private readonly installations: Installations,
    private readonly logger: Logger,
  ) {}

  /** Teams sends both conversationUpdate and installationUpdate on install: a stored marker greets once. */
  async welcomeOnce(ctx: FeatureContext): Promise<AdaptiveCard | undefined> {
    const marker = { schemaVersion: 1, at: ctx.now.toISOString() };
    if (!(await writeUnlessRaced(() => this.store.create(welcomedKey(ctx.conversation.conversationId), marker))))
      return undefined;
    await this.remember(ctx);
    return welcomeCard(ctx.language);
  }

  /**
   * Keeps the person's 1:1 chat and e-mail, so proactive messages (an approval request) can reach them, or the
   * channel or group chat the message came from. The member lookup runs once per person, not on every message.
   */
  async remember(ctx: FeatureContext): Promise<void> {
    if (ctx.conversationKind !== 'personal') return this.installations.remember(ctx.conversation, ctx.now);
    const known = await this.people.get(ctx.sender.aadObjectId ?? ctx.sender.teamsUserId);
    const sameChat =
      known?.personalChat?.conversationId === ctx.conversation.conversationId &&
      known.personalChat.serviceUrl === ctx.conversation.serviceUrl;
    if (known?.email && sameChat && !known.retiredAt) return;
    const asker = await ctx.asker();
    await this.people.remember(
      {
        teamsUserId: asker.teamsUserId,
        aadObjectId: asker.aadObjectId,
        email: asker.email ?? asker.userPrincipalName,
        name: asker.name,
        personalChat: ctx.conversation,
      },
      ctx.now,
    );
  }

  /**
   * The app was uninstalled (or removed from a team or chat): scheduled messages stop going there. A personal
   * uninstall forgets the person's 1:1 chat; it is created again if they install the app again.
   */
  async forget(ctx: FeatureContext): Promise<void> {
    this.logger.info(
      { event: 'conversation.uninstalled', kind: ctx.conversationKind },
      'bot removed from a conversation',
    );
    const { conversationId } = ctx.conversation;
    if (ctx.conversationKind !== 'personal') return this.installations.forget(conversationId);
    const person = await this.people.get(ctx.sender.aadObjectId ?? ctx.sender.teamsUserId);
    if (person?.personalChat?.conversationId === conversationId)
      await this.people.update(person, { personalChat: undefined }, ctx.now);
  }
}
