/**
 * Teams retries a request it thinks went unanswered, with the same activity id. This middleware records
 * each message and card action by id (create-if-absent, so it holds across instances) and lets a repeat
 * through only once.
 */
import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger.js';
import { StoreConflictError, type RecordStore } from '../storage/store.js';

export function duplicateGuard(store: RecordStore, logger: Logger): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const { type, id, channelId, conversation } = context.activity;
      if (!id || (type !== ActivityTypes.Message && type !== ActivityTypes.Invoke)) return next();
      try {
        await store.create(`seen-activities/${channelId}/${conversation.id}/${id}`, {
          schemaVersion: 1,
          at: new Date().toISOString(),
        });
      } catch (err) {
        if (!(err instanceof StoreConflictError)) throw err;
        logger.info({ event: 'activity.duplicate', activityType: type }, 'duplicate activity ignored');
        if (type === ActivityTypes.Invoke) {
          await context.sendActivity({
            type: ActivityTypes.InvokeResponse,
            value: {
              status: 200,
              body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Redan hanterat.' },
            },
          });
        }
        return;
      }
      return next();
    },
  };
}
