/**
 * Where approved answers are filed: a SharePoint library through Graph, or (the embedded default) a local
 * folder with the same layout. Filing is exactly-once: a file already there with the same content is the
 * same filing; a different file of that name is never overwritten.
 */
export interface FilingRequest {
  /**
   * `[<organisation>/]<year of approval>/<dnr> <titel>/<file>`, names already made safe; the organisation's
   * folder only where the deployment has several.
   */
  organisation?: string;
  year: string;
  folder: string;
  fileName: string;
  bytes: Buffer;
  contentType: string;
  /** Column values (Diarienummer, Remittent, Svarsdatum, Status) where the archive has columns. */
  metadata: Record<string, string>;
}

export interface FiledFile {
  /** The archive's own id (a driveItem id, or the local path). */
  id: string;
  /** Where a person opens it. */
  url: string;
  hash: string;
  name: string;
  /**
   * A library column the archive refused as unknown (SharePoint: "Field 'X' is not recognized"): the file is
   * filed, its metadata is not, and retrying cannot help until an admin creates the column.
   */
  missingColumn?: string;
  /**
   * Graph's error code when the archive refused the column values for another lasting reason (a value the
   * column will not take, such as single-line text over 255 characters): filed all the same, never retried.
   */
  metadataRefused?: string;
}

/** The log fields for metadata the archive refused: an event, a stable code, the column or Graph's code, no value. */
export function metadataRefusalLog(
  file: Pick<FiledFile, 'missingColumn' | 'metadataRefused'>,
): Record<string, string> | undefined {
  if (file.missingColumn)
    return { event: 'filing.metadata.columnMissing', code: 'LIBRARY_COLUMN_MISSING', column: file.missingColumn };
  if (file.metadataRefused)
    return { event: 'filing.metadata.refused', code: 'LIBRARY_METADATA_REFUSED', graphCode: file.metadataRefused };
  return undefined;
}

export interface DocumentArchive {
  file(request: FilingRequest): Promise<FiledFile>;
  /** Updates the Status column of a filed file, where the archive has columns. */
  setStatus(file: FiledFile, status: string): Promise<void>;
}

/** Turns a .docx into a PDF (LibreOffice locally; in SharePoint, Graph's conversion of the filed .docx). */
export interface PdfConverter {
  toPdf(docx: Buffer, filedDocx: FiledFile): Promise<Buffer>;
}
