/**
 * Where the bot is installed: group chats and team channels (1:1 chats are kept with the person, in the
 * people directory). Stored when the bot is installed or first spoken to there, removed when it is
 * uninstalled, so scheduled messages reach exactly the conversations that still have the bot.
 */
import type { ConversationTarget } from '../../messaging/messenger.js';
import type { RecordStore } from '../../storage/store.js';

export interface Installation {
  schemaVersion: 1;
  target: ConversationTarget;
  installedAt: string;
}

const PREFIX = 'installations/';

/** A channel's messages carry ";messageid=…" after the channel's id; the installation is the channel. */
export function conversationRoot(conversationId: string): string {
  return conversationId.split(';')[0]!;
}

export class Installations {
  constructor(private readonly store: RecordStore) {}

  /** Records a group chat or channel; does nothing if it is already known. */
  async remember(target: ConversationTarget, now: Date): Promise<void> {
    if (target.conversationType !== 'channel' && target.conversationType !== 'groupChat') return;
    const conversationId = conversationRoot(target.conversationId);
    const key = PREFIX + conversationId;
    if (await this.store.get(key)) return;
    await this.store.put(key, {
      schemaVersion: 1,
      target: { ...target, conversationId, userId: undefined },
      installedAt: now.toISOString(),
    } satisfies Installation);
  }

  async forget(conversationId: string): Promise<void> {
    await this.store.delete(PREFIX + conversationRoot(conversationId));
  }

  async list(kind: 'channel' | 'groupChat'): Promise<Installation[]> {
    const found: Installation[] = [];
    for (const key of await this.store.list(PREFIX)) {
      const value = (await this.store.get<Installation>(key))?.value;
      if (value?.target.conversationType === kind) found.push(value);
    }
    return found;
  }
}
