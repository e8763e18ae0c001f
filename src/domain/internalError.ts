/**
 * Failures that are nobody's input error but a broken assumption (a setting combination the schema let through,
 * a tuning value, a calendar gap): thrown with a stable code, which the log carries; never shown to a user.
 */
export const INTERNAL_ERRORS = {
  /** REMISS_SOURCE=sharepoint without the list's name reached the register. */
  REGISTER_LIST_MISSING: 'REMISS_SOURCE=sharepoint needs SHAREPOINT_REMISS_LIST',
  /** Graph takes upload slices in multiples of 320 KiB only. */
  UPLOAD_SLICE_INVALID: 'sliceBytes must be a multiple of 320 KiB',
  /** Every numbered variant of a file name is taken by other documents in the library folder. */
  FILE_NAMES_EXHAUSTED: 'Too many files with the same name in the library folder',
  /** A calendar date without a Stockholm midnight (cannot happen with the IANA rules for Europe/Stockholm). */
  NO_STOCKHOLM_MIDNIGHT: 'No Stockholm midnight for the date',
  /** The store was asked for an empty key. */
  STORE_KEY_EMPTY: 'Empty store key',
} as const;

export type InternalErrorCode = keyof typeof INTERNAL_ERRORS;

export class InternalError extends Error {
  constructor(
    readonly code: InternalErrorCode,
    detail?: string,
  ) {
    super(detail ? `${INTERNAL_ERRORS[code]} (${detail})` : INTERNAL_ERRORS[code]);
    this.name = 'InternalError';
  }
}
