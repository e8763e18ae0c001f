/** Settings that are fine for development and dangerous anywhere else, said loudly at start. */
import type { Logger } from '../logging/logger.js';
import type { Settings } from './settings.js';

export function warnAboutOpenSettings(settings: Settings, logger: Logger): void {
  if (settings.anonymous) {
    logger.warn(
      { event: 'auth.anonymous' },
      'LOCAL ANONYMOUS MODE: MicrosoftAppId is empty, so requests are NOT authenticated. ' +
        'Never expose this instance to a network.',
    );
  }
  if (settings.allowedTenants.length === 0) {
    logger.warn(
      { event: 'tenants.any' },
      'ALLOWED_TENANTS is empty: activities from any tenant are served (development only).',
    );
  }
}
