/**
 * Composition root: settings → dependencies → server.
 */
import 'dotenv/config';
import { createRemissbot } from './app.js';
import { loadSettings, SettingsError } from './config/settings.js';
import { createLogger } from './logging/logger.js';
import { OrganisationFileError } from './config/organisationFile.js';
import { fileStoreProblem } from './storage/createStore.js';

async function main(): Promise<void> {
  let settings;
  try {
    settings = loadSettings(process.env);
  } catch (err) {
    if (err instanceof SettingsError) {
      process.stderr.write(`Remissbot cannot start.\n${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const storeProblem = fileStoreProblem(settings);
  if (storeProblem) {
    process.stderr.write(`Remissbot cannot start.\n  - ${storeProblem}\n`);
    process.exit(2);
  }
  const logger = createLogger(settings.LOG_LEVEL);
  let bot;
  try {
    bot = createRemissbot(settings, { logger });
  } catch (err) {
    if (err instanceof OrganisationFileError) {
      process.stderr.write(`Remissbot cannot start: the organisation configuration is invalid.\n  ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const port = await bot.listen();
  logger.info({ event: 'server.started', port, anonymous: settings.anonymous }, `Remissbot listening on port ${port}`);
  const stop = (signal: string) => {
    logger.info({ event: 'server.stopping', signal }, 'stopping');
    void bot.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
