/**
 * Chooses the register from the settings: the local one in the bot's storage, or the SharePoint list
 * (REMISS_SOURCE=sharepoint). The bot and the import CLI both call this, so they always use the same one.
 */
import type { Settings } from '../config/settings.js';
import type { OrganisationDirectory } from '../domain/organisations.js';
import { sharePointOnFirstUse, type SharePointServices } from '../integrations/graph/sharePointOnFirstUse.js';
import type { Logger } from '../logging/logger.js';
import type { RecordStore } from '../storage/store.js';
import { LocalRemissRepository } from './localRemissRepository.js';
import type { RemissRepository } from './remissRepository.js';
import { InternalError } from '../domain/internalError.js';

/** The organisations are read only for the SharePoint list (its column mapping); the local register needs none. */
export function createRegister(
  settings: Settings,
  organisations: () => OrganisationDirectory,
  store: RecordStore,
  logger: Logger,
  sharePoint?: SharePointServices,
  clock?: () => Date,
): RemissRepository {
  if (settings.REMISS_SOURCE !== 'sharepoint' || !settings.sharePoint) return new LocalRemissRepository(store, clock);
  const register = (
    sharePoint ?? sharePointOnFirstUse({ ...settings, sharePoint: settings.sharePoint }, organisations(), logger)
  ).register;
  if (!register) throw new InternalError('REGISTER_LIST_MISSING');
  return register;
}
