/** The records filing keeps, and their store keys under the prefixes the feature declares (index.ts). */
import type { RecordStore } from '../../storage/store.js';
import type { FiledFile } from './archive.js';
import { FILING_PREFIXES } from './index.js';

/** One approved version of one remiss: what a filing job, the registrator's card and its verb name. */
export interface FiledVersion {
  dnr: string;
  version: number;
}

/** Where a version was filed; each file is recorded as soon as it is known, `done` once all is told. */
export interface FilingRecord {
  schemaVersion: 1;
  dnr: string;
  version: number;
  docx?: FiledFile;
  pdf?: FiledFile;
  done?: string;
}

/** Who pressed "Registrerad och skickad" for a version, and when: the first press only. */
export interface Registration {
  schemaVersion: 1;
  by: string;
  at: string;
}

/** The PDF of a version, base64, kept so that a retried filing files the very same bytes. */
export interface KeptPdf {
  schemaVersion: 1;
  base64: string;
}

export const filingKey = ({ dnr, version }: FiledVersion): string => `${FILING_PREFIXES.filings}${dnr}/v${version}`;

export const pdfKey = ({ dnr, version }: FiledVersion): string => `${FILING_PREFIXES.pdfs}${dnr}/v${version}`;

export const registrationKey = ({ dnr, version }: FiledVersion): string =>
  `${FILING_PREFIXES.registrations}${dnr}/v${version}`;

/** The filed .docx of a version, as its filing recorded it (undefined until it is filed). */
export async function filedDocxOf(store: RecordStore, filed: FiledVersion): Promise<FiledFile | undefined> {
  return (await store.get<FilingRecord>(filingKey(filed)))?.value.docx;
}
