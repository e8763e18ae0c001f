/**
 * Where approved answers are filed: a SharePoint library through Graph, or (the embedded default) a local
 * folder with the same layout. Filing is exactly-once: a file already there with the same content is the
 * same filing; a different file of that name is never overwritten.
 */
export interface FilingRequest {
  /** `<year of approval>/<dnr> <titel>/<file>`, names already made safe. */
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
