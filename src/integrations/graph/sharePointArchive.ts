/**
 * Files approved answers in a SharePoint document library through Microsoft Graph, and makes their PDFs with
 * Graph's own conversion (App Service has no LibreOffice).
 *
 * Nothing is ever overwritten: every upload says `@microsoft.graph.conflictBehavior=fail`. On a 409 name clash
 * the existing file is compared with ours: the same bytes mean this filing already happened (a retried job);
 * otherwise ours takes the next versioned name.
 */
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  LargeFileUploadTask,
  ResponseType,
  type Client,
  type LargeFileUploadSession,
} from '@microsoft/microsoft-graph-client';
import { fitPath, versionedName } from '../../domain/filingNames.js';
import type { LibraryColumns } from '../../domain/organisation.js';
import {
  metadataRefusalLog,
  type DocumentArchive,
  type FiledFile,
  type FilingRequest,
  type PdfConverter,
} from '../../features/filing/archive.js';
import type { Logger } from '../../logging/logger.js';
import { graphFailure } from './graphClient.js';
import type { SiteResolver } from './siteResolver.js';
import { InternalError } from '../../domain/internalError.js';

/** Graph's limit for a simple PUT; larger files go through an upload session. */
const SIMPLE_UPLOAD_LIMIT = 4 * 1024 * 1024;
/** Upload-session slices must be a multiple of 320 KiB and under 60 MiB; 5 MiB is Microsoft's advice. */
export const SLICE_UNIT = 320 * 1024;
const DEFAULT_SLICE = 16 * SLICE_UNIT;
/** Attempts at one upload session (resumes and restarts) before the job is left to the outbox's retry. */
const UPLOAD_ATTEMPTS = 6;

type MetadataRefusal = Pick<FiledFile, 'missingColumn' | 'metadataRefused'>;

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface DriveItem {
  id: string;
  name: string;
  webUrl: string;
  size?: number;
}

export interface SharePointArchiveOptions {
  site: SiteResolver;
  library: string;
  columns: LibraryColumns;
  logger: Logger;
  /** Slice size for upload sessions, a multiple of 320 KiB (tests use one unit to get many slices). */
  sliceBytes?: number;
  /** Files above this size use an upload session (tests lower it). */
  simpleUploadLimit?: number;
}

/** The library named in SHAREPOINT_LIBRARY is not on the site: an admin must fix the setting. */
export class LibraryNotFoundError extends Error {
  readonly code = 'SHAREPOINT_LIBRARY_NOT_FOUND';
}

export class SharePointArchive implements DocumentArchive, PdfConverter {
  private drive?: Promise<string>;
  private readonly sliceBytes: number;
  private readonly simpleUploadLimit: number;

  constructor(
    private readonly client: Client,
    private readonly options: SharePointArchiveOptions,
  ) {
    this.sliceBytes = options.sliceBytes ?? DEFAULT_SLICE;
    if (this.sliceBytes % SLICE_UNIT !== 0) throw new InternalError('UPLOAD_SLICE_INVALID');
    this.simpleUploadLimit = options.simpleUploadLimit ?? SIMPLE_UPLOAD_LIMIT;
  }

  async file(request: FilingRequest): Promise<FiledFile> {
    const driveId = await this.driveId();
    const top = request.organisation ? [request.organisation, request.year] : [request.year];
    const root = [`/${this.options.library}`, ...top.slice(0, -1)].join('/');
    const { folder, file } = fitPath(root, request.year, request.folder, request.fileName);
    const hash = sha256(request.bytes);
    for (let n = 1; n < 100; n++) {
      const name = n === 1 ? file : versionedName(file, n);
      const itemPath = [...top, folder, name].map(encodeURIComponent).join('/');
      let item: DriveItem;
      try {
        item = await this.upload(driveId, itemPath, request.bytes, request.contentType);
      } catch (err) {
        if (graphFailure(err).code !== 'nameAlreadyExists') throw err;
        const existing = (await this.client
          .api(`/drives/${driveId}/root:/${itemPath}`)
          .select('id,name,webUrl,size')
          .get()) as DriveItem;
        if (!(await this.holds(driveId, existing, request.bytes, hash))) continue;
        item = existing;
      }
      const refused = await this.setMetadata(driveId, item.id, request.metadata);
      return { id: item.id, url: item.webUrl, hash, name: item.name, ...refused };
    }
    throw new InternalError('FILE_NAMES_EXHAUSTED');
  }

  async setStatus(file: FiledFile, status: string): Promise<void> {
    const driveId = await this.driveId();
    const refused = metadataRefusalLog(
      await this.patchFields(driveId, file.id, { [this.options.columns.Status]: status }),
    );
    // Retrying cannot mend the column: said in the log, and the registration goes on without it.
    if (refused)
      this.options.logger.warn(refused, 'the Status column was not set (npm run sharepoint:setup creates the columns)');
  }

  /** Graph converts the filed .docx itself: GET …/content?format=pdf answers with a redirect to the PDF. */
  async toPdf(_docx: Buffer, filedDocx: FiledFile): Promise<Buffer> {
    const driveId = await this.driveId();
    const pdf = (await this.client
      .api(`/drives/${driveId}/items/${filedDocx.id}/content`)
      .query({ format: 'pdf' })
      .responseType(ResponseType.ARRAYBUFFER)
      .get()) as ArrayBuffer;
    return Buffer.from(pdf);
  }

