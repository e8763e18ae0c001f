/**
 * SharePoint as the bot holds it: the Graph client and the Azure identity libraries are loaded when SharePoint
 * is first used, not at start, so the bot's memory at rest does not carry them.
 */
import type { Settings, SharePointSettings } from '../../config/settings.js';
import type { OrganisationDirectory } from '../../domain/organisations.js';
import type { DocumentArchive, PdfConverter } from '../../features/filing/archive.js';
import type { Logger } from '../../logging/logger.js';
import type { RemissRepository } from '../../register/remissRepository.js';
import type { UploadTuning } from './sharePoint.js';

export interface SharePointServices {
  archive: DocumentArchive & PdfConverter;
  register?: RemissRepository;
}

export function sharePointOnFirstUse(
  settings: Settings & { sharePoint: SharePointSettings },
  organisations: OrganisationDirectory,
  logger: Logger,
  tuning: UploadTuning = {},
): SharePointServices {
  let connected: ReturnType<typeof import('./sharePoint.js').connectSharePoint> | undefined;
  const sp = () => {
    // Loaded on first use, with a CommonJS require (jest runs no ESM).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    connected ??= (require('./sharePoint.js') as typeof import('./sharePoint.js')).connectSharePoint(
      settings,
      organisations,
      logger,
      tuning,
    );
    return connected;
  };
  const register = () => sp().register!;
  return {
    archive: {
      file: (request) => sp().archive.file(request),
      setStatus: (file, status) => sp().archive.setStatus(file, status),
      toPdf: (docx, filed) => sp().archive.toPdf(docx, filed),
    },
    register: settings.sharePoint.remissList
      ? {
          listAll: () => register().listAll(),
          listOpen: () => register().listOpen(),
          get: (dnr) => register().get(dnr),
          save: (remiss, version) => register().save(remiss, version),
        }
      : undefined,
  };
}
