/**
 * The Bot Framework adapter with the bot's middleware: only the configured channels and tenants reach the bot,
 * and an activity Teams delivers twice is handled once.
 */
import type { Settings } from '../config/settings.js';
import type { Logger } from '../logging/logger.js';
import { createAdapter, type RemissAdapter } from '../server/botAdapter.js';
import type { RecordStore } from '../storage/store.js';
import { duplicateGuard } from './duplicateGuard.js';
import { turnGate } from './turnGate.js';

/** Local clients (the Agents Playground speaks as msteams; the Bot Framework Emulator as emulator). */
const DEVELOPMENT_CHANNELS = ['emulator', 'webchat'];

export function createGatedAdapter(settings: Settings, logger: Logger, store: RecordStore): RemissAdapter {
  const adapter = createAdapter(settings, logger);
  adapter.use(
    turnGate({
      allowedChannels: settings.NODE_ENV === 'production' ? ['msteams'] : ['msteams', ...DEVELOPMENT_CHANNELS],
      allowedTenants: settings.allowedTenants,
      logger,
    }),
  );
  adapter.use(duplicateGuard(store, logger, settings.BOT_LANGUAGE));
  return adapter;
}
