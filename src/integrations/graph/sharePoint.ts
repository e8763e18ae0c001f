/**
 * Everything Remissbot does in SharePoint, on one Graph client and one site: the document library it files in,
 * and (REMISS_SOURCE=sharepoint) the list that holds the register.
 */
import type { Settings, SharePointSettings } from '../../config/settings.js';
import type { OrganisationDirectory } from '../../domain/organisations.js';
import type { Logger } from '../../logging/logger.js';
import { createGraphClient } from './graphClient.js';
import { createGraphCredential } from './graphCredential.js';
import { SharePointArchive, type SharePointArchiveOptions } from './sharePointArchive.js';
import { registerColumns } from './remissListMapping.js';
import { SharePointRemissRepository } from './sharePointRemissRepository.js';
import { SiteResolver } from './siteResolver.js';

export type UploadTuning = Pick<SharePointArchiveOptions, 'sliceBytes' | 'simpleUploadLimit'>;

export function connectSharePoint(
  settings: Settings & { sharePoint: SharePointSettings },
  organisations: OrganisationDirectory,
  logger: Logger,
  tuning: UploadTuning = {},
) {
  const { sharePoint } = settings;
  // The library's and the list's column names are the deployment's: the first organisation's (the only one, or the
  // kansli).
  const organisation = organisations.defaultOrganisation;
  const client = createGraphClient(
    createGraphCredential(sharePoint.credential, settings.AZURE_AUTHORITY_HOST),
    settings.GRAPH_BASE_URL,
    settings.OUTBOUND_TIMEOUT_SECONDS * 1000,
  );
  const site = new SiteResolver(client, sharePoint.site);
  return {
    client,
    site,
    archive: new SharePointArchive(client, {
      site,
      library: sharePoint.library,
      columns: organisation.libraryColumns,
      logger,
      ...tuning,
    }),
    register: sharePoint.remissList
      ? new SharePointRemissRepository(client, site, sharePoint.remissList, registerColumns(organisations), logger)
      : undefined,
  };
}