  /**
   * Sets the library's columns on the file's list item (internal names from the organisation's config); answers
   * what SharePoint refused for good, if anything.
   */
  private setMetadata(driveId: string, itemId: string, metadata: FilingRequest['metadata']): Promise<MetadataRefusal> {
    const { columns } = this.options;
    return this.patchFields(driveId, itemId, {
      [columns.Diarienummer]: metadata.Diarienummer,
      [columns.Remittent]: metadata.Remittent,
      // Noon UTC is the same calendar day in every time zone a site can have, so a date-only column shows it right.
      [columns.Svarsdatum]: `${metadata.Svarsdatum}T12:00:00Z`,
      [columns.Status]: metadata.Status,
    });
  }

  /**
   * PATCHes list item fields. A 400 is SharePoint refusing these values for good (a column the library lacks:
   * "Field 'X' is not recognized", or a value the column will not take), which no retry mends: answered, not
   * thrown. Anything else (throttling, 5xx, a revoked grant) is thrown for the outbox to retry.
   */
  private async patchFields(
    driveId: string,
    itemId: string,
    fields: Record<string, string | undefined>,
  ): Promise<MetadataRefusal> {
    try {
      await this.client.api(`/drives/${driveId}/items/${itemId}/listItem/fields`).patch(fields);
      return {};
    } catch (err) {
      const failure = graphFailure(err);
      if (failure.status !== 400) throw err;
      const column = /Field '([^']+)' is not recognized/.exec((err as Error).message)?.[1];
      return column ? { missingColumn: column } : { metadataRefused: failure.code ?? 'invalidRequest' };
    }
  }

  /** Whether an existing file is this filing's own: same size, then the same bytes. */
  private async holds(driveId: string, existing: DriveItem, bytes: Buffer, hash: string): Promise<boolean> {
    if (existing.size !== undefined && existing.size !== bytes.length) return false;
    const content = (await this.client
      .api(`/drives/${driveId}/items/${existing.id}/content`)
      .responseType(ResponseType.ARRAYBUFFER)
      .get()) as ArrayBuffer;
    return sha256(Buffer.from(content)) === hash;
  }

  private async upload(driveId: string, itemPath: string, bytes: Buffer, contentType: string): Promise<DriveItem> {
    if (bytes.length <= this.simpleUploadLimit) {
      return (await this.client
        .api(`/drives/${driveId}/root:/${itemPath}:/content`)
        .query({ '@microsoft.graph.conflictBehavior': 'fail' })
        .header('Content-Type', contentType)
        .put(bytes)) as DriveItem;
    }
    return this.uploadInSlices(driveId, itemPath, bytes);
  }

  /**
   * An upload session, sliced by the client's LargeFileUploadTask. The client does not retry slices: after a
   * broken one the task resumes from the range the session expects next, and a session that is gone (404) is
   * started again.
   */
  private async uploadInSlices(driveId: string, itemPath: string, bytes: Buffer): Promise<DriveItem> {
    const name = decodeURIComponent(itemPath.slice(itemPath.lastIndexOf('/') + 1));
    const newTask = async () => {
      const session: LargeFileUploadSession = await LargeFileUploadTask.createUploadSession(
        this.client,
        `/drives/${driveId}/root:/${itemPath}:/createUploadSession`,
        {
          item: { '@microsoft.graph.conflictBehavior': 'fail', name },
        },
      );
      return new LargeFileUploadTask(
        this.client,
        { content: bytes, name, size: bytes.length, sliceFile: (r) => bytes.subarray(r.minValue, r.maxValue + 1) },
        session,
        { rangeSize: this.sliceBytes },
      );
    };
    let task = await newTask();
    for (let attempt = 0; ; attempt++) {
      try {
        const result = attempt === 0 ? await task.upload() : await task.resume();
        return (result as { responseBody: DriveItem }).responseBody;
      } catch (err) {
        const failure = graphFailure(err);
        if (failure.code === 'nameAlreadyExists' || attempt + 1 >= UPLOAD_ATTEMPTS) throw err;
        this.options.logger.warn(
          {
            event: 'sharepoint.uploadSlice.failed',
            attempt,
            status: failure.status,
            code: failure.code,
            requestId: failure.requestId,
          },
          'an upload slice failed; resuming',
        );
        await sleep(Math.min(250 * 2 ** attempt, 4000));
        if (failure.status === 404 || failure.code === 'itemNotFound') task = await newTask();
      }
    }
  }

  /** The library's drive id, found once (site by id or URL, then the library by its name). */
  private driveId(): Promise<string> {
    this.drive ??= this.findDrive().catch((err: unknown) => {
      this.drive = undefined; // a passing failure must not stick
      throw err;
    });
    return this.drive;
  }

  private async findDrive(): Promise<string> {
    return findLibraryDrive(this.client, await this.options.site.siteId(), this.options.library);
  }
}

/** The document library's drive id by its name as SharePoint shows it (case and accents as written). */
export async function findLibraryDrive(client: Client, siteId: string, library: string): Promise<string> {
  const drives = (
    (await client.api(`/sites/${siteId}/drives`).select('id,name').get()) as { value: { id: string; name: string }[] }
  ).value;
  const drive = drives.find((d) => d.name.localeCompare(library, 'sv', { sensitivity: 'accent' }) === 0);
  if (!drive)
    throw new LibraryNotFoundError(
      `SHAREPOINT_LIBRARY "${library}" is not a document library on the site ` +
        `(found: ${drives.map((d) => d.name).join(', ') || 'none'})`,
    );
  return drive.id;
}
