/**
 * Names that SharePoint (and Windows, and the local folder) accept: no " * : < > ? / \ |, no control
 * characters, no leading or trailing dots or spaces, no reserved names (CON, PRN, AUX, NUL, COM1–9,
 * LPT1–9) and nothing starting with _vti_; the whole path stays under 400 characters.
 */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
export const MAX_PATH_LENGTH = 400;

export function safeName(name: string, fallback = 'namnlös'): string {
  let s = name
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/[/\\]/g, '-')
    .replace(/["*:<>?|#%]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (/^_vti_/i.test(s)) s = s.replace(/^_vti_/i, 'vti_');
  if (RESERVED.test(s)) s = `_${s}`;
  return s || fallback;
}

/** Shortens the folder so that `<root>/<year>/<folder>/<file>` stays under the limit. */
export function fitPath(root: string, year: string, folder: string, file: string): { folder: string; file: string } {
  const fixed = `${root}/${year}//`.length;
  let f = folder;
  let n = file;
  if (fixed + f.length + n.length > MAX_PATH_LENGTH)
    f = safeName(f.slice(0, Math.max(20, MAX_PATH_LENGTH - fixed - n.length)));
  if (fixed + f.length + n.length > MAX_PATH_LENGTH) {
    const ext = n.slice(n.lastIndexOf('.'));
    n = safeName(n.slice(0, MAX_PATH_LENGTH - fixed - f.length - ext.length)) + ext;
  }
  return { folder: f, file: n };
}

/** "<stem> (2).<ext>": the name for a new file when the first is taken by a different document. */
export function versionedName(file: string, n: number): string {
  const dot = file.lastIndexOf('.');
  return dot > 0 ? `${file.slice(0, dot)} (${n})${file.slice(dot)}` : `${file} (${n})`;
}
