/**
 * Wires settings to dependencies to the server. Used by src/index.ts and by the end-to-end tests, so the
 * tests run exactly what production runs (only the clock and the log destination can be swapped).
 */
import type { AddressInfo } from 'node:net';
import type restify from 'restify';
import { RemissBot } from './bot/remissBot.js';
import { FeatureContextFactory } from './bot/featureContextFactory.js';
import { turnGate } from './bot/turnGate.js';
import type { Settings } from './config/settings.js';
import { DueFeature } from './features/due/dueHandler.js';
import { LanguagePreferences } from './features/language/languagePreference.js';
import type { Logger } from './logging/logger.js';
import { LocalRemissRepository } from './register/localRemissRepository.js';
import type { RemissRepository } from './register/remissRepository.js';
import { createAdapter, type RemissAdapter } from './server/botAdapter.js';
import { createHttpServer } from './server/httpServer.js';
import { createStore } from './storage/createStore.js';
import type { RecordStore } from './storage/store.js';

export interface RemissbotOptions {
  logger: Logger;
  clock?: () => Date;
}

export interface Remissbot {
  server: restify.Server;
  store: RecordStore;
  register: RemissRepository;
  listen(): Promise<number>;
  close(): Promise<void>;
}

/** Local clients (the Agents Playground speaks as msteams; the Bot Framework Emulator as emulator). */
const DEVELOPMENT_CHANNELS = ['emulator', 'webchat'];

/** The adapter with its middleware: only the configured channels and tenants reach the bot. */
export function createGatedAdapter(settings: Settings, logger: Logger): RemissAdapter {
  const adapter = createAdapter(settings, logger);
  adapter.use(
    turnGate({
      allowedChannels: settings.NODE_ENV === 'production' ? ['msteams'] : ['msteams', ...DEVELOPMENT_CHANNELS],
      allowedTenants: settings.allowedTenants,
      logger,
    }),
  );
  return adapter;
}

export function createRemissbot(settings: Settings, options: RemissbotOptions): Remissbot {
  const { logger } = options;
  const clock = options.clock ?? (() => new Date());
  const store = createStore(settings);
  const register = new LocalRemissRepository(store);
  const languages = new LanguagePreferences(store, settings.BOT_LANGUAGE);
  const bot = new RemissBot({
    store,
    languages,
    contexts: new FeatureContextFactory(languages, clock, logger),
    due: new DueFeature(register),
    logger,
  });
  const adapter = createGatedAdapter(settings, logger);
  const server = createHttpServer(adapter, bot, logger);

  if (settings.anonymous) {
    logger.warn(
      { event: 'auth.anonymous' },
      'LOCAL ANONYMOUS MODE: MicrosoftAppId is empty, so requests are NOT authenticated. Never expose this instance to a network.',
    );
  }
  if (settings.allowedTenants.length === 0) {
    logger.warn({ event: 'tenants.any' }, 'ALLOWED_TENANTS is empty: activities from any tenant are served (development only).');
  }

  return {
    server,
    store,
    register,
    listen: () =>
      new Promise((resolve) => {
        server.listen(settings.PORT, settings.HOST, () => resolve((server.address() as AddressInfo).port));
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
