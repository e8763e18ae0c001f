/**
 * The two outbox jobs every feature uses to reach people after a turn: replace a posted card, and post a
 * short text. Owned here, beside the Messenger they drive, so no feature defines them for another.
 */
import type { AdaptiveCard } from '../features/featureContext.js';
import type { JobHandlers } from '../outbox/jobs.js';
import type { ConversationTarget, Messenger, PostedCard } from './messenger.js';

export const CARD_UPDATE_JOB = 'card.update';
export const TEXT_MESSAGE_JOB = 'message.text';

/** A draft's form card is replaced only while the draft is still at that revision. */
export interface DraftRevision {
  dnr: string;
  revision: number;
}

declare module '../outbox/jobs.js' {
  interface Jobs {
    [CARD_UPDATE_JOB]: { where: PostedCard; card: AdaptiveCard; draft?: DraftRevision };
    [TEXT_MESSAGE_JOB]: { to: ConversationTarget; text: string };
  }
}

/** `newerThan(draft)`: whether the draft has moved past that revision (a newer card is already shown). */
export function deliveryJobs(messenger: Messenger, newerThan: (draft: DraftRevision) => Promise<boolean>): JobHandlers {
  return {
    [CARD_UPDATE_JOB]: async ({ where, card, draft }) => {
      // Updates can finish out of order; one for an older revision must not cover a newer card.
      if (draft && (await newerThan(draft))) return;
      await messenger.update(where, card);
    },
    [TEXT_MESSAGE_JOB]: ({ to, text }) => messenger.postText(to, text),
  };
}
