/**
 * `npm run sharepoint:setup`, for filing: the document library's columns that every filed file is given
 * (Diarienummer, Remittent, Svarsdatum, Status, or the names the organisation file maps them to). Missing ones
 * are created; run again it changes nothing; a column there with another type is named and nothing is changed.
 * Creating columns is Manage Lists: the Sites.Selected grant `owner` (or `fullcontrol`), not `write`.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { LibraryColumns } from '../../domain/organisation.js';
import { compareColumns, definition, type Needed } from './remissListSetup.js';
import { findLibraryDrive } from './sharePointArchive.js';
import type { SiteResolver } from './siteResolver.js';

export type LibrarySetupOutcome =
  { outcome: 'ready'; created: string[] } | { outcome: 'differs'; differences: string[] };

export function neededLibraryColumns(c: LibraryColumns): Needed[] {
  return [
    { name: c.Diarienummer, kind: 'text', indexed: true },
    { name: c.Remittent, kind: 'text', indexed: false },
    { name: c.Svarsdatum, kind: 'dateTime', indexed: false },
    { name: c.Status, kind: 'choice', indexed: true },
  ];
}

export async function ensureLibraryColumns(
  client: Client,
  site: SiteResolver,
  library: string,
  columns: LibraryColumns,
): Promise<LibrarySetupOutcome> {
  const siteId = await site.siteId();
  const driveId = await findLibraryDrive(client, siteId, library);
  // A library is a list too; its columns are the list's (GET /drives/{id}/list).
  const listId = ((await client.api(`/drives/${driveId}/list`).select('id').get()) as { id: string }).id;
  const { missing, differences } = await compareColumns(client, siteId, listId, neededLibraryColumns(columns));
  if (differences.length) return { outcome: 'differs', differences };
  for (const column of missing) await client.api(`/sites/${siteId}/lists/${listId}/columns`).post(definition(column));
  return { outcome: 'ready', created: missing.map((c) => c.name) };
}
