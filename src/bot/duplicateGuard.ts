/**
 * Teams retries a request it thinks went unanswered, with the same activity id. This middleware records
 * each message and card action by id (create-if-absent, so it holds across instances) and lets a repeat
 * through only once. A repeated card action is told it was already handled, in the user's language.
 */
import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { Language } from '../domain/language.js';
import {
  LanguagePreferences,
  languageFromLocale,
  type LanguageSetting,
} from '../features/language/languagePreference.js';
import { messages } from '../i18n/messages.js';
import type { Logger } from '../logging/logger.js';
import { StoreConflictError, type RecordStore } from '../storage/store.js';
import { userKeyOf } from './featureContextFactory.js';

/**
 * The repeat's notice is in the user's own choice of language, else the deployment's BOT_LANGUAGE (languageSetting);
 * without it ('auto'), the activity's locale decides.
 */
export function duplicateGuard(
  store: RecordStore,
  logger: Logger,
  languageSetting: LanguageSetting = 'auto',
): Middleware {
  const languages = new LanguagePreferences(store, languageSetting);
  const languageOf = async (context: TurnContext): Promise<Language> => {
    try {
      return await languages.resolve(userKeyOf(context), context.activity.locale);
    } catch {
      return languageFromLocale(context.activity.locale);
    }
  };
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
          const text = messages(await languageOf(context)).alreadyHandled;
          await context.sendActivity({
            type: ActivityTypes.InvokeResponse,
            value: {
              status: 200,
              body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text },
            },
          });
        }
        return;
      }
      return next();
    },
  };
}
