/** Where approved answers are filed: SharePoint through Graph when configured, else the local folder. */
import path from 'node:path';
import type { Settings } from '../config/settings.js';
import type { DocumentArchive, PdfConverter } from '../features/filing/archive.js';
import { LocalFolderArchive } from '../features/filing/localFolderArchive.js';
import type { SharePointServices } from './graph/sharePointOnFirstUse.js';
import { LibreOfficePdf } from './libreOfficePdf.js';

export function filingTarget(
  settings: Settings,
  sharePoint: SharePointServices | undefined,
): { archive: DocumentArchive; pdf: PdfConverter } {
  if (!sharePoint)
    return {
      archive: new LocalFolderArchive(settings.FILING_DIR ?? path.join(settings.DATA_DIR, 'arkiv')),
      pdf: new LibreOfficePdf(),
    };
  return { archive: sharePoint.archive, pdf: sharePoint.archive };
}
